"""Non-content sentences: text that survived cleaning but never belongs in a summary.

Each rule names why a sentence is out, so ``--explain`` and the tests can say which rule
fired. The rules look at the form of a sentence (length, punctuation, markers of captions,
navigation and social media), never at its topic, so they carry over to unseen clusters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsweave.grammar import is_clause

# Shorter "sentences" are headings, captions, bylines or fragments unless they are a clause
# ("Thousands lost power." is news, "Technical considerations." is a heading): below this
# length the grammatical test decides, not the word count.
MIN_WORDS = 6
UPPER_SHARE = 0.6  # a sentence with more capitals than this share of its letters shouts
MAX_WORDS = 70  # longer ones are almost always run-together lists or segmentation misses
# An article's first line without a final period is a standfirst (a sentence) only when it
# is longer than a headline, which news style keeps to about ten words: "Local woman warns
# of the dangers of breast implants" is the title, not the lead.
STANDFIRST_WORDS = 15

_URL = re.compile(r"https?://|www\.|\.com/|@\w{2,}|#\w{3,}|pic\.twitter", re.IGNORECASE)
_NAVIGATION = re.compile(
    r"\b(?:click here|sign up|subscribe|newsletter|read more|related:|follow (?:us|him|her|"
    r"them) on|share this|all rights reserved|copyright|cookies?\b|terms of (?:use|service)|"
    r"privacy policy|advertisement|getty images|ap photo|file photo|photo:|image:|"
    r"caption|watch:|video:|listen:|see also|this story has been|this article (?:was|has)|"
    r"contributed (?:to )?(?:this|reporting)|email (?:us|me)|javascript|your browser|"
    # Syndication and print lines: "A version of this article appears in print on ...".
    r"a version of this (?:article|story)|originally (?:published|appeared)|"
    r"appeared (?:in print|originally)|print edition|is now on (?:whatsapp|telegram)|"
    r"after the jump)",
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
      | (?:check\ out|listen\ to|watch|read\ the)\b  # the reader is told to, whatever follows
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
      | ^(?-i:CLOSE)\ (?=[A-Z])
      | ,\ (?:(?:(?:second|third|fourth|fifth|sixth|far|first)\ )?(?:from\ )?(?:left|right)
          |center|centre|top|bottom|above|foreground|background),
      | ^(?:from\ )?(?:left|right)\ to\ right,
      # an AP caption's closing date: "... at the Capitol in Washington, Tuesday, Feb. 6, 2018."
      | ,\ (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?
        \ (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\ \d{1,2},\ \d{4}\.?$
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NON_LETTERS = re.compile(r"[^\w\s]|[\d_]")
# "2. Senators up in 2020 ...", "3) The ...": an item of a numbered list, torn from it.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s")
# A sentence ends with a sentence-final mark, maybe inside closing quotes or brackets;
# headings, captions ("... (Associated Press)"), list labels and cut fragments do not.
_CLOSERS = " \"'”’)]"
# A photo caption's credit: "... pose as they arrive at the... (Associated Press)", or a
# credit in brackets after the caption's last sentence ("... Convention. (Republican ...)").
_CREDIT_AFTER = re.compile(r"(?:\.\.\.|…|[.!?])\s*\([^()]{2,60}\)$")


def _mostly_upper(text: str) -> bool:
    """All capitals, or mostly (a transcript or a headline in capitals run into a sentence)."""
    upper = sum(map(str.isupper, text))
    if upper <= UPPER_SHARE * 20:
        return text.isupper()  # too few capitals to be "mostly", unless all there are
    letters = sum(map(str.isalpha, text))
    return text.isupper() or (letters > 20 and upper > UPPER_SHARE * letters)


# Single quotation marks (British style): an opening mark starts a word ("'Kim's", "‘No"), a
# closing one ends a word or follows the end of the quoted sentence. "'90s", "rock 'n'
# roll" and "'em" are elisions, not quotes.
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[—–:]))[‘'](?![\d\s]|n'|n’|em\b)")
_SINGLE_CLOSER = re.compile(r"(?<=[^\s‘'])[’'](?=$|[\s.,;:!?)\]—–])")
_CLOSES_AT_END = re.compile(r"[.!?,][’']\W*$")


def _unbalanced_single(text: str) -> bool:
    """A single-quoted quotation that began in an earlier sentence ("... very much.'") or
    goes on into the next ("said: 'Kim's mapping out 2012 ... part of it.")."""
    openers = [m.start() for m in _SINGLE_OPENER.finditer(text)]
    if not openers:
        return _CLOSES_AT_END.search(text) is not None
    last = openers[-1]
    return not any(m.start() > last for m in _SINGLE_CLOSER.finditer(text))


@lru_cache(maxsize=65536)
def rejection(text: str, lead: bool = False) -> str | None:
    """Why ``text`` is not summary material, or None when it is. ``lead``: the text is the
    first sentence of its article, where a standfirst without a final period is common (a
    clause, not a "Name: quote" heading)."""
    words = text.split()
    if not words:
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
    if text.count('"') % 2 or text.count("“") != text.count("”") or _unbalanced_single(text):
        return "unbalanced quote"
    if _LIST_ITEM.match(text):
        return "list item"
    ends = text.rstrip(_CLOSERS).endswith((".", "!"))
    if len(words) < MIN_WORDS and not (ends and is_clause(text)):
        return "fragment"
    if _CREDIT_AFTER.search(text):
        return "navigation or caption"
    standfirst = lead and len(words) >= STANDFIRST_WORDS and ":" not in text and is_clause(text)
    if not ends and not standfirst:
        return "no end punctuation"
    return None


def is_content(text: str) -> bool:
    return rejection(text) is None
