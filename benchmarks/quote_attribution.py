"""Quote attribution quality on a hand-checked sample of dev-set quotes.

The gold files (tests/data/analysis/quote_gold*.jsonl) hold quotations sampled at random
from the Multi-News and WCEP dev sets, each with the passage it appears in (its paragraph and
up to three before it) and the speaker a careful reader gives it, or "" for titles, scare
quotes and other quotations nobody is reported to have said.

Precision: of the quotes we attribute, the share attributed to the right speaker.
Recall: of the gold quotes that have a speaker, the share we attribute correctly.
A speaker matches when its last word matches the gold speaker's or an accepted variant's
("Assad" = "Bashar al-Assad", "an NBC spokesperson" = "spokesperson").

Run alone: ``PYTHONPATH=src python -m benchmarks.quote_attribution``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.analyze import quotes, resolve_quotes
from newsweave.analyze.names import surname_key
from newsweave.analyze.people import build_index
from newsweave.analyze.quotes import find_quotes, quote_spans
from newsweave.model import Article

NAME = "quote_attribution"
TITLE = "Quote attribution"
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "analysis"
# Three samples, each drawn at random and labelled by reading before our output on it was
# seen: "development" (rules were then refined on its errors), "held-out" (rules refined
# again on its errors) and "test" (labelled with the rules frozen: the honest number).
SAMPLES = {
    "development": DATA / "quote_gold.jsonl",
    "held-out": DATA / "quote_gold_heldout.jsonl",
    "test": DATA / "quote_gold_test.jsonl",
    # Issue 14: a fourth sample from clusters none of the above used, labelled, then the
    # rules refined on its errors and on a read-through of predictions on used clusters.
    "development 2": DATA / "quote_gold_dev2.jsonl",
    # Blind samples, drawn (scripts/sample_quotes.py) and labelled with the rules frozen,
    # scored once: "blind 1" at a188b1c, after which the rules were refined on its errors;
    # "blind 2" at 3d24a0e; "blind 3" at de1c3c5, the honest estimate of the rules as they
    # are. No dev cluster with a quote was left unused, so "blind 3" comes from the clusters
    # of blind 1 and 2 (never read through while rules were written), without the quotes
    # they label or the clusters cases.json and tests/data/reader name, at up to four a
    # cluster: blind to every quote in it, not to every article (the rules were refined on
    # blind 1's errors, and 61 of its 65 clusters are blind 1's).
    "blind 1": DATA / "quote_gold_blind.jsonl",
    "blind 2": DATA / "quote_gold_blind2.jsonl",
    "blind 3": DATA / "quote_gold_blind3.jsonl",
    # "blind 4": quotes of long paragraphs (WCEP gives an article as one), in articles no
    # other sample used, each with a window of whole sentences as its passage; labelled by
    # reading while the rules were refined on blind 3's errors (by someone who never saw
    # this file), then scored once at 7b96bd8.
    "blind 4": DATA / "quote_gold_blind4.jsonl",
    # "blind 5": 150 quotes of long WCEP paragraphs (seed 53) in articles no other sample
    # used (no Multi-News long-paragraph quote was left), labelled by reading only while
    # the rules were refined on blind 4's errors, then scored once at bd9d93c.
    "blind 5": DATA / "quote_gold_blind5.jsonl",
    # "blind 6": 75 short-paragraph Multi-News quotes (in articles no sample used, from
    # clusters earlier samples used through other articles) and 75 long-paragraph WCEP
    # quotes, seed 59, labelled by reading only; scored once at 98be0f7 (the rules of bd9d93c).
    "blind 6": DATA / "quote_gold_blind6.jsonl",
}
# What each blind sample scored the one time it was scored with the rules it was blind to.
FIRST_SCORES = {
    "blind 1": ("a188b1c", 150, 78, 69, 114),  # commit, quotes, attributed, correct, with speaker
    "blind 2": ("3d24a0e", 113, 61, 58, 89),
    "blind 3": ("de1c3c5", 200, 137, 123, 172),
    "blind 4": ("7b96bd8", 180, 112, 96, 162),
    "blind 5": ("bd9d93c", 150, 115, 101, 143),
    "blind 6": ("98be0f7", 150, 95, 87, 127),
}
# Constants of analyze/quotes and the values tried around each (the first is the one in use).
CONSTANTS = {
    "TAIL_WORDS": (16, 8, 12, 24),
    "SUBJECT_WORDS": (14, 8, 10, 20),
    "CLAUSE_WORDS": (30, 15, 20, 45),
    "SPLIT_WORDS": (8, 4, 12),
    "BETWEEN_WORDS": (16, 8, 24),
    "CONTINUED_WORDS": (4, 2, 6),
    "MAX_NAME_WORDS": (4, 3, 5),
    "TITLE_WORDS": (5, 3, 7),
    "TERM_WORDS": (4, 2, 6),
    "_MAX_APPOSITIVES": (3, 1, 5),
}


@dataclass(frozen=True)
class Scored:
    id: str
    gold: str
    predicted: str
    rule: str
    correct: bool


def matches(predicted: str, gold: str, accept: list[str]) -> bool:
    if not predicted or not gold:
        return False
    key = surname_key(predicted)
    return any(key == surname_key(c) for c in [gold, *accept] if c)


def attribute_one(item: dict[str, Any]) -> tuple[str, str]:
    """(speaker, rule) our analysis gives the gold quote, "" when none."""
    article = Article(id=item["id"], text=item["passage"])
    index = build_index([article], {article.id: quote_spans(article.text)})
    for resolved in resolve_quotes(find_quotes(article), index):
        span = resolved.quote.span
        if span.start <= item["quote_start"] < span.end:
            return resolved.speaker, resolved.quote.rule
    return "", "not found"


def score(path: Path) -> list[Scored]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        predicted, rule = attribute_one(item)
        gold = item["speaker"]
        out.append(
            Scored(item["id"], gold, predicted, rule, matches(predicted, gold, item["accept"]))
        )
    return out


def wilson(correct: float, total: float, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if not total:
        return 0.0, 0.0
    p = correct / total
    centre = p + z * z / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    scale = 1 + z * z / total
    return (centre - spread) / scale, (centre + spread) / scale


def _items() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in SAMPLES.values()
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def _score_items(items: list[dict[str, Any]]) -> list[Scored]:
    out = []
    for item in items:
        predicted, rule = attribute_one(item)
        out.append(
            Scored(
                item["id"],
                item["speaker"],
                predicted,
                rule,
                matches(predicted, item["speaker"], item["accept"]),
            )
        )
    return out


def sweep() -> list[str]:
    """Each constant of analyze/quotes at a few values, on two halves of every labelled
    quote (even and odd positions in each sample): the value in use should not be beaten on
    both halves."""
    items = _items()
    halves = (items[0::2], items[1::2])
    lines = [
        "| constant | value | half A precision | half A recall | half B precision "
        "| half B recall |",
        "|---|---|---|---|---|---|",
    ]
    for name, values in CONSTANTS.items():
        default = getattr(quotes, name)
        try:
            for value in values:
                setattr(quotes, name, value)
                cells = []
                for half in halves:
                    m = metrics(_score_items(half))
                    cells += [f"{m['precision']:.3f}", f"{m['recall']:.3f}"]
                mark = f"**{value}** (in use)" if value == default else str(value)
                lines.append(f"| `{name}` | {mark} | " + " | ".join(cells) + " |")
        finally:
            setattr(quotes, name, default)
    return lines


def metrics(scored: list[Scored]) -> dict[str, float]:
    attributed = [s for s in scored if s.predicted]
    with_speaker = [s for s in scored if s.gold]
    correct = sum(s.correct for s in scored)
    precision = correct / len(attributed) if attributed else 0.0
    recall = correct / len(with_speaker) if with_speaker else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "quotes": len(scored),
        "with_speaker": len(with_speaker),
        "attributed": len(attributed),
        "correct": correct,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _table(rows: list[tuple[str, dict[str, float]]]) -> list[str]:
    lines = [
        "| sample | quotes | with speaker | attributed | correct | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, m in rows:
        lines.append(
            f"| {name} | {m['quotes']:.0f} | {m['with_speaker']:.0f} | {m['attributed']:.0f} "
            f"| {m['correct']:.0f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"
        )
    return lines


def run(args: argparse.Namespace | None = None) -> str:
    scored = {name: score(path) for name, path in SAMPLES.items()}
    everything = [s for group in scored.values() for s in group]
    rows = [(name, metrics(group)) for name, group in scored.items()]
    rows.append(("all", metrics(everything)))
    rules = Counter(s.rule or "none" for s in everything if s.predicted)
    first = [
        "| blind sample | rules | quotes | with speaker | attributed | correct | precision "
        "(95% interval) | recall |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, (commit, quotes_n, attributed, correct, with_speaker) in FIRST_SCORES.items():
        low, high = wilson(correct, attributed)
        first.append(
            f"| {name} | {commit} | {quotes_n} | {with_speaker} | {attributed} | {correct} "
            f"| {correct / attributed:.3f} ({low:.3f}–{high:.3f}) "
            f"| {correct / with_speaker:.3f} |"
        )
    lines = [
        f"## {TITLE} (hand-checked dev-set samples)",
        "",
        "Each blind sample the one time it was scored, with the rules frozen before it was "
        "drawn and labelled:",
        "",
        *first,
        "",
        "Every sample with the rules as they are now (samples the rules were refined on score "
        "higher than they did when first seen):",
        "",
        *_table(rows),
        "",
        "Constants of `analyze/quotes.py` on the two halves of all labelled quotes "
        f"({len(everything)}; even and odd positions in each sample):",
        "",
        *sweep(),
        "",
        "Attributions by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()),
        "",
        "Errors and misses:",
        "",
    ]
    for s in everything:
        if s.correct or (not s.gold and not s.predicted):
            continue
        kind = "wrong" if s.predicted else "missed"
        gold = s.gold or "(no speaker)"
        lines.append(f"- {s.id} {kind}: gold {gold!r}, ours {s.predicted!r} ({s.rule or '-'})")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(argparse.Namespace()))
