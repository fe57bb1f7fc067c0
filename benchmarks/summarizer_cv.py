"""Summarizer constants, cross-validated: every tuned constant of ``summarize/`` and
``clean.py`` re-justified on both halves of each dev set and on the example cluster.

For each constant, a few values around the current one are run on the dev sets it affects
(briefs: Multi-News at its mean reference length, 228 words; headlines: WCEP at 28 words).
The criterion is the mean ROUGE-1 + ROUGE-2 F1 (x100) over a half's clusters, summed over the
sets the constant affects. Two-fold cross-validation: the value best on half A is scored on
half B, and the other way round; a value other than the current one would be adopted only
if it wins on the half it was not chosen on, in both directions. The example cluster
(``examples/aleppo-2016-12``) is checked for every value: the 100-word brief must carry the
core news (the truce being ruled out), cite at least three of its four articles, and the
28-word headline must be one sentence within budget that names Assad and Aleppo.

    python -m benchmarks.summarizer_cv [--data DIR] [--limit N] [--only NAME,...]
    python -m benchmarks --only summarizer_cv
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks._common import DEV_SETS, default_data_dir, load_average, machine, utc_now
from newsweave import clean
from newsweave.config import Budget
from newsweave.evaluation import Scorer, cut_to_words, read_dataset
from newsweave.evaluation.bootstrap import paired_test
from newsweave.model import Cluster
from newsweave.pipeline import load
from newsweave.segment import SegmentedCluster
from newsweave.summarize import (
    brief,
    compress,
    concepts,
    filters,
    headline,
    ilp,
    picks,
    summarize_cluster,
    units,
)
from newsweave.summarize.clauses import Reading

NAME = "summarizer_cv"
TITLE = "summarizer constants, cross-validated on both halves of each dev set"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "aleppo-2016-12"
BRIEFS, HEADLINES = "multinews-dev.jsonl", "wcep-dev.jsonl"
WORDS = {BRIEFS: 228, HEADLINES: 28}
LABELS = dict(DEV_SETS)


@dataclass(frozen=True)
class Constant:
    """A tuned constant: where it lives, the values to try, the dev sets it affects."""

    name: str
    targets: tuple[tuple[ModuleType, str], ...]  # every module attribute holding it
    values: tuple[Any, ...]
    sets: tuple[str, ...]
    why: str  # what it does, in a few words
    reads: bool = False  # it acts while reading (cleaning): the sets are read again

    @property
    def current(self) -> Any:
        module, attribute = self.targets[0]
        return getattr(module, attribute)


BOTH = (BRIEFS, HEADLINES)
_ALL: tuple[Constant, ...] = (
    Constant(
        "concepts.HALF_VOTE_POSITION",
        ((concepts, "HALF_VOTE_POSITION"),),
        (2.0, 4.0, 8.0),
        BOTH,
        "sentence position at which a mention's vote halves",
    ),
    Constant(
        "concepts.MIN_AGREEMENT",
        ((concepts, "MIN_AGREEMENT"),),
        (0.0, 0.05, 0.2),
        BOTH,
        "floor of an article's agreement with the cluster",
    ),
    Constant(
        "picks.SAME_FACT",
        ((picks, "SAME_FACT"), (units, "SAME_FACT")),
        (0.4, 0.5, 0.6),
        BOTH,
        "term overlap at which two sentences state the same fact",
    ),
    Constant(
        "filters.MIN_WORDS",
        ((filters, "MIN_WORDS"),),
        (4, 6, 8),
        BOTH,
        "shorter sentences are not summary material",
    ),
    Constant(
        "filters.MAX_WORDS",
        ((filters, "MAX_WORDS"),),
        (50, 70, 90),
        BOTH,
        "longer sentences are run-together lists",
    ),
    Constant(
        "compress.MIN_KEPT_WORDS",
        ((compress, "MIN_KEPT_WORDS"),),
        (4, 6, 8),
        BOTH,
        "a compression must leave this many words",
    ),
    Constant(
        "brief.MAX_CANDIDATES",
        ((brief, "MAX_CANDIDATES"),),
        (30, 50, 80),
        (BRIEFS,),
        "sentences given to the brief's integer program",
    ),
    Constant(
        "brief.MIN_SENTENCES",
        ((brief, "MIN_SENTENCES"),),
        (1, 2, 3),
        (BRIEFS,),
        "a bigram concept must occur in this many sentences",
    ),
    Constant(
        "brief.BRIEF_RULES",
        ((brief, "BRIEF_RULES"),),
        (
            frozenset({"dateline"}),
            frozenset({"dateline", "label"}),
            frozenset({"dateline", "label", "parenthetical", "weekday"}),
        ),
        (BRIEFS,),
        "compression rules briefs apply",
    ),
    Constant(
        "ilp.NODE_LIMIT",
        ((ilp, "NODE_LIMIT"),),
        (10, 50, 200),
        (BRIEFS,),
        "branch-and-bound nodes HiGHS may explore",
    ),
    Constant(
        "ilp.REL_GAP",
        ((ilp, "REL_GAP"),),
        (0.005, 0.02, 0.05),
        (BRIEFS,),
        "optimality gap at which the solver stops",
    ),
    Constant(
        "headline.TITLE_VOTE",
        ((headline, "TITLE_VOTE"),),
        (1.0, 2.0, 4.0),
        (HEADLINES,),
        "a title term's vote, in first-sentence mentions",
    ),
    Constant(
        "headline.LEAD_BONUS",
        ((headline, "LEAD_BONUS"),),
        (0.0, 1.0, 3.0),
        (HEADLINES,),
        "bonus of a first sentence, in first-sentence votes",
    ),
    Constant(
        "headline.LEAD_SENTENCES",
        ((headline, "LEAD_SENTENCES"),),
        (4, 8, 12),
        (HEADLINES,),
        "how deep into each article a headline looks",
    ),
    Constant(
        "headline.MAX_CANDIDATES",
        ((headline, "MAX_CANDIDATES"),),
        (30, 60, 120),
        (HEADLINES,),
        "units given to the headline's program",
    ),
    Constant(
        "compress.LONGEST_CUTS",
        ((compress, "LONGEST_CUTS"),),
        (1, 2, 4),
        (HEADLINES,),
        "early cuts kept per sentence under a headline budget",
    ),
    Constant(
        "clean.MAX_JUNK_WORDS",
        ((clean, "MAX_JUNK_WORDS"),),
        (12, 20, 30),
        BOTH,
        "prompt-like lines longer than this are content",
        reads=True,
    ),
    Constant(
        "clean.MAX_TITLE_WORDS",
        ((clean, "MAX_TITLE_WORDS"),),
        (18, 25, 35),
        BOTH,
        "longer lines are paragraphs, not headlines",
        reads=True,
    ),
    Constant(
        "clean.SHORT_LINE_WORDS",
        ((clean, "SHORT_LINE_WORDS"),),
        (4, 6, 8),
        BOTH,
        "a line this short is a menu item or a button",
        reads=True,
    ),
    Constant(
        "clean.REPEAT_MIN_ARTICLES",
        ((clean, "REPEAT_MIN_ARTICLES"),),
        (2, 3, 5),
        BOTH,
        "a line in this many articles of one input is boilerplate",
        reads=True,
    ),
)
# Cheapest first (headlines: WCEP only), so a cut-short run still covers the most constants.
_COST = {HEADLINES: 1, BRIEFS: 3}
CONSTANTS = tuple(sorted(_ALL, key=lambda c: sum(_COST[s] for s in c.sets) + 2 * c.reads))
# Constants that are not tuned to the data, and why they need no cross-validation.
NOT_TUNED = (
    (
        "weave.HEADLINE_WORDS = 40",
        "the switch between headline and brief; neither dev "
        "budget (28, 228) is near it, so no dev score depends on it",
    ),
    ("headline.MAX_UNITS = 1", "a headline is one sentence by definition"),
    (
        "ilp.TIME_LIMIT = 1.0 s",
        "a safety net far above what the node and gap limits take; it "
        "decides nothing under normal load (and would make the output load-dependent)",
    ),
    (
        "cuts.py, clauses.py word lists",
        "closed word classes of English (articles, "
        "prepositions, auxiliaries, subordinators), not fitted to the dev sets",
    ),
)


@contextmanager
def patched(constant: Constant, value: Any) -> Iterator[None]:
    """``constant`` set to ``value`` everywhere it is read, restored afterwards."""
    saved = [getattr(module, attribute) for module, attribute in constant.targets]
    try:
        for module, attribute in constant.targets:
            setattr(module, attribute, value)
        if constant.name == "clean.REPEAT_MIN_ARTICLES":
            clean.repeated_lines.__defaults__ = (value,)
        yield
    finally:
        for (module, attribute), old in zip(constant.targets, saved, strict=True):
            setattr(module, attribute, old)
        if constant.name == "clean.REPEAT_MIN_ARTICLES":
            clean.repeated_lines.__defaults__ = (saved[0],)


@dataclass
class Scores:
    """Per-cluster R1 and R2 (x100) of one setting on one set, in cluster order."""

    r1: list[float] = field(default_factory=list)
    r2: list[float] = field(default_factory=list)

    def half(self, which: int) -> tuple[list[float], list[float]]:
        n = len(self.r1)
        part = slice(0, (n + 1) // 2) if which == 0 else slice((n + 1) // 2, n)
        return self.r1[part], self.r2[part]

    def criterion(self, which: int) -> float:
        r1, r2 = self.half(which)
        return statistics.fmean(r1) + statistics.fmean(r2)


def read_docs(path: Path, limit: int | None) -> list[SegmentedCluster]:
    dataset = read_dataset(str(path), limit=limit)
    return [SegmentedCluster.from_cluster(c) for c in dataset.clusters]


def score(docs: Sequence[SegmentedCluster], words: int, scorer: Scorer) -> Scores:
    out = Scores()
    for doc in docs:
        fresh = SegmentedCluster(doc.cluster, doc.sentences)
        summary = [s.text for s in summarize_cluster(fresh, Budget(words=words))]
        result = scorer.score(doc.cluster.reference or "", cut_to_words(summary, words))
        out.r1.append(100 * result.rouge1)
        out.r2.append(100 * result.rouge2)
    return out


def example_check(cluster: Cluster) -> str:
    """ "ok", or what the example's brief or headline lacks under the current constants."""
    problems = []
    summary = summarize_cluster(cluster, Budget(words=100))
    text = " ".join(s.text for s in summary).lower()
    if not any(word in text for word in ("truce", "ceasefire")):
        problems.append("brief lacks the truce")
    if len({a for s in summary for a in s.support}) < 3:
        problems.append("brief cites < 3 articles")
    top = summarize_cluster(cluster, Budget(words=28))
    words = sum(len(s.text.split()) for s in top)
    line = " ".join(s.text for s in top)
    reading = Reading(line)
    if len(top) != 1 or words > 28 or not reading.main_clause_before(len(reading.raw)):
        problems.append("headline not one sentence within 28 words")
    elif not ("assad" in line.lower() and "aleppo" in line.lower()):
        problems.append("headline lacks Assad or Aleppo")
    return "ok" if not problems else "; ".join(problems)


@dataclass
class Outcome:
    constant: Constant
    scores: dict[Any, dict[str, Scores]]  # value -> set -> scores
    example: dict[Any, str]
    seconds: float

    def criterion(self, value: Any, which: int) -> float:
        return sum(s.criterion(which) for s in self.scores[value].values())

    def best(self, which: int) -> Any:
        values = list(self.scores)
        return max(values, key=lambda v: (self.criterion(v, which), v == self.constant.current))


def run_constant(
    constant: Constant,
    docs: dict[str, list[SegmentedCluster]],
    data: Path,
    limit: int | None,
    scorer: Scorer,
) -> Outcome:
    start = time.perf_counter()
    scores: dict[Any, dict[str, Scores]] = {}
    example: dict[Any, str] = {}
    for value in constant.values:
        with patched(constant, value):
            per_set = {}
            for name in constant.sets:
                sets = read_docs(data / name, limit) if constant.reads else docs[name]
                per_set[name] = score(sets, WORDS[name], scorer)
            example[value] = example_check(load([str(EXAMPLE)]).clusters[0])
        scores[value] = per_set
        print(f"    {constant.name} = {value!r}: done", flush=True)
    return Outcome(constant, scores, example, time.perf_counter() - start)


def _show(value: Any) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return repr(value)


def _held_out(outcome: Outcome, chosen: Any, on: int) -> str:
    """Criterion on half ``on`` of the value chosen on the other half, against the current
    value on the same half, with the paired p-value of the R2 difference (first set)."""
    current = outcome.constant.current
    gain = outcome.criterion(chosen, on) - outcome.criterion(current, on)
    if chosen == current:
        return f"{_show(chosen)} (= current)"
    name = outcome.constant.sets[0]
    ours = outcome.scores[chosen][name].half(on)[1]
    base = outcome.scores[current][name].half(on)[1]
    p = paired_test(ours, base).p_value
    return f"{_show(chosen)}: {gain:+.2f} (R2 p={p:.2f})"


def verdict(outcome: Outcome) -> str:
    current = outcome.constant.current
    best_a, best_b = outcome.best(0), outcome.best(1)
    if best_a == best_b == current:
        return "current best on both halves"
    gains = [
        outcome.criterion(best_a, 1) - outcome.criterion(current, 1),
        outcome.criterion(best_b, 0) - outcome.criterion(current, 0),
    ]
    if best_a == best_b and all(g > 0 for g in gains):
        name = outcome.constant.sets[0]
        p_values = [
            paired_test(
                outcome.scores[best_a][name].half(which)[1],
                outcome.scores[current][name].half(which)[1],
            ).p_value
            for which in (0, 1)
        ]
        if min(p_values) >= 0.05:
            return f"{_show(best_a)} better on both halves, within noise (p >= 0.05): keep"
        return f"**{_show(best_a)} better on both halves**"
    if all(g <= 0 for g in gains):
        return "no value chosen on one half beats the current one on the other"
    return "halves disagree: keep current"


def example_cell(results: dict[Any, str]) -> str:
    """The example's checks: "ok", one problem shared by every value, or per value."""
    failing = {_show(v): e for v, e in results.items() if e != "ok"}
    if not failing:
        return "ok"
    if len(failing) == len(results) and len(set(failing.values())) == 1:
        return f"every value: {next(iter(failing.values()))}"
    return "; ".join(f"{v}: {e}" for v, e in failing.items())


def table(outcomes: list[Outcome]) -> str:
    lines = [
        "| constant | values tried | current: half 1 / half 2 | spread over values: half 1 "
        "/ half 2 | chosen on 1, scored on 2 | chosen on 2, scored on 1 | example | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        constant = outcome.constant
        current = constant.current
        spreads = []
        for which in (0, 1):
            values = [outcome.criterion(v, which) for v in outcome.scores]
            spreads.append(f"{max(values) - min(values):.2f}")
        example = example_cell(outcome.example)
        sets = "+".join("MN" if s == BRIEFS else "WCEP" for s in constant.sets)
        lines.append(
            f"| `{constant.name}` ({constant.why}; {sets}) "
            f"| {', '.join(_show(v) for v in constant.values)} "
            f"| {_show(current)}: {outcome.criterion(current, 0):.2f} / "
            f"{outcome.criterion(current, 1):.2f} "
            f"| {spreads[0]} / {spreads[1]} "
            f"| {_held_out(outcome, outcome.best(0), 1)} "
            f"| {_held_out(outcome, outcome.best(1), 0)} "
            f"| {example} | {verdict(outcome)} |"
        )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> str:
    data = Path(args.data)
    limit = args.limit
    wanted = set(args.only.split(",")) if getattr(args, "only", None) else None
    chosen = [c for c in CONSTANTS if wanted is None or c.name in wanted]
    scorer = Scorer()
    docs = {name: read_docs(data / name, limit) for name in (BRIEFS, HEADLINES)}
    sizes = {name: len(d) for name, d in docs.items()}
    started = utc_now()
    outcomes: list[Outcome] = []
    for constant in chosen:
        print(f"  {constant.name}", flush=True)
        outcomes.append(run_constant(constant, docs, data, limit, scorer))
        if getattr(args, "partial", None):  # what is done so far, in case the run is cut short
            Path(args.partial).write_text(page(outcomes, started, sizes, limit), "utf-8")
    return page(outcomes, started, sizes, limit)


def page(outcomes: list[Outcome], started: str, sizes: dict[str, int], limit: int | None) -> str:
    minutes = sum(o.seconds for o in outcomes) / 60
    limited = f" Limited to the first {limit} clusters of each set." if limit else ""
    halves = ", ".join(f"{LABELS[n]} {(k + 1) // 2} + {k // 2} clusters" for n, k in sizes.items())
    parts = [
        f"## {TITLE[:1].upper()}{TITLE[1:]}",
        "",
        f"Measured {started} on {machine()}, {minutes:.0f} min; load average at the end "
        f"{load_average()}.{limited} Halves: {halves} (first and second half of each "
        "file, the clusters of `newsweave eval --fold 1/2` and `2/2`, at the whole set's budget).",
        "",
        "Criterion: mean ROUGE-1 + ROUGE-2 F1 (x100) over a half's clusters, summed over the "
        "sets the constant affects (MN: Multi-News briefs at 228 words; WCEP: headlines at 28 "
        "words). *Spread* is how much the criterion moves across the values tried on a half "
        "(a flat criterion needs no tuning); *chosen on 1, scored on 2* is the value best on "
        "the first half and its criterion on the second half minus the current value's (with "
        "the paired bootstrap p-value of the ROUGE-2 difference on the first set listed), and "
        "the other way round. *Example*: the checks on `examples/aleppo-2016-12` (the brief "
        "carries the truce and cites 3+ articles; the headline is one sentence within 28 "
        "words naming Assad and Aleppo), for the values where they fail.",
        "",
        table(outcomes),
        "Not tuned, so not cross-validated:",
        "",
        *[f"- `{name}`: {why}." for name, why in NOT_TUNED],
        "",
        "Run it: `python -m benchmarks --only summarizer_cv` (all constants, about half an "
        "hour on 2 cores) or `python -m benchmarks.summarizer_cv --only NAME,NAME --limit K`.",
        "",
    ]
    return "\n".join(parts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summarizer_cv")
    parser.add_argument("--data", default=str(default_data_dir()))
    parser.add_argument("--limit", type=int, help="only the first K clusters of each set")
    parser.add_argument("--only", help="comma-separated constant names (default: all)")
    parser.add_argument("--partial", help="write the table so far to this file after each one")
    return parser


if __name__ == "__main__":
    print(run(build_parser().parse_args(sys.argv[1:])))
