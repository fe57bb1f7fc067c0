"""Peer summarizers: the systems a user would pick instead of newsweave.

* ``lead``: the first sentence of each article (round-robin), then the second sentences...
  The classic news baseline, and a strong one.
* ``lexrank``, ``textrank``, ``lsa``, ``klsum``: sumy's implementations (optional extra
  ``peers``). sumy's own tokenizer needs NLTK data that cannot be downloaded, so sumy gets
  a document built from our sentences and a regex word tokenizer; its English Snowball
  stemmer and stop list are code and need no data.

Each peer ranks every sentence of the cluster. ``select`` (``newsweave summarize
--summarizer lexrank``) fills the budget in rank order with whole sentences, skipping
restatements like every newsweave summarizer; the evaluation harness uses ``rank`` as is,
filling the budget and cutting the last sentence, the usual protocol for ROUGE at a fixed
length.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newsweave.config import Budget
from newsweave.errors import MissingExtraError
from newsweave.segment import SegmentedCluster, word_count
from newsweave.summarize.picks import Pick, is_redundant

__all__ = ["PEERS", "LeadSummarizer", "SumySummarizer", "fill_in_order"]

# The words sumy's NLTK-based tokenizer keeps: letters, inner apostrophes and hyphens.
_SUMY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*", re.UNICODE)


def fill_in_order(doc: SegmentedCluster, order: Sequence[int], budget: Budget) -> list[Pick]:
    """Whole sentences in preference order, skipping those that no longer fit and those
    that restate a chosen fact: as a newsweave summarizer a peer keeps the invariants every
    brief keeps (the evaluation scores the peer's own ranking, unfiltered, via ``rank``)."""
    chosen: list[Pick] = []
    words = 0
    for rank, index in enumerate(order):
        n = word_count(doc.sentences[index].text)
        if n == 0 or not budget.allows(words + n, len(chosen) + 1):
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            continue
        if is_redundant(doc, index, [p.index for p in chosen]):
            continue
        chosen.append(Pick(index, 1.0 / (1 + rank), {"rank": rank + 1}))
        words += n
    return chosen


class LeadSummarizer:
    """First sentences of every article in turn: 1st of each, then 2nd of each, ..."""

    name = "lead"

    def rank(self, doc: SegmentedCluster) -> list[int]:
        per_article: dict[str, list[int]] = {}
        for i, sentence in enumerate(doc.sentences):
            per_article.setdefault(sentence.article_id, []).append(i)
        columns = list(per_article.values())
        longest = max((len(c) for c in columns), default=0)
        return [c[depth] for depth in range(longest) for c in columns if depth < len(c)]

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]:
        return fill_in_order(doc, self.rank(doc), budget)


class _Words:
    """The tokenizer object sumy's ``Sentence`` calls: ``to_words(text)``."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_SUMY_WORD.findall(text))


def _import_sumy() -> Any:
    try:
        import sumy.models.dom as dom
        import sumy.nlp.stemmers as stemmers
        import sumy.utils as utils
    except ImportError as exc:
        raise MissingExtraError("peers", "the sumy peer summarizers") from exc
    return dom, stemmers, utils


class SumySummarizer:
    """One of sumy's extractive summarizers, fed our sentences (one paragraph per article)."""

    def __init__(self, name: str, module: str, cls: str) -> None:
        dom, stemmers, utils = _import_sumy()
        self.name = name
        self._dom = dom
        self._tokenizer = _Words()
        implementation = getattr(importlib.import_module(module), cls)
        if cls == "LsaSummarizer":
            implementation = _reproducible_lsa(implementation)
        summarizer = implementation(stemmers.Stemmer("english"))
        stop_words = frozenset(utils.get_stop_words("english"))
        summarizer.stop_words = stop_words
        self._summarizer = summarizer

    def rank(self, doc: SegmentedCluster) -> list[int]:
        """Every sentence, best first (ties in reading order)."""
        dom = self._dom
        paragraphs = []
        order: list[int] = []
        by_article: dict[str, list[int]] = {}
        for i, sentence in enumerate(doc.sentences):
            by_article.setdefault(sentence.article_id, []).append(i)
        for indices in by_article.values():
            sentences = [dom.Sentence(doc.sentences[i].text, self._tokenizer) for i in indices]
            paragraphs.append(dom.Paragraph(sentences))
            order.extend(indices)
        if not order:
            return []
        ranking: list[int] = []

        def capture(infos: list[Any]) -> list[Any]:
            # sumy passes every sentence sorted by rating, best first; keep that order.
            ranking.extend(order[info.order] for info in infos)
            return infos

        # LexRank and TextRank divide by zero on degenerate graphs (one sentence, no shared
        # words); the ranking is then arbitrary but harmless, so numpy's warning is noise.
        with np.errstate(divide="ignore", invalid="ignore"):
            self._summarizer(dom.ObjectDocumentModel(tuple(paragraphs)), capture)
        return ranking

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]:
        return fill_in_order(doc, self.rank(doc), budget)


def _reproducible_lsa(base: Any) -> Any:
    """sumy's LSA numbers its terms in frozenset order, which follows Python's per-process
    string hashing: the SVD then differs in the last bits between runs and near-ties flip,
    moving ROUGE by ~0.05. Numbering the terms in sorted order makes runs repeatable."""

    class ReproducibleLsa(base):  # type: ignore[misc]
        def _create_dictionary(self, document: Any) -> dict[str, int]:
            words = (self.normalize_word(w) for w in document.words)
            terms = sorted({self.stem_word(w) for w in words if w not in self._stop_words})
            return {term: i for i, term in enumerate(terms)}

    return ReproducibleLsa


def _sumy(name: str, module: str, cls: str) -> Callable[[], SumySummarizer]:
    def factory() -> SumySummarizer:
        return SumySummarizer(name, module, cls)

    return factory


# name -> (factory, aliases)
PEERS: dict[str, tuple[Callable[[], Any], tuple[str, ...]]] = {
    "lead": (LeadSummarizer, ()),
    "lexrank": (_sumy("lexrank", "sumy.summarizers.lex_rank", "LexRankSummarizer"), ()),
    "textrank": (_sumy("textrank", "sumy.summarizers.text_rank", "TextRankSummarizer"), ()),
    "lsa": (_sumy("lsa", "sumy.summarizers.lsa", "LsaSummarizer"), ()),
    "klsum": (_sumy("klsum", "sumy.summarizers.kl", "KLSummarizer"), ("kl-sum", "kl")),
}
