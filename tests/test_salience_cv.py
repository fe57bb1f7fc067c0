"""The salience experiment (benchmarks/salience_cv.py) stays runnable and honest: features
come from the cluster alone and are deterministic, the cross-validated scores of a cluster
never come from a model that saw it, and the patched programs are restored afterwards."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from benchmarks.salience_cv import (
    FEATURES,
    MODELS,
    brief_bonus,
    cross_validated_salience,
    halves,
    headline_units,
    read_items,
    rouge12,
    sentence_features,
    summarize_all,
)

from newsweave.evaluation import Scorer
from newsweave.model import Cluster
from newsweave.segment import SegmentedCluster
from newsweave.summarize import brief, headline
from newsweave.summarize.concepts import article_agreement

QUALITY = Path(__file__).parent / "data" / "quality"


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def test_features_are_deterministic_and_read_the_cluster(example_cluster: Cluster) -> None:
    cluster = example_cluster
    doc = SegmentedCluster.from_cluster(cluster)
    x = sentence_features(doc, article_agreement(doc))
    again = SegmentedCluster.from_cluster(cluster)
    assert np.array_equal(x, sentence_features(again, article_agreement(again)))
    assert x.shape == (len(doc.sentences), len(FEATURES))
    assert np.isfinite(x).all()
    first = x[:, FEATURES.index("first_sentence")]
    assert first.sum() == len(cluster.articles)  # one first sentence per article
    support = x[:, FEATURES.index("support")]
    assert 0 < support.max() <= 1  # four outlets on one event restate each other
    assert x[:, FEATURES.index("log_articles")].min() == pytest.approx(np.log(4))


def test_rouge12_matches_the_scorer(scorer: Scorer) -> None:
    reference = "Assad ruled out any truce in Aleppo on Thursday."
    summary = "Syria's Assad ruled out a truce in Aleppo."
    r1, r2 = rouge12(scorer.tokens(summary), scorer.tokens(reference))
    expected = scorer.score(reference, [summary])
    assert r1 == pytest.approx(100 * expected.rouge1)
    assert r2 == pytest.approx(100 * expected.rouge2)


def test_cross_validated_scores_are_held_out_and_repeatable(scorer: Scorer) -> None:
    items = read_items(QUALITY / "multinews-dev-50.jsonl", 12, scorer)
    first, second = halves(len(items))
    assert list(first) == list(range(6)) and list(second) == list(range(6, 12))
    for make in MODELS.values():
        scores = cross_validated_salience(items, make)
        assert set(scores) == {item.id for item in items}
        assert all(
            np.array_equal(v, cross_validated_salience(items, make)[k]) for k, v in scores.items()
        )
    scores = cross_validated_salience(items, MODELS["ridge"])
    # Other labels on the first half: its own scores stay (they come from the model fitted on
    # the second half), the second half's change.
    for item in items[:6]:
        item.label = np.zeros_like(item.label)
    changed = cross_validated_salience(items, MODELS["ridge"])
    assert all(np.array_equal(changed[i.id], scores[i.id]) for i in items[:6])
    assert not any(np.allclose(changed[i.id], scores[i.id]) for i in items[6:])


def test_bonus_changes_briefs_and_is_undone(scorer: Scorer) -> None:
    items = read_items(QUALITY / "multinews-dev-50.jsonl", 6, scorer)
    before = summarize_all(items, 228)
    real = (brief.brief_units, brief.CoverageProblem)
    deepest_first = {i.id: np.array([s.index for s in i.doc.sentences], float) for i in items}
    with brief_bonus(deepest_first, 5.0):
        during = summarize_all(items, 228)
    assert (brief.brief_units, brief.CoverageProblem) == real
    assert during != before
    assert summarize_all(items, 228) == before


def test_headline_units_capture_the_programs_choice(scorer: Scorer) -> None:
    items = read_items(QUALITY / "wcep-dev-100.jsonl", 8, scorer)
    real = (headline.same_fact_pairs, headline.solve)
    tables = headline_units(items, 28, scorer)
    assert (headline.same_fact_pairs, headline.solve) == real
    assert len(tables) == len(items)
    for table in tables:
        assert table is not None
        assert table.fits[table.chosen]
        assert table.features.shape[0] == len(table.rouge) == len(table.fits)
        assert (table.rouge >= 0).all() and (table.rouge <= 100).all()
