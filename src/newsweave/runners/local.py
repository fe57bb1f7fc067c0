"""The in-process runner: items one after the other, in this Python process."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from newsweave.model import Problem
from newsweave.runners import Closing, Progress, failure

T = TypeVar("T")
R = TypeVar("R")


class LocalRunner(Closing):
    """Runs each item here, sequentially: the default, and the reference the Dask runner's
    output is tested against."""

    description = "this process"

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        describe: Callable[[T], str],
        progress: Progress | None = None,
    ) -> list[R | Problem]:
        results: list[R | Problem] = []
        for item in items:
            try:
                results.append(func(item))
            except Exception as exc:  # one bad item must not end the batch
                results.append(failure(describe(item), exc))
            if progress:
                progress(1)
        return results
