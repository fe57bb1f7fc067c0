"""Web-junk removal on synthetic pages and text dumps (benchmarks/webchrome.py).

Sixty dev-set articles whose text is clean prose (the gold body) are wrapped in randomized
site chrome; each page exists as a text dump (.txt) and as HTML. Two template sets are
scored: ``dev`` (its failures guided the rules in newsweave/clean.py) and ``heldout`` (the
other half of every junk phrasing list, never inspected while improving the rules).

Per input line (a dump line, or a page's block of text):

* junk recall: the share of junk lines that are gone from the cleaned article (title and
  text); "junk left" is its complement;
* junk precision: of the lines removed, the share that were junk (a body paragraph counts
  as removed when it loses half its sentences or more);
* body retention: the share of gold body sentences found intact in the cleaned text;
* title: the share of articles whose title is the page's headline.

Summary: every event (the articles of one dev-set cluster, cleaned together as
``newsweave summarize`` would) is summarized by the default summarizer at 100 words; a
summary sentence containing a junk line (or contained in one) counts as junk in the summary.

HTML goes through trafilatura first (newsweave/ingest/html.py); its settings are compared
too. Run alone: ``PYTHONPATH=src:. python -m benchmarks.cleaning [--show-failures]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks._common import default_data_dir, load_average, machine, utc_now
from benchmarks.webchrome import TEMPLATE_SETS, Sample, build_samples
from newsweave.clean import INLINE_DATELINE, TRAILING_CREDIT, clean_documents
from newsweave.config import Settings
from newsweave.errors import InputError
from newsweave.ingest.html import EXTRACTION, parse_html
from newsweave.ingest.text import parse_text
from newsweave.model import Article, Cluster, Problem, RawDocument
from newsweave.pipeline import make_brief
from newsweave.segment import sentence_spans

NAME = "cleaning"
TITLE = "web-junk removal (text dumps and HTML)"

TRAFILATURA_VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "with comments": {"include_comments": True},
    "with tables": {"include_tables": True},
}

_BULLET = re.compile(r"^[-•*·]\s+")
_INVISIBLE = re.compile("[\xad\x80-\x9f]")


def norm(text: str) -> str:
    text = _INVISIBLE.sub("", text)  # soft hyphens, C1 controls: trafilatura drops them
    return " ".join(_BULLET.sub("", text.strip()).lower().split())


def core(sentence: str) -> str:
    """A body sentence without a leading dateline or trailing wire credit: the cleaner
    strips those on purpose (they are junk), so the rest is what must survive."""
    match = INLINE_DATELINE.match(sentence)
    if match:
        sentence = sentence[match.end() :]
    credit = TRAILING_CREDIT.search(sentence)
    return sentence[: credit.start()] if credit and credit.start() > 0 else sentence


@dataclass
class Score:
    junk: int = 0
    junk_removed: int = 0
    body_lines: int = 0
    body_lines_removed: int = 0
    sentences: int = 0
    sentences_kept: int = 0
    titles: int = 0
    titles_right: int = 0
    articles_lost: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_kind_left: Counter[str] = field(default_factory=Counter)
    left: list[tuple[str, str]] = field(default_factory=list)  # (kind, line) junk kept
    lost: list[str] = field(default_factory=list)  # body sentences dropped
    summary_sentences: int = 0
    summary_junk: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.junk_removed / self.junk if self.junk else 1.0

    @property
    def precision(self) -> float:
        removed = self.junk_removed + self.body_lines_removed
        return self.junk_removed / removed if removed else 1.0

    @property
    def retention(self) -> float:
        return self.sentences_kept / self.sentences if self.sentences else 1.0


def _output_lines(article: Article | None) -> list[str]:
    if article is None:
        return []
    lines = [article.title] if article.title else []
    return lines + [ln for ln in article.text.split("\n") if ln.strip()]


def score_article(sample: Sample, article: Article | None, score: Score) -> None:
    lines = _output_lines(article)
    exact = {norm(ln) for ln in lines}
    joined = " ".join(norm(ln) for ln in lines)
    if article is None:
        score.articles_lost += 1
    score.titles += 1
    if article is not None and norm(article.title) == norm(sample.page.title):
        score.titles_right += 1
    for text, kind in sample.page.units():
        if kind == "title":
            continue
        if kind == "body":
            sentences = [text[s:e] for s, e in sentence_spans(text)]
            kept = [s for s in sentences if norm(s) in joined or norm(core(s)) in joined]
            score.sentences += len(sentences)
            score.sentences_kept += len(kept)
            score.lost.extend(s for s in sentences if s not in kept)
            score.body_lines += 1
            if len(kept) * 2 < len(sentences) or not sentences:
                score.body_lines_removed += 1
            continue
        key = norm(text)
        left = key in exact or (len(key.split()) >= 3 and key in joined)
        score.junk += 1
        score.by_kind[kind] += 1
        if left:
            score.by_kind_left[kind] += 1
            score.left.append((kind, text))
        else:
            score.junk_removed += 1


def junk_in_summary(sentence: str, junk: Sequence[str]) -> bool:
    s = norm(sentence)
    for line in junk:
        j = norm(line)
        if len(j.split()) >= 2 and j in s:
            return True
        if len(s.split()) >= 3 and s in j:
            return True
    return False


Reader = Callable[[Sample], RawDocument]


def text_reader(sample: Sample) -> RawDocument:
    return parse_text(f"{sample.page.key}.txt", sample.text)


def html_reader(options: Mapping[str, Any] | None = None) -> Reader:
    def read(sample: Sample) -> RawDocument:
        return parse_html(f"{sample.page.key}.html", sample.html, options=options)

    return read


def evaluate(
    samples: Sequence[Sample],
    read: Reader,
    clean: bool = True,
    summarize: bool = False,
    batch: str = "event",
) -> Score:
    """Read, clean (per event, or all samples as one folder) and score every sample."""
    groups: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        groups[sample.page.cluster if batch == "event" else "all"].append(sample)
    score = Score()
    for group in groups.values():
        docs: list[RawDocument | None] = []
        for sample in group:
            try:
                docs.append(read(sample))
            except InputError:
                docs.append(None)
        present = [d for d in docs if d is not None]
        if clean:
            results = iter(clean_documents(present))
        else:
            results = iter(
                Article(id=d.origin, text=d.text, title=d.title, origin=d.origin) for d in present
            )
        articles: list[Article | None] = []
        for doc in docs:
            result: Article | Problem | None = next(results) if doc is not None else None
            articles.append(result if isinstance(result, Article) else None)
        for sample, article in zip(group, articles, strict=True):
            score_article(sample, article, score)
        if summarize:
            _score_summaries(group, articles, score)
    return score


def _score_summaries(
    group: Sequence[Sample], articles: Sequence[Article | None], score: Score
) -> None:
    by_cluster: dict[str, list[Article]] = defaultdict(list)
    junk: dict[str, list[str]] = defaultdict(list)
    for sample, article in zip(group, articles, strict=True):
        junk[sample.page.cluster].extend(
            t for t, k in sample.page.units() if k not in ("body", "title")
        )
        if article is not None:
            by_cluster[sample.page.cluster].append(article)
    for key, members in by_cluster.items():
        brief = make_brief(Cluster(key, tuple(members)), Settings(analyze=False))
        for sentence in brief.summary:
            score.summary_sentences += 1
            if junk_in_summary(sentence.text, junk[key]):
                score.summary_junk.append(sentence.text)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _row(label: str, s: Score, summary: bool = True) -> str:
    cells = [
        label,
        _pct(s.recall),
        _pct(1 - s.recall),
        _pct(s.precision),
        _pct(s.retention),
        f"{s.titles_right}/{s.titles}",
    ]
    if summary:
        cells.append(f"{len(s.summary_junk)}/{s.summary_sentences}" if s.summary_sentences else "-")
    return "| " + " | ".join(cells) + " |"


HEAD = (
    "| input | junk recall | junk left | junk precision | body sentences kept | title right "
    "| junk in summary |\n|---|---:|---:|---:|---:|---:|---:|"
)


def measure(data_dir: Path, show: bool = False) -> str:
    rows: list[str] = []
    kinds: dict[str, Score] = {}
    tra_rows: list[str] = []
    for which in TEMPLATE_SETS:
        samples = build_samples(data_dir, which)
        dumps = evaluate(samples, text_reader, summarize=True)
        folder = evaluate(samples, text_reader, batch="folder")
        raw_html = evaluate(samples, html_reader(), clean=False)
        pages = evaluate(samples, html_reader(), summarize=True)
        rows += [
            _row(f"{which}: text dumps", dumps),
            _row(f"{which}: text dumps, one folder of {len(samples)}", folder, False) + " - |",
            _row(f"{which}: HTML, trafilatura only", raw_html, False) + " - |",
            _row(f"{which}: HTML, trafilatura + clean", pages),
        ]
        kinds[f"{which} dumps"] = dumps
        kinds[f"{which} HTML"] = pages
        for variant, options in TRAFILATURA_VARIANTS.items():
            alone = evaluate(samples, html_reader(options), clean=False)
            both = evaluate(samples, html_reader(options))
            tra_rows.append(
                f"| {which}: {variant} | {_pct(alone.recall)} | {_pct(alone.retention)} "
                f"| {_pct(both.recall)} | {_pct(both.retention)} "
                f"| {both.titles_right}/{both.titles} |"
            )
        if show and which == "dev":
            _show(dumps, "text dumps")
            _show(pages, "HTML")
    kind_names = sorted({k for s in kinds.values() for k in s.by_kind})
    kind_table = [
        "| junk kind | " + " | ".join(kinds) + " |",
        "|---|" + "---:|" * len(kinds),
    ]
    for kind in kind_names:
        cells = []
        for s in kinds.values():
            n = s.by_kind[kind]
            cells.append(f"{_pct(1 - s.by_kind_left[kind] / n)} of {n}" if n else "-")
        kind_table.append(f"| {kind} | " + " | ".join(cells) + " |")
    settings = ", ".join(f"{k}={v}" for k, v in EXTRACTION.items())
    return "\n".join(
        [
            f"## Cleaning: {TITLE}",
            "",
            f"Measured {utc_now()} on {machine()}; load average (1/5/15 min): {load_average()}.",
            "Synthetic pages from `benchmarks/webchrome.py` (60 dev-set articles, seeded); "
            "method in docs/cleaning.md. `dev` templates guided the rules, `heldout` "
            "templates were never inspected.",
            "",
            HEAD,
            *rows,
            "",
            f"Junk removed, by kind (share of lines; ingest settings: {settings}):",
            "",
            *kind_table,
            "",
            "trafilatura settings (HTML pages; each variant adds one option to the ingest "
            "settings):",
            "",
            "| settings | junk recall, trafilatura only | body kept, trafilatura only "
            "| junk recall, + clean | body kept, + clean | title right |",
            "|---|---:|---:|---:|---:|---:|",
            *tra_rows,
            "",
            "Real scraped text (the dev sets' own articles, no gold labels): what the cleaner "
            "removes.",
            "",
            *real_dev_removals(data_dir),
            "",
        ]
    )


def real_dev_removals(data_dir: Path) -> list[str]:
    """Lines the cleaner removes from the real (scraped) dev-set texts, by reason: no gold
    labels there, so this shows volume; docs/cleaning.md reports a hand check of a sample."""
    from newsweave.evaluation.datasets import read_dataset

    rows = []
    for filename in ("multinews-dev.jsonl", "wcep-dev.jsonl"):
        dataset = read_dataset(str(data_dir / filename))
        articles = [a for c in dataset.clusters for a in c.articles]
        reasons = Counter(r.reason for a in articles for r in a.removed)
        kept = sum(len([p for p in a.text.split("\n\n") if p.strip()]) for a in articles)
        listed = ", ".join(f"{reason} {n}" for reason, n in reasons.most_common())
        rows.append(
            f"| {filename} | {len(articles)} | {kept} | {sum(reasons.values())} | {listed} |"
        )
    return [
        "| dev set | articles | paragraphs kept | lines removed | by reason |",
        "|---|---:|---:|---:|---|",
        *rows,
    ]


def _show(score: Score, label: str) -> None:
    print(f"--- {label}: junk left ({len(score.left)})", file=sys.stderr)
    for kind, line in sorted(set(score.left)):
        print(f"  [{kind}] {line[:150]}", file=sys.stderr)
    print(f"--- {label}: body sentences lost ({len(score.lost)})", file=sys.stderr)
    for line in score.lost:
        print(f"  {line[:150]}", file=sys.stderr)
    for line in score.summary_junk:
        print(f"  SUMMARY JUNK: {line[:150]}", file=sys.stderr)


def run(args: argparse.Namespace) -> str:
    return measure(Path(args.data_dir), getattr(args, "show_failures", False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cleaning", description=__doc__)
    parser.add_argument("--data-dir", default=str(default_data_dir()))
    parser.add_argument("--show-failures", action="store_true", help="dev templates only")
    parser.add_argument("--out", help="also write the Markdown here")
    args = parser.parse_args(argv)
    markdown = run(args)
    print(markdown)
    if args.out:
        Path(args.out).write_text(markdown, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
