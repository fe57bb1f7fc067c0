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

A sentence's date expressions are read as written (``mentions``: the one date parser, which
``written_on`` reads too), then placed against the reference (``place``; ``resolve`` does
both). A weekday resolves to one date within an article (its first reading; "next" and
"last" keep their own), and a sentence gives one entry: its most precise date expression (a
written-out date, then a weekday or "today", then "the previous day", then a month), so the
same sentence never appears twice; the same sentence in two articles is one entry.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsweave.analyze.lexicon import MONTHS, SPEECH_VERBS, WEEKDAYS
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


# A date fronted before its main clause ("On Friday, the court will rule"): only an opening
# preposition (or nothing) before it.
_FRONTED = re.compile(
    r"\W*(?:(?:on|by|from|until|till|in|at|as of|starting|beginning)\b\W*)?$", re.I
)
# The main clause after a fronted date, in the future: a subject of a few words, then the
# future's auxiliary (matched from the date's end: ``match`` anchors there). "would" is
# left out: after a date it is mostly reported speech.
_MAIN_CLAUSE_FUTURE = re.compile(
    r"[\s,]*((?:[\w'’.-]+\s+){1,4}?)(?:will|shall|(?:is|are)\s+(?:set|scheduled|expected|due|"
    r"going)\s+to|plans?\s+to|(?:is|are)\s+to)\b",
    re.IGNORECASE,
)


def _future(text: str, at: int, end: int | None = None) -> bool:
    """Whether the clause leading to ``at`` speaks of the future ("is set to meet Thursday"),
    or, for a date that opens its sentence (ending at ``end``), the main clause after it
    does ("On Friday, the court will rule"; not "On Friday, officials said they will")."""
    clause = text[max(0, at - 60) : at]
    if _FUTURE.search(clause.split(",")[-1]):
        return True
    if end is None or not _FRONTED.match(text[:at]):
        return False
    main = _MAIN_CLAUSE_FUTURE.match(text, end, end + 80)
    return main is not None and not (set(main.group(1).lower().split()) & SPEECH_VERBS)


# How precisely an expression dates its sentence, best first: the one a sentence's entry
# is listed under.
RANKS = {"date": 0, "weekday": 1, "relative": 1, "anchor": 2, "month": 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """A date expression as written, before it is placed against a reference date: the one
    reading of a sentence's dates that ``resolve`` and ``written_on`` share."""

    expression: str  # as written ("on Tuesday", "6 December", "Nov. 8, 2016")
    kind: str  # date | weekday | relative | anchor | month (see RANKS)
    # Whether its clause speaks of the future ("will meet on Friday", "the summit scheduled
    # for March 2019"), for every kind of expression.
    future: bool = False
    month: int = 0  # a date's or a month's
    day: int = 0  # a date's
    year: int | None = None  # a date's, when written ("Dec. 6" has none); a month's
    name: str = ""  # a weekday's, in lower case
    modifier: str = ""  # a weekday's: "last", "next", "on", "by", ... ("" when bare)
    weekday: int = -1  # a weekday's number (Monday 0), unless "next"/"last" fixed it
    shift: int = 0  # days from the reference ("yesterday" -1), or from the last date named

    def written(self) -> dt.date | None:
        """The date as written when it carries its year (a month: its first day); ``None``
        without a year, or for a day no calendar has ("Feb. 30, 2016")."""
        if self.kind not in ("date", "month") or self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day or 1)
        except ValueError:
            return None


def mentions(text: str) -> list[Mention]:
    """Every date expression of one sentence, as written, in order."""
    out: list[Mention] = []
    if not _MAYBE_DATE.search(text):
        return out  # one cheap scan rules out most sentences
    for match in EXPRESSION.finditer(text):
        expression = match.group().strip()
        # Every expression says whether its clause speaks of the future: a date written with
        # its year ("will be held on Nov. 8, 2016") is still no sign of when a report was
        # written (``written_on``).
        future = _future(text, match.start(), match.end())
        if match.group("md") or match.group("dm"):
            form = "md" if match.group("md") else "dm"
            year = match.group(f"{form}_y")
            out.append(
                Mention(
                    expression,
                    "date",
                    future,
                    month=_month(match.group(f"{form}_m")),
                    day=int(match.group(f"{form}_d")),
                    year=int(year) if year else None,
                )
            )
        elif match.group("my"):
            month, year = _month(match.group("my_m")), int(match.group("my_y"))
            out.append(Mention(expression, "month", future, month=month, year=year))
        elif match.group("wd"):
            modifier = (match.group("wd_mod") or "").lower()
            name = match.group("wd_d").lower()
            weekday = -1 if modifier in ("next", "last") else WEEKDAYS[name]
            out.append(
                Mention(
                    expression, "weekday", future, name=name, modifier=modifier, weekday=weekday
                )
            )
        elif match.group("rel"):
            word = " ".join(expression.lower().split())
            shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
            out.append(Mention(expression, "relative", future, shift=shift))
        elif match.group("anchor"):
            low = expression.lower()
            shift = 1 if any(w in low for w in ("next", "following", "after", "later")) else -1
            out.append(Mention(expression, "anchor", future, shift=shift))
    return out


@dataclass(frozen=True, slots=True)
class Found:
    date: dt.date
    expression: str
    precision: str
    relative: bool
    kind: str = "date"  # date | weekday | relative | anchor | month (see RANKS)
    future: bool = False  # its clause speaks of the future (``Mention.future``)
    weekday: int = -1  # for a weekday, its number (Monday 0), unless "next"/"last" fixed it


def resolve(
    text: str,
    reference: dt.date | None,
    anchor: dt.date | None = None,
    weekdays: dict[str, dt.date] | None = None,
) -> list[Found]:
    """Every date expression of one sentence, resolved (``place`` of its ``mentions``)."""
    return place(mentions(text), reference, anchor, weekdays)


def place(
    found: Sequence[Mention],
    reference: dt.date | None,
    anchor: dt.date | None = None,
    weekdays: dict[str, dt.date] | None = None,
) -> list[Found]:
    """A sentence's date expressions placed against its article's reference date, those
    that can be. ``anchor``: the last date the previous sentence named; ``weekdays``: the
    article's weekday readings so far (name -> date), kept and extended so that each
    weekday resolves to one date within an article."""
    out: list[Found] = []
    last = anchor
    for mention in found:
        date: dt.date | None = None
        precision, relative = "day", False
        if mention.kind == "date":
            if mention.year is not None:
                date = mention.written()
            else:
                date = _infer_year(mention.month, mention.day, reference, mention.future)
                relative = True
        elif mention.kind == "month":
            date, precision = mention.written(), "month"
        elif mention.kind == "weekday" and reference is not None:
            name, fixed = mention.name, mention.modifier in ("next", "last")
            relative = True
            if weekdays is not None and name in weekdays and not fixed:
                date = weekdays[name]
            else:
                date = _weekday(name, mention.modifier, mention.future, reference)
                if weekdays is not None and not fixed:
                    weekdays[name] = date
        elif mention.kind == "relative" and reference is not None:
            date, relative = reference + dt.timedelta(days=mention.shift), True
        elif mention.kind == "anchor" and (base := last or reference) is not None:
            # Relative to the last date named, else to the article's own date ("killing 15
            # people the previous day" in a report).
            date, relative = base + dt.timedelta(days=mention.shift), True
        if date is None:
            continue
        out.append(
            Found(
                date,
                mention.expression,
                precision,
                relative,
                mention.kind,
                mention.future,
                mention.weekday,
            )
        )
        if precision == "day":
            last = date
    return out


def read_dates(sentences: Iterable[Sentence]) -> dict[Sentence, list[Mention]]:
    """Each sentence's ``mentions``: read once, for the reference dates
    (``written_on.references``) and the timeline both."""
    return {sentence: mentions(sentence.text) for sentence in sentences}


def timeline(
    sentences: Sequence[Sentence],
    articles: Sequence[Article],
    refs: dict[str, Reference],
    dates: Mapping[Sentence, Sequence[Mention]] | None = None,
) -> tuple[TimelineEntry, ...]:
    """Dated entries of a cluster, one per sentence, merged across articles and sorted by
    date; ``refs`` gives each article's reference date (``written_on.references``), and
    ``dates`` the sentences' ``mentions`` when the caller has read them (``read_dates``)."""
    order = {a.id: i for i, a in enumerate(articles)}
    raw: list[TimelineEntry] = []
    anchor: dict[str, dt.date | None] = {}
    weekdays: dict[str, dict[str, dt.date]] = {a.id: {} for a in articles}
    for sentence in sentences:
        ref = refs[sentence.article_id]
        found = place(
            dates[sentence] if dates is not None else mentions(sentence.text),
            ref.date,
            anchor.get(sentence.article_id),
            weekdays[sentence.article_id],
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
