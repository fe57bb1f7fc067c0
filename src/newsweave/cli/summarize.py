"""``newsweave summarize PATH...``: a cited brief per cluster of articles."""

from __future__ import annotations

import argparse
import datetime as dt

from newsweave.cli import _output
from newsweave.cli._args import positive_int
from newsweave.cli._runner import add_dask_options, check_options, open_runner
from newsweave.config import Settings
from newsweave.dates import to_date
from newsweave.errors import NewsweaveError, NoInputError
from newsweave.model import Brief, Problem
from newsweave.pipeline import load, make_briefs, split_events
from newsweave.pipeline.store import save_briefs as store_briefs
from newsweave.render import FORMATS, render


def iso_date(value: str) -> dt.date:
    try:
        day = to_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if day is None:
        raise argparse.ArgumentTypeError("expected a date like 2016-12-08, got nothing")
    return day


def add_budget_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--words", type=positive_int, default=100, help="length budget in words (default 100)"
    )
    parser.add_argument("--sentences", type=positive_int, help="at most this many sentences")
    parser.add_argument(
        "--summarizer", default="default", help="summarizer by name (default: the best one)"
    )


def add_store_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        metavar="URL",
        help=f"{what} (default $NEWSWEAVE_DB or ./newsweave.db)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "summarize",
        help="summarize articles into a cited brief",
        description="Summarize news articles (text, HTML, JSON/JSONL files or folders; '-' "
        "for stdin) into a brief whose sentences cite their sources.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    add_budget_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="output format")
    parser.add_argument("--output", "-o", help="write to this file instead of stdout")
    parser.add_argument(
        "--explain", action="store_true", help="show scores and removed boilerplate lines"
    )
    parser.add_argument(
        "--date", type=iso_date, help="reference date for relative dates (YYYY-MM-DD)"
    )
    parser.add_argument("--no-analysis", action="store_true", help="summary and sources only")
    parser.add_argument(
        "--split",
        action="store_true",
        help="articles that look like different events (or languages) get a brief each",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or warnings")
    add_store_option(parser, "also save the briefs in the store")
    add_dask_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_options(args)
    settings = Settings(
        words=args.words,
        sentences=args.sentences,
        summarizer=args.summarizer,
        analyze=not args.no_analysis,
        reference_date=args.date,
    )
    loaded = load(args.paths)
    if not args.quiet:
        _output.report_problems(loaded.problems)
    if not loaded.clusters:
        raise NoInputError("no usable articles in the given input")
    clusters = split_events(loaded.clusters) if args.split else loaded.clusters
    show = len(clusters) > 1 and not args.quiet
    with (
        open_runner(args, quiet=args.quiet) as runner,
        _output.progress_bar("summarizing", len(clusters), enabled=show) as bar,
    ):
        briefs, failed = make_briefs(
            clusters, settings, runner, lambda n: bar.advance(bar.task_ids[0], n)
        )
    if not args.quiet:
        _output.report_problems(failed)
        for brief in briefs:
            for warning in brief.warnings:
                _output.warn(f"cluster {brief.cluster_id}: {warning}")
    if not briefs:
        raise NewsweaveError("no cluster could be summarized")
    _output.write_result(render(briefs, args.format, explain=args.explain), args.output)
    if args.store is not None:
        save_briefs(briefs, loaded.problems + failed, args.store or None, quiet=args.quiet)
    return 0


def save_briefs(briefs: list[Brief], problems: list[Problem], url: str | None, quiet: bool) -> None:
    """Save the briefs (``pipeline.store.save_briefs``) and say where."""
    ids, where = store_briefs(briefs, problems, url)
    if not quiet:
        listed = ", ".join(str(i) for i in ids)
        _output.stderr.print(f"stored as cluster {listed} in {where}", highlight=False)
