"""Quality: ROUGE of every system on the dev sets at their auto budgets, with 95% bootstrap
intervals and paired bootstrap tests against newsweave, and the issue's reference figures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from benchmarks._common import DEV_SETS, DevRun, dev_run, stamp
from newsweave.evaluation import Dataset, Scorer, evaluate, make_system
from newsweave.evaluation.bootstrap import paired_test
from newsweave.model import Article, Cluster

NAME = "quality"
TITLE = "ROUGE against human references"

METRICS = (("rouge1", "R1"), ("rouge2", "R2"), ("rougeLsum", "RLsum"))

# Measured independently on multinews-dev at its auto budget (228 words) and published in
# the evaluation issue; our numbers must come within 0.5 points or be explained below.
REFERENCE_WORDS = 228
REFERENCE_FIGURES: dict[str, tuple[float, float, float]] = {
    "lead": (43.29, 13.87, 39.18),
    "lexrank": (43.49, 14.02, 39.47),
    "textrank": (41.48, 12.65, 37.20),
    "lsa": (41.34, 12.02, 37.02),
    "klsum": (39.99, 11.83, 36.15),
    "oracle": (61.03, 33.51, 56.50),
}
TOLERANCE = 0.5
# Why a system differs from the reference figure by more than the tolerance (written after
# measuring; a flagged system without a note is printed as unexplained).
# Since 2026-12-03 our reading reports the 35 Multi-News dev sources that are only a web
# archive's notice or a tweet widget's chrome (and 1 error page) and leaves them out.
_NOT_ARTICLES = (
    "Multi-News sources include pages that are not articles: 35 dev sources are only a web "
    "archive's notice or a tweet widget's chrome, and 1 an error page. Our reading reports "
    "them and leaves them out (docs/cleaning.md); the reference figures were measured with "
    "them in. "
)
NOTES: dict[str, str] = {
    "lead": _NOT_ARTICLES
    + "Lead gains most from that, as it takes each article's first sentences and a notice "
    "page is a whole article's worth of them (before the change: +0.45 / +0.35 / +0.48).",
    "lsa": _NOT_ARTICLES + "Before the change: +0.44 / +0.27 / +0.51.",
    "klsum": (
        "KL-Sum chooses sentences by the KL divergence between the word distributions of the "
        "summary and the cluster, so of all peers it is the most sensitive to what counts as "
        "a word and a sentence. sumy normally tokenizes with NLTK (which, e.g., splits "
        "clitics like \"n't\" off); NLTK's data cannot be downloaded, so it gets our sentences "
        "and a regex tokenizer. The offset moves with our preprocessing: with the cleaner and "
        "segmenter of the walking skeleton it was +0.29 / +0.37 / +0.41 (within 0.5; "
        "measured the same day), with the cleaner of 2026-12-02 +0.41 / +0.55 / +0.54, the "
        "same direction as every other peer. " + _NOT_ARTICLES
    ),
}

PROTOCOL = """Protocol (what `newsweave eval DATASET --words auto` does): every cluster is read
and cleaned as `newsweave summarize` would read it and split into sentences once (syntok);
every system sees the same sentences. Ranking systems (lead and sumy's peers) add sentences in rank
order until the budget is reached and are then cut to it; newsweave selects within the
budget itself; the greedy oracle adds the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1
against the reference until nothing improves or the budget is full. Every output is cut to
the same number of whitespace words. Scores: Google's `rouge-score` (`use_stemmer=True`,
F1, references split one sentence per line for ROUGE-Lsum), mean x100 over clusters, 95%
percentile bootstrap over clusters (1000 resamples, fixed seed); "newsweave − system" is
the paired bootstrap difference with its two-sided p-value."""


def _cell(row: dict[str, Any], metric: str) -> str:
    m = row[metric]
    return f"{m['mean']:.2f} ({m['low']:.2f}–{m['high']:.2f})"


def _versus(row: dict[str, Any], baseline: str) -> str:
    versus = row.get("vs_" + baseline)
    if not versus:
        return "—"
    return " / ".join(
        f"{versus[m]['difference']:+.2f} (p={versus[m]['p_value']:.3f})" for m, _ in METRICS
    )


def quality_table(run: DevRun) -> str:
    report = run.report
    baseline = report["baseline"]
    lines = [
        f"### {run.label}: {report['clusters']} clusters, budget {report['words']} words "
        f"(mean reference length {report['mean_reference_words']:.1f} words)",
        "",
    ]
    if report["skipped"]:
        # Name the file, not this machine's folder.
        folder = str(Path(report["path"]).parent) + "/"
        skipped = [p.replace(folder, "") for p in report["skipped"]]
        where = "; ".join(skipped[:6]) + (" ..." if len(skipped) > 6 else "")
        lines += [f"Left out of every system (bad input): {where}.", ""]
    lines += [
        f"| system | R1 (95% CI) | R2 (95% CI) | RLsum (95% CI) | mean words "
        f"| {baseline} − system: R1 / R2 / RLsum (p) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in report["systems"]:
        name = row["system"]
        if row["implementation"] not in (name, "greedy ROUGE-1+2 oracle"):
            name = f"{name} ({row['implementation']})"
        lines.append(
            f"| {name} | {_cell(row, 'rouge1')} | {_cell(row, 'rouge2')} "
            f"| {_cell(row, 'rougeLsum')} | {row['mean_words']:.1f} | {_versus(row, baseline)} |"
        )
    return "\n".join(lines) + "\n"


def halves_table(runs: list[DevRun], against: str = "lead") -> str:
    """newsweave against ``against`` on each half of each dev set (the clusters of
    ``newsweave eval --fold 1/2`` and ``2/2``, at the whole set's budget): a gain counts only
    when it holds on both halves."""
    lines = [
        f"### Each half of each dev set: newsweave against {against}",
        "",
        "The first and second half of each set's scored clusters (the clusters of `newsweave "
        "eval --fold 1/2` and `--fold 2/2`), both at the whole set's budget as above (`--fold` "
        "with `--words auto` would take each half's own mean reference length); differences "
        "are paired (same clusters), with the two-sided paired bootstrap p-value.",
        "",
        f"| set | half | clusters | newsweave R1 / R2 | {against} R1 / R2 | R1 difference (p) "
        "| R2 difference (p) |",
        "|---|---|---:|---|---|---|---|",
    ]
    for run in runs:
        by_name = {r.system.name: r for r in run.results}
        if "newsweave" not in by_name or against not in by_name:
            continue
        ours, other = by_name["newsweave"], by_name[against]
        n = len(ours.ids)
        first = (n + 1) // 2
        for half, part in (("1/2", slice(0, first)), ("2/2", slice(first, n))):
            cells = []
            for metric in ("rouge1", "rouge2"):
                test = paired_test(ours.scores[metric][part], other.scores[metric][part])
                cells.append(f"{100 * test.difference:+.2f} (p={test.p_value:.3f})")
            mean = {
                name: " / ".join(
                    f"{100 * sum(r.scores[m][part]) / len(r.scores[m][part]):.2f}"
                    for m in ("rouge1", "rouge2")
                )
                for name, r in (("ours", ours), ("other", other))
            }
            lines.append(
                f"| {run.label} | {half} | {len(ours.ids[part])} | {mean['ours']} "
                f"| {mean['other']} | {cells[0]} | {cells[1]} |"
            )
    return "\n".join(lines) + "\n"


def reference_comparison(run: DevRun) -> str:
    report = run.report
    rows = {row["system"]: row for row in report["systems"]}
    if report["words"] != REFERENCE_WORDS or not any(s in rows for s in REFERENCE_FIGURES):
        return (
            f"(The issue's reference figures are for all 250 clusters at {REFERENCE_WORDS} "
            "words; this run differs, so they are not compared.)\n"
        )
    lines = [
        f"### Against the issue's reference figures ({run.label}, {REFERENCE_WORDS} words)",
        "",
        "| system | ours R1 / R2 / RLsum | reference | difference | within 0.5 |",
        "|---|---|---|---|---|",
    ]
    flagged = []
    for system, figures in REFERENCE_FIGURES.items():
        if system not in rows:
            continue
        ours = [rows[system][m]["mean"] for m, _ in METRICS]
        diffs = [o - r for o, r in zip(ours, figures, strict=True)]
        ok = all(abs(d) <= TOLERANCE for d in diffs)
        if not ok:
            flagged.append(system)
        lines.append(
            f"| {system} | {' / '.join(f'{o:.2f}' for o in ours)} "
            f"| {' / '.join(f'{r:.2f}' for r in figures)} "
            f"| {' / '.join(f'{d:+.2f}' for d in diffs)} | {'yes' if ok else '**no**'} |"
        )
    lines.append("")
    for system in flagged:
        note = NOTES.get(system, "not yet explained.")
        lines.append(f"- **{system}** differs by more than {TOLERANCE} points: {note}")
    if flagged:
        lines.append("")
    if "lead" in rows:
        raw = _uncleaned_lead(run)
        offsets = [v - r for v, r in zip(raw, REFERENCE_FIGURES["lead"], strict=True)]
        lines.append(
            "Where the small remaining differences come from: our reading cleans boilerplate "
            "lines (tickers, share prompts, credits) before splitting, which changes which "
            "sentence comes first in some articles. Lead on the same articles *without* "
            f"cleaning scores {' / '.join(f'{v:.2f}' for v in raw)}, i.e. "
            f"{' / '.join(f'{d:+.2f}' for d in offsets)}"
            " from the reference. The rest is most likely the sentence splitter (syntok with "
            "our title rules; the reference measurement's splitter is not known), which moves "
            "sentence boundaries and so where the budget cuts."
        )
    return "\n".join(lines) + "\n"


def _uncleaned_lead(run: DevRun) -> list[float]:
    """Lead on the dataset's article texts as given (no cleaning), same clusters and budget."""
    wanted = {c.id for c in run.dataset.clusters}
    raw = Dataset("uncleaned", run.dataset.path)
    with open(Path(run.dataset.path), encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if record.get("id") not in wanted:
                continue
            articles = tuple(
                Article(id=f"{record['id']}-{i}", text=a["text"])
                for i, a in enumerate(record["articles"])
            )
            raw.clusters.append(Cluster(record["id"], articles, record["summary"]))
    scorer = Scorer()
    report, _ = evaluate(raw, [make_system("lead", scorer)], run.report["words"], scorer)
    return [report["systems"][0][m]["mean"] for m, _ in METRICS]


def run(args: argparse.Namespace) -> str:
    runs = [dev_run(args, filename, label) for filename, label in DEV_SETS]
    parts = [f"## Quality: {TITLE}", "", stamp(args), "", PROTOCOL, ""]
    for dev in runs:
        parts.append(quality_table(dev))
    parts.append(halves_table(runs))
    parts.append(reference_comparison(runs[0]))
    return "\n".join(parts)
