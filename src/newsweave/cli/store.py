"""``newsweave store list|show|export``: read what the store holds."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from newsweave.cli import _output
from newsweave.render import FORMATS, render

if TYPE_CHECKING:
    from newsweave.store import Store


def cluster_id_arg(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) < 2**31:
        raise argparse.ArgumentTypeError(
            f"expected a cluster id (a positive number), got '{value}'"
        )
    return int(value)


def search_arg(value: str) -> str:
    from newsweave.store.search import MAX_QUERY_CHARS

    if len(value) > MAX_QUERY_CHARS:
        raise argparse.ArgumentTypeError(f"at most {MAX_QUERY_CHARS} characters")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "store",
        help="list, show or export stored briefs",
        description="Read the briefs stored by 'newsweave serve' or 'summarize --store'.",
    )
    parser.add_argument(
        "--db", help="SQLite file or postgresql:// URL (default $NEWSWEAVE_DB or ./newsweave.db)"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="one line per stored cluster, newest first")
    listing.add_argument("--limit", type=int, default=100, help="at most this many (default 100)")
    listing.add_argument(
        "--search",
        type=search_arg,
        metavar="WORDS",
        help="only briefs that hold every word (in title, summary, sources, people or "
        "speakers; case and accents ignored)",
    )
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="one stored brief")
    show.add_argument("id", type=cluster_id_arg, help="cluster id (from 'store list')")
    show.add_argument("--format", choices=FORMATS, default="markdown")
    show.set_defaults(handler=run_show)

    export = actions.add_parser("export", help="stored briefs (all, or the ids given)")
    export.add_argument("ids", nargs="*", type=cluster_id_arg, metavar="ID")
    export.add_argument("--format", choices=FORMATS, default="json")
    export.add_argument("--output", "-o", help="write to this file instead of stdout")
    export.set_defaults(handler=run_export)


def _open(args: argparse.Namespace) -> Store:
    from newsweave.store import open_store  # SQLAlchemy only when the store is used

    return open_store(args.db)


def run_list(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        rows = store.list_clusters(limit=max(1, args.limit), query=args.search)
    finally:
        store.close()
    if not rows:
        if args.search and args.search.split():
            message = f"no stored brief matches '{args.search}' in {store.url}"
        else:
            message = f"no briefs stored in {store.url}"
        _output.stderr.print(message, highlight=False, markup=False)
        return 0
    for row in rows:
        created = row.created.strftime("%Y-%m-%d %H:%M")
        print(f"{row.id}\t{created}\t{row.article_count} articles\t{row.title}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        record = store.get_cluster(args.id)
    finally:
        store.close()
    _output.write_result(render([record.brief], args.format), None)
    return 0


def run_export(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        ids = args.ids or [s.id for s in reversed(store.list_clusters(limit=2**31 - 1))]
        briefs = [store.get_cluster(i).brief for i in ids]
    finally:
        store.close()
    if args.format == "json":
        # An export is always a list, even of one brief, so that it reads back the same way.
        text = json.dumps([b.to_dict() for b in briefs], ensure_ascii=False, indent=2) + "\n"
    else:
        text = render(briefs, args.format) if briefs else ""
    _output.write_result(text, args.output)
    return 0
