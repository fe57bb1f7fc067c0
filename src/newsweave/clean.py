"""Clean: strip web boilerplate from article text without losing article content.

Works line by line (a scraped page's junk comes in whole lines: tickers, ADVERTISEMENT,
share prompts, bylines, credits), plus two inline cases that scrapers fuse into the first
or last paragraph: a leading dateline ("DAMASCUS -- ") and a trailing wire credit. Every
removal is recorded with its reason, so ``--explain`` can show exactly what was dropped.

A line is judged twice. On its own, by its shape and wording (``classify_line``): tickers,
consent banners, button and link labels, share and social counts, bylines and author bios,
timestamps, photo credits, newsletter boxes. Then by its place on the page: in a text dump
everything above the headline (the line that shares most words with the story) is page
header; runs of short lines above or below the story, with at least one line of known
furniture among them, are menus, link lists and footers;
below the story's last paragraph, once page furniture has begun, lines that share nothing
with the story are comments and teasers. How well this works, on synthetic pages with
held-out junk phrasings and on the real dev-set text, is in docs/cleaning.md.

Rules are deliberately conservative: a long line that reads like a sentence is kept even
if it mentions "subscribe" or "photo", a list between the story's paragraphs is kept, and
a page with no paragraph of prose keeps its short lines, because losing content is worse
than keeping junk.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ftfy

from newsweave.errors import excerpt
from newsweave.language import detect_language
from newsweave.model import Article, Problem, RawDocument, RemovedLine, article_id
from newsweave.tokens import content_terms, has_any

_I = re.IGNORECASE
log = logging.getLogger(__name__)

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
    r"|subscribe\b.*|sign up\b.*|sign me up|get (our|the) [\w ]*newsletter.*|newsletter\b.*"
    r"|(enter )?(your )?e-?mail( address)?|audio version|\d+ min(ute)?s? (listen|watch)|text size"
    r"|read (more|also|next|the full story)\b.*|also read\b.*|recommended\s*:.*|don'?t miss\b.*"
    r"|you (might|may) (also )?(like|enjoy)\b.*|\[\s*read\s*:.*\]|also on [\w ]+:.*|listen\s*:.*"
    r"|[►▶»]\s*.*|more from\b.*|view all (articles|posts|stories)\b.*|(show|load) (more|less)\b.*"
    r"|related( articles?| stories| coverage)?\b.*"
    r"|click here\b.*|follow (us|@|him|her|them|the)\b.*|like us on\b.*|download (our|the)\b.*"
    r"|listen to (this|the) (article|story)\b.*|watch\s*:.*|more\s*:.*|see also\b.*"
    r"|skip to (main )?content|back to top|next article|previous article|view comments"
    r"|comments?( \(\d+\))?|\d+ comments?|home|menu|search|log ?in|sign in|register"
    r"|(reply|report|flag( as inappropriate)?|like \(\d+\)|\d+ (replies|likes))"
    r"|pinterest|flipboard|reddit|messenger|telegram|instagram|youtube|tumblr|pocket|sms"
    r"|(reader |show |add a |leave a |post a )?comments?|join the (conversation|discussion)"
    r"|discussion|conversation|what do you think\??"
    r"|log ?in to comment|sort by\b.*|posted by \S+( \S+)?|\S++( \S++){0,2} wrote)\s*[.:!]?$",
    _I,
)  # possessive before " wrote": a word's letters given back can never be its space
# A caption or credit line: one starting with a credit word, or naming a photo agency
# anywhere (two patterns: one anchored, one searched, instead of one whose ".*" scans every
# line from each position).
PHOTO = re.compile(
    r"^(\(?(photo|photograph|image|picture|pic|video|credit|caption|file photo|illustration)"
    r"\s*(:|by\b|credit\b|copyright\b|caption\b|/)|image (copyright|caption)\b"
    r"|\(?(photo|image)s?\)?)",
    _I,
)
PHOTO_AGENCY = re.compile(
    r"\b(getty images|ap photo|afp photo|reuters/[a-z]|epa-efe|shutterstock|ap images)\b", _I
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
# A site's standing links: what every footer says.
FOOTER_LINK = re.compile(
    r"^(privacy( policy| notice| settings| center)?|terms( of (use|service))?|terms (and|&) "
    r"conditions|contact( us)?|about( us)?|careers|jobs|site ?map|accessibility|advertise"
    r"( with us)?|help|faq|rss|press|imprint|impressum|cookie (policy|settings)|legal"
    r"|do not sell my (personal )?info(rmation)?|corrections( policy)?|ethics( policy)?"
    r"|(code of )?conduct|community (guidelines|standards)|send us a tip|newsroom)\s*$",
    _I,
)
# A button or link label: a verb of page furniture and at most a few more words.
# What a crawl gets instead of the article: a web archive's notice about its collections (a
# capture that was never made), a social network's embed chrome. The whole paragraph goes,
# at any length; an article left with nothing is reported as empty, never counted as a source.
NOTICE = "archive or embed notice"
PLATFORM_NOTICE = re.compile(
    r"^[-\s]*(?:tweet with a location|add a location to your tweets|you can add location "
    r"information to your tweets|when you tweet with a location|starting in \d{4}, alexa "
    r"internet has been donating|these crawls are part of an effort to archive|this is a set "
    r"of web collections curated by|the seed for wide\d+ was|slash pages from every domain on "
    r"the web|a ranking of all urls that have more than|up to a maximum of \d+ most highly "
    r"ranked urls|top ranked pages \(up to)"
)
# A page that says it is not the article: a crawl of an error page or of an archive's
# refusal. Looked for at the top of the text only, where such pages say it.
ERROR_PAGE = re.compile(
    r"(?:sorry, )?(?:the|this) page (?:you (?:requested|were looking for|are looking for|"
    r"tried to reach) )?(?:could not be found|cannot be found|can't be found|can’t be found|"
    r"does not exist|doesn't exist|no longer exists|is not available)|\b(?:error )?404\b.{0,15}"
    r"not found|\bpage not found\b|this data is currently not publicly accessible"
)
ERROR_PAGE_CHARS = 300
ERROR_HINTS = ("found", "exist", "available", "accessible")  # one is in every alternative
UI_LABEL = re.compile(
    r"^(accept|reject|agree|decline|manage|learn more|got it|ok(ay)?|close|open|toggle|show"
    r"|hide|load|view|reply|submit|join|enter|download|get|listen|watch|click|tap|save|print"
    r"|copy|expand|collapse|continue|skip|go|options|settings|preferences|i agree|no thanks"
    r"|dismiss|allow|confirm|send|share|flip|pin|follow|more|gift)\b[^.?]{0,40}$",
    _I,
)
# Consent banners speak to the reader about cookies or personal data.
CONSENT = re.compile(
    r"\bcookies?\b.*\b(use|uses|accept|agree|polic(y|ies)|settings|consent|brows\w*|stor\w*"
    r"|experience)\b|\b(use|uses|accept|agree|polic(y|ies)|settings|consent|stor\w*)\b.*"
    r"\bcookies?\b|\bpersonal data\b|^(your |we value your )?privacy( choices| settings"
    r"| preferences)?$|^consent$",
    _I,
)
NEWSLETTER = re.compile(r"\b(inbox|newsletters?|e-?mail address|unsubscribe|by signing up)\b", _I)
CONSENT_HINTS = ("cookie", "privacy", "personal data", "consent")
NEWSLETTER_HINTS = ("inbox", "newsletter", "mail", "unsubscribe", "signing up")
WIRE_HINTS = ("contributed", "files from", "has been")
SECOND_PERSON = re.compile(r"\b(we|our|us|you|your)\b", _I)
SOCIAL_COUNT = re.compile(
    r"^([♥❤]\s*)?\d[\d.,]*\s*[KkMm]?\s*(shares?|likes?|views?|comments?|replies|responses"
    r"|reads|reactions|retweets|followers)$|^(comments?|replies|shares|likes)\s*\(\d+\)$"
    r"|^[♥❤]\s*\d[\d.,]*[KkMm]?$"
    r"|^((facebook|twitter|linkedin|pinterest|reddit|whatsapp|email)\s+\d[\d.,]*[KkMm]?\s*)+$",
    _I,
)
TRAILING_COUNT = re.compile(r"\s\d[\d.,]*[KkMm]?\s+(views|shares|reads|comments)$", _I)
RELATIVE_TIME = re.compile(
    r"(^|[·•|]\s*|^\S+( \S+){0,2}\s)\d+\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?|months?|[hmd])( ago)?$|^\d+\s*min(ute)?s?\s+read$",
    _I,
)
_DATE_WORDS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
    r"|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?"
    r"|sat(urday)?|sun(day)?|am|pm|a\.m|p\.m|et|est|edt|gmt|utc|bst|cet|pt|pst|at|on|of"
    r"|updated|published|posted|modified|first|last|date|time|\d{1,4}(:\d\d)?(st|nd|rd|th)?"
)
CALENDAR_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
    r"|\d:\d\d",
    _I,
)
DATE_ONLY = re.compile(rf"^((?:{_DATE_WORDS})[\s.,:/|•·-]*)+$", _I)
_ROLE = (
    r"((staff|senior|chief|political|politics|foreign|digital|news|sports|business|managing"
    r"|deputy|contributing|associate|special|investigative|health|science|local|national)\s+)*"
    r"(writer|reporter|correspondent|editor|contributor|columnist|producer|journalist"
    r"|photographer|analyst|critic|anchor|intern)s?"
)
ROLE_LINE = re.compile(rf"^{_ROLE}$", _I)
_CREDITED = r"(?i:story by|words by|author\s*:|text by)"
NAME_ROLE = re.compile(
    rf"^{_CREDITED}?\s*{_NAME}(\s*(,|\||•|·|–|—|-)\s*(?i:{_ROLE})|\s+@\w+)\s*$"
    rf"|^{_CREDITED}\s+{_NAME}$"
)
BIO = re.compile(
    rf"^{_NAME}\s+(is|was|has been)\b.{{0,80}}\b(?i:{_ROLE})\b|^{_NAME}\s+(covers|writes about)\b"
    rf"|^{_NAME}\s+has (reported|written|worked) for\b|^(?i:about the author|contact the author"
    r"|follow [\w .'’-]+ on (twitter|facebook|instagram|x)\b)",
)
# The look-behind starts a match only where a run of address characters starts: without
# it, a search through one long word tries every position and rescans the rest of the run
# (quadratic: five 100,000-character words took minutes).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
CREDIT_STEMS = ("photo", "image", "picture", "pic", "credit", "courtesy")  # a cheap test first
CREDIT_WORD = re.compile(rf"\b({'|'.join(CREDIT_STEMS)})", _I)
CREDIT_TAIL = re.compile(
    r"([(\[|]\s*)?\b(?i:photo(graph)?|image|picture|pic|credit|courtesy)\b\s*(:|by)?\s*"
    r"[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}(\s*/\s*[\w.&'’ -]+)?[)\]]?\s*$"
    r"|[(\[][A-Z][\w.'’ -]+/\s*[A-Z][\w.&'’ -]+[)\]]\s*$"
    r"|\s[A-Z][\w'’-]+(\s[A-Z][\w'’-]+){0,2}/(Reuters|AP|AFP|EPA|Getty Images|Bloomberg"
    r"|Shutterstock|Xinhua|AAP|PA|Sipa|Alamy)\s*$",
)
WIRE_SENTENCE = re.compile(
    r"\bcontributed( reporting)?( to this (report|story|article))?\.?$|^[-–—]*\s*with files from\b"
    r"|^this (story|article|report) has been (corrected|updated)\b",
    _I,
)
# "DEVELOPING: Blast hits ..." - a capitals label on a headline (cut short or unpunctuated).
CAPS_LABEL = re.compile(
    r"^(BREAKING( NEWS)?|LIVE|DEVELOPING|ALERT|NEWS ALERT|UPDATED?|WATCH|LISTEN|READ|STORY"
    r"|VIDEO|PHOTOS|GALLERY|MORE|RELATED|EXCLUSIVE|OPINION|EDITORIAL|BLOG|ANALYSIS|JUST IN"
    r"|LATEST|TOP STORY|PODCAST|INTERACTIVE|PICTURES|SPONSORED|SEE|ALSO|RECOMMENDED|TRENDING)"
    r"\s*:\s+\S.*([^.!?\"”’:]|\.\.\.|…)$"
)

# A dateline fused into the first paragraph: "DAMASCUS -- ", "BEIJING (AP) — ",
# "NEW YORK, Dec 8 (Reuters) - ". Requires an all-caps place and a separator.
INLINE_DATELINE = re.compile(
    r"^(?P<dl>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?(?:,?\s+[A-Z][a-z]{2}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .&-]+\))?\s*(?:--|—|–|-|:)\s+)(?=[A-Z0-9\"“‘'])"
)
TRAILING_CREDIT = re.compile(
    r"\s*\(\s*(?:additional )?(?:reporting|writing|editing) by[^()]*\)\s*$"
    r"|(?<=[.!?\"”’])\s+[-–—]+\s*(?:AFP|Reuters|AP|Xinhua|dpa|UPI|IANS|PTI|Bloomberg)\s*$",
    _I,
)
# Words of an advertisement slot's label ("— Ad —", "Advertisement - scroll to continue").
AD_MARKERS = frozenset({"ad", "ads", "advert", "advertisement", "advertisements", "advertising"})
AD_WORDS = AD_MARKERS | {
    "sponsored", "paid", "promoted", "content", "story", "stories", "continues", "continue",
    "below", "scroll", "to", "reading", "the", "main", "article", "with", "feedback", "post",
}  # fmt: skip
TICKER_SEPARATORS = (" // ", " | ", " • ", " · ", " ··· ", " — ", " – ")
_TICKER_SEPARATOR = re.compile("|".join(re.escape(sep) for sep in TICKER_SEPARATORS))
_SEPARATOR_MARKS = tuple(sorted({sep.strip()[0] for sep in TICKER_SEPARATORS}))  # one in each

# C0 control characters other than tab and line breaks, and DEL: never news text, and
# harmful in output (an ESC in a text file would drive the reader's terminal when a brief
# is printed). Vertical tab and form feed become line breaks. C1 characters (U+0080 to
# U+009F) are left alone: in real datasets they are cp1252 punctuation read as Latin-1
# ("Christ\x92s"), text that matters more than a rare 8-bit terminal control: `repaired`
# turns them back into that punctuation.
_CONTROLS = {**dict.fromkeys([*range(9), *range(14, 32), 127]), 11: "\n", 12: "\n"}


_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROLS) + "]")


def printable(text: str) -> str:
    """``text`` without control characters (tabs and line breaks kept)."""
    # Scanning for one is ten times faster than ``translate`` with a table, and almost
    # every text has none: the stream's hot path.
    return text.translate(_CONTROLS) if _CONTROL.search(text) else text


# Mojibake: UTF-8 decoded as Latin-1 or cp1252 somewhere upstream ("â€™" for "’", "Ã©" for
# "é", "â\x80\x98" for "‘") shows as a lead byte of a UTF-8 sequence (U+00C2-U+00F4) before
# a continuation byte (U+0080-U+00BF, or its cp1252 reading); cp1252 punctuation read as
# Latin-1 ("Christ\x92s") as a C1 character. ftfy repairs both, and leaves text alone unless
# its own badness measure says the repair is right ("café’s" stays), but it costs about
# 0.3 ms per kB: only text with such a pair goes through it, which clean news never has.
_MOJIBAKE_HINT = re.compile("[\x80-\x9f]|[\u00c2-\u00f4][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


# Every character the hint starts with: testing for each with ``in`` (C substring search)
# costs 5 µs an article, the hint's own scan 50 µs; ASCII text skips both.
_MOJIBAKE_LEADS = tuple(map(chr, [*range(0x80, 0xA0), *range(0xC2, 0xF5)]))


def repaired(text: str) -> str:
    """``text`` printable, with mojibake and cp1252 punctuation read as Latin-1 repaired."""
    text = printable(text)
    if text.isascii() or not has_any(text, _MOJIBAKE_LEADS):
        return text
    return ftfy.fix_encoding(text) if _MOJIBAKE_HINT.search(text) else text


MAX_JUNK_WORDS = 20  # prompt-like lines longer than this are read as content
LIST_HEADERS = frozenset({"ticker", "share/subscribe prompt"})
MAX_TITLE_WORDS = 25  # longer lines are paragraphs, not headlines or link texts
SHORT_LINE_WORDS = 6  # a line this short is a menu item, a button or a one-line remark
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";", ",", "…", ")")
NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s")
SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[\"“‘]?[A-Z]")
REPEAT_MIN_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class CleanedText:
    title: str
    text: str
    removed: tuple[RemovedLine, ...]


def _words(line: str) -> int:
    return len(line.split())


def _line_words(line: str) -> int:
    """``_words`` of a normalised, non-empty line (single spaces, none outside): ``clean_text``
    normalises every line first, and counting spaces builds no list."""
    return line.count(" ") + 1


def classify_line(line: str) -> str | None:
    """The reason a line is boilerplate, or ``None`` for content."""
    normalized = " ".join(line.split())
    return _classify(normalized, _words(normalized))


def _classify(line: str, words: int) -> str | None:
    """``classify_line`` of a line with single spaces and no outer space, and its word
    count (``clean_text`` has both at hand)."""
    # The case-insensitive patterns named *_LOWER are matched, without the flag, on the
    # line's lower case: the same lines, but the regex engine then skips an alternative on
    # its first letter instead of entering each (PROMPT has sixty).
    lower = line.lower()
    if TICKER_HEADER_LOWER.match(lower):
        return "ticker"
    if _ticker(line, words):
        return "ticker"
    if words <= 8 and (ADVERTISEMENT_LOWER.match(lower) or _ad_label(line)):
        return "advertisement"
    # Cheap substring tests before the searches: most lines are prose.
    if (words <= 30 and WIRE_CREDIT_LOWER.match(lower)) or (
        words <= 20 and has_any(lower, WIRE_HINTS) and WIRE_SENTENCE.search(line)
    ):
        return "wire credit"
    if (
        words <= 45
        and has_any(lower, CONSENT_HINTS)
        and CONSENT.search(line)
        and (words <= 4 or SECOND_PERSON.search(line))
    ):
        return "consent banner"
    if (
        words <= 30
        and has_any(lower, NEWSLETTER_HINTS)
        and NEWSLETTER.search(line)
        and SECOND_PERSON.search(line)
    ):
        return "share/subscribe prompt"
    if (
        words <= 40
        and ("/" in line or (has_any(lower, CREDIT_STEMS) and CREDIT_WORD.search(line)))
        and CREDIT_TAIL.search(line)
    ):
        return "photo credit"
    if PLATFORM_NOTICE.match(lower):
        return NOTICE
    if words > MAX_JUNK_WORDS:
        return None
    if PROMPT_LOWER.match(lower) or (words <= 4 and UI_LABEL_LOWER.match(lower)):
        return "share/subscribe prompt"
    if words <= 7 and FOOTER_LINK_LOWER.match(lower):
        return "footer link"
    if SOCIAL_COUNT.match(line) or (
        lower.endswith(_COUNT_ENDS) and TRAILING_COUNT.search(line) is not None
    ):
        return "social count"
    if (BYLINE.match(line) or BYLINE_CAPS.match(line)) and words <= 12:
        return "byline"
    if words <= 8 and (NAME_ROLE.match(line) or ROLE_LINE.match(line)):
        return "byline"
    if DATELINE_LINE.match(line) and words <= 3:
        return "dateline"
    if words <= 12 and TIMESTAMP_LOWER.match(lower):
        return "timestamp"
    if words <= 12 and (_relative_time(line) or _date_only(line)):
        return "timestamp"
    if (PHOTO.match(line) or (has_any(lower, AGENCY_HINTS) and PHOTO_AGENCY.search(line))) and (
        words <= 12 or not line.rstrip().endswith((".", '"', "”"))
    ):
        return "photo credit"
    if _bio(line, lower) or (words <= 12 and "@" in line and EMAIL.search(line)):
        return "author bio"
    if CAPS_LABEL.match(line):
        return "ticker"
    return None


def _ticker(line: str, words: int) -> bool:
    """Headlines strung together with a separator: three or more short pieces, each starting
    like a headline and the last not ending a sentence (dashes around an aside inside a
    sentence fail one of these), four or more pieces for dashes, which sentences also use."""
    if not has_any(line, _SEPARATOR_MARKS) or _TICKER_SEPARATOR.search(line) is None:
        return False  # the common case, in a few scans instead of eight counts
    if line.count(" // ") >= 2:
        return True
    for sep in TICKER_SEPARATORS:
        needed = 3 if sep.strip() in ("—", "–") else 2
        if line.count(sep) >= needed:
            pieces = [p.strip() for p in line.split(sep) if p.strip()]
            if (
                len(pieces) > needed
                and words / len(pieces) < 14
                and all(p[0].isupper() or p[0].isdigit() for p in pieces)
                and not pieces[-1].endswith((".", "?", "!", '"', "”"))
            ):
                return True
    return False


def _ad_label(line: str) -> bool:
    tokens = re.findall(r"[a-z]+", line.lower())
    return (
        bool(tokens)
        and len(tokens) <= 8
        and set(tokens) <= AD_WORDS
        and bool(set(tokens) & AD_MARKERS or "continues" in tokens)
    )


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern for text already in lower case, tried faster: the same
    matches, but for the few letters whose case folding is not their lower case (a long
    s), which no line of the dev sets or test data has."""
    if re.search(r"(?<!\\)[A-Z]", pattern.pattern):
        raise ValueError("a pattern naming an upper-case letter cannot match lower case")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


TICKER_HEADER_LOWER = _lowered(TICKER_HEADER)
ADVERTISEMENT_LOWER = _lowered(ADVERTISEMENT)
WIRE_CREDIT_LOWER = _lowered(WIRE_CREDIT)
TIMESTAMP_LOWER = _lowered(TIMESTAMP)
PROMPT_LOWER = _lowered(PROMPT)
UI_LABEL_LOWER = _lowered(UI_LABEL)
FOOTER_LINK_LOWER = _lowered(FOOTER_LINK)
_COUNT_ENDS = ("views", "shares", "reads", "comments")  # the words TRAILING_COUNT ends with
AGENCY_HINTS = ("getty images", "ap photo", "afp photo", "reuters/", "epa-efe", "shutterstock",
                "ap images")  # fmt: skip
# The last letters RELATIVE_TIME can end on: "5 mins", "2 days ago", "1h", "3 min read".
_RELATIVE_ENDS = frozenset("sdcenrykhmo" + "sdcenrykhmo".upper())
# BIO's sentences need one of these words after the name; its other openings are fixed.
_BIO_VERBS = (" is", " was", " has ", " covers", " writes about")
_BIO_OPENINGS = ("about the author", "contact the author", "follow ")


# What a text ends with when TRAILING_CREDIT can match: a parenthesis or an agency's name.
_CREDIT_ENDS = (")", "afp", "reuters", "ap", "xinhua", "dpa", "upi", "ians", "pti", "bloomberg")


def _trailing_credit(text: str) -> re.Match[str] | None:
    """``TRAILING_CREDIT.search``, tried only on a text ending as a credit ends (the
    search runs through the whole last paragraph)."""
    if not text.rstrip()[-len("bloomberg") :].lower().endswith(_CREDIT_ENDS):
        return None
    return TRAILING_CREDIT.search(text)


def _relative_time(line: str) -> bool:
    """``RELATIVE_TIME.search``, tried only on a line ending as it needs to (a prose line
    ends with a full stop: almost no line pays for the search)."""
    return line[-1:] in _RELATIVE_ENDS and RELATIVE_TIME.search(line) is not None


def _bio(line: str, lower: str) -> bool:
    """``BIO.match`` of a line and its lower case, tried only when it holds a bio's verb."""
    if not (has_any(line, _BIO_VERBS) or lower.startswith(_BIO_OPENINGS)):
        return False
    return BIO.match(line) is not None


def _date_only(line: str) -> bool:
    """A bare date or time ("10:10 PM July 12, 2018"); not a timeline entry's "Jan. 5, 2018:"
    nor a phone number or code."""
    return (
        not line.endswith(":")
        and any(map(str.isdigit, line))
        and CALENDAR_WORD.search(line) is not None
        and DATE_ONLY.match(line) is not None
    )


def _norm(line: str) -> str:
    return " ".join(line.lower().split())


def _sentence_like(line: str) -> bool:
    """Of a normalised line (``_line_words``)."""
    return _line_words(line) >= 8 and line.endswith((".", "!", "?", '"', "”", "’"))


def repeated_lines(texts: Iterable[str], min_articles: int = REPEAT_MIN_ARTICLES) -> frozenset[str]:
    """Short lines that appear in ``min_articles`` or more articles of one input: site chrome.

    Long sentence-like lines are never included: syndicated copies legitimately share whole
    paragraphs, and those are content (deduplication handles them, not cleaning).
    """
    counts: Counter[str] = Counter()
    for text in texts:
        # ``_norm`` of each line, with the text lower-cased once (the same lines).
        lines = {" ".join(line.split()) for line in text.lower().splitlines()}
        lines.discard("")
        counts.update(lines)
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
    """Clean one article body. Paragraphs of the result are separated by blank lines.

    Each line is first judged on its own (``classify_line``, ``repeated``); then by its
    place in the page: in a text dump (``title_in_text``) everything above the headline is
    page header, and runs of short lines are menus, link lists and footers.
    """
    lines = [
        " ".join(raw.split()) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    lines = [line for line in lines if line]
    reasons: list[str | None] = []
    title_key = _norm(title) if title and not title_in_text else None
    for line in lines:
        reason = _classify(line, _line_words(line))
        # ``_norm`` of a normalised line is its lower case.
        if reason is None and repeated and line.lower() in repeated:
            reason = "repeated across articles"
        if reason is None and title_key is not None and line.lower() == title_key:
            reason = "title repeated in text"
        reasons.append(reason)
    protect: int | None = None
    if title_in_text:
        protect = _title_index(lines, reasons)
        if protect is not None:
            for i in range(protect):
                reasons[i] = reasons[i] or "page header"
        else:
            protect = next((i for i, r in enumerate(reasons) if r is None), None)
    if any(reasons):
        # A page's furniture around its story is judged from the junk lines found so far:
        # a run of short lines with none among them is the story's own list, and nothing
        # below a story without junk is "after the article", so a clean text (most of a
        # stream) skips both passes.
        story = _StoryWords(ln for ln, r in zip(lines, reasons, strict=True) if r is None)
        keep = _list_items(lines, reasons)
        if protect is not None:
            keep.add(protect)
        _mark_link_runs(lines, reasons, keep, story)
        _mark_after_article(lines, reasons, keep, story)

    removed: list[RemovedLine] = []
    kept: list[str] = []
    places: set[str] = set()
    for line, reason in zip(lines, reasons, strict=True):
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
    elif (
        title
        and kept
        and _norm(kept[0]).startswith(_norm(title) + " ")
        and _starts_sentence(kept[0][len(title) :])
    ):
        # Datasets often fuse the headline into the first paragraph; but a lede whose first
        # words are the headline ("could soon change ..." would remain) is left whole.
        removed.append(RemovedLine(kept[0][: len(title)], "title repeated in text"))
        kept[0] = kept[0][len(title) :].lstrip()

    if kept:
        kept[0] = _strip_dateline(kept[0], places, removed)
        last = _trailing_credit(kept[-1])
        if last and last.start() > 0:
            removed.append(RemovedLine(kept[-1][last.start() :].strip(), "wire credit"))
            kept[-1] = kept[-1][: last.start()].rstrip()
    kept = [line for line in kept if line]
    return CleanedText(title=title.strip(), text="\n\n".join(kept), removed=tuple(removed))


def headline_only(cleaned: CleanedText) -> CleanedText:
    """A cleaned article whose body is empty: its headline is its text.

    The title's own copy in the body is then the text, not a removal, so ``--explain``
    does not list it as dropped."""
    removed = tuple(r for r in cleaned.removed if r.reason != "title repeated in text")
    return CleanedText(title=cleaned.title, text=cleaned.title, removed=removed)


# A bodiless page titled "Menu" or "Sign in" is page furniture, not a headline. Only short
# titles are judged so: long real headlines can look like a prompt ("Watch: ...",
# "BREAKING: ..."; 4 of WCEP dev's 542 titles), and are kept.
FURNITURE_TITLE_WORDS = 4


def _furniture_title(title: str) -> str | None:
    return classify_line(title) if _words(title) <= FURNITURE_TITLE_WORDS else None


def is_headline_only(article: Article) -> bool:
    """Whether the article's text is only its headline (see ``headline_only``)."""
    if not article.title:
        return False
    # A text with more words than the title is not it: the split stops one word past the
    # title's count, so a long article is told apart without normalising all of it.
    title_words = len(article.title.split())
    if len(article.text.split(maxsplit=title_words)) > title_words:
        return False
    return _norm(article.text) == _norm(article.title)


def _starts_sentence(text: str) -> bool:
    text = text.lstrip()
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'(")


def _title_index(lines: Sequence[str], reasons: Sequence[str | None]) -> int | None:
    """The headline of a text dump: the line above the first paragraph of prose that shares
    the most content words with the text below it (a headline is about its story; menu
    items, tickers and banners are not); the first such line on a tie. ``None`` when no line
    shares a word."""
    first_prose = next(
        (
            i
            for i, (ln, r) in enumerate(zip(lines, reasons, strict=True))
            if r is None and _sentence_like(ln)
        ),
        len(lines),
    )
    below = [
        ln for ln, r in zip(lines[first_prose:], reasons[first_prose:], strict=True) if r is None
    ]
    body_terms = set(content_terms(" ".join(below)))
    best, best_overlap = None, 0
    for i in range(first_prose):
        if reasons[i] is not None or _line_words(lines[i]) > MAX_TITLE_WORDS:
            continue
        overlap = len(set(content_terms(lines[i])) & body_terms)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _listy(line: str) -> bool:
    """Short, or a headline-like fragment: what menus, link lists and footers are made of
    (of a normalised line)."""
    words = _line_words(line)
    if words <= SHORT_LINE_WORDS:
        return True
    if words > MAX_TITLE_WORDS:
        return False
    credit = _trailing_credit(line)
    if credit and credit.start() > 0:
        line = line[: credit.start()]
    item = NUMBERED_ITEM.match(line)
    if item:
        return True
    return not line.endswith(_SENTENCE_END) and not SENTENCE_BREAK.search(line)


def _mark_link_runs(
    lines: Sequence[str], reasons: list[str | None], keep: set[int], story: _StoryWords
) -> None:
    """Runs of short lines (junk lines may sit among them) are menus and link lists.

    An article's own short lines (a subheading, "That was enough.") come one at a time
    between paragraphs; three in a row, or two among other junk, are page furniture above
    or below the story, provided one line of the run is recognisably furniture (a footer
    link, a "Most read" header, a share label): a closing list of carcinogens or song
    titles has none. Between its paragraphs, a run counts only under a header such as
    "Most popular" or "Related stories": otherwise it is a list the story itself makes.
    """
    prose = [i for i, r in enumerate(reasons) if r is None and _sentence_like(lines[i])]
    if not prose:
        return  # no paragraph to tell the story from its page: a list or a poem is all there is
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and j not in keep and (reasons[j] is not None or _listy(lines[j])):
            j += 1
        short = [k for k in range(i, j) if reasons[k] is None]
        if len(short) == j - i:
            short = []  # no line of the run is recognisably furniture: a list, lyrics, credits
        if len(short) >= 2:
            short = [k for k in short if not _on_topic(lines[k], story)]
        inside = bool(prose) and prose[0] < i and j - 1 < prose[-1]
        if inside and reasons[i] not in LIST_HEADERS:
            short = []  # a list inside the story (items, lyrics, credits) is content
        if len(short) >= 3 or (len(short) >= 2 and j - i >= 4):
            for k in short:
                reasons[k] = "link list"
        i = max(j, i + 1)


def _mark_after_article(
    lines: Sequence[str], reasons: list[str | None], keep: set[int], story: _StoryWords
) -> None:
    """Below the story's last paragraph, once page furniture has begun (two junk lines),
    lines that do not share two words with the story are comments, blurbs and teasers; so
    is a heading-like line there ("Never miss a story") with furniture below it. A short
    closing sentence ("That was enough.") right after the story is kept."""
    if sum(r is not None for r in reasons) < 2:
        return  # no page furniture at all (the common case of a clean article)
    end = next(
        (
            i
            for i in range(len(lines) - 1, -1, -1)
            if reasons[i] is None and _sentence_like(lines[i]) and story.shared(lines[i]) >= 2
        ),
        None,
    )
    if end is None:
        return
    junk_total = sum(r is not None for r in reasons[end + 1 :])
    junk_seen = 0
    for k in range(end + 1, len(lines)):
        if reasons[k] is not None:
            junk_seen += 1
        elif (
            k not in keep
            and story.shared(lines[k]) < 2
            and (junk_seen >= 2 or (junk_total >= 2 and _listy(lines[k])))
        ):
            reasons[k] = "after the article"


class _StoryWords:
    """The story's vocabulary: the content words of its distinct prose lines (a comment
    repeated on the page must not make itself look on topic). Computed on first use: most
    articles never need it."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._prose = {ln for ln in lines if _sentence_like(ln)}
        self._counts: Counter[str] | None = None

    def shared(self, line: str) -> int:
        """How many of the line's content words the story's prose uses elsewhere."""
        if self._counts is None:
            self._counts = Counter(t for ln in self._prose for t in set(content_terms(ln)))
        terms = set(content_terms(line))
        own = terms if line in self._prose else set()
        return sum(1 for t in terms if self._counts[t] - (t in own) > 0)


def _list_items(lines: Sequence[str], reasons: Sequence[str | None]) -> set[int]:
    """Lines of a list the story introduces ("Here is a recap of her No. 1s:"): every line
    after such an introduction up to the next paragraph of prose or junk line. Content."""
    items: set[int] = set()
    in_list = False
    for i, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        if reason is not None:
            in_list = False  # page furniture ends the list
        elif line.endswith(":") and _line_words(line) >= 4:
            in_list = True
        elif _sentence_like(line):
            in_list = False
        elif in_list:
            items.add(i)
    return items


def _on_topic(line: str, story: _StoryWords) -> bool:
    """A longer line sharing most of its words with the article's prose is part of it (a
    last paragraph ending "— AFP", a subheading), not a link to another story."""
    terms = set(content_terms(line))
    if len(terms) < 4:
        return False
    shared = story.shared(line)
    return shared >= 3 and shared * 2 >= len(terms)


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


def clean_document(raw: RawDocument, repeated: frozenset[str] = frozenset()) -> Article | Problem:
    """One cleaned article, or the Problem of an input with neither title nor text.

    A headline without a body (a feed item, a line of a headline list, a record whose text
    only repeats its title) is an article: its headline becomes its text, so it is
    clustered, summarized and shown like any other.
    """
    origin = printable(raw.origin)  # a file name may hold control characters too
    cleaned = clean_text(
        repaired(raw.text),
        repaired(raw.title),
        title_in_text=raw.title_in_text,
        repeated=repeated,
    )
    top = cleaned.text[:ERROR_PAGE_CHARS].lower()
    # the cheap test first: the search costs ~40 µs, a tenth of cleaning an article
    error_page = ERROR_PAGE.search(top) if has_any(top, ERROR_HINTS) else None
    if error_page:
        return Problem(origin, f"not an article: an error page ({error_page.group()!r})")
    if not cleaned.text.strip():
        if not cleaned.title:
            reason = "empty article: no title and no text"
            if cleaned.removed and all(r.reason == NOTICE for r in cleaned.removed):
                reason = "not an article: only a web archive's or a social embed's notice"
            elif raw.text.strip() or raw.title.strip():
                reason = "empty article: no title and no text after cleaning"
            return Problem(origin, reason)
        furniture = _furniture_title(cleaned.title)
        if furniture:
            reason = f"empty article: no text, and the title is page furniture ({furniture})"
            return Problem(origin, reason)
        cleaned = headline_only(cleaned)
    return Article(
        id=article_id(origin, raw.text or raw.title),
        text=cleaned.text,
        title=cleaned.title,
        source=printable(raw.source) or _agency_from(cleaned.removed),
        url=printable(raw.url),
        published=raw.published,
        byline=printable(raw.byline) or _byline_from(cleaned.removed),
        origin=origin,
        removed=cleaned.removed,
        also_published_by=raw.also_published_by,
        copies=raw.copies,
        language=detect_language(f"{cleaned.title}\n{cleaned.text}"),
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
    return [_clean_isolated(doc, repeated) for doc in docs]


def _clean_isolated(raw: RawDocument, repeated: frozenset[str]) -> Article | Problem:
    """One article that trips the cleaner is reported and skipped; the batch goes on."""
    try:
        return clean_document(raw, repeated)
    except Exception as exc:  # any failure on one article, never a crash of its batch
        log.debug("cleaning %s failed", raw.origin, exc_info=exc)
        reason = f"unexpected error cleaning it ({type(exc).__name__}: {excerpt(exc)})"
        return Problem(raw.origin, reason)
