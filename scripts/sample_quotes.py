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

WCEP articles mostly come as one long paragraph, so the samples above never drew their
quotes. ``--long-paragraphs`` draws only quotes in paragraphs over 1,200 characters, each
with a window of whole sentences (newsweave.segment) as its passage: up to four sentences
before the quote's first sentence, the sentences the quote spans and one after, widened so
that no other quote is cut in two, and kept only when the passage alone pairs the quote's
marks as the article does. ``--exclude-articles`` skips the articles (not the clusters) any
gold file names, ``--per-article`` caps the quotes an article gives, and the datasets take
turns in the draw, so that the few long-paragraph Multi-News quotes are not drowned out:

    python scripts/sample_quotes.py --data ../shared/data --count 180 --seed 41 --prefix f \\
        --long-paragraphs --exclude-articles tests/data/analysis/quote_gold*.jsonl \\
        --per-article 3 --per-cluster 6 --skip-named tests/data/analysis/cases.json \\
        tests/data/reader/*.jsonl --output out.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from newsweave.analyze.quotes import QuoteSpan, paragraphs, quote_spans
from newsweave.pipeline import load
from newsweave.segment import sentence_spans

MAX_PARAGRAPH = 1200
PARAGRAPHS_BEFORE = 3
# A long paragraph's window: sentences before the quote's first one, and after its last.
SENTENCES_BEFORE = 4
SENTENCES_AFTER = 1


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


def used_articles(patterns: list[str]) -> set[str]:
    """The "origin" fields (dataset, cluster, article) of the files' items."""
    return set(labelled_quotes(patterns))


def _window(text: str, span: QuoteSpan, spans: list[QuoteSpan]) -> tuple[int, int] | None:
    """(start, end) of whole sentences around ``span`` in its long paragraph, no other quote
    of which the window cuts in two; None when the sentences cannot be told apart."""
    base = span.paragraph_start
    sentences = [
        (base + a, base + b)
        for a, b in sentence_spans(text[span.paragraph_start : span.paragraph_end])
    ]
    if not sentences:
        return None

    def index(at: int) -> int:
        return next((i for i, (_, end) in enumerate(sentences) if at < end), len(sentences) - 1)

    first = max(0, index(span.open) - SENTENCES_BEFORE)
    last = min(len(sentences) - 1, index(max(span.open, span.end - 1)) + SENTENCES_AFTER)
    while True:
        start, end = sentences[first][0], sentences[last][1]
        cut = [s for s in spans if s.open < start < s.end or s.open < end < s.end]
        if not cut:
            return start, end
        wider = (
            min([first, *(index(s.open) for s in cut)]),
            max([last, *(index(max(s.open, s.end - 1)) for s in cut)]),
        )
        if wider == (first, last):
            return None  # a quote runs past the last sentence
        first, last = wider


def _labelled(text: str, start: int, end: int, items: list[dict[str, object]]) -> bool:
    for item in items:
        at = text.find(str(item["passage"]))
        if at >= 0 and start <= at + int(str(item["quote_start"])) < end:
            return True
        if text[start:end].strip().startswith(str(item["quote"])[:40]):
            return True
    return False


def _long_passage(text: str, span: QuoteSpan, spans: list[QuoteSpan]) -> tuple[int, int] | None:
    """(start, end) of the window of a quote in a long paragraph, or None when the window
    alone does not pair the quote's marks as the whole article does."""
    window = _window(text, span, [s for s in spans if s.paragraph_start == span.paragraph_start])
    if window is None:
        return None
    start, end = window
    alone = quote_spans(text[start:end])
    if not any(s.start == span.start - start and s.end == span.end - start for s in alone):
        return None
    return start, end


def candidates(
    data: Path,
    used: set[str],
    labelled: dict[str, list[dict[str, object]]] | None = None,
    long_paragraphs: bool = False,
    articles: set[str] | None = None,
) -> list[dict[str, object]]:
    """Quotes of clusters not in ``used`` and articles not in ``articles``: in paragraphs up
    to MAX_PARAGRAPH characters, or with ``long_paragraphs`` only in longer ones."""
    labelled = labelled or {}
    articles = articles or set()
    out: list[dict[str, object]] = []
    for name in ("multinews-dev.jsonl", "wcep-dev.jsonl"):
        for cluster in load([str(data / name)]).clusters:
            if cluster.id in used:
                continue
            for number, article in enumerate(cluster.articles):
                text = article.text
                paras = list(paragraphs(text))
                origin = f"{name.split('.')[0]} {cluster.id} article {number}"
                if origin in articles:
                    continue
                spans = quote_spans(text)
                for span in spans:
                    inside = text[span.start : span.end]
                    quoted = inside.strip()
                    long = span.paragraph_end - span.paragraph_start > MAX_PARAGRAPH
                    if (
                        len(quoted.split()) < 2
                        or long != long_paragraphs
                        or _labelled(text, span.start, span.end, labelled.get(origin, []))
                    ):
                        continue
                    if long:
                        window = _long_passage(text, span, spans)
                        if window is None:
                            continue
                        first, last = window
                    else:
                        at = next(i for i, (a, _) in enumerate(paras) if a == span.paragraph_start)
                        first, last = paras[max(0, at - PARAGRAPHS_BEFORE)][0], span.paragraph_end
                    lead = len(inside) - len(inside.lstrip())  # quote_start at its first word
                    out.append(
                        {
                            "origin": origin,
                            "passage": text[first:last],
                            "quote_start": span.start + lead - first,
                            "quote": quoted[:80],
                            "speaker": "",
                            "accept": [],
                            "note": "",
                        }
                    )
    return out


def _by_turns(pool: list[dict[str, object]]) -> list[dict[str, object]]:
    """The pool with its datasets taking turns, each in the (shuffled) order it had."""
    datasets: dict[str, list[dict[str, object]]] = {}
    for item in pool:
        datasets.setdefault(str(item["origin"]).split()[0], []).append(item)
    queues = list(datasets.values())
    out: list[dict[str, object]] = []
    for n in range(max((len(q) for q in queues), default=0)):
        out.extend(q[n] for q in queues if n < len(q))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-cluster", type=int, default=2)
    parser.add_argument("--per-article", type=int, default=0, help="0: no cap")
    parser.add_argument("--long-paragraphs", action="store_true")
    parser.add_argument("--exclude-articles", nargs="*", default=[])
    parser.add_argument("--prefix", default="b")
    parser.add_argument("--exclude", nargs="*", default=[])
    parser.add_argument("--reuse", nargs="*", default=[])
    parser.add_argument("--skip-named", nargs="*", default=[])
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    used = used_clusters(args.exclude) | named_clusters(args.skip_named)
    pool = candidates(
        args.data,
        used,
        labelled_quotes(args.reuse),
        long_paragraphs=args.long_paragraphs,
        articles=used_articles(args.exclude_articles),
    )
    random.Random(args.seed).shuffle(pool)
    if args.long_paragraphs:
        pool = _by_turns(pool)
    chosen: list[dict[str, object]] = []
    per_cluster: dict[str, int] = {}
    per_article: dict[str, int] = {}
    for item in pool:
        origin = str(item["origin"])
        cluster = origin.split()[1]
        if per_cluster.get(cluster, 0) >= args.per_cluster or (
            args.per_article and per_article.get(origin, 0) >= args.per_article
        ):
            continue
        per_cluster[cluster] = per_cluster.get(cluster, 0) + 1
        per_article[origin] = per_article.get(origin, 0) + 1
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
