"""Plain-text articles: title on the first non-empty line, optional leading date token."""

from __future__ import annotations

import datetime as dt
import re

from newsweave.model import RawDocument

# "date 2016-12-08 Title..." — a date token fused into the title line by some scrapers.
_DATE_TOKEN = re.compile(r"^\s*(?:date|published|dated)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b\s*", re.I)


def split_date_token(line: str) -> tuple[dt.date | None, str]:
    """Split a leading ``date YYYY-MM-DD`` token off a line."""
    match = _DATE_TOKEN.match(line)
    if not match:
        return None, line
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, line
    return day, line[match.end() :]


def parse_text(origin: str, text: str) -> RawDocument:
    """A text file: first non-empty line is the title (after any date token), the rest the body.

    A file whose first line is a ticker or other junk still gets a sensible title: the
    cleaner runs on the whole text and the title is taken from its first surviving line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    published: dt.date | None = None
    for i, line in enumerate(lines):
        if line.strip():
            published, rest = split_date_token(line)
            lines[i] = rest.strip() if published else line
            break
    return RawDocument(
        origin=origin, text="\n".join(lines), published=published, title_in_text=True
    )
