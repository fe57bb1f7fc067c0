"""Evaluation datasets: clusters of articles, each with a human reference summary.

Three layouts are read, all through the ingest readers so an evaluated cluster is exactly
what ``newsweave summarize`` would see (same cleaning, same problems reported):

* our JSON Lines, one cluster per line ``{"id", "articles": [{"text", "title"?}], "summary"}``
  (also WCEP's ``.jsonl.gz`` and Multi-News lines that join documents with ``|||||``);
* Multi-News's paired text files: a source file whose lines are clusters (documents joined
  by ``|||||``, newlines written as ``NEWLINE_CHAR``) and a target file with the reference
  on the same line number. The target is found by replacing ``src`` with ``tgt`` in the
  source file's name, or given explicitly.

A line that cannot be used is reported as a ``Problem`` naming the file and line, and is
left out of the dataset, so every system is scored on the same clusters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.errors import ConfigError, InputError
from newsweave.ingest import limits, read_inputs, sniff, within_limits
from newsweave.ingest.jsonl import records_to_documents
from newsweave.model import Article, Cluster, Problem, RawDocument
from newsweave.pipeline.cleaning import Grouped, clean

__all__ = ["Dataset", "read_dataset", "target_path_for"]

# Multi-News's released text files write the documents' line breaks as this token.
MULTI_NEWS_NEWLINE = "NEWLINE_CHAR"


@dataclass
class Dataset:
    """The usable clusters of one dataset file and the problems met reading it."""

    name: str
    path: str
    clusters: list[Cluster] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def fold(self, index: int, count: int) -> Dataset:
        """The ``index``-th (from 1) of ``count`` contiguous, near-equal parts of the clusters
        (the first parts one larger when they do not divide evenly): ``fold(1, 2)`` and
        ``fold(2, 2)`` are the two halves that tuned constants must both hold on."""
        if not 1 <= index <= count:
            raise ConfigError(f"fold {index} of {count}: expected 1 <= I <= K")
        n = len(self.clusters)
        start = sum(n // count + (1 if k < n % count else 0) for k in range(index - 1))
        size = n // count + (1 if index - 1 < n % count else 0)
        name = f"{self.name} (fold {index}/{count})"
        return Dataset(name, self.path, self.clusters[start : start + size], self.problems)

    def mean_reference_words(self) -> float:
        if not self.clusters:
            return 0.0
        return sum(len((c.reference or "").split()) for c in self.clusters) / len(self.clusters)


def dataset_name(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".json", ".ndjson", ".txt"):
        name = name.removesuffix(suffix)
    return name


def is_paired_text(path: Path) -> bool:
    """A Multi-News source file: not JSON, and ``src`` in its name."""
    lower = path.name.lower()
    if lower.endswith((".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz")):
        return False
    return "src" in lower


def target_path_for(source: Path) -> Path:
    """``test.src.cleaned`` -> ``test.tgt.cleaned``: the last ``src`` of the name replaced."""
    name = source.name
    at = name.lower().rfind("src")
    if at < 0:
        raise ConfigError(
            f"{source}: cannot find the reference file of a source file without 'src' in its "
            "name; give it with --references FILE"
        )
    return source.with_name(name[:at] + "tgt" + name[at + 3 :])


def read_dataset(path: str, references: str | None = None, limit: int | None = None) -> Dataset:
    """Read one dataset file; ``limit`` keeps only its first usable clusters."""
    source = Path(path)
    if not source.is_file():
        reason = "not a regular file" if source.exists() else "no such file"
        raise InputError(path, reason)
    dataset = Dataset(dataset_name(source), path)
    if references is not None or is_paired_text(source):
        target = Path(references) if references is not None else target_path_for(source)
        # The same bounds as every reader: oversized documents refused, problems past
        # the per-input cap counted, not listed (a file of blank lines is one warning).
        items = within_limits(path, _paired_documents(source, target))
    else:
        try:
            fmt = sniff.format_of(source.name)
        except InputError as exc:
            raise InputError(path, exc.reason) from None
        if fmt not in (sniff.JSON, sniff.JSONL):
            raise InputError(
                path,
                "not an evaluation dataset: expected JSON Lines (.jsonl, .jsonl.gz) or a "
                "Multi-News source file with 'src' in its name",
            )
        items = read_inputs([path])
    seen: set[str] = set()
    tap = _LineTap()
    # Cleaned as every command cleans (``pipeline.clean``, one run over the whole file), so
    # an evaluated cluster is exactly what ``newsweave summarize`` would see.
    for line, articles, problems in _by_line(clean(tap.watch(items))):
        dataset.problems.extend(problems)
        cluster = _cluster_of(line, articles, tap.first.pop(line, None), dataset.problems, seen)
        if cluster is not None:
            dataset.clusters.append(cluster)
            if limit is not None and len(dataset.clusters) >= limit:
                break
    return dataset


_ARTICLE_SUFFIX = re.compile(r"#\d+$")  # not split at the first "#": a file name may hold one


def _line_of(where: str) -> str:
    """``data.jsonl:12#3`` (article 3 of line 12) -> ``data.jsonl:12``."""
    return _ARTICLE_SUFFIX.sub("", where)


class _LineTap:
    """Remembers the first raw document of each dataset line (its group and reference)
    until the line's cleaned articles are grouped: a line whose documents were all cleaned
    away is still known as a cluster with no usable article."""

    def __init__(self) -> None:
        self.first: dict[str, RawDocument] = {}

    def watch(self, items: Iterable[RawDocument | Problem]) -> Iterator[RawDocument | Problem]:
        for item in items:
            if isinstance(item, RawDocument):
                self.first.setdefault(_line_of(item.origin), item)
            yield item


def _by_line(
    items: Iterable[Grouped | Problem],
) -> Iterator[tuple[str, list[Article], list[Problem]]]:
    """Group the cleaned stream by dataset line; a line's items come consecutively."""
    current: str | None = None
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        where = item.where if isinstance(item, Problem) else item.article.origin
        line = _line_of(where)
        if line != current and current is not None:
            yield current, articles, problems
            articles, problems = [], []
        current = line
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item.article)
    if current is not None:
        yield current, articles, problems


def _cluster_of(
    line: str,
    articles: list[Article],
    first: RawDocument | None,
    problems: list[Problem],
    seen: set[str],
) -> Cluster | None:
    if first is None:
        return None  # the reader already reported why the line is unusable
    reference = first.reference
    if first.group is None or not reference or not reference.strip():
        problems.append(Problem(line, "no reference summary: not a dataset cluster"))
        return None
    if not articles:
        problems.append(Problem(line, "cluster has no usable article"))
        return None
    cluster_id = first.group
    if cluster_id in seen:
        problems.append(Problem(line, f"duplicate id '{cluster_id}': renamed", skipped=False))
        cluster_id = f"{cluster_id}@{line}"
    seen.add(cluster_id)
    return Cluster(cluster_id, tuple(articles), reference)


def _open_lines(path: Path) -> Iterator[bytes | None]:
    """The file's lines (gunzipped and bounded like every input); ``None`` for a line
    over the document limit."""
    try:
        with path.open("rb") as handle:
            yield from limits.bounded_lines(limits.decompressed(str(path), handle))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(str(path), f"cannot read file ({reason.lower()})") from exc


class _End:
    """Fill value of the shorter file when the two have different numbers of lines."""


def _paired_documents(source: Path, target: Path) -> Iterator[RawDocument | Problem]:
    """Multi-News text files as the JSON reader's records, one cluster per line pair."""
    if not target.is_file():
        raise InputError(
            str(target),
            f"reference file of {source} not found; give it with --references FILE",
        )
    try:
        yield from _paired_lines(source, target)
    except InputError as exc:  # a broken gzip stream: the lines before it are kept
        yield Problem(exc.where, f"{exc.reason}; the rest of the file is left out")


def _paired_lines(source: Path, target: Path) -> Iterator[RawDocument | Problem]:
    end = _End()
    pairs = itertools.zip_longest(_open_lines(source), _open_lines(target), fillvalue=end)
    for number, (src_raw, tgt_raw) in enumerate(pairs, 1):
        where = f"{source}:{number}"
        if isinstance(src_raw, _End) or isinstance(tgt_raw, _End):
            longer = source if isinstance(tgt_raw, _End) else target
            yield Problem(
                f"{longer}:{number}",
                f"{source.name} and {target.name} have different numbers of lines; "
                "lines without a partner were left out",
            )
            return
        if src_raw is None or tgt_raw is None:
            size = limits.megabytes(limits.MAX_DOCUMENT_BYTES)
            yield Problem(where, f"line larger than {size} (in {source.name} or {target.name})")
            continue
        try:
            document, warning = sniff.decode(where, src_raw.rstrip(b"\r\n"))
            summary, _ = sniff.decode(f"{target}:{number}", tgt_raw.rstrip(b"\r\n"))
        except InputError as exc:
            yield Problem(exc.where, exc.reason)
            continue
        if warning:
            yield Problem(where, warning, skipped=False)
        if not document.strip():
            yield Problem(where, "empty line: no documents")
            continue
        record = {"document": document.replace(MULTI_NEWS_NEWLINE, "\n"), "summary": summary}
        yield from records_to_documents(where, record, f"{source.name}:{number}")
