"""Reading order of briefs against the order of the human references (Multi-News dev).

ROUGE-1/2 do not see the order of a brief's sentences; a reader does. The Multi-News
references are written as news stories, core news first, so their order is a fair target:
each brief sentence is matched to the reference sentence it shares most content words with
(Ochiai overlap of content terms, at least 0.1, else it is left out), and the brief's order
is compared with the order of those reference sentences by Kendall's tau (1: same order, -1:
reversed). "Lead" is the share of briefs whose first sentence matches the earliest reference
sentence any of its sentences matches.

The sentences are the same for every order (the default summarizer's choice); only their
order differs: the order the briefs had before issue 14 (article date, article order,
position), inverted-pyramid position alone (sentence index in its article, the more central
article first), and the order the briefs have now (``summarize.order.reading_order``: the
headline's sentence first, then position, one article's consecutive sentences together,
back-references after what they refer to). Both halves of the set are shown (first and
second 125 clusters).
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks._common import stamp
from newsweave.config import Budget
from newsweave.pipeline import load
from newsweave.segment import SegmentedCluster, sentence_spans
from newsweave.summarize import get_summarizer
from newsweave.summarize.concepts import article_agreement
from newsweave.summarize.order import reading_order
from newsweave.summarize.picks import Pick, chronological, overlap, pick_text
from newsweave.tokens import content_terms

NAME = "reading_order"
TITLE = "reading order against the references"
MIN_MATCH = 0.1
BUDGETS = (100, 228)  # the digest's brief, and the Multi-News reference length


def position_order(doc: SegmentedCluster, picks: Sequence[Pick]) -> list[Pick]:
    agreement = article_agreement(doc)

    def key(pick: Pick) -> tuple[int, float, int]:
        sentence = doc.sentences[pick.index]
        return (sentence.index, -agreement[sentence.article_id], pick.index)

    return sorted(picks, key=key)


ORDERS: dict[str, Callable[[SegmentedCluster, Sequence[Pick]], list[Pick]]] = {
    "before issue 14 (date, article, position)": chronological,
    "position in the article": position_order,
    "now (lead first, reading_order)": reading_order,
}


def matched_positions(reference: str, texts: list[str]) -> list[int]:
    sentences = [reference[a:b] for a, b in sentence_spans(reference)]
    terms = [frozenset(content_terms(s)) for s in sentences]
    out = []
    for text in texts:
        own = frozenset(content_terms(text))
        scores = [overlap(own, t) for t in terms]
        if scores and max(scores) >= MIN_MATCH:
            out.append(max(range(len(scores)), key=lambda i: (scores[i], -i)))
    return out


def kendall(positions: list[int]) -> float | None:
    concordant = discordant = 0
    for i in range(len(positions)):
        for j in range(i + 1, len(positions)):
            if positions[i] < positions[j]:
                concordant += 1
            elif positions[i] > positions[j]:
                discordant += 1
    pairs = concordant + discordant
    return (concordant - discordant) / pairs if pairs else None


def run(args: argparse.Namespace) -> str:
    path = Path(args.data_dir) / "multinews-dev.jsonl"
    clusters = [c for c in load([str(path)]).clusters if c.reference]
    if args.limit:
        clusters = clusters[: args.limit]
    half = len(clusters) // 2
    summarizer = get_summarizer("default")
    # (budget, order) -> [(cluster number, tau, lead)]
    found: dict[tuple[int, str], list[tuple[int, float | None, float | None]]] = {}
    for number, cluster in enumerate(clusters):
        doc = SegmentedCluster.from_cluster(cluster)
        for words in BUDGETS:
            picks = summarizer.select(doc, Budget(words=words))
            for name, order in ORDERS.items():
                texts = [pick_text(doc, p) for p in order(doc, picks)]
                positions = matched_positions(cluster.reference or "", texts)
                lead = float(positions[0] == min(positions)) if positions else None
                found.setdefault((words, name), []).append((number, kendall(positions), lead))

    def mean(rows: list[tuple[int, float | None, float | None]], at: int, part: range) -> str:
        values = [r[at] for r in rows if r[0] in part and r[at] is not None]
        return f"{statistics.fmean(v for v in values if v is not None):.3f}" if values else "–"

    first, second = range(half), range(half, len(clusters))
    lines = [
        f"## Reading order against the references ({len(clusters)} Multi-News dev clusters)",
        "",
        stamp(args),
        "",
        "| budget | order | tau | tau, 1st half | tau, 2nd half | lead | lead, 1st half "
        "| lead, 2nd half |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    everything = range(len(clusters))
    for (words, name), rows in found.items():
        cells = [mean(rows, 1, p) for p in (everything, first, second)]
        cells += [mean(rows, 2, p) for p in (everything, first, second)]
        lines.append(f"| {words} words | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from benchmarks._common import default_data_dir

    namespace = argparse.Namespace(data_dir=str(default_data_dir()), limit=None)
    print(run(namespace))
