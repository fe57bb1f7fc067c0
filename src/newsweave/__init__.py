"""newsweave: cited, cross-checked briefs from many news articles about the same events."""

from __future__ import annotations

import logging

from newsweave.config import Settings
from newsweave.errors import InputError, NewsweaveError
from newsweave.model import (
    Article,
    Brief,
    Cluster,
    Problem,
    RawDocument,
    Sentence,
    Source,
    SummarySentence,
)

__version__ = "0.1.0"

from newsweave.pipeline import load, make_brief, make_briefs, summarize_paths

__all__ = [
    "Article",
    "Brief",
    "Cluster",
    "InputError",
    "NewsweaveError",
    "Problem",
    "RawDocument",
    "Sentence",
    "Settings",
    "Source",
    "SummarySentence",
    "__version__",
    "load",
    "make_brief",
    "make_briefs",
    "summarize_paths",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
