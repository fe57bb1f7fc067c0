"""Clean: strip web boilerplate from article text without losing article content.

Works line by line (a scraped page's junk comes in whole lines: tickers, ADVERTISEMENT,
share prompts, bylines, credits), plus two inline cases that scrapers fuse into the first
or last paragraph: a leading dateline ("DAMASCUS -- ") and a trailing wire credit. Every
removal is recorded with its reason, so ``--explain`` can show exactly what was dropped.

Rules are deliberately conservative: a long line that reads like a sentence is kept even
if it mentions "subscribe" or "photo", because losing content is worse than keeping junk.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave.model import Article, Problem, RawDocument, RemovedLine

_I = re.IGNORECASE

TICKER_HEADER = re.compile(
    r"^(just in|breaking( news)?|latest( news)?|trending( now)?|top stories|most (read|popular)"
    r"|more (news|stories)|you may (also )?like|recommended( for you)?)\s*:?\s*$",
    _I,
)
ADVERTISEMENT = re.compile(
    r"^(advertisements?|advert|sponsored( content)?|ad|paid (post|content)"
    r"|story continues below(?: this)? advertisement|continue reading( (below|the main story))?"
    r"|scroll (down )?to continue( reading)?|article continues below)\s*[.:]?$",
    _I,
)
PROMPT = re.compile(
    r"^(share( this( article| story| page)?)?( on [\w ]+| via [\w ]+)?"
    r"|tweet( this)?|e-?mail( this)?"
    r"|print( this)?( article| page)?|whats?app|facebook|twitter|linkedin|copy link|save( article)?"
    r"|subscribe\b.*|sign up\b.*|get (our|the) [\w ]*newsletter.*|newsletter\b.*"
    r"|read (more|also|next|the full story)\b.*|also read\b.*"
    r"|related( articles?| stories| coverage)?\b.*"
    r"|click here\b.*|follow (us|@|him|her|them|the)\b.*|like us on\b.*|download (our|the)\b.*"
    r"|listen to (this|the) (article|story)\b.*|watch\s*:.*|more\s*:.*|see also\b.*"
    r"|skip to (main )?content|back to top|next article|previous article|view comments"
    r"|comments?( \(\d+\))?|\d+ comments?|home|menu|search|log ?in|sign in|register)\s*[.:!]?$",
    _I,
)
PHOTO = re.compile(
    r"^(\(?(photo|photograph|image|picture|pic|video|credit|caption|file photo|illustration)"
    r"\s*(:|by\b|credit\b|copyright\b|caption\b|/)|image (copyright|caption)\b"
    r"|.*\b(getty images|ap photo|afp photo|reuters/[a-z]|epa-efe|shutterstock|ap images)\b.*"
    r"|\(?(photo|image)s?\)?)",
    _I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|al|bin|el|la|le))*"
BYLINE = re.compile(
    rf"^([Bb]y|[Ff]rom|[Ww]ritten by|[Ww]ords by)\s+{_NAME}(\s*(,|and|&)\s*{_NAME})*"
    r"(\s*(,|\||-|–|—)\s*[\w .&'’-]+)?\s*$",
)
BYLINE_CAPS = re.compile(r"^BY\s+[A-Z .,'’&-]+$")
DATELINE_LINE = re.compile(r"^\|?\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})\s*\|?$")
WIRE_CREDIT = re.compile(
    r"^(\(?\s*(additional )?(reporting|writing|editing|compiled|edited|research|graphics)"
    r"\s+by\b.*\)?|[-–—]+\s*(reuters|ap|afp|associated press|bloomberg|xinhua|dpa|upi|ians|pti)"
    r"\.?|\(?(reuters|ap|afp|the associated press|associated press)\)?\.?"
    r"|(©|\(c\)|copyright\b).*|all rights reserved\.?)$",
    _I,
)
TIMESTAMP = re.compile(
    r"^(published|updated|last (updated|modified)( on)?|posted|first published)\b[^.]*\d.*$",
    _I,
)
# A dateline fused into the first paragraph: "DAMASCUS -- ", "BEIJING (AP) — ",
# "NEW YORK, Dec 8 (Reuters) - ". Requires an all-caps place and a separator.
INLINE_DATELINE = re.compile(
    r"^(?P<dl>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?(?:,?\s+[A-Z][a-z]{2}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .&-]+\))?\s*(?:--|—|–|-|:)\s+)(?=[A-Z0-9\"“‘'])"
)
TRAILING_CREDIT = re.compile(
    r"\s*\(\s*(?:additional )?(?:reporting|writing|editing) by[^()]*\)\s*$", _I
)

MAX_JUNK_WORDS = 20  # prompt-like lines longer than this are read as content
REPEAT_MIN_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class CleanedText:
    title: str
    text: str
    removed: tuple[RemovedLine, ...]


def _words(line: str) -> int:
    return len(line.split())


def classify_line(line: str) -> str | None:
    """The reason a line is boilerplate, or ``None`` for content."""
    words = _words(line)
    if TICKER_HEADER.match(line):
        return "ticker"
    if line.count(" // ") >= 2 or (line.count(" | ") >= 3 and words / (line.count("|") + 1) < 12):
        return "ticker"
    if ADVERTISEMENT.match(line):
        return "advertisement"
    if WIRE_CREDIT.match(line) and words <= 30:
        return "wire credit"
    if words > MAX_JUNK_WORDS:
        return None
    if PROMPT.match(line):
        return "share/subscribe prompt"
    if (BYLINE.match(line) or BYLINE_CAPS.match(line)) and words <= 12:
        return "byline"
    if DATELINE_LINE.match(line) and words <= 3:
        return "dateline"
    if TIMESTAMP.match(line) and words <= 12:
        return "timestamp"
    if PHOTO.match(line) and (words <= 12 or not line.rstrip().endswith((".", '"', "”"))):
        return "photo credit"
    return None


def _norm(line: str) -> str:
    return " ".join(line.lower().split())


def _sentence_like(line: str) -> bool:
    return _words(line) >= 8 and line.endswith((".", "!", "?", '"', "”", "’"))


def repeated_lines(texts: Iterable[str], min_articles: int = REPEAT_MIN_ARTICLES) -> frozenset[str]:
    """Short lines that appear in ``min_articles`` or more articles of one input: site chrome.

    Long sentence-like lines are never included: syndicated copies legitimately share whole
    paragraphs, and those are content (deduplication handles them, not cleaning).
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({_norm(line) for line in text.splitlines() if line.strip()})
    return frozenset(
        line for line, n in counts.items() if n >= min_articles and not _sentence_like(line)
    )


def clean_text(
    text: str,
    title: str = "",
    *,
    title_in_text: bool = False,
    repeated: frozenset[str] = frozenset(),
) -> CleanedText:
    """Clean one article body. Paragraphs of the result are separated by blank lines."""
    removed: list[RemovedLine] = []
    kept: list[str] = []
    places: set[str] = set()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        reason = classify_line(line)
        if reason is None and _norm(line) in repeated:
            reason = "repeated across articles"
        if reason is None and title and not title_in_text and _norm(line) == _norm(title):
            reason = "title repeated in text"
        if reason:
            removed.append(RemovedLine(line, reason))
            if reason == "dateline":
                match = DATELINE_LINE.match(line)
                if match:
                    places.add(match.group("place"))
            continue
        kept.append(line)

    if title_in_text and kept:
        title = kept.pop(0)
    elif title and kept and _norm(kept[0]).startswith(_norm(title) + " "):
        # Datasets often fuse the headline into the first paragraph.
        removed.append(RemovedLine(kept[0][: len(title)], "title repeated in text"))
        kept[0] = kept[0][len(title) :].lstrip()

    if kept:
        kept[0] = _strip_dateline(kept[0], places, removed)
        last = TRAILING_CREDIT.search(kept[-1])
        if last and last.start() > 0:
            removed.append(RemovedLine(kept[-1][last.start() :].strip(), "wire credit"))
            kept[-1] = kept[-1][: last.start()].rstrip()
    kept = [line for line in kept if line]
    return CleanedText(title=title.strip(), text="\n\n".join(kept), removed=tuple(removed))


def _strip_dateline(first: str, places: set[str], removed: list[RemovedLine]) -> str:
    match = INLINE_DATELINE.match(first)
    if match and _words(match.group("dl")) <= 8:
        removed.append(RemovedLine(match.group("dl").strip(), "dateline"))
        return first[match.end() :]
    for place in places:
        # "PARIS Backers of ..." after a "| PARIS" dateline line.
        if first.startswith(place + " ") and first[len(place) + 1 : len(place) + 2].isupper():
            removed.append(RemovedLine(place, "dateline"))
            return first[len(place) + 1 :]
    return first


def article_id(origin: str, text: str) -> str:
    """A stable id: the same file with the same text always gets the same id."""
    digest = hashlib.sha1(f"{origin}\x00{text}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]


def clean_document(raw: RawDocument, repeated: frozenset[str] = frozenset()) -> Article | Problem:
    cleaned = clean_text(raw.text, raw.title, title_in_text=raw.title_in_text, repeated=repeated)
    if not cleaned.text.strip():
        reason = "empty article: no text after cleaning"
        if not raw.text.strip() or (raw.title_in_text and cleaned.title):
            reason = "empty article: no text" if not cleaned.title else "empty article: title only"
        return Problem(raw.origin, reason)
    return Article(
        id=article_id(raw.origin, raw.text),
        text=cleaned.text,
        title=cleaned.title,
        source=raw.source or _agency_from(cleaned.removed),
        url=raw.url,
        published=raw.published,
        byline=raw.byline or _byline_from(cleaned.removed),
        origin=raw.origin,
        removed=cleaned.removed,
        also_published_by=raw.also_published_by,
        copies=raw.copies,
    )


_AGENCIES = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "upi": "UPI",
}
_AGENCY_IN = re.compile(r"\(([A-Za-z .]+)\)|^[-–—]+\s*([A-Za-z .]+?)\.?$")


def _agency_from(removed: Sequence[RemovedLine]) -> str:
    """A wire credit or dateline naming an agency ("-Reuters", "BEIJING (AP) —") tells the
    outlet of a text file that has no other metadata."""
    for line in removed:
        if line.reason not in ("wire credit", "dateline"):
            continue
        for match in _AGENCY_IN.finditer(line.text.strip()):
            name = (match.group(1) or match.group(2) or "").strip().lower()
            if name in _AGENCIES:
                return _AGENCIES[name]
    return ""


def _byline_from(removed: Sequence[RemovedLine]) -> str:
    for line in removed:
        if line.reason == "byline":
            return re.sub(r"^(by|from|written by|words by)\s+", "", line.text, flags=_I)
    return ""


def clean_documents(docs: Sequence[RawDocument]) -> list[Article | Problem]:
    """Clean a batch; lines repeated across many of its articles count as site chrome."""
    repeated = (
        repeated_lines(d.text for d in docs) if len(docs) >= REPEAT_MIN_ARTICLES else frozenset()
    )
    return [clean_document(doc, repeated) for doc in docs]
