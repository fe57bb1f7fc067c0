"""The ``newsweave`` command: a thin layer over the Python API.

Each sub-command lives in its own module exposing ``register(subparsers)``; the module
parses options, calls one API function and prints. Errors become one-line messages and
a non-zero exit code here, never tracebacks.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from newsweave import __version__

# Command modules, in the order ``--help`` lists them.
COMMANDS = ["summarize", "cluster", "digest", "evaluate", "eval_clusters", "serve", "store"]
VERSION = f"newsweave {__version__}"


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"newsweave.cli.{name}") for name in COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsweave",
        description="Turn news articles about the same events into cited, cross-checked briefs.",
    )
    parser.add_argument("--version", action="version", version=VERSION)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in command_modules():
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:  # answered before the commands (and the pipeline) load
        print(VERSION)
        return 0
    from newsweave.cli import _output
    from newsweave.errors import NewsweaveError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args))
    except NewsweaveError as exc:
        _output.error(str(exc))
        return 1
    except KeyboardInterrupt:
        _output.error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not bad input: say so in one line, details with -v
        if args.verbose:
            _output.stderr.print_exception()
        _output.error(f"internal error: {type(exc).__name__}: {exc} (run with -v for details)")
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
