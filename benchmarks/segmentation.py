"""Sentence splitters compared on the hand-labelled sample and for speed on the dev set.

Accuracy uses two hand-labelled files in tests/data/segmentation (text plus gold sentence
spans): sample.jsonl, whose errors guided the rules in newsweave/segment.py, and heldout.jsonl,
labelled after those rules were fixed, so it shows how well they carry over to unseen text.
A boundary is the start of every sentence but the first of a passage; precision, recall
and F1 count boundaries, "exact" is the share of gold sentences a splitter returns exactly.
Every splitter's spans are trimmed of surrounding whitespace before scoring, so only where it
cuts matters, not what whitespace it keeps.

Speed: sentences per second over the cleaned articles of the dev sets, and the time per
10-article cluster of average length (summarization budgets ~20 ms per cluster in total).

    python -m benchmarks.segmentation [--data DIR] [--limit N] [--repeat R] [--errors NAME]

Splitters whose library is not installed (pysbd, spaCy, blingfire are not dependencies of
newsweave) are listed as skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.segment import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "segmentation" / "sample.jsonl"
HELDOUT = ROOT / "tests" / "data" / "segmentation" / "heldout.jsonl"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEV_FILES = ("multinews-dev.jsonl", "wcep-dev.jsonl")

Span = tuple[int, int]
Splitter = Callable[[str], list[Span]]
_LINE = re.compile(r"[^\n]+")


# --- splitters -----------------------------------------------------------------------------


def trimmed(text: str, spans: Iterable[Span]) -> list[Span]:
    """Spans shrunk to exclude surrounding whitespace; empty ones dropped."""
    out: list[Span] = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        tail = len(piece) - len(piece.rstrip())
        if start + lead < end - tail:
            out.append((start + lead, end - tail))
    return out


def per_line(split: Splitter) -> Splitter:
    """Run ``split`` on each line separately: a line break always ends a sentence."""

    def run(text: str) -> list[Span]:
        spans: list[Span] = []
        for line in _LINE.finditer(text):
            base = line.start()
            spans.extend((base + s, base + e) for s, e in split(line.group()))
        return spans

    return run


def _newsweave() -> Splitter:
    return lambda text: list(sentence_spans(text))


def _syntok() -> Splitter:
    from syntok import segmenter

    def run(text: str) -> list[Span]:
        spans: list[Span] = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                tokens = [t for t in sentence if t.value]
                if tokens:
                    spans.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
        return spans

    return run


def _pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(s.start, s.end) for s in segmenter.segment(text)]


def _spacy() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return lambda text: [(s.start_char, s.end_char) for s in nlp(text).sents]


def _blingfire() -> Splitter:
    import blingfire

    def run(text: str) -> list[Span]:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [(int(s), int(e)) for s, e in offsets]

    return run


def _lines(factory: Callable[[], Splitter]) -> Callable[[], Splitter]:
    return lambda: per_line(factory())


# name -> (factory, distribution whose version we report)
SPLITTERS: dict[str, tuple[Callable[[], Splitter], str]] = {
    "newsweave segment.py": (_newsweave, "syntok"),
    "syntok": (_syntok, "syntok"),
    "syntok per line": (_lines(_syntok), "syntok"),
    "pysbd": (_pysbd, "pysbd"),
    "pysbd per line": (_lines(_pysbd), "pysbd"),
    "spaCy sentencizer": (_spacy, "spacy"),
    "spaCy sentencizer per line": (_lines(_spacy), "spacy"),
    "blingfire": (_blingfire, "blingfire"),
    "blingfire per line": (_lines(_blingfire), "blingfire"),
}


# --- the labelled sample -------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    gold: tuple[Span, ...]


def load_sample(path: Path = SAMPLE) -> list[Passage]:
    """The hand-labelled passages; checks that each gold span selects its sentence."""
    passages: list[Passage] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text: str = record["text"]
            gold = tuple((int(s), int(e)) for s, e in record["spans"])
            if [text[s:e] for s, e in gold] != record["sentences"]:
                raise ValueError(f"{path}: spans of {record['id']} do not select its sentences")
            passages.append(Passage(record["id"], text, gold))
    return passages


@dataclass(frozen=True)
class Score:
    true_pos: int
    false_pos: int
    false_neg: int
    exact: int
    gold_sentences: int

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.gold_sentences if self.gold_sentences else 1.0


def boundaries(spans: Sequence[Span]) -> set[int]:
    """Where sentences start, except the first: the cuts a splitter made."""
    starts = sorted(s for s, _ in spans)
    return set(starts[1:])


def score(split: Splitter, passages: Iterable[Passage]) -> Score:
    tp = fp = fn = exact = total = 0
    for passage in passages:
        predicted = trimmed(passage.text, split(passage.text))
        want, got = boundaries(passage.gold), boundaries(predicted)
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        exact += len(set(passage.gold) & set(predicted))
        total += len(passage.gold)
    return Score(tp, fp, fn, exact, total)


def errors(split: Splitter, passages: Iterable[Passage], context: int = 40) -> list[str]:
    """Each wrong or missed cut with its context, ``⟂`` marking the position."""
    lines: list[str] = []
    for passage in passages:
        text = passage.text
        predicted = trimmed(text, split(text))
        want, got = boundaries(passage.gold), boundaries(predicted)
        for kind, cuts in (("false split", got - want), ("missed split", want - got)):
            for cut in sorted(cuts):
                left = text[max(0, cut - context) : cut].replace("\n", "⏎")
                right = text[cut : cut + context].replace("\n", "⏎")
                lines.append(f"{passage.id}: {kind}: …{left}⟂{right}…")
    return lines


# --- speed ---------------------------------------------------------------------------------


def dev_texts(data: Path, limit: int) -> list[str]:
    """Cleaned article texts from the dev sets, alternating between them, ``limit`` in all."""
    from newsweave.pipeline import load

    per_file = [
        [a.text for c in load([str(data / name)]).clusters for a in c.articles]
        for name in DEV_FILES
        if (data / name).exists()
    ]
    mixed = [t for group in zip(*per_file, strict=False) for t in group]
    return mixed[:limit]


@dataclass(frozen=True)
class Speed:
    sentences_per_second: float
    ms_per_cluster: float  # 10 articles of the slice's average length


def speeds(splits: dict[str, Splitter], texts: Sequence[str], repeat: int) -> dict[str, Speed]:
    """Best of ``repeat`` timed passes per splitter. The passes take turns between splitters,
    so a burst of load on a shared machine hurts them all alike rather than one of them."""
    best = dict.fromkeys(splits, float("inf"))
    counts = dict.fromkeys(splits, 0)
    for split in splits.values():
        split(texts[0])  # warm-up: lazy imports, compiled patterns, caches
    for _ in range(repeat):
        for name, split in splits.items():
            started = time.perf_counter()
            counts[name] = sum(len(split(text)) for text in texts)
            best[name] = min(best[name], time.perf_counter() - started)
    return {
        name: Speed(counts[name] / best[name], 1000 * best[name] / len(texts) * 10)
        for name in splits
    }


# --- report --------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, load average {load}; "
        f"Python {platform.python_version()} on {platform.system()}"
    )


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def run(args: argparse.Namespace) -> str:
    """The comparison as Markdown."""
    passages = load_sample()
    heldout = load_sample(HELDOUT)
    gold_count = sum(len(p.gold) for p in passages)
    heldout_count = sum(len(p.gold) for p in heldout)
    texts = dev_texts(Path(args.data), args.limit) if args.limit > 0 else []
    mean_chars = sum(map(len, texts)) / len(texts) if texts else 0.0
    chosen = args.only or list(SPLITTERS)
    out = [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        "",
        f"Accuracy on {len(passages)} hand-labelled passages ({gold_count} sentences) and on "
        f"{len(heldout)} held-out passages ({heldout_count} sentences); "
        + (
            f"speed on {len(texts)} cleaned dev articles of {mean_chars:,.0f} characters on "
            f"average (best of {args.repeat} passes, taking turns)."
            if texts
            else "speed not measured (no dev data found; pass --data DIR)."
        ),
        "",
        "| splitter | version | boundary P | boundary R | boundary F1 | exact sentences "
        "| held-out F1 | held-out exact | sentences/s | ms per 10 articles |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    skipped: list[str] = []
    error_lines: list[str] = []
    splits: dict[str, Splitter] = {}
    for name in chosen:
        factory, _ = SPLITTERS[name]
        try:
            splits[name] = factory()
        except ImportError as exc:
            skipped.append(f"{name} ({exc.name or exc} not installed)")
    timed = speeds(splits, texts, args.repeat) if texts else {}
    for name, split in splits.items():
        s = score(split, passages)
        h = score(split, heldout)
        sp = timed.get(name)
        speed_cells = f"{sp.sentences_per_second:,.0f} | {sp.ms_per_cluster:.1f}" if sp else "– | –"
        out.append(
            f"| {name} | {version(SPLITTERS[name][1])} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {s.f1:.3f} | {s.accuracy:.3f} ({s.exact}/{s.gold_sentences}) "
            f"| {h.f1:.3f} | {h.accuracy:.3f} ({h.exact}/{h.gold_sentences}) | {speed_cells} |"
        )
        if name in (args.errors or []):
            error_lines += [f"### Errors of {name}", "", "```"]
            error_lines += errors(split, passages)
            error_lines += [f"held-out {line}" for line in errors(split, heldout)]
            error_lines += ["```", ""]
    if skipped:
        out += ["", "Skipped: " + "; ".join(skipped) + "."]
    if error_lines:
        out += ["", *error_lines]
    return "\n".join(out) + "\n"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.segmentation", description=__doc__)
    p.add_argument("--data", default=str(DEFAULT_DATA), help="folder with the dev JSONL files")
    p.add_argument("--limit", type=int, default=400, help="dev articles timed (0: no timing)")
    p.add_argument("--repeat", type=int, default=3, help="timed passes; the best counts")
    p.add_argument("--only", action="append", choices=list(SPLITTERS), help="splitters to run")
    p.add_argument(
        "--errors", action="append", choices=list(SPLITTERS), help="list this splitter's errors"
    )
    return p


def main(argv: Sequence[str] | None = None) -> None:
    sys.stdout.write(run(parser().parse_args(argv)))


if __name__ == "__main__":
    main()
