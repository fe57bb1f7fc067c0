"""The Dask runner: the same ``map`` as ``LocalRunner``, on a ``dask.distributed`` cluster.

Either connects to a running scheduler (``DaskRunner("tcp://host:8786")``) or starts a
``LocalCluster`` of worker processes on this machine (``DaskRunner(workers=4)``): one
thread per process, because summarizing is CPU-bound Python that threads would only
serialize on the GIL.

Items go to the workers in small batches (one task runs a few clusters, which spreads
Dask's per-task cost of a few milliseconds over them), through a sliding window of a few
tasks per worker thread rather than all at once: a stream of a million clusters never has
more than that window of inputs and results in flight. Results are put back in input
order. A batch catches its items' errors one by one, so one bad cluster fails alone. Dask
is imported here, only when a runner is built, so newsweave works without the ``dask``
extra.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from newsweave.errors import ConfigError, MissingExtraError, NewsweaveError
from newsweave.model import Problem
from newsweave.runners import Closing, Progress, failure, failure_reason

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)

FEATURE = "running on a Dask cluster"
TASKS_PER_THREAD = 4  # enough queued work that no worker idles while results travel back
MAX_BATCH = 8  # items per task at most: coarse enough to amortize, fine enough to balance
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler, and then for it to have a worker
# tcp://host:8786, tls://..., or host:port: what Client() accepts as a scheduler address.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?\S+:\d+/?$")


def check_address(address: str) -> str:
    """The address, or a ``ConfigError`` when it cannot be one (often an input file that
    ``--dask`` took as its value)."""
    if not _ADDRESS.match(address):
        raise ConfigError(
            f"--dask: '{address}' is not a scheduler address such as tcp://HOST:8786; "
            "for a local cluster put --dask after the inputs, or write --dask="
        )
    return address


@dataclass(frozen=True, slots=True)
class Failed:
    """An item of a batch whose function raised, as the worker reports it."""

    reason: str
    traceback: str


def run_batch(func: Callable[[T], R], items: list[T]) -> list[R | Failed]:
    """What one Dask task runs: ``func`` on each item, each item's error caught alone."""
    results: list[R | Failed] = []
    for item in items:
        try:
            results.append(func(item))
        except Exception as exc:  # the item fails, the rest of the batch goes on
            results.append(Failed(failure_reason(exc), traceback.format_exc()))
    return results


def batch_size(items: Iterable[object], tasks: int) -> int:
    """Items per task: enough tasks to keep ``tasks`` in flight, at most ``MAX_BATCH``."""
    if isinstance(items, Sized):
        return max(1, min(MAX_BATCH, len(items) // tasks))
    return MAX_BATCH


def batches(items: Iterable[T], size: int) -> Iterator[list[tuple[int, T]]]:
    numbered = enumerate(items)
    while batch := list(islice(numbered, size)):
        yield batch


class DaskRunner(Closing):
    """Maps functions over items on a Dask cluster; use as a context manager (or call
    ``close``) so a local cluster's worker processes end with it."""

    def __init__(
        self,
        address: str | None = None,
        workers: int | None = None,
        window: int | None = None,
        batch: int | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        try:
            # Imported by name: distributed's partial type hints would make every call
            # here "untyped" to mypy; the runner's own signatures are the typed surface.
            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise MissingExtraError("dask", FEATURE) from exc
        if address and workers:
            raise ConfigError(
                "the number of workers is set for a local cluster only; a scheduler at an "
                "address has the workers that joined it"
            )
        if workers is not None and workers < 1:
            raise ConfigError(f"a Dask cluster needs at least one worker, got {workers}")
        self._cluster: Any = None
        self.window = window  # tasks in flight (default: a few per worker thread)
        self.batch = batch  # items per task (default: from the input's length)
        if address:
            self.client: Any = self._connect(distributed, check_address(address), connect_timeout)
            self.description = f"Dask cluster at {address} ({self.threads} worker threads)"
        else:
            count = workers or os.cpu_count() or 1
            self._cluster = distributed.LocalCluster(
                n_workers=count,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,  # no dashboard nobody asked for
                # The scheduler's small HTTP server (health, metrics) on a free local port:
                # its default, 8787, may be taken by another cluster on this machine.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
            self.client = distributed.Client(self._cluster)
            self.description = f"local Dask cluster of {count} worker process" + (
                "es" if count != 1 else ""
            )
        self._as_completed = distributed.as_completed

    @staticmethod
    def _connect(distributed: Any, address: str, timeout: float) -> Any:
        try:
            client = distributed.Client(address, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise NewsweaveError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            client.close()
            raise NewsweaveError(
                f"the Dask scheduler at {address} has no workers (waited {timeout:g} s)"
            ) from None
        # Every task would fail the same way on a worker without newsweave: say it once.
        found = client.run(lambda: importlib.util.find_spec("newsweave") is not None)
        missing = sorted(worker for worker, ok in found.items() if not ok)
        if missing:
            client.close()
            raise NewsweaveError(
                f"Dask worker{'s' if len(missing) > 1 else ''} {', '.join(missing)} cannot "
                "import newsweave: install it in the workers' environment"
            )
        return client

    @property
    def address(self) -> str:
        """The scheduler's address: what other clients (``--dask ADDRESS``) connect to."""
        return str(self.client.scheduler.address)

    @property
    def threads(self) -> int:
        """Worker threads in the cluster now (workers may join or leave a remote one)."""
        return sum(self.client.nthreads().values()) or 1

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        describe: Callable[[T], str],
        progress: Progress | None = None,
    ) -> list[R | Problem]:
        window = self.window or TASKS_PER_THREAD * self.threads
        pending = batches(items, self.batch or batch_size(items, window))
        names: dict[str, list[tuple[int, str]]] = {}  # task key -> (position, name) of items
        results: dict[int, R | Problem] = {}
        running = self._as_completed()

        def submit_next() -> None:
            batch = next(pending, None)
            if batch is None:
                return
            # pure=False: no hashing of whole clusters to name the task.
            future = self.client.submit(run_batch, func, [i for _, i in batch], pure=False)
            names[future.key] = [(index, describe(item)) for index, item in batch]
            running.add(future)

        for _ in range(window):
            submit_next()
        for future in running:
            entries = names.pop(future.key)
            try:
                outcomes = future.result()
            except Exception as exc:  # the task itself: cancelled, or its worker lost
                for index, name in entries:
                    results[index] = failure(name, exc)
            else:
                for (index, name), outcome in zip(entries, outcomes, strict=True):
                    if isinstance(outcome, Failed):
                        log.info("%s failed on a Dask worker:\n%s", name, outcome.traceback)
                        results[index] = Problem(where=name, reason=outcome.reason)
                    else:
                        results[index] = outcome
            future.release()  # its results live here now, not in worker memory
            if progress:
                progress(len(entries))
            submit_next()
        return [results[i] for i in range(len(results))]

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
