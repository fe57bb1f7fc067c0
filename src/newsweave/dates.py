"""Dates as news inputs write them, read into ``datetime.date``.

Two readers: ``parse_date`` is lenient (a dataset's or feed's odd date field becomes "no
date", never an error) and ``to_date`` is strict (what a caller of the Python API, the CLI
or the REST API typed must be a date, or it is refused with a clear message). Both accept a
time as well as a date ("2017-06-01T10:00:00", "2017-06-01 10:00:00Z"): the day is kept.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

import dateutil.parser

_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
_NO_DEFAULT = dt.datetime(2000, 1, 1)  # a month without its day reads as the 1st
MAX_CHARS = 100  # longer strings are not dates; bounded so a huge field costs nothing


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_date(value: Any) -> dt.date | None:
    """Dates as datasets and feeds write them: ISO strings, ``YYYY-MM-DD HH:MM:SS``, epoch
    seconds, RFC 2822 (``Tue, 06 Dec 2016 10:00:00 GMT``) and written-out dates
    (``December 6, 2016``). A string without a four-digit year is not taken as a date;
    anything unreadable is ``None``."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()[:MAX_CHARS]
    day = _iso(text)
    if day is not None or not _YEAR.search(text):
        return day
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dateutil.parser.parse(text, default=_NO_DEFAULT).date()
    except (ValueError, OverflowError):
        return None


def to_date(value: Any) -> dt.date | None:
    """A date given by a caller: a ``date``, a ``datetime`` (its day), or a string
    ``parse_date`` reads. ``None`` and ``""`` mean no date; anything else raises
    ``ValueError`` naming what was given."""
    if value is None or value == "":
        return None
    day = parse_date(value)
    if day is None:
        shown = str(value)[:40]
        raise ValueError(f"expected a date like 2016-12-08 or 2016-12-08T10:00:00, got {shown!r}")
    return day
