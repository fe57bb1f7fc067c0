"""Timeline: dated events, with relative dates resolved against the article's date.

Each article gets a reference date: ``--date`` when given, else its publication date, else
(marked *assumed*, with where it came from) a date read from its own clues or borrowed from
another article (``written_on.py``). Expressions:

- absolute: "December 2", "2 December 2016", "Dec. 2015" (month precision);
- weekdays: "on Tuesday", "Monday's", "by Wednesday morning" -> the latest such day on or
  before the reference; "next Monday" and future tense ("will meet Thursday") look ahead;
- "yesterday", "today", "tomorrow", "last night";
- "the previous day", "a day later": relative to the last date resolved in the sentence
  (or the previous sentence of the same article).

A weekday resolves to one date within an article (its first reading; "next" and "last"
keep their own), and a sentence gives one entry: its most precise date expression (a
written-out date, then a weekday or "today", then "the previous day", then a month), so the
same sentence never appears twice; the same sentence in two articles is one entry.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.analyze.lexicon import MONTHS, WEEKDAYS
from newsweave.model import Article, Sentence, TimelineEntry, replace
from newsweave.tokens import content_terms

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
EXPRESSION = re.compile(
    rf"(?P<md>\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>\d{{4}})\b)?)"
    rf"|(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>\d{{4}})\b)?)"
    rf"|(?P<my>\b(?:in\s+|of\s+)?(?P<my_m>{_MONTH})\s+(?P<my_y>\d{{4}})\b)"
    rf"|(?P<wd>\b(?:(?P<wd_mod>last|next|this|on|by|since|until|late|early|from)\s+)?"
    rf"(?P<wd_d>{_WEEKDAY})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b)"
    r"|(?P<rel>\b(?:yesterday|today|tonight|tomorrow|last\s+night|this\s+morning)\b)"
    r"|(?P<anchor>\b(?:the\s+(?:previous|next|following)\s+day|the\s+day\s+(?:before|after)"
    r"|a\s+day\s+(?:earlier|later|before|after))\b)",
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|set\s+to|scheduled|expected\s+to|due\s+to|plans?\s+to|planned"
    r"|is\s+to|are\s+to|going\s+to|upcoming)\b",
    re.IGNORECASE,
)
_MAYBE_DATE = re.compile(
    r"day|night|morning|tomorrow|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_SAME_FACT = 0.5  # same threshold the summary uses to call two sentences one fact


@dataclass(frozen=True, slots=True)
class Reference:
    """The date an article's relative expressions resolve against; when ``assumed``, where
    it came from (``origin``: "article 2's publication date", "its dateline", ...)."""

    date: dt.date | None
    assumed: bool
    origin: str = ""


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _infer_year(month: int, day: int, reference: dt.date | None, future: bool) -> dt.date | None:
    """A month and day without a year: the latest such date on or before the reference
    (news reports the past), or the next one after it when the clause speaks of the future."""
    if reference is None:
        return None
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if future:
        ahead = [c for c in candidates if c >= reference]
        return min(ahead) if ahead else None
    past = [c for c in candidates if c <= reference]
    return max(past) if past else None


def _weekday(name: str, modifier: str, future: bool, reference: dt.date) -> dt.date:
    target = WEEKDAYS[name.lower()]
    back = (reference.weekday() - target) % 7
    ahead = (target - reference.weekday()) % 7
    if modifier == "next":
        return reference + dt.timedelta(days=ahead or 7)
    if modifier == "last":
        return reference - dt.timedelta(days=back or 7)
    if future and modifier not in {"since"}:
        return reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=back)


def _future(text: str, at: int) -> bool:
    """Whether the clause leading to ``at`` speaks of the future ("is set to meet Thursday")."""
    clause = text[max(0, at - 60) : at]
    return bool(_FUTURE.search(clause.split(",")[-1]))


# How precisely an expression dates its sentence, best first: the one a sentence's entry
# is listed under.
RANKS = {"date": 0, "weekday": 1, "relative": 1, "anchor": 2, "month": 3}


@dataclass(frozen=True, slots=True)
class Found:
    date: dt.date
    expression: str
    precision: str
    relative: bool
    kind: str = "date"  # date | weekday | relative | anchor | month (see RANKS)
    # Whether its clause speaks of the future ("will meet on Friday", "the summit scheduled
    # for March 2019"), for every kind of expression.
    future: bool = False
    weekday: int = -1  # for a weekday, its number (Monday 0), unless "next"/"last" fixed it


def resolve(
    text: str,
    reference: dt.date | None,
    anchor: dt.date | None = None,
    weekdays: dict[str, dt.date] | None = None,
) -> list[Found]:
    """Every date expression of one sentence, resolved. ``weekdays``: the article's weekday
    readings so far (name -> date), kept and extended so that each weekday resolves to one
    date within an article."""
    out: list[Found] = []
    last = anchor
    if not _MAYBE_DATE.search(text):
        return out  # one cheap scan rules out most sentences
    for match in EXPRESSION.finditer(text):
        expression = match.group().strip()
        date: dt.date | None = None
        precision, relative, kind, weekday = "day", False, "date", -1
        # Every expression says whether its clause speaks of the future: a date written with
        # its year ("will be held on Nov. 8, 2016") is still no sign of when a report was
        # written (``written_on``).
        future = _future(text, match.start())
        try:
            if match.group("md") or match.group("dm"):
                form = "md" if match.group("md") else "dm"
                month, day = _month(match.group(f"{form}_m")), int(match.group(f"{form}_d"))
                year = match.group(f"{form}_y")
                if year:
                    date = dt.date(int(year), month, day)
                else:
                    date, relative = _infer_year(month, day, reference, future), True
            elif match.group("my"):
                date = dt.date(int(match.group("my_y")), _month(match.group("my_m")), 1)
                precision, kind = "month", "month"
            elif match.group("wd") and reference is not None:
                modifier = (match.group("wd_mod") or "").lower()
                name = match.group("wd_d").lower()
                kind, relative = "weekday", True
                weekday = -1 if modifier in ("next", "last") else WEEKDAYS[name]
                if weekdays is not None and name in weekdays and modifier not in ("next", "last"):
                    date = weekdays[name]
                else:
                    date = _weekday(match.group("wd_d"), modifier, future, reference)
                    if weekdays is not None and modifier not in ("next", "last"):
                        weekdays[name] = date
            elif match.group("rel") and reference is not None:
                word = " ".join(expression.lower().split())
                shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
                date, relative, kind = reference + dt.timedelta(days=shift), True, "relative"
            elif match.group("anchor") and (base := last or reference) is not None:
                # Relative to the last date named, else to the article's own date ("killing
                # 15 people the previous day" in a report).
                low = expression.lower()
                shift = 1 if any(w in low for w in ("next", "following", "after", "later")) else -1
                date, relative, kind = base + dt.timedelta(days=shift), True, "anchor"
        except (ValueError, KeyError):
            date = None
        if date is None:
            continue
        out.append(Found(date, expression, precision, relative, kind, future, weekday))
        if precision == "day":
            last = date
    return out


def timeline(
    sentences: Sequence[Sentence],
    articles: Sequence[Article],
    refs: dict[str, Reference],
) -> tuple[TimelineEntry, ...]:
    """Dated entries of a cluster, one per sentence, merged across articles and sorted by
    date; ``refs`` gives each article's reference date (``written_on.references``)."""
    order = {a.id: i for i, a in enumerate(articles)}
    raw: list[TimelineEntry] = []
    anchor: dict[str, dt.date | None] = {}
    weekdays: dict[str, dict[str, dt.date]] = {a.id: {} for a in articles}
    for sentence in sentences:
        ref = refs[sentence.article_id]
        found = resolve(
            sentence.text, ref.date, anchor.get(sentence.article_id), weekdays[sentence.article_id]
        )
        if found:
            item = min(found, key=lambda f: RANKS[f.kind])  # first of the best kind
            assumed = ref.assumed and item.relative
            raw.append(
                TimelineEntry(
                    date=item.date,
                    text=sentence.text,
                    expression=item.expression,
                    sources=(sentence.article_id,),
                    assumed_reference=assumed,
                    precision=item.precision,
                    article_id=sentence.article_id,
                    reference=ref.date if assumed else None,
                    reference_origin=ref.origin if assumed else "",
                )
            )
        days = [f.date for f in found if f.precision == "day"]
        anchor[sentence.article_id] = days[-1] if days else None
    return _merge(raw, order)


def _merge(entries: list[TimelineEntry], order: dict[str, int]) -> tuple[TimelineEntry, ...]:
    """One entry per fact: the same sentence in several articles (a syndicated copy, dated
    alike or not) or the same event reported on the same date lists all its sources."""
    kept: list[tuple[TimelineEntry, frozenset[str]]] = []
    for entry in entries:
        terms = frozenset(content_terms(entry.text))
        for k, (other, other_terms) in enumerate(kept):
            same_text = other.text == entry.text
            if not same_text and (
                other.date != entry.date or _overlap(terms, other_terms) < _SAME_FACT
            ):
                continue
            sources = tuple(
                sorted(set(other.sources) | set(entry.sources), key=lambda a: order.get(a, 0))
            )
            # The better-founded reading stands: a dated article's over an assumed one.
            base = entry if other.assumed_reference and not entry.assumed_reference else other
            kept[k] = (replace(base, sources=sources), other_terms)
            break
        else:
            kept.append((entry, terms))
    result = [e for e, _ in kept]
    result.sort(key=lambda e: (e.date, e.assumed_reference, order.get(e.article_id, 0)))
    return tuple(result)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
