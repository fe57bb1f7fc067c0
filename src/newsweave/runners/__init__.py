"""Runners: map one pure function over many items, here or on a Dask cluster.

The pipeline's per-cluster work (a brief, a digest event, an evaluation) is a pure function
of model objects, so where it runs is a choice of runner, not a different code path:
``LocalRunner`` runs it in this process, one item after the other; ``DaskRunner`` (in
``newsweave.runners.dask``, needs the ``dask`` extra) spreads it over a Dask cluster.
Both return the results in input order, and both turn an item that raises into a
``Problem`` naming it, so one bad cluster never ends a batch of thousands.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, Self, TypeVar

from newsweave.model import Problem

__all__ = ["Closing", "Describe", "Progress", "Runner", "failure", "failure_reason", "partition"]

T = TypeVar("T")
R = TypeVar("R")

Describe = Callable[[T], str]
Progress = Callable[[int], None]

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Maps a function over items; what ``make_briefs``, the digest and eval accept."""

    @property
    def description(self) -> str:
        """Where the work runs, for messages ("this process", "Dask, 2 workers")."""
        ...

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        describe: Callable[[T], str],
        progress: Progress | None = None,
    ) -> list[R | Problem]:
        """``func`` of every item, in input order; an item whose call raised is a
        ``Problem`` whose ``where`` is ``describe(item)``. ``progress(1)`` is called as
        each item finishes, in whatever order they finish."""
        ...

    def close(self) -> None: ...


class Closing:
    """``with runner:`` closes it on the way out; a runner only writes ``close``."""

    def close(self) -> None:
        """Release what the runner holds (nothing, unless it overrides this)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def failure_reason(exc: BaseException) -> str:
    """What a Problem says about an item whose function raised ``exc``."""
    return f"failed: {type(exc).__name__}: {str(exc) or 'no message'}"


def failure(where: str, exc: BaseException) -> Problem:
    """The Problem standing for an item whose function raised."""
    # The traceback is for developers (shown with -v); the Problem is for users.
    log.info("%s failed", where, exc_info=exc)
    return Problem(where=where, reason=failure_reason(exc))


def partition(results: Sequence[R | Problem]) -> tuple[list[R], list[Problem]]:
    """Split a runner's results into the successes and the failures, each in order."""
    done: list[R] = []
    failed: list[Problem] = []
    for result in results:
        if isinstance(result, Problem):
            failed.append(result)
        else:
            done.append(result)
    return done, failed
