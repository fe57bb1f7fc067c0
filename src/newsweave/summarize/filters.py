"""Non-content sentences: text that survived cleaning but never belongs in a summary.

Each rule names why a sentence is out, so ``--explain`` and the tests can say which rule
fired. The rules look at the form of a sentence (length, punctuation, markers of captions,
navigation and social media), never at its topic, so they carry over to unseen clusters.
"""

from __future__ import annotations

import re

MIN_WORDS = 6  # shorter "sentences" are headings, captions, bylines or fragments
MAX_WORDS = 70  # longer ones are almost always run-together lists or segmentation misses

_URL = re.compile(r"https?://|www\.|\.com/|@\w{2,}|#\w{3,}|pic\.twitter", re.IGNORECASE)
_NAVIGATION = re.compile(
    r"\b(?:click here|sign up|subscribe|newsletter|read more|related:|follow (?:us|him|her|"
    r"them) on|share this|all rights reserved|copyright|cookies?\b|terms of (?:use|service)|"
    r"privacy policy|advertisement|getty images|ap photo|file photo|photo:|image:|"
    r"caption|watch:|video:|listen:|see also|this story has been|this article (?:was|has)|"
    r"contributed (?:to )?(?:this|reporting)|email (?:us|me)|javascript|your browser)",
    re.IGNORECASE,
)
# Page furniture that reads as a sentence: the reader told what to do ("Follow Jane Doe on
# Twitter", "Join us on Facebook", "You can unsubscribe at any time"), and a video player's
# labels. Outside quotes a news report does not address its reader.
_READER_ADDRESS = re.compile(
    r"""^(?:what\ do\ you\ think|tell\ us|let\ us\ know|do\ you
      | you(?:'ll|’ll|'re|’re|\ can|\ may|\ will|\ might|\ should|\ must)\b
      | (?:please\ )?(?:follow|join|like|click|tap|watch|subscribe|download|share|sign\ in
        |log\ in|stay\ (?:up\ to\ date|tuned|connected)|don't\ miss|get\ (?:the|our))\b
        (?=.*\b(?:us|our|on\ (?:twitter|facebook|instagram|youtube)|page|app|newsletter
          |updates?|comments?|video|here)\b)
      | please\ (?:keep|leave|post|send|share|note)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Photo captions and player labels: "In this June 21, 2018, photo, ...", "(Courtesy photo)",
# "Buy Photo ...", "JUNE 18: ...", "Play Video 2:10 ...", "(Opens in new window)".
_CAPTION = re.compile(
    r"""^in\ this\ (?:[\w.,'’\ ]{0,40}\ )?(?:file\ )?photo\b
      | \b(?:courtesy|buy|file|staff|handout|ap|afp|reuters|epa)\ photo\b
      | \(photo\b | \bphoto\ (?:provided|courtesy|credit)\b
      | ^[A-Z]{3,9}\ \d{1,2}:[ ]
      | \bplay\ video\b | \(opens\ in\ (?:a\ )?new\ window\)
      | \brating\ is\ available\ when\b | ^(?:reporter|anchor|narrator|host):[ ]
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NON_LETTERS = re.compile(r"[^\w\s]|[\d_]")


def _mostly_upper(text: str) -> bool:
    """All capitals, or mostly (a transcript or a headline in capitals run into a sentence)."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return text.isupper() or (len(letters) > 20 and upper > 0.6 * len(letters))


def rejection(text: str) -> str | None:
    """Why ``text`` is not summary material, or None when it is."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return "fragment"
    if len(words) > MAX_WORDS:
        return "overlong"
    stripped = text.rstrip(" \"'”’)")
    if stripped.endswith("?"):
        return "question"
    if stripped.endswith((":", ";", ",", "-", "—", "…")) or text.rstrip().endswith("..."):
        return "unfinished"
    if _READER_ADDRESS.search(text):
        return "reader address"
    if _URL.search(text):
        return "link or handle"
    if _NAVIGATION.search(text) or _CAPTION.search(text):
        return "navigation or caption"
    if len(_NON_LETTERS.findall(text)) > 0.4 * (len(text) - text.count(" ")):
        return "not prose"
    if _mostly_upper(text):
        return "shouting"
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("):
        return "starts mid-sentence"
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return "unbalanced quote"
    return None


def is_content(text: str) -> bool:
    return rejection(text) is None
