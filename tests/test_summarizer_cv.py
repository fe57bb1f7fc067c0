"""The cross-validation benchmark stays in step with the code: every constant it tunes
exists where it says, its current value is among the values tried, and trying a value
leaves the constant as it was."""

from __future__ import annotations

import pytest
from benchmarks.summarizer_cv import CONSTANTS, Constant, example_cell, patched

from newsweave.config import Budget
from newsweave.model import Cluster
from newsweave.summarize import summarize_cluster


@pytest.mark.parametrize("constant", CONSTANTS, ids=lambda c: c.name)
def test_each_constant_is_tried_around_its_current_value(constant: Constant) -> None:
    values = [getattr(module, attribute) for module, attribute in constant.targets]
    assert all(v == values[0] for v in values)  # one value, wherever it is read
    assert constant.current in constant.values
    other = next(v for v in constant.values if v != constant.current)
    with patched(constant, other):
        assert all(getattr(m, a) == other for m, a in constant.targets)
    assert [getattr(m, a) for m, a in constant.targets] == values


def test_a_tried_value_changes_the_summary_and_is_undone(example_cluster: Cluster) -> None:
    cluster = example_cluster
    before = [s.text for s in summarize_cluster(cluster, Budget(words=100))]
    constant = next(c for c in CONSTANTS if c.name == "brief.MIN_SENTENCES")
    with patched(constant, 1):
        during = [s.text for s in summarize_cluster(cluster, Budget(words=100))]
    after = [s.text for s in summarize_cluster(cluster, Budget(words=100))]
    assert during != before
    assert after == before


def test_example_cell() -> None:
    assert example_cell({1: "ok", 2: "ok"}) == "ok"
    assert example_cell({1: "x", 2: "x"}) == "every value: x"
    assert example_cell({1: "ok", 2: "x"}) == "2: x"
