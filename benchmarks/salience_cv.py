"""Learned sentence salience, cross-validated on the two halves of each dev set (issue 14).

A small model scores each sentence from features the summarizer has or can cheaply compute
(position, article agreement, centroid cosine, cross-article support, term spread, title
share, length, quotes, numbers, capitalised words, a leaning-back opening); it is fitted on
one half of a dev set and used on the other half, and the other way round (2-fold
cross-validation), so every figure below is held out. Labels come from the references at
training time only (a sentence's ROUGE-2 precision against its cluster's reference, or a
headline unit's ROUGE-1 + ROUGE-2 F1); the model sees no reference text when it scores.

* Briefs (Multi-News, 228 words): the score, as a unit bonus in the concept-coverage program
  (``bonus = beta x salience / mean salience x words x mean concept weight per word``), for a
  ridge regression and a small gradient-boosted model, beta 0.3 and 1.
* Headlines (WCEP, 28 words): the units the headline program chooses among (its own
  candidates, after pruning), reranked by a learned score (ridge on per-cluster centred
  ROUGE; pairwise logistic ranking), the chosen unit's ROUGE read from the units' table.

Nothing here is shipped: the outcome (docs/summarizer.md) is that no variant gains on both
halves. The module records the experiment so that it can be re-run.

    python -m benchmarks.salience_cv [--data DIR] [--limit N]
    python -m benchmarks --only salience_cv
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge

from benchmarks._common import default_data_dir, load_average, machine, utc_now
from newsweave.config import Budget
from newsweave.evaluation import Scorer, cut_to_words, make_system, read_dataset
from newsweave.evaluation.bootstrap import paired_test
from newsweave.segment import SegmentedCluster
from newsweave.summarize import brief, headline
from newsweave.summarize.concepts import article_agreement, position_vote
from newsweave.summarize.order import leans_back
from newsweave.summarize.picks import SAME_FACT, chronological, pick_text
from newsweave.summarize.units import Unit, content_sentences
from newsweave.summarize.weave import WeaveSummarizer
from newsweave.tokens import content_terms

NAME = "salience_cv"
TITLE = "learned sentence salience, cross-validated on both halves of each dev set"
BRIEFS, HEADLINES = "multinews-dev.jsonl", "wcep-dev.jsonl"
WORDS = {BRIEFS: 228, HEADLINES: 28}
BETAS = (0.3, 1.0)

FEATURES = (
    "position_vote",
    "log_position",
    "first_sentence",
    "relative_position",
    "log_article_sentences",
    "agreement",
    "centroid_cosine",
    "support",
    "term_spread",
    "title_share",
    "log_words",
    "quote",
    "digits",
    "capitalised_share",
    "leans_back",
    "log_articles",
)
_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”]")


def sentence_features(doc: SegmentedCluster, agreement: dict[str, float]) -> np.ndarray:
    """One row of ``FEATURES`` per sentence of ``doc``, from the cluster alone."""
    n = len(doc.sentences)
    out = np.zeros((n, len(FEATURES)))
    if n == 0:
        return out
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(doc.terms):
        for term in sorted(terms):
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    width = max(1, len(vocabulary))
    present = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, width))
    sizes = np.asarray(present.sum(axis=1)).ravel()
    order = {a.id: k for k, a in enumerate(doc.cluster.articles)}
    article_of = np.array([order[s.article_id] for s in doc.sentences])
    articles = len(order)
    article_sentences = np.bincount(article_of, minlength=articles)
    counts = np.zeros(width)
    for terms in doc.ordered_terms:
        for term in terms:
            counts[vocabulary[term]] += 1
    cosine = (present @ counts) / (np.sqrt(np.maximum(sizes, 1)) * (np.linalg.norm(counts) or 1))
    by_article = csr_matrix((np.ones(n), (article_of, np.arange(n))), shape=(articles, n))
    by_article = by_article @ present
    by_article.data[:] = 1.0
    frequency = np.asarray(by_article.sum(axis=0)).ravel()
    spread = (present @ (frequency - 1)) / np.maximum(sizes, 1) / max(1, articles - 1)
    support = np.zeros(n)
    if articles > 1:  # other articles with a sentence stating much the same (Ochiai)
        norms = np.sqrt(np.maximum(sizes, 1))
        ochiai = (present @ present.T).toarray() / np.outer(norms, norms)
        for k in range(articles):
            best = ochiai[:, article_of == k].max(axis=1)
            support += (best >= SAME_FACT) & (article_of != k)
        support /= articles - 1
    titles = {t for a in doc.cluster.articles for t in content_terms(a.title)}
    for i, sentence in enumerate(doc.sentences):
        text, terms, index = sentence.text, doc.terms[i], sentence.index
        tokens = text.split()
        out[i] = (
            position_vote(index),
            math.log1p(index),
            float(index == 0),
            index / max(1, article_sentences[article_of[i]]),
            math.log1p(article_sentences[article_of[i]]),
            agreement.get(sentence.article_id, 1.0),
            cosine[i],
            support[i],
            spread[i],
            len(terms & titles) / len(terms) if terms and titles else 0.0,
            math.log1p(len(tokens)),
            float(_QUOTE.search(text) is not None),
            min(3, len(_DIGIT.findall(text))) / 3,
            len(_CAPITALISED.findall(text)) / max(1, len(tokens)),
            float(leans_back(text)),
            math.log(articles),
        )
    return out


def _f1(match: int, predicted: int, target: int) -> float:
    return 0.0 if match == 0 else 2 * match / (predicted + target)


def _grams(tokens: Sequence[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    return Counter(tokens), Counter(itertools.pairwise(tokens))


def rouge12(tokens: Sequence[str], reference: Sequence[str]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 x100 on rouge-score's tokens (what ``newsweave eval`` reports)."""
    (u, b), (ru, rb) = _grams(tokens), _grams(reference)
    m1 = sum(min(v, ru[k]) for k, v in u.items())
    m2 = sum(min(v, rb[k]) for k, v in b.items())
    r2 = _f1(m2, max(0, len(tokens) - 1), max(0, len(reference) - 1))
    return 100 * _f1(m1, len(tokens), len(reference)), 100 * r2


@dataclass
class Item:
    """One cluster: its segmented view, reference, sentence features and labels."""

    id: str
    doc: SegmentedCluster
    reference: str
    features: np.ndarray
    label: np.ndarray  # per sentence: ROUGE-2 precision against the reference
    content: np.ndarray  # indices of content sentences


def read_items(path: Path, limit: int | None, scorer: Scorer) -> list[Item]:
    items = []
    for cluster in read_dataset(str(path), limit=limit).clusters:
        doc = SegmentedCluster.from_cluster(cluster)
        reference = cluster.reference or ""
        ref_bigrams = _grams(scorer.tokens(reference))[1]
        label = []
        for sentence in doc.sentences:
            tokens = scorer.tokens(sentence.text)
            bigrams = _grams(tokens)[1]
            match = sum(min(v, ref_bigrams[k]) for k, v in bigrams.items())
            label.append(match / max(1, len(tokens) - 1))
        items.append(
            Item(
                cluster.id,
                doc,
                reference,
                sentence_features(doc, article_agreement(doc)),
                np.asarray(label),
                np.asarray(content_sentences(doc)[0], dtype=int),
            )
        )
    return items


def halves(n: int) -> tuple[range, range]:
    """The clusters of ``newsweave eval --fold 1/2`` and ``2/2``."""
    first = n // 2 + n % 2
    return range(first), range(first, n)


Model = Callable[[], Any]
MODELS: dict[str, Model] = {
    "ridge": lambda: Ridge(alpha=1.0),
    "boosted trees": lambda: HistGradientBoostingRegressor(
        max_depth=3, max_iter=100, learning_rate=0.05, random_state=0
    ),
}


def cross_validated_salience(items: list[Item], make: Model) -> dict[str, np.ndarray]:
    """Per cluster, every sentence's score from the model fitted on the other half."""
    scores: dict[str, np.ndarray] = {}
    parts = halves(len(items))
    for train, test in ((parts[0], parts[1]), (parts[1], parts[0])):
        x = np.vstack([items[i].features[items[i].content] for i in train])
        y = np.concatenate([items[i].label[items[i].content] for i in train])
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        model = make().fit((x - mean) / scale, y)
        for i in test:
            scores[items[i].id] = model.predict((items[i].features - mean) / scale)
    return scores


@contextmanager
def brief_bonus(salience: dict[str, np.ndarray], beta: float) -> Iterator[None]:
    """The brief program with a salience bonus per unit (patched in, then restored)."""
    real_units, real_problem = brief.brief_units, brief.CoverageProblem
    seen: dict[str, Any] = {}

    def units(doc: SegmentedCluster, content: list[int]) -> list[Unit]:
        found = real_units(doc, content)
        seen.update(doc=doc, units=found)
        return found

    def problem(**fields: Any) -> Any:
        scores = salience[seen["doc"].cluster.id]
        unit_list: list[Unit] = seen["units"]
        raw = np.array([scores[u.index] for u in unit_list])
        raw = raw - raw.min() + 1e-3
        words = np.array([u.words for u in unit_list], dtype=float)
        per_word = sum(fields["weights"]) / max(1.0, words.sum())
        fields["bonus"] = list(beta * raw / raw.mean() * words * per_word)
        return real_problem(**fields)

    brief.brief_units, brief.CoverageProblem = units, problem  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        brief.brief_units, brief.CoverageProblem = real_units, real_problem  # type: ignore[misc]


def summarize_all(items: list[Item], words: int) -> list[list[str]]:
    summarizer = WeaveSummarizer()
    out = []
    for item in items:
        doc = SegmentedCluster(item.doc.cluster, item.doc.sentences)
        picks = chronological(doc, summarizer.select(doc, Budget(words=words)))
        out.append(cut_to_words([pick_text(doc, p) for p in picks], words))
    return out


def rouge_of(items: list[Item], summaries: list[list[str]], scorer: Scorer) -> np.ndarray:
    rows = []
    for item, summary in zip(items, summaries, strict=True):
        scores = scorer.score(item.reference, summary)
        rows.append((100 * scores.rouge1, 100 * scores.rouge2))
    return np.asarray(rows)


def lead_rouge(items: list[Item], words: int, scorer: Scorer) -> np.ndarray:
    lead = make_system("lead", scorer)
    summaries = [lead.run(item.doc, item.reference, words)[0] for item in items]
    return rouge_of(items, summaries, scorer)


def half_cells(scores: np.ndarray, base: np.ndarray, lead: np.ndarray) -> list[str]:
    """Per half: R1 / R2, the paired difference to ``base`` and to Lead (p)."""
    cells = []
    for part in halves(len(scores)):
        idx = np.asarray(part)
        mean = scores[idx].mean(axis=0)
        cells.append(f"{mean[0]:.2f} / {mean[1]:.2f}")
        for other in (base, lead):
            tests = [paired_test(scores[idx, m], other[idx, m]) for m in (0, 1)]
            cells.append(" / ".join(f"{t.difference:+.2f} ({t.p_value:.2f})" for t in tests))
    return cells


def _row(name: str, scores: np.ndarray, base: np.ndarray, lead: np.ndarray) -> str:
    return f"| {name} | " + " | ".join(half_cells(scores, base, lead)) + " |"


# Headlines: the program's own units, captured while it runs, with their held-out scores.


@dataclass
class HeadlineUnits:
    """A cluster's headline units: features, whether they fit, their ROUGE, the program's pick."""

    features: np.ndarray
    fits: np.ndarray
    rouge: np.ndarray  # (units, 2): R1, R2 F1 x100 of the unit cut to the budget
    chosen: int


def headline_units(items: list[Item], words: int, scorer: Scorer) -> list[HeadlineUnits | None]:
    real_pairs, real_solve = headline.same_fact_pairs, headline.solve
    captured: dict[str, Any] = {}

    def pairs(doc: SegmentedCluster, units: list[Unit]) -> dict[int, set[int]]:
        captured["units"] = units
        return real_pairs(doc, units)

    def solve(problem: Any) -> Any:
        captured["problem"], captured["solution"] = problem, real_solve(problem)
        return captured["solution"]

    headline.same_fact_pairs, headline.solve = pairs, solve  # type: ignore[assignment]
    out: list[HeadlineUnits | None] = []
    try:
        summarizer = WeaveSummarizer()
        for item in items:
            captured.clear()
            doc = SegmentedCluster(item.doc.cluster, item.doc.sentences)
            summarizer.select(doc, Budget(words=words))
            out.append(_unit_table(item, captured, words, scorer) if captured else None)
    finally:
        headline.same_fact_pairs, headline.solve = real_pairs, real_solve  # type: ignore[assignment]
    return out


def _unit_table(item: Item, captured: dict[str, Any], words: int, scorer: Scorer) -> Any:
    units: list[Unit] = captured["units"]
    problem, solution = captured["problem"], captured["solution"]
    if not solution.chosen:
        return None
    values = np.array([problem.value([k]) for k in range(len(units))])
    fits = np.array([u.words <= words for u in units])
    top = values[fits].max() if fits.any() else 1.0
    order = np.argsort(-np.where(fits, values, -1e9), kind="stable")
    rank = np.empty(len(units))
    rank[order] = np.arange(len(units))
    titles = {t for a in item.doc.cluster.articles for t in content_terms(a.title)}
    reference = scorer.tokens(item.reference)
    rows, rouge = [], []
    for k, unit in enumerate(units):
        terms = set(content_terms(unit.text))
        extra = (
            unit.words / words,
            float(unit.compression is not None),
            values[k] / max(top, 1e-9),
            math.log1p(rank[k]),
            len(terms & titles) / max(1, len(terms)),
            values[k] / max(1, unit.words) / max(top / words, 1e-9),
        )
        rows.append(np.concatenate([item.features[unit.index], extra]))
        rouge.append(rouge12(scorer.tokens(" ".join(unit.text.split()[:words])), reference))
    return HeadlineUnits(np.asarray(rows), fits, np.asarray(rouge), solution.chosen[0])


def _ridge_centred(train: list[HeadlineUnits]) -> Callable[[np.ndarray], np.ndarray]:
    x = np.vstack([t.features for t in train])
    y = np.concatenate([t.rouge.sum(axis=1) - t.rouge.sum(axis=1).mean() for t in train])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = Ridge(alpha=10.0).fit((x - mean) / scale, y)
    return lambda f: np.asarray(model.predict((f - mean) / scale))


def _pairwise(train: list[HeadlineUnits]) -> Callable[[np.ndarray], np.ndarray]:
    diffs, labels = [], []
    for t in train:
        x, y = t.features[t.fits], t.rouge.sum(axis=1)[t.fits]
        for i in range(len(y)):
            for j in range(len(y)):
                if y[i] > y[j] + 1.0:  # a clear preference only
                    diffs += [x[i] - x[j], x[j] - x[i]]
                    labels += [1, 0]
    d = np.asarray(diffs)
    scale = d.std(axis=0) + 1e-9
    model = LogisticRegression(C=0.01, max_iter=3000, fit_intercept=False).fit(d / scale, labels)
    return lambda f: np.asarray((f / scale) @ model.coef_[0])


RERANKERS = {"ridge, per-cluster centred R1 + R2": _ridge_centred, "pairwise logistic": _pairwise}


def reranked(tables: list[HeadlineUnits | None], fit: Callable[..., Any]) -> np.ndarray:
    """ROUGE of the unit each held-out half's model prefers (the program's unit if none)."""
    chosen = [t.chosen if t else -1 for t in tables]
    parts = halves(len(tables))
    for train, test in ((parts[0], parts[1]), (parts[1], parts[0])):
        score = fit([tables[i] for i in train if tables[i] is not None])
        for i in test:
            t = tables[i]
            if t is not None and t.fits.any():
                chosen[i] = int(np.argmax(np.where(t.fits, score(t.features), -np.inf)))
    return _picked(tables, chosen)


def _picked(tables: list[HeadlineUnits | None], chosen: list[int]) -> np.ndarray:
    return np.asarray(
        [t.rouge[c] if t is not None else (0.0, 0.0) for t, c in zip(tables, chosen, strict=True)]
    )


def run(args: argparse.Namespace) -> str:
    started = time.time()
    data = Path(args.data) if args.data else default_data_dir()
    scorer = Scorer()
    head = "| variant | half 1 R1 / R2 | vs shipped (p) | vs Lead (p) | half 2 R1 / R2 "
    head += "| vs shipped (p) | vs Lead (p) |\n|---|---|---|---|---|---|---|"
    brief_rows = [head]
    items = read_items(data / BRIEFS, args.limit, scorer)
    words = WORDS[BRIEFS]
    lead = lead_rouge(items, words, scorer)
    base = rouge_of(items, summarize_all(items, words), scorer)
    brief_rows.append(_row("shipped (weave.v2)", base, base, lead))
    for name, make in MODELS.items():
        salience = cross_validated_salience(items, make)
        for beta in BETAS:
            with brief_bonus(salience, beta):
                scores = rouge_of(items, summarize_all(items, words), scorer)
            brief_rows.append(_row(f"{name}, bonus beta {beta}", scores, base, lead))
        print(f"{NAME}: briefs, {name} done", file=sys.stderr)
    head_rows = [head]
    items = read_items(data / HEADLINES, args.limit, scorer)
    words = WORDS[HEADLINES]
    tables = headline_units(items, words, scorer)
    lead = lead_rouge(items, words, scorer)
    base = _picked(tables, [t.chosen if t else -1 for t in tables])
    head_rows.append(_row("shipped (program's unit)", base, base, lead))
    best = [int(np.argmax(np.where(t.fits, t.rouge.sum(1), -1.0))) if t else -1 for t in tables]
    ceiling = _picked(tables, best)
    head_rows.append(_row("best unit by the reference (ceiling)", ceiling, base, lead))
    for name, fit in RERANKERS.items():
        head_rows.append(_row(name, reranked(tables, fit), base, lead))
    minutes = (time.time() - started) / 60
    return "\n".join(
        [
            "## Learned sentence salience, cross-validated on both halves of each dev set",
            "",
            f"Measured {utc_now()} on {machine()}, {minutes:.0f} min; load average at the end "
            f"{load_average()}. Every model is fitted on one half and scored on the other "
            "(2-fold); differences are paired bootstrap over the half's clusters (p two-sided). "
            "Halves: the clusters of `newsweave eval --fold 1/2`, `2/2`, at the whole set's "
            "budget; headline rows score each cluster's "
            "chosen unit directly (a cluster without a headline unit scores 0 in every row).",
            "",
            f"### Briefs: Multi-News dev at {WORDS[BRIEFS]} words, salience as a unit bonus",
            "",
            *brief_rows,
            "",
            f"### Headlines: WCEP dev at {WORDS[HEADLINES]} words, the program's units reranked",
            "",
            *head_rows,
            "",
        ]
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", help="folder with the dev sets (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=TITLE)
    add_arguments(parser)
    print(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
