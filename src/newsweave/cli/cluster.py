"""``newsweave cluster INPUT...``: group a stream of articles into events (JSON Lines out)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsweave.cli import _output
from newsweave.cli._stream import Collector, add_clustering_options
from newsweave.errors import NewsweaveError, NoInputError
from newsweave.model import Cluster
from newsweave.pipeline.stream import cluster_events, read_articles


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "cluster",
        help="group a stream of articles into events",
        description="Read articles (WARC, RSS/Atom, JSON Lines, text, HTML; files or folders) "
        "and group them into events. Writes one JSON line per event, "
        '{"id", "articles": [...]}, which every newsweave command reads back.',
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    parser.add_argument("--output", "-o", help="write to this file instead of stdout")
    add_clustering_options(parser)
    parser.set_defaults(handler=run)


def cluster_line(cluster: Cluster) -> str:
    record = {"id": cluster.id, "articles": [a.to_dict() for a in cluster.articles]}
    return json.dumps(record, ensure_ascii=False) + "\n"


def _open_output(output: str | None) -> TextIO:
    if not output or output == "-":
        return sys.stdout
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"{output}: cannot write output ({exc.strerror or exc})") from exc


@contextlib.contextmanager
def _write_errors(output: str | None) -> Iterator[None]:
    """A full disk or a closed pipe while writing events is an error naming the output."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = output if output and output != "-" else "standard output"
        raise NewsweaveError(f"{name}: cannot write output ({exc.strerror or exc})") from exc


def run(args: argparse.Namespace) -> int:
    collector = Collector()
    events = 0
    to_file = bool(args.output) and args.output != "-"
    handle = _open_output(args.output)
    try:
        with (
            _write_errors(args.output),
            _output.stream_progress("clustering", enabled=not args.quiet) as bar,
        ):
            items = cluster_events(
                read_articles(args.paths),
                window_days=args.window_days,
                threshold=args.threshold,
                deduplicate=not args.no_dedupe,
                tick=lambda n: bar.advance(bar.task_ids[0], n),
            )
            for cluster in collector.clusters(items, args.quiet):
                handle.write(cluster_line(cluster))
                events += 1
            handle.flush()
    finally:
        if to_file:
            with contextlib.suppress(OSError):  # a write error is reported by _write_errors
                handle.close()
            # Failed or found nothing: leave no empty or partial file (but never remove
            # what is not a regular file: "-o /dev/null" must not delete /dev/null).
            if not events and Path(args.output).is_file():
                Path(args.output).unlink(missing_ok=True)
    if not args.quiet:
        collector.summary(events)
        if to_file and events:
            _output.stderr.print(f"wrote {args.output}", highlight=False)
    if not events:
        raise NoInputError("no usable articles in the given input")
    return 0
