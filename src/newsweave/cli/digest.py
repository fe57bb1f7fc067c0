"""``newsweave digest INPUT...``: the ranked events of a stream, each with its summaries."""

from __future__ import annotations

import argparse

from newsweave.cli import _output
from newsweave.cli._args import positive_int
from newsweave.cli._runner import add_dask_options, check_options, open_runner
from newsweave.cli._stream import Collector, add_clustering_options
from newsweave.cli.summarize import add_store_option, save_briefs
from newsweave.config import Settings
from newsweave.errors import NewsweaveError, NoInputError
from newsweave.pipeline.digest import digest_events
from newsweave.pipeline.stream import cluster_events, read_articles
from newsweave.render.digest import FORMATS, render_digest


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "digest",
        help="a ranked digest of the events in a stream of articles",
        description="Cluster a stream of articles into events, summarize each (a ~30-word "
        "headline and a longer brief), rank them by independent sources and recency and "
        "list them by day. Articles already grouped by their input (a clusters file from "
        "'newsweave cluster', a dataset) keep their grouping unless --recluster is given.",
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    parser.add_argument("--top", type=positive_int, metavar="K", help="only the K best events")
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="output format")
    parser.add_argument("--output", "-o", help="write to this file instead of stdout")
    parser.add_argument(
        "--words", type=positive_int, default=100, help="length of each brief (default 100)"
    )
    parser.add_argument(
        "--recluster", action="store_true", help="ignore groupings given by the input"
    )
    add_clustering_options(parser)
    add_store_option(parser, "also save each event's brief in the store")
    add_dask_options(parser, "summarize the events (clustering stays here)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_options(args)
    collector = Collector()
    with _output.stream_progress("clustering", enabled=not args.quiet) as bar:
        items = cluster_events(
            read_articles(args.paths),
            window_days=args.window_days,
            threshold=args.threshold,
            deduplicate=not args.no_dedupe,
            keep_groups=not args.recluster,
            tick=lambda n: bar.advance(bar.task_ids[0], n),
        )
        clusters = list(collector.clusters(items, args.quiet))
    if not args.quiet:
        collector.summary(len(clusters))
    if not clusters:
        raise NoInputError("no usable articles in the given input")
    wanted = min(args.top or len(clusters), len(clusters))
    with (
        open_runner(args, quiet=args.quiet) as runner,
        _output.progress_bar("summarizing", wanted, enabled=not args.quiet) as bar,
    ):
        events, failed = digest_events(
            clusters,
            Settings(words=args.words),
            top=args.top,
            tick=lambda n: bar.advance(bar.task_ids[0], n),
            runner=runner,
        )
    if not args.quiet:
        _output.report_problems(failed)
    if not events:
        raise NewsweaveError("no event could be summarized")
    _output.write_result(render_digest(events, args.format), args.output)
    if args.store is not None:
        # Each event's brief (with its headline) is one cluster of the store; the run's
        # rejected inputs are recorded with the first.
        briefs = [e.brief for e in events]
        save_briefs(briefs, collector.problems + failed, args.store or None, quiet=args.quiet)
    return 0
