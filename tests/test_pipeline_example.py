"""The whole pipeline on the shipped example cluster."""

from __future__ import annotations

from newsweave.config import Settings
from newsweave.model import Cluster
from newsweave.pipeline import make_brief


def test_example_brief_within_budget_and_cites_sources(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(words=100))
    words = sum(len(s.text.split()) for s in brief.summary)
    assert 0 < words <= 100
    assert any("huge step" in s.text for s in brief.summary)
    cited = {a for s in brief.summary for a in s.support}
    assert len(cited) >= 3
