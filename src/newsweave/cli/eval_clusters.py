"""``newsweave eval-clusters DATASET.jsonl``: how well clustering recovers a dataset's events."""

from __future__ import annotations

import argparse
import json

from newsweave.cli import _output
from newsweave.cli._stream import add_join_options
from newsweave.errors import NoInputError
from newsweave.evaluation.cluster_metrics import recluster
from newsweave.ingest import read_inputs


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "eval-clusters",
        help="score event clustering against a dataset's clusters",
        description="Pool the articles of every cluster of a dataset (JSON Lines, one cluster "
        'a line; or a labelled stream, one article a line with its "event"), shuffle and '
        "re-cluster them as one stream (dated articles in time order), and report B-cubed "
        "precision, recall and F1 and the adjusted Rand index against the dataset's grouping.",
    )
    parser.add_argument("paths", nargs="+", metavar="DATASET", help="dataset files")
    add_join_options(parser)
    parser.add_argument("--seed", type=int, default=0, help="seed of the article shuffle")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--output", "-o", help="write to this file instead of stdout")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or warnings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with _output.stream_progress("clustering", enabled=not args.quiet) as bar:
        result = recluster(
            read_inputs(args.paths),
            window_days=args.window_days,
            threshold=args.threshold,
            seed=args.seed,
            tick=lambda n: bar.advance(bar.task_ids[0], n),
        )
    scores = result.scores
    if not args.quiet:
        _output.report_problems(result.unreadable)
        _output.summarize_rejected(result.rejected, scores.items - len(result.rejected))
        if result.rejected:
            _output.stderr.print("(rejected articles are scored as singletons)", highlight=False)
    if scores.items == 0:
        raise NoInputError("no clustered articles in the given dataset")
    if args.format == "json":
        data = {**scores.to_dict(), "threshold": result.threshold, "seed": args.seed}
        text = json.dumps(data, indent=2) + "\n"
    else:
        text = (
            f"articles            {scores.items}\n"
            f"true clusters       {scores.true_clusters}\n"
            f"predicted clusters  {scores.predicted_clusters}\n"
            f"B-cubed precision   {scores.precision:.4f}\n"
            f"B-cubed recall      {scores.recall:.4f}\n"
            f"B-cubed F1          {scores.f1:.4f}\n"
            f"adjusted Rand index {scores.ari:.4f}\n"
        )
    _output.write_result(text, args.output)
    return 0
