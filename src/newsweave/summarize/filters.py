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
_READER_ADDRESS = re.compile(r"^(?:what do you think|tell us|let us know|do you)\b", re.IGNORECASE)
_NON_LETTERS = re.compile(r"[^\w\s]|[\d_]")


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
    if _NAVIGATION.search(text):
        return "navigation or caption"
    if len(_NON_LETTERS.findall(text)) > 0.4 * (len(text) - text.count(" ")):
        return "not prose"
    if text.isupper():
        return "shouting"
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("):
        return "starts mid-sentence"
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return "unbalanced quote"
    return None


def is_content(text: str) -> bool:
    return rejection(text) is None
