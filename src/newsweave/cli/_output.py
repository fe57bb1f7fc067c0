"""Everything the CLI writes: results to stdout or a file, messages and progress to stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsweave.errors import NewsweaveError
from newsweave.model import Problem

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    stderr.print(f"[bold red]error:[/] {_literal(message)}", markup=True, highlight=False)


def warn(message: str) -> None:
    stderr.print(f"[yellow]warning:[/] {_literal(message)}", markup=True)


# Control characters in a message (a file name with a newline in it) are shown escaped,
# so every message stays one line and cannot move the cursor or fake another message.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(32), 127)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def _literal(text: str) -> str:
    """``text`` as is on the terminal: no rich markup, no control characters."""
    return text.translate(_CONTROLS).replace("[", "\\[")


def report_problems(problems: Sequence[Problem]) -> None:
    """One line per problem, then a count of skipped inputs."""
    for problem in problems:
        warn(str(problem))
    skipped = sum(1 for p in problems if p.skipped)
    if skipped:
        stderr.print(f"skipped {skipped} input{'s' if skipped != 1 else ''}", highlight=False)


def write_result(text: str, output: str | None) -> None:
    if not output or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"{output}: cannot write output ({exc.strerror or exc})") from exc
    stderr.print(f"wrote {output}", highlight=False)


class RateColumn(ProgressColumn):
    """Items per second; blank until rich has measured a rate (``task.speed`` is None)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:>7.1f}/s" if speed is not None else "", style="progress.data.speed")


@contextmanager
def progress_bar(description: str, total: int | None, enabled: bool = True) -> Iterator[Progress]:
    """A rich progress bar on stderr with counts, rate and time left."""
    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    progress = Progress(*columns, console=stderr, transient=True, disable=not enabled)
    with progress:
        progress.add_task(description, total=total)
        yield progress


@contextmanager
def stream_progress(description: str, enabled: bool = True) -> Iterator[Progress]:
    """A counter for streams of unknown length: items so far, their rate, time elapsed."""
    columns = [
        TextColumn("[bold]{task.description}"),
        TextColumn("{task.completed:,.0f}"),
        RateColumn(),
        TimeElapsedColumn(),
    ]
    progress = Progress(*columns, console=stderr, transient=True, disable=not enabled)
    with progress:
        progress.add_task(description, total=None)
        yield progress


def summarize_rejected(problems: Sequence[Problem], accepted: int, what: str = "articles") -> None:
    """The end-of-run summary of a long command: what was used, what was rejected and why."""
    skipped = [p for p in problems if p.skipped]
    reasons: dict[str, int] = {}
    for problem in skipped:
        reason = problem.reason.split(" (")[0]  # details in parentheses differ per input
        reasons[reason] = reasons.get(reason, 0) + 1
    plural = "s" if len(skipped) != 1 else ""
    line = f"{accepted:,} {what} used, {len(skipped):,} input{plural} rejected"
    stderr.print(line, highlight=False)
    for reason, count in sorted(reasons.items(), key=lambda rc: -rc[1]):
        stderr.print(f"  {count:>6,} × {_literal(reason)}", highlight=False)
