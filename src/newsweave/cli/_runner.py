"""``--dask [ADDRESS]`` and ``--workers N``: where the commands that summarize many
clusters do it. Without ``--dask`` everything runs in this process."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from newsweave.cli import _output
from newsweave.cli._args import positive_int
from newsweave.errors import ConfigError
from newsweave.runners import Runner
from newsweave.runners.local import LocalRunner

LOCAL = ""  # the value of a bare --dask: start a local cluster


def add_dask_options(parser: argparse.ArgumentParser, what: str = "summarize the clusters") -> None:
    group = parser.add_argument_group("scale-out (needs the 'dask' extra)")
    group.add_argument(
        "--dask",
        nargs="?",
        const=LOCAL,
        metavar="ADDRESS",
        help=f"{what} on Dask: on the scheduler at ADDRESS (tcp://HOST:8786), "
        "or, with no ADDRESS, on a local cluster of one worker process per core "
        "(put a bare --dask after the inputs, or write --dask=)",
    )
    group.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="worker processes of the local Dask cluster (default: one per core)",
    )


def check_options(args: argparse.Namespace) -> None:
    """Option mistakes caught before a long read or clustering, not after."""
    from newsweave.runners.dask import check_address  # imports no Dask

    if args.workers is not None and args.dask is None:
        raise ConfigError("--workers sets the size of a local Dask cluster: add --dask")
    if args.workers is not None and args.dask:
        raise ConfigError(
            "--workers is for a local cluster; the scheduler at --dask ADDRESS "
            "has the workers that joined it"
        )
    if args.dask:
        check_address(args.dask)


def _quiet_dask_logs() -> None:
    """Without -v, only distributed's warnings: a local cluster's scheduler runs in this
    process and logs its every step at INFO (a level distributed sets on import)."""
    with suppress(ImportError):  # the runner itself reports the missing extra
        importlib.import_module("distributed")
    logging.getLogger("distributed").setLevel(logging.WARNING)


@contextmanager
def open_runner(args: argparse.Namespace, quiet: bool = False) -> Iterator[Runner]:
    """The runner the options ask for, closed (worker processes ended) on exit."""
    check_options(args)
    if args.dask is None:
        yield LocalRunner()
        return
    from newsweave.runners.dask import DaskRunner  # needs the extra; says so if missing

    if not getattr(args, "verbose", False):
        _quiet_dask_logs()

    with DaskRunner(address=args.dask or None, workers=args.workers) as runner:
        if not quiet:
            _output.stderr.print(f"running on a {runner.description}", highlight=False)
        yield runner
