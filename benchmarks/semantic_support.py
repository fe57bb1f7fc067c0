"""Would the semantic encoder count more outlets behind a paraphrased fact?

A brief's support counts (and its redundancy check) decide that two sentences state the
same fact when their content-term sets overlap enough (``summarize.picks.SAME_FACT``,
Ochiai ≥ 0.5). Outlets paraphrase: "Robert Mueller impanels grand jury in Russia probe"
and "US grand jury impaneled for Russia probe" share three of their content terms. This
measures, on real cross-outlet paraphrases, how many such pairs the lexical rule finds
and how many an embedding cosine (or both together) would find at the same rate of false
matches:

* same fact: two headlines of one WCEP dev event from different outlets, and the two
  articles' first sentences (their leads);
* different facts: every pair of headlines (or leads) of two different events.

The cosine threshold is set on the even-numbered events so that it matches no more
different-fact pairs than the lexical rule, and scored on the odd ones (and the reverse).

    PYTHONPATH=src python -m benchmarks.semantic_support [--data DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools

import numpy as np

from benchmarks._stream_data import base_parser, data_dir, machine
from benchmarks.dated_stream import cleaned_events
from benchmarks.semantic_candidates import CROSS_LINGUAL
from newsweave.embed import get_encoder
from newsweave.model import Article
from newsweave.segment import split_sentences
from newsweave.summarize.picks import SAME_FACT, overlap
from newsweave.tokens import content_terms

Texts = list[tuple[str, str]]  # (event, text)


def _lead(article: Article) -> str:
    sentences = split_sentences(article)
    return sentences[0].text if sentences else article.text


def _pairs(texts: Texts, events: set[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    chosen = [i for i, (e, _) in enumerate(texts) if e in events]
    same, other = [], []
    for i, j in itertools.combinations(chosen, 2):
        (same if texts[i][0] == texts[j][0] else other).append((i, j))
    return same, other


def _rates(hit: np.ndarray, same: int) -> tuple[float, float]:
    return float(hit[:same].mean()) if same else 0.0, float(hit[same:].mean())


def run(args: argparse.Namespace) -> str:
    encoder = get_encoder()
    lines = [
        "## Support counting: paraphrased facts across outlets",
        "",
        f"{dt.date.today().isoformat()}; {machine()}.",
        "",
        "`python -m benchmarks.semantic_support`. Pairs of headlines (and of first "
        "sentences) of one WCEP dev event from different outlets state the same fact; pairs "
        "from different events do not. Found = share of same-fact pairs a rule matches; "
        "false = share of different-fact pairs it matches. The summarizer's rule is "
        f"content-term Ochiai ≥ {SAME_FACT}; the cosine threshold is set on one half of the "
        "events to match no more different-fact pairs than that rule, and scored on the "
        "other half (half 0 / half 1).",
        "",
    ]
    if encoder is None:
        return "\n".join([*lines, "The semantic extra is not installed: nothing measured.", ""])
    events = cleaned_events(data_dir(args) / "wcep-dev.jsonl")
    shared = {k: v for k, v in events.items() if len(v) > 1}
    keys = list(events)
    halves = [set(keys[0::2]), set(keys[1::2])]
    lines += [
        "| texts | half | same-fact pairs | Ochiai ≥ 0.5 found | false | cosine ≥ t found | "
        "false | t | either found | false |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, pick in (("headlines", lambda a: a.title), ("first sentences", _lead)):
        texts: Texts = [(k, pick(a)) for k, arts in events.items() for a in arts]
        terms = [frozenset(content_terms(t)) for _, t in texts]
        vectors = encoder.encode([t for _, t in texts])
        thresholds = []
        for h in (0, 1):
            same, other = _pairs(texts, halves[h])
            pairs = same + other
            lexical = np.array([overlap(terms[i], terms[j]) >= SAME_FACT for i, j in pairs])
            cosine = np.array([float(vectors[i] @ vectors[j]) for i, j in pairs])
            false_rate = lexical[len(same) :].mean()
            # The cosine whose false-match rate on this half equals the lexical rule's.
            thresholds.append(float(np.quantile(cosine[len(same) :], 1.0 - false_rate)))
        for h in (0, 1):
            t = thresholds[1 - h]  # set on the other half
            same, other = _pairs(texts, halves[h])
            pairs = same + other
            lexical = np.array([overlap(terms[i], terms[j]) >= SAME_FACT for i, j in pairs])
            semantic = np.array([float(vectors[i] @ vectors[j]) >= t for i, j in pairs])
            found_l, false_l = _rates(lexical, len(same))
            found_s, false_s = _rates(semantic, len(same))
            found_e, false_e = _rates(lexical | semantic, len(same))
            lines.append(
                f"| {label} | {h} | {len(same)} | {found_l:.0%} | {false_l:.3%} | "
                f"{found_s:.0%} | {false_s:.3%} | {t:.2f} | {found_e:.0%} | {false_e:.3%} |"
            )
    lines += [
        "",
        f"{sum(len(v) for v in shared.values())} articles of {len(shared)} multi-article "
        f"events give the same-fact pairs; encoder {encoder.name}.",
        "",
        *cross_lingual_clustering(),
    ]
    return "\n".join(lines)


def cross_lingual_clustering() -> list[str]:
    """The constructed cross-lingual case (four events, each headline in four languages,
    all on one day) clustered as a headline stream, with and without the encoder."""
    from newsweave.clean import clean_document
    from newsweave.cluster import EventClusterer
    from newsweave.evaluation.cluster_metrics import score_clustering
    from newsweave.model import RawDocument

    day = dt.date(2017, 6, 1)
    items = [(event, text) for event, versions in CROSS_LINGUAL.items() for text in versions]
    articles = [clean_document(RawDocument(f"x{i}", "", title=t, published=day))
                for i, (_, t) in enumerate(items)]  # fmt: skip
    truth = {a.id: e for a, (e, _) in zip(articles, items, strict=True) if isinstance(a, Article)}
    rows = []
    for label, encoder in (("lexical only", None), ("with the encoder", get_encoder())):
        clusterer = EventClusterer(deduplicate=False, encoder=encoder)
        events = [c for a in articles if isinstance(a, Article) for c in clusterer.add(a)]
        events += clusterer.close_all()
        predicted = {a.id: n for n, c in enumerate(events) for a in c.articles}
        s = score_clustering(truth, predicted)
        rows.append(f"| {label} | {s.predicted_clusters} | {s.precision:.3f} | {s.recall:.3f} "
                    f"| **{s.f1:.3f}** |")  # fmt: skip
    return [
        "Cross-lingual clustering: the constructed case of `semantic_candidates.CROSS_LINGUAL` "
        f"({len(CROSS_LINGUAL)} events, each headline in English, French, Spanish and German, "
        "one day) as a headline stream; a perfect clustering has 4 events.",
        "",
        "| clusterer | events | B³ P | R | **F1** |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]


if __name__ == "__main__":
    print(run(base_parser(__doc__.splitlines()[0]).parse_args()))
