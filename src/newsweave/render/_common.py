"""Wording shared by the Markdown and HTML renderers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsweave.model import Brief, Claim, ClaimValue, Source, SummarySentence, TimelineEntry


def restates(headline: str, sentence: str) -> bool:
    """Whether ``headline`` is ``sentence`` or a shortening of it (its words, in order; a
    shortening may end a word with the sentence's final period)."""
    wanted = [w.strip(_PUNCTUATION) for w in headline.lower().split()]
    words = iter(w.strip(_PUNCTUATION) for w in sentence.lower().split())
    return bool(wanted) and all(any(w == x for x in words) for w in wanted)


_PUNCTUATION = ".,;:!?\"'”’“‘()"


def below_headline(brief: Brief) -> list[SummarySentence]:
    """The brief's sentences a digest shows under its headline: not the one the headline
    already says (the brief opens with the headline's sentence)."""
    return [s for s in brief.summary if not restates(brief.headline, s.text)]


def markers(brief: Brief, sentence: SummarySentence) -> list[int]:
    return sorted(brief.source_number(a) for a in sentence.support or (sentence.article_id,))


def outlets(brief: Brief) -> int:
    keys = {(s.source or "").lower() or s.article_id for s in brief.sources}
    return len(keys)


def source_line(src: Source) -> list[str]:
    """Outlet, date and origin of a source, whichever are known."""
    parts = []
    if src.source:
        parts.append(src.source)
    if src.published:
        parts.append(src.published.isoformat())
    return parts


def byline(brief: Brief) -> str:
    n = len(brief.sources)
    m = outlets(brief)
    articles = f"{n} article" + ("s" if n != 1 else "")
    summarizer = f" · summarizer {brief.summarizer}" if brief.summarizer else ""
    budget = f" · budget {brief.budget_words} words" if brief.budget_words else ""
    return f"Brief of {articles} from {m} source" + ("s" if m != 1 else "") + summarizer + budget


def support_note(sentence: SummarySentence) -> str:
    n = sentence.independent_sources
    return "single source" if n <= 1 else f"{n} independent sources"


# How many items of each analysis section the Markdown and HTML briefs show; the JSON output
# always carries everything.
SHOWN = {"quotes": 12, "claims": 10, "timeline": 20, "people": 15}


def numbers_of(brief: Brief, article_ids: Sequence[str]) -> list[int]:
    """Source numbers of article ids, ascending; ids not in the brief are skipped."""
    known = {s.article_id: s.number for s in brief.sources}
    return sorted({known[a] for a in article_ids if a in known})


def independent(brief: Brief, article_ids: Sequence[str]) -> int:
    """Outlets behind some articles, syndicated copies (same outlet) counted once."""
    outlets = {}
    for article in brief.articles:
        outlets[article.id] = (article.source or "").strip().lower() or f"article:{article.id}"
    return len({outlets.get(a, a) for a in article_ids})


def single_source(brief: Brief, article_ids: Sequence[str]) -> bool:
    return len(brief.sources) > 1 and independent(brief, article_ids) <= 1


def readings(claim: Claim) -> list[list[ClaimValue]]:
    """A disagreement's values grouped by reading (values that agree with each other)."""
    groups: dict[int, list[ClaimValue]] = {}
    for value in claim.values:
        groups.setdefault(value.reading, []).append(value)
    return [groups[k] for k in sorted(groups)]


def news_claims(brief: Brief) -> list[Claim]:
    """The figures that carry news (not disagreements, not background), in the order the
    analysis ranked them (``analyze.numbers.claims``: the independent outlets that report
    a figure, then the top of its article first) — the order of the JSON ``claims``. The
    Markdown and HTML briefs show the first ``SHOWN["claims"]``. Two figures of one clause
    ("killed more than 300,000 people and made more than half of Syrians homeless") are
    one line, under the better-ranked figure: the reader would see the clause twice."""
    shown: list[Claim] = []
    clauses: set[str] = set()
    for claim in brief.claims:
        if claim.conflicting or not claim.news:
            continue
        clause = figure_clause(claim)
        if clause not in clauses:
            clauses.add(clause)
            shown.append(claim)
    return shown


def figure_clause(
    claim: Claim,
    escape: Callable[[str], str] = str,
    mark: Callable[[str], str] = str,
) -> str:
    """A figure in its clause as a Figures line reads: the subject with its "…" replaced
    by the figure's values (each ``escape``d for the format, the figure ``mark``ed)."""
    values = " / ".join(escape(v.text) for v in claim.values)
    return escape(claim.subject).replace("…", mark(values), 1)


def top_timeline(brief: Brief) -> list[TimelineEntry]:
    """The best-supported timeline entries, in date order."""
    ranked = sorted(
        range(len(brief.timeline)),
        key=lambda i: (-len(brief.timeline[i].sources), brief.timeline[i].assumed_reference, i),
    )
    keep = sorted(ranked[: SHOWN["timeline"]])
    return [brief.timeline[i] for i in keep]


def assumed_note(entry: TimelineEntry) -> str:
    """Why an entry's date is uncertain: the date its undated article was taken to be written
    on, and where that came from ("date assumed: 2016-12-07, from article 2's publication
    date"). Empty for entries of dated articles."""
    if not entry.assumed_reference:
        return ""
    if entry.reference is None:
        return "date assumed: article undated"  # briefs stored before the origin was kept
    origin = f", from {entry.reference_origin}" if entry.reference_origin else ""
    return f"date assumed: {entry.reference.isoformat()}{origin}"


ASSUMED = "date assumed"  # an assumed date's mark once its article's note has been given


def assumed_notes(entries: Sequence[TimelineEntry]) -> list[str]:
    """The ``assumed_note`` of each entry as a list shows them: said in full at the first
    entry of its article, then only marked ("date assumed"), since one article has one
    assumed date. Empty for entries of dated articles."""
    told: set[str] = set()
    notes = []
    for entry in entries:
        note = assumed_note(entry)
        article = entry.article_id or (entry.sources[0] if entry.sources else "")
        if note and article in told:
            note = ASSUMED
        elif note:
            told.add(article)
        notes.append(note)
    return notes


def timeline_date(entry: TimelineEntry) -> str:
    if entry.precision == "month":
        return entry.date.strftime("%Y-%m")
    return entry.date.isoformat()


def more_note(total: int, shown: int) -> str:
    return f"{total - shown} more in the JSON output" if total > shown else ""


def _number(value: Any) -> str:
    return f"{value:.3g}" if isinstance(value, float) else str(value)


def explain_lines(brief: Brief, sentence: SummarySentence) -> list[str]:
    """Why a sentence was chosen, as plain lines a person can read (``--explain``)."""
    info = dict(sentence.explain)
    info.pop("filtered_out", None)  # cluster-wide: shown once, see ``filtered_summary``
    info.pop("supported_by", None)  # the markers already say it
    head = [str(info.pop("strategy", "selected"))]
    head.append(f"score {sentence.score:.3g}")
    if "words" in info:
        head.append(f"{info.pop('words')} words")
    if "position_in_article" in info:
        head.append(f"sentence {int(info.pop('position_in_article')) + 1} of its article")
    nums = ", ".join(str(n) for n in markers(brief, sentence))
    lines = ["; ".join(head), f"reported by sources {nums} ({support_note(sentence)})"]
    scores = info.pop("scores", None)
    if isinstance(scores, dict) and scores:
        parts = (f"{k.replace('_', ' ')} {_number(v)}" for k, v in scores.items())
        lines.append("scores: " + ", ".join(parts))
    concepts = info.pop("top_concepts", None)
    if concepts:
        lines.append("key phrases: " + ", ".join(str(c) for c in concepts))
    rules = info.pop("compression", None)
    if rules:
        lines.append("shortened by removing: " + ", ".join(str(r) for r in rules))
    for rival in info.pop("won_over", None) or []:
        if isinstance(rival, dict):
            why = rival.get("why_not", "")
            lines.append(f"beat “{rival.get('sentence', '')}”: {why}")
    for key, value in info.items():
        lines.append(f"{key.replace('_', ' ')}: {_number(value)}")
    return lines


def filtered_summary(brief: Brief) -> str:
    """Sentences the summarizer set aside before selection, by reason."""
    for sentence in brief.summary:
        counts = sentence.explain.get("filtered_out")
        if isinstance(counts, dict) and counts:
            parts = ", ".join(f"{reason} {n}" for reason, n in counts.items())
            return f"Set aside before selection: {parts}."
    return ""
