"""The clean step, the one place documents become articles, for every way in.

The scope rule: a line is site chrome ("repeated across articles") when it recurs in
``REPEAT_MIN_ARTICLES`` or more documents of one window of up to ``WINDOW`` consecutive
documents of a run, a run being everything one call is given: the paths of a CLI command
(all of them, in order), one REST request, one ``summarize_texts`` call. ``summarize``,
``cluster``, ``digest``, ``eval`` and the API all clean through ``clean`` below, so the
same inputs give every article the same text whichever command reads them, and a stream
of any length is cleaned in bounded memory (a window at a time).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsweave.clean import clean_documents, printable
from newsweave.model import Article, Problem, RawDocument, replace

# Documents judged together: enough to spot a site's repeated chrome, small in memory.
WINDOW = 256


@dataclass(frozen=True, slots=True)
class Grouped:
    """An article and the group its input gave it (a dataset or clusters-file line)."""

    article: Article
    group: str | None
    reference: str | None = None


def _reported(problem: Problem) -> Problem:
    """A problem as shown to a user: control characters of its file name never reach the
    terminal, the store or a JSON response."""
    where = printable(problem.where)
    return problem if where == problem.where else replace(problem, where=where)


def clean(
    items: Iterable[RawDocument | Problem], window: int = WINDOW
) -> Iterator[Grouped | Problem]:
    """Clean documents a window at a time; Problems pass through, and everything comes out
    in the order it came in."""
    pending: list[RawDocument | Problem] = []
    documents = 0

    def flush() -> Iterator[Grouped | Problem]:
        docs = [item for item in pending if isinstance(item, RawDocument)]
        results = iter(clean_documents(docs))
        for item in pending:
            if isinstance(item, Problem):
                yield _reported(item)
                continue
            result = next(results)
            if isinstance(result, Problem):
                yield _reported(result)
            else:
                yield Grouped(result, item.group, item.reference)
        pending.clear()

    for item in items:
        pending.append(item)
        if isinstance(item, RawDocument):
            documents += 1
            if documents % window == 0:
                yield from flush()
    yield from flush()


def clean_articles(
    docs: Iterable[RawDocument | Problem],
) -> tuple[list[Article], list[Problem]]:
    """Every document cleaned (one run), as articles and the problems met."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in clean(docs):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item.article)
    return articles, problems
