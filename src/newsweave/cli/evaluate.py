"""``newsweave eval DATASET...``: ROUGE of newsweave and its peers against human references."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from newsweave import __version__
from newsweave.cli import _output
from newsweave.cli._args import positive_int
from newsweave.cli._runner import add_dask_options, check_options, open_runner
from newsweave.errors import ConfigError, NewsweaveError, NoInputError
from newsweave.evaluation import (
    DEFAULT_SYSTEMS,
    Dataset,
    Scorer,
    evaluate,
    make_system,
    parse_systems,
    read_dataset,
    to_markdown,
)
from newsweave.evaluation.systems import System

AUTO = "auto"


def words_option(value: str) -> int | None:
    """``--words N`` or ``--words auto`` (``None``: each dataset's mean reference length)."""
    if value.strip().lower() == AUTO:
        return None
    return positive_int(value)


def fold_option(value: str) -> tuple[int, int]:
    """``--fold I/K``: the I-th of K contiguous parts of each dataset (halves: 1/2, 2/2)."""
    index, _, count = value.partition("/")
    try:
        i, k = int(index), int(count)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected I/K such as 1/2, got '{value}'") from None
    if k < 1 or not 1 <= i <= k:
        raise argparse.ArgumentTypeError(f"expected 1 <= I <= K, got '{value}'")
    return i, k


def systems_option(value: str) -> list[str]:
    try:
        return parse_systems(value)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "eval",
        help="score newsweave and peer summarizers with ROUGE against reference summaries",
        description="Summarize every cluster of each dataset with each system, cut every "
        "output to the same number of words, and score it with ROUGE against the human "
        "reference: means with 95% bootstrap intervals and paired bootstrap tests. "
        "Datasets: JSON Lines (.jsonl, .jsonl.gz) with one cluster per line, or Multi-News "
        "source files (documents joined by |||||) next to their target file.",
    )
    parser.add_argument("datasets", nargs="+", metavar="DATASET", help="dataset files")
    parser.add_argument(
        "--words",
        type=words_option,
        default=None,
        metavar="N|auto",
        help="length budget in words for every system; 'auto' (default) uses the dataset's "
        "mean reference length, rounded",
    )
    parser.add_argument(
        "--systems",
        type=systems_option,
        default=list(DEFAULT_SYSTEMS),
        metavar="A,B,...",
        help=f"systems to compare, comma-separated (default: {','.join(DEFAULT_SYSTEMS)}); "
        "'newsweave' is the default summarizer, 'oracle' the greedy extractive ceiling",
    )
    parser.add_argument(
        "--limit", type=positive_int, metavar="K", help="only the first K clusters of each dataset"
    )
    parser.add_argument(
        "--fold",
        type=fold_option,
        metavar="I/K",
        help="score only the I-th of K contiguous parts of each dataset (after --limit); "
        "1/2 and 2/2 are its two halves, on which a tuned constant must hold",
    )
    parser.add_argument(
        "--references",
        metavar="FILE",
        help="target (reference) file of a Multi-News source file, when its name is not the "
        "source's with 'src' replaced by 'tgt'",
    )
    parser.add_argument(
        "--predictions-dir",
        metavar="DIR",
        help="write DIR/<system>.jsonl, one {id, summary} line per cluster",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the results as JSON here")
    add_dask_options(parser, "summarize and score the clusters")
    parser.set_defaults(handler=run)


def _load(args: argparse.Namespace) -> list[Dataset]:
    if args.references and len(args.datasets) != 1:
        raise ConfigError("--references goes with exactly one (Multi-News source) dataset")
    datasets = []
    for path in args.datasets:
        dataset = read_dataset(path, references=args.references, limit=args.limit)
        _output.report_problems(dataset.problems)
        if args.fold is not None:
            dataset = dataset.fold(*args.fold)
        if not dataset.clusters:
            raise NoInputError(f"{path}: no usable cluster with a reference summary")
        datasets.append(dataset)
    return datasets


def _write_predictions(
    directory: Path, dataset: Dataset, systems: list[System], outputs: list[Any], nested: bool
) -> None:
    folder = directory / dataset.name if nested else directory
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for system, result in zip(systems, outputs, strict=True):
            path = folder / f"{system.name}.jsonl"
            with open(path, "w", encoding="utf-8") as handle:
                for cluster_id, summary in zip(result.ids, result.summaries, strict=True):
                    line = {"id": cluster_id, "summary": "\n".join(summary)}
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise NewsweaveError(f"{folder}: cannot write predictions ({exc.strerror or exc})") from exc
    _output.stderr.print(f"wrote predictions to {folder}", highlight=False)


def run(args: argparse.Namespace) -> int:
    check_options(args)
    scorer = Scorer()
    systems = [make_system(name, scorer) for name in args.systems]
    datasets = _load(args)
    total = sum(len(d.clusters) for d in datasets) * len(systems)
    reports = []
    markdown = []
    with open_runner(args) as runner, _output.progress_bar("evaluating", total) as bar:
        task = bar.task_ids[0]
        for dataset in datasets:
            bar.update(task, description=f"evaluating {dataset.name}")
            report, outputs = evaluate(
                dataset,
                systems,
                args.words,
                scorer,
                advance=lambda n: bar.advance(task, n),
                runner=runner,
            )
            for failure in report["failed"]:
                _output.warn(failure)
            reports.append(report)
            markdown.append(to_markdown(report))
            if args.predictions_dir:
                nested = len(datasets) > 1
                _write_predictions(Path(args.predictions_dir), dataset, systems, outputs, nested)
    _output.write_result("\n".join(markdown), None)
    if args.output:
        results = {
            "newsweave_version": __version__,
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "systems": args.systems,
            "datasets": reports,
        }
        _output.write_result(json.dumps(results, indent=2, ensure_ascii=False) + "\n", args.output)
    return 0
