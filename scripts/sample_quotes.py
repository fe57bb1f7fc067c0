"""Draw a quote-attribution sample to label by hand, from dev clusters no sample used yet.

Each item is one quotation (a quoted span of two words or more, in a paragraph under 1,200
characters) with its passage: its paragraph and up to three before it, as the earlier
samples in tests/data/analysis were built. The speaker fields are left empty, for the
labeller to fill in by reading the passage, before any attribution output is looked at.

    python scripts/sample_quotes.py --data ../shared/data --count 150 --seed 14 \\
        --exclude tests/data/analysis/quote_gold*.jsonl --output blind.jsonl

Clusters named in any ``--exclude`` file (their "origin" field) are skipped, and each
cluster gives at most ``--per-cluster`` quotes, so that the sample spreads over many.

Once every dev cluster with a quote has been used, a sample can only come from clusters used
before: ``--reuse`` names gold files whose clusters may be drawn again, without the quotes
they already label (a quote starting where a labelled one does, or running over its start),
and ``--skip-named`` names any files (cases.json, tests/data/reader) whose cluster ids, named
anywhere in them, are skipped because their quotes were read while the rules were written:

    python scripts/sample_quotes.py --data ../shared/data --count 200 --seed 31 --prefix e \\
        --exclude tests/data/analysis/quote_gold.jsonl ... --reuse blind.jsonl blind2.jsonl \\
        --skip-named tests/data/analysis/cases.json tests/data/reader/*.jsonl --output out.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from newsweave.analyze.quotes import paragraphs, quote_spans
from newsweave.pipeline import load

MAX_PARAGRAPH = 1200
PARAGRAPHS_BEFORE = 3


def used_clusters(patterns: list[str]) -> set[str]:
    used: set[str] = set()
    for pattern in patterns:
        for path in Path().glob(pattern):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    used.add(json.loads(line)["origin"].split()[1])
    return used


def named_clusters(patterns: list[str]) -> set[str]:
    """Cluster ids (mn-dev-0004, wcep-0023) named anywhere in the files."""
    named: set[str] = set()
    for pattern in patterns:
        for path in Path().glob(pattern):
            named.update(re.findall(r"\b(?:mn-dev|wcep)-\d+\b", path.read_text(encoding="utf-8")))
    return named


def labelled_quotes(patterns: list[str]) -> dict[str, list[dict[str, object]]]:
    """The items of gold files, by their "origin" (dataset, cluster, article)."""
    out: dict[str, list[dict[str, object]]] = {}
    for pattern in patterns:
        for path in Path().glob(pattern):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    out.setdefault(item["origin"], []).append(item)
    return out


def _labelled(text: str, start: int, end: int, items: list[dict[str, object]]) -> bool:
    for item in items:
        at = text.find(str(item["passage"]))
        if at >= 0 and start <= at + int(str(item["quote_start"])) < end:
            return True
        if text[start:end].strip().startswith(str(item["quote"])[:40]):
            return True
    return False


def candidates(
    data: Path, used: set[str], labelled: dict[str, list[dict[str, object]]] | None = None
) -> list[dict[str, object]]:
    labelled = labelled or {}
    out: list[dict[str, object]] = []
    for name in ("multinews-dev.jsonl", "wcep-dev.jsonl"):
        for cluster in load([str(data / name)]).clusters:
            if cluster.id in used:
                continue
            for number, article in enumerate(cluster.articles):
                text = article.text
                paras = list(paragraphs(text))
                origin = f"{name.split('.')[0]} {cluster.id} article {number}"
                for span in quote_spans(text):
                    quoted = text[span.start : span.end].strip()
                    if (
                        len(quoted.split()) < 2
                        or span.paragraph_end - span.paragraph_start > MAX_PARAGRAPH
                        or _labelled(text, span.start, span.end, labelled.get(origin, []))
                    ):
                        continue
                    at = next(i for i, (a, _) in enumerate(paras) if a == span.paragraph_start)
                    first = paras[max(0, at - PARAGRAPHS_BEFORE)][0]
                    passage = text[first : span.paragraph_end]
                    out.append(
                        {
                            "origin": origin,
                            "passage": passage,
                            "quote_start": span.start - first,
                            "quote": quoted[:80],
                            "speaker": "",
                            "accept": [],
                            "note": "",
                        }
                    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-cluster", type=int, default=2)
    parser.add_argument("--prefix", default="b")
    parser.add_argument("--exclude", nargs="*", default=[])
    parser.add_argument("--reuse", nargs="*", default=[])
    parser.add_argument("--skip-named", nargs="*", default=[])
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    used = used_clusters(args.exclude) | named_clusters(args.skip_named)
    pool = candidates(args.data, used, labelled_quotes(args.reuse))
    random.Random(args.seed).shuffle(pool)
    chosen: list[dict[str, object]] = []
    per_cluster: dict[str, int] = {}
    for item in pool:
        cluster = str(item["origin"]).split()[1]
        if per_cluster.get(cluster, 0) >= args.per_cluster:
            continue
        per_cluster[cluster] = per_cluster.get(cluster, 0) + 1
        chosen.append(item)
        if len(chosen) == args.count:
            break
    with args.output.open("w", encoding="utf-8") as out:
        for n, item in enumerate(chosen, 1):
            record = {"id": f"{args.prefix}{n:03d}", **item}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} quotes from {len(per_cluster)} clusters -> {args.output}")


if __name__ == "__main__":
    main()
