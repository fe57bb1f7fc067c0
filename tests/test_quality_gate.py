"""A quality floor in the suite: if the summaries get worse, CI fails.

Every fifth cluster of each dev set ships in ``tests/data/quality`` (50 Multi-News briefs,
100 WCEP headlines). The floors sit a little below what the summarizer scores on them today
(``docs/benchmarks.md`` has the full-set figures): small noise passes, a real regression
(a broken filter, a budget bug, a lost signal) does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsweave.evaluation import Scorer, evaluate, make_system, read_dataset

QUALITY = Path(__file__).parent / "data" / "quality"

# dataset -> (R1 floor, R2 floor, least R2 lead over Lead); today's scores in the comments.
FLOORS = {
    "multinews-dev-50.jsonl": (44.0, 14.5, 1.0),  # 44.89 / 15.17, +1.85 over Lead
    "wcep-dev-100.jsonl": (29.5, 10.3, -0.6),  # 30.40 / 11.01, -0.11 against Lead
}


def _report(name: str) -> dict[str, Any]:
    scorer = Scorer()
    dataset = read_dataset(str(QUALITY / name))
    systems = [make_system(n, scorer) for n in ("newsweave", "lead")]
    report, _ = evaluate(dataset, systems, None, scorer)  # None: the mean reference length
    return report


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_rouge_stays_above_its_floor(name: str) -> None:
    r1_floor, r2_floor, lead_margin = FLOORS[name]
    report = _report(name)
    ours, lead = report["systems"]
    assert ours["rouge1"]["mean"] >= r1_floor
    assert ours["rouge2"]["mean"] >= r2_floor
    assert ours["rouge2"]["mean"] - lead["rouge2"]["mean"] >= lead_margin
