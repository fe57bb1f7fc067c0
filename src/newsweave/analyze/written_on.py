"""When an article was written: the reference date its relative expressions resolve against.

``--date`` when given, else the article's publication date. An undated article is dated
from its own clues when it has them, else from the other articles, and the date is marked
assumed with where it came from:

1. its dateline ("DAMASCUS, Dec. 6 (Reuters) -"): the day it was filed. The cleaner moves a
   dateline it recognises out of the text into ``article.removed`` (reason "dateline"), so
   those lines are read first, then the start of the text (a dateline the cleaner left,
   "PARIS, 10 December (AFP) —");
2. else a lower bound from the dates it names: a report is written on or after the latest
   past date it gives ("on Dec. 6, 2016"; a month and day, "on Dec. 6" or "on 6 December",
   take their year from the cluster's dates, else from the latest year the article writes
   with a month, "in March 2019": a bare year, "since 1974", is as often history). A date
   in a clause about the future is none, written with its year or not: "the election will
   be held on Nov. 8, 2016" bounds nothing, and "the summit scheduled for March 2019" gives
   no year. The dates are the timeline's reading of each sentence (``timeline.mentions``);
3. else the latest publication date of the cluster (the article is one report of the same
   event);

and then the weekdays it names: a report names the days of the week just past ("on
Tuesday") or just ahead ("will meet on Friday"), so of the days within a week of that date
(never before the lower bound) it was written on the one that puts its weekdays closest
behind (or ahead of) it: the least summed distance, the day nearest the first estimate
among equals. An article that says "on Saturday" and "today" is then dated on the Saturday,
and both resolve to that day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from newsweave.analyze.timeline import _MONTH, Mention, Reference, _month, mentions
from newsweave.model import Article, Sentence

# "DAMASCUS, Dec. 6 (Reuters) -", "PARIS, 10 December (AFP) —", "Washington, Dec 6, 2016 --",
# "INDEPENDENCE, Mo., Dec. 6 (AP) —" (a place with its state or country, as the cleaner's).
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?,?\s+"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+"
    rf"(?P<m2>{_MONTH}))(?:,?\s+(?P<y>\d{{4}}))?\s*(?:\([^()]{{1,30}}\))?\s*(?:[-—–:]|--)"
)
WINDOW_DAYS = 6  # a weekday named without "next" or "last" lies within the week around


def references(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    explicit: dt.date | None = None,
    dates: Mapping[Sentence, Sequence[Mention]] | None = None,
) -> dict[str, Reference]:
    """The reference date of every article (see the module doc). ``dates``: the sentences'
    ``timeline.mentions`` when the caller has read them (``timeline.read_dates``), else each
    sentence of an undated article is read here, once."""
    dated = [(a.published, n) for n, a in enumerate(articles, 1) if a.published is not None]
    latest = max(dated) if dated else None
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    out: dict[str, Reference] = {}
    for article in articles:
        if explicit is not None:
            out[article.id] = Reference(explicit, False)
        elif article.published is not None:
            out[article.id] = Reference(article.published, False)
        else:
            known = [d for d, _ in dated]
            found = [
                mention
                for sentence in by_article.get(article.id, [])
                for mention in (dates[sentence] if dates is not None else mentions(sentence.text))
            ]
            out[article.id] = _undated(article, found, latest, known)
    return out


def _undated(
    article: Article,
    found: list[Mention],
    latest: tuple[dt.date, int] | None,
    known: list[dt.date],
) -> Reference:
    written = _latest_written(found)
    dateline = _dateline(article, written, known)
    if dateline is not None:
        return Reference(dateline, True, "its dateline")
    bound = _latest_named(found, written, known)
    if latest is not None and (bound is None or bound <= latest[0]):
        start, origin = latest[0], f"article {latest[1]}'s publication date"
        low = max(bound, start - dt.timedelta(days=WINDOW_DAYS)) if bound else None
    elif bound is not None:
        start, origin, low = bound, f"the latest date it names ({bound.isoformat()})", bound
    else:
        return Reference(None, False)
    fitted = _fit_weekdays(found, start, low)
    if fitted != start:
        origin = f"the weekdays it names, near {origin}"
    return Reference(fitted, True, origin)


def _latest_written(found: list[Mention]) -> dt.date | None:
    """The latest past date the article writes with its year ("Dec. 6, 2016", "in October
    2017", as the month's first day): the time frame it was written in. A bare year ("since
    1974") is as often history, and is not used."""
    dates = [d for m in found if not m.future and (d := m.written()) is not None]
    return max(dates, default=None)


def _year_for(
    month: int, day: int, written: dt.date | None, known: list[dt.date], after: bool = False
) -> int | None:
    """The year of a month and day written without one: the one nearest the cluster's latest
    publication date, else the one nearest the latest date the article writes with a year
    (``after``: the first on or after it, for the day the article was filed)."""
    near = max(known) if known else written
    if near is None:
        return None
    candidates = [dt.date(y, month, day) for y in (near.year - 1, near.year, near.year + 1)]
    if after and not known:
        return min(c for c in candidates if c >= near).year
    return min(candidates, key=lambda c: abs((c - near).days)).year


def _dateline(article: Article, written: dt.date | None, known: list[dt.date]) -> dt.date | None:
    """The day the article was filed, from its dateline: one the cleaner removed from the
    text, else one the text still starts with."""
    lines = [r.text for r in article.removed if r.reason == "dateline"]
    for line in [*lines, article.text.lstrip()]:
        date = _dateline_day(line, written, known)
        if date is not None:
            return date
    return None


def _dateline_day(text: str, written: dt.date | None, known: list[dt.date]) -> dt.date | None:
    match = _DATELINE.match(text)
    if match is None:
        return None
    month = _month(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    try:
        year = (
            int(match.group("y"))
            if match.group("y")
            else _year_for(month, day, written, known, after=True)
        )
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


def _latest_named(
    found: list[Mention], written: dt.date | None, known: list[dt.date]
) -> dt.date | None:
    """The latest past day the article names with its month: "December 2, 2016", or "on
    Dec. 6" and "on 6 December" with the year from the cluster's or the article's own dates."""
    best: dt.date | None = None
    for mention in found:
        if mention.kind != "date" or mention.future:
            continue
        date = mention.written()
        if mention.year is None:
            try:
                year = _year_for(mention.month, mention.day, written, known)
                date = dt.date(year, mention.month, mention.day) if year else None
            except ValueError:
                continue
        if date is not None:
            best = date if best is None else max(best, date)
    return best


def _fit_weekdays(found: list[Mention], start: dt.date, low: dt.date | None) -> dt.date:
    """The day within ``WINDOW_DAYS`` of ``start`` (not before ``low``) that puts the
    article's weekdays closest behind it (ahead of it, for future ones)."""
    # (weekday number, future); "next" and "last" fix their own day, and are not used.
    named = [(m.weekday, m.future) for m in found if m.kind == "weekday" and m.weekday >= 0]
    if not named:
        return start
    candidates = [start + dt.timedelta(days=k) for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
    candidates = [c for c in candidates if low is None or c >= low]

    def cost(day: dt.date) -> int:
        total = 0
        for weekday, future in named:
            total += (weekday - day.weekday()) % 7 if future else (day.weekday() - weekday) % 7
        return total

    return min(candidates, key=lambda c: (cost(c), abs((c - start).days), c))
