"""Evaluation: ROUGE against human references, side by side with peer summarizers.

``read_dataset`` reads a dataset file, ``make_system`` resolves a system name, ``evaluate``
runs and scores them and returns a report dict, ``to_markdown`` renders it.
"""

from __future__ import annotations

from newsweave.evaluation.compare import evaluate, resolve_words, to_markdown
from newsweave.evaluation.datasets import Dataset, read_dataset
from newsweave.evaluation.rouge import RougeScores, Scorer
from newsweave.evaluation.systems import DEFAULT_SYSTEMS, cut_to_words, make_system, parse_systems

__all__ = [
    "DEFAULT_SYSTEMS",
    "Dataset",
    "RougeScores",
    "Scorer",
    "cut_to_words",
    "evaluate",
    "make_system",
    "parse_systems",
    "read_dataset",
    "resolve_words",
    "to_markdown",
]
