"""Quote attribution against the hand-checked dev-set samples (tests/data/analysis/
quote_gold*.jsonl): a regression guard on precision, the figure the product promises.
benchmarks/quote_attribution.py reports the full numbers."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.analyze import resolve_quotes
from newsweave.analyze.names import surname_key
from newsweave.analyze.people import build_index
from newsweave.analyze.quotes import find_quotes, quote_spans
from newsweave.model import Article

GOLD = sorted((Path(__file__).parent / "data" / "analysis").glob("quote_gold*.jsonl"))


def attributed(item: dict[str, object]) -> str:
    article = Article(id=str(item["id"]), text=str(item["passage"]))
    index = build_index([article], {article.id: quote_spans(article.text)})
    start = int(str(item["quote_start"]))
    for resolved in resolve_quotes(find_quotes(article), index):
        if resolved.quote.span.start <= start < resolved.quote.span.end:
            return resolved.speaker
    return ""


def test_gold_samples_are_large_and_well_formed() -> None:
    items = [
        json.loads(line) for path in GOLD for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(items) >= 50
    for item in items:
        assert item["passage"][item["quote_start"] :].startswith(item["quote"])


def test_attribution_precision_on_gold() -> None:
    predicted = correct = with_speaker = 0
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            speaker = attributed(item)
            gold = [c for c in [item["speaker"], *item["accept"]] if c]
            with_speaker += bool(item["speaker"])
            if speaker:
                predicted += 1
                correct += any(surname_key(speaker) == surname_key(g) for g in gold)
    assert predicted and correct / predicted >= 0.9
    assert correct / with_speaker >= 0.6
