"""newsweave: cited, cross-checked briefs from many news articles about the same events.

The Python API, in the order a user meets it::

    import newsweave
    brief = newsweave.summarize_texts([text_one, text_two], words=80)
    print(brief.title)
    print(brief.to_markdown())

``load``/``make_brief``/``make_briefs`` work on files and clusters; everything is lazily
imported, so ``import newsweave`` (and ``newsweave --version``) costs almost nothing.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "Article": "newsweave.model",
    "Brief": "newsweave.model",
    "Cluster": "newsweave.model",
    "Problem": "newsweave.model",
    "RawDocument": "newsweave.model",
    "Sentence": "newsweave.model",
    "Source": "newsweave.model",
    "SummarySentence": "newsweave.model",
    "Budget": "newsweave.config",
    "Settings": "newsweave.config",
    "InputError": "newsweave.errors",
    "NewsweaveError": "newsweave.errors",
    "clean_articles": "newsweave.pipeline",
    "load": "newsweave.pipeline",
    "make_brief": "newsweave.pipeline",
    "make_briefs": "newsweave.pipeline",
    "summarize_paths": "newsweave.pipeline",
    "summarize_texts": "newsweave.pipeline",
}

__all__ = [
    "Article",
    "Brief",
    "Budget",
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
    "clean_articles",
    "load",
    "make_brief",
    "make_briefs",
    "summarize_paths",
    "summarize_texts",
]

if TYPE_CHECKING:
    from newsweave.config import Budget, Settings
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
    from newsweave.pipeline import (
        clean_articles,
        load,
        make_brief,
        make_briefs,
        summarize_paths,
        summarize_texts,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return __all__


logging.getLogger(__name__).addHandler(logging.NullHandler())
