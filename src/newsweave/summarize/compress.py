"""Careful sentence compression: drop clutter only where the rest stays a sentence.

Each rule removes one kind of clutter whose removal leaves a grammatical sentence:

* ``dateline``: a leading place/agency stamp (``BEIRUT (Reuters) -``, ``IDAHO FALLS, Idaho -``);
* ``connective``: a leading discourse connective (``However,``, ``Meanwhile,``, ``But``);
* ``lead attribution``: a leading ``Police said (on Monday) (that)`` before a full clause;
* ``trailing attribution``: a final ``, officials said on Tuesday.`` after a full clause;
* ``parenthetical``: an aside in brackets (``(310 miles)``, ``(AP)``);
* ``relative clause``: a non-restrictive ``, who/which ...,`` clause closed by a comma;
* ``weekday``: a bare ``on Tuesday`` time stamp, which says nothing once the date is known.

The result is a list of kept character spans of the sentence (so the output stays traceable to
the article text) whose concatenation, with the first letter upper-cased, is the compressed
sentence. Removals always take exactly one of the spaces around them, so no double spaces or
space-before-punctuation appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.summarize.clauses import can_end_cut, gap_joins, has_main_clause
from newsweave.summarize.cuts import cut_points
from newsweave.summarize.order import leans_back

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SPEECH = (
    r"(?:said|says|told (?:reporters|[A-Z][\w.]*(?: [A-Z][\w.]*)*)|announced|reported|added|noted)"
)

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4}"
    r"(?:,? (?:[A-Z][a-z]{2,4}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}))?"
    r"(?: ?\((?:[A-Za-z .&/-]{1,30})\))?"  # "(Reuters)", "(CBSNewYork/AP)"
    r" ?(?:[-—–]{1,2}|>>) )"
)
_COLON_DATELINE = re.compile(
    r"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?: |\([A-Z][A-Za-z ,.]{1,40}\) ?[-—–]{1,2} )(?=[A-Z])"
)
# A wire byline fused into the first sentence: "April 28, 2017 by Paul Wiseman And Josh
# Boak, The Associated Press WASHINGTON—", "By Karin Brulliard and Amy B Wang, (c) 2017, The
# Washington Post ".
_BYLINE_DATELINE = re.compile(
    r"^(?:[A-Z][a-z]+\.? \d{1,2}, \d{4},? )?(?:[Bb]y )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    r"(?:(?:,| [Aa]nd) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}){0,3}, (?:\(c\) \d{4}, )?"
    r"(?:The )?(?:Associated Press|Washington Post|New York Times|Reuters|AFP|Bloomberg)"
    r"(?: [A-Z]{3,}(?:[ ,.]+[A-Z][A-Za-z.]*){0,3} ?[-—–]{1,2} ?| )(?=[A-Z\"“])"
)
_DATELINE_CAPS = re.compile(r"^[A-Z]{3,}")  # a dateline starts with a city in capitals
# ... also when the dash is fused to the first word ("WASHINGTON—The chairman") or lost
# ("DUBAI A Bahraini court"); without a dash only before an article, as "NASA Administrator"
# or "FBI Director" open sentences too.
_BARE_DATELINE = re.compile(
    r"^[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,2},?(?:[-—–]{1,2}(?=[A-Z\"“])| (?=(?:The|A|An) [a-zA-Z]))"
)
_AGENCY_DATELINE = re.compile(
    r"^[^\"“]{2,60}?\((?:[A-Za-z]+/)?(?:AP|AFP|Reuters|IANS|CNN|UPI|dpa|Xinhua|PTI|ANI|AAP|APP|EFE|ANSA|KUNA|WAM"
    r"|SPA|QNA|IRNA|TASS|RIA|Yonhap|Kyodo|Bernama|BSS)\)\s*[-—–:]*\s*"
)
# Attribution is only dropped for institutional reporters of facts: removing "Assad said"
# would turn a claim into a fact, removing "police said" does not change what is reported.
_INSTITUTION = (
    r"(?:[\w.'’-]+ ){0,5}(?:police|officials?|authorities|ministry|government|spokesm[ae]n|"
    r"spokeswoman|spokesperson|agency|department|officers?|investigators|prosecutors|sources|"
    r"reports?|media|army|military|statement|company|office|service|pentagon|commission|"
    r"inspector general|minister|secretary|court|coroner|(?:fire|police) (?:department|chief))"
    r"(?: (?:of|for)(?: the)? [\w’'-]+(?: [\w’'-]+){0,2})?"
)
_CONNECTIVE = re.compile(
    r"^(?:However|Meanwhile|Still|Moreover|Furthermore|Nevertheless|Nonetheless|Instead|Also|"
    r"In addition|Separately|Additionally|Indeed|Yet),\s+|^(?:But|And|So)\s+(?=[A-Za-z])"
)
_LEAD_ATTRIBUTION = re.compile(  # case-insensitive: "Police said", "The ministry said"
    r"^" + _INSTITUTION + " " + _SPEECH + r"(?: (?:on )?" + _WEEKDAY + r")?"
    r"(?: that)? (?=(?-i:[A-Z\"“])|the |a |an |\w+ (?:is|are|was|were|has|have|had|will|would) )",
    re.IGNORECASE,
)
_TRAILING_ATTRIBUTION = re.compile(
    r", "
    + _INSTITUTION
    + " "
    + _SPEECH
    + r"(?: (?:on|late on|early on) "
    + _WEEKDAY
    + r"| "
    + _WEEKDAY
    + r"| in a statement)?"
    r"(?=[.!]$)",
    re.IGNORECASE,
)
_TRAILING_ACCORDING = re.compile(r",? according to [^,;\"“”]{2,60}(?=[.!]$)")
_PARENTHETICAL = re.compile(r" \([^()]{1,80}\)(?=[\s,.;:!?])")
_RELATIVE = re.compile(r", (?:who|which|whose) [^,;:\"“”()]{3,90},(?= )")
_ON_WEEKDAY = re.compile(
    r"(?<=[a-z,]) (?:(?:on|late on|early on) " + _WEEKDAY + "|" + _WEEKDAY + r"|yesterday|today|"
    r"tonight|last night)(?: (?:night|morning|afternoon|evening))?(?=[\s,.])"
    r"(?! (?:and|or|through|to|night|morning|afternoon|evening)\b)"  # "Tuesday and Wednesday"
)
# AP's "The Latest on ...:" running-story label before the actual sentence.
_TIME_PREPOSITIONS = frozenset({
    "since", "by", "until", "till", "before", "after", "from", "last", "next", "this", "that",
    "every", "through", "of", "to", "between", "and", "or",
})  # fmt: skip
_LABEL = re.compile(
    r"^The [Ll]atest(?: on| in| from)?[^:\"“]{0,100}: (?:\d{1,2}:\d{2} [ap]\.m\.(?: [A-Z]{2,4})? )?"
    r"(?=[A-Z])"
)
# A leading circumstance ("In a victory for Britain, ", "Amid reports that ..., ") that a
# headline can drop: the clause after the comma stands alone.
_LEADING_ADVERBIAL = re.compile(
    r"^(?:In|Amid|Among|After|Following|Despite|With|During|On|At|Over|Across|Under|Through|"
    r"Earlier|Late|Early|Even|As|While|"
    r"Although|Though|When|Before|Since)\b"
    r"[^,;:\"“”]{3,150}, (?=[A-Za-z])"
)
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"did|does|do|said|says|told|\w{3,}ed|\w{3,}s)\b"
)

_APPOSITIVE = re.compile(r", (?:a|an|the) [^,;:\"“”()]{3,60},(?= [a-z])")
MIN_KEPT_WORDS = 6
EDGE_RULES = frozenset({"dateline", "label", "parenthetical", "connective"})
# Clutter to every reader: no brief sentence or headline keeps a dateline or a running label.
CLUTTER_RULES = frozenset({"dateline", "label"})
# Cuts kept per sentence under a budget: the longest that fit. More cost time and never win
# (a shorter cut keeps a subset of the words of a longer one).
LONGEST_CUTS = 2


@dataclass(frozen=True)
class Compression:
    spans: tuple[tuple[int, int], ...]  # kept spans, relative to the sentence start
    rules: tuple[str, ...]  # the rules that removed something

    def text(self, sentence: str) -> str:
        joined = "".join(sentence[a:b] for a, b in self.spans)
        return joined[:1].upper() + joined[1:]


def _has_clause(text: str) -> bool:
    """A rough test that ``text`` still has a finite verb, i.e. is still a clause."""
    return len(text.split()) >= MIN_KEPT_WORDS and _CLAUSE_VERB.search(text) is not None


def _joins(sentence: str, start: int, end: int) -> bool:
    """Whether removing ``sentence[start:end]`` leaves a clean join: the word before the gap
    does not need the removed words ("scheduled for Saturday, is" must not become
    "scheduled for, is"), and the text does not end on such a word."""
    if start > 0 and not gap_joins(sentence[:start]):
        return False
    return end < len(sentence.rstrip()) - 1 or can_end_cut(sentence[:start])


def compress(
    sentence: str, appositives: bool = False, only: frozenset[str] | None = None
) -> Compression:
    """Remove every clutter span whose removal keeps ``sentence`` a grammatical sentence
    (only by the rules named in ``only``, when given)."""
    removed: list[tuple[int, int]] = []
    rules: list[str] = []

    def remaining() -> str:
        return "".join(_kept_text(sentence, removed))

    def try_remove(start: int, end: int, rule: str) -> None:
        if only is not None and rule not in only:
            return
        if end <= start or any(a < end and start < b for a, b in removed):
            return
        if not _joins(sentence, start, end):
            return
        removed.append((start, end))
        kept = remaining()
        # Clutter at the edges (a dateline, a label, an aside) leaves the sentence it was
        # attached to; other removals must leave a main clause (the lexical check).
        clause = has_main_clause(kept) or (rule in EDGE_RULES and _has_clause(kept))
        if clause and len(kept.split()) >= MIN_KEPT_WORDS and _balanced(kept):
            rules.append(rule)
        else:
            removed.pop()

    head = (
        _BYLINE_DATELINE.match(sentence)
        or _AGENCY_DATELINE.match(sentence)
        or (_DATELINE.match(sentence) if _DATELINE_CAPS.match(sentence) else None)
        or _BARE_DATELINE.match(sentence)
        or _COLON_DATELINE.match(sentence)
    )
    if head:
        try_remove(0, head.end(), "dateline")
    if not removed:
        m = _LABEL.match(sentence)
        if m:
            try_remove(0, m.end(), "label")
    if appositives:
        start = max((b for a, b in removed if a == 0), default=0)
        m = _LEADING_ADVERBIAL.match(sentence[start:])
        if m and not leans_back(sentence[start + m.end() :]):
            try_remove(start, start + m.end(), "leading adverbial")
    offset = max((b for a, b in removed if a == 0), default=0)
    rest = sentence[offset:]
    m = _CONNECTIVE.match(rest)
    if m:
        try_remove(offset, offset + m.end(), "connective")
        offset += m.end() if (offset, offset + m.end()) in removed else 0
    m = _LEAD_ATTRIBUTION.match(sentence[offset:])
    if m and not leans_back(sentence[offset + m.end() :]):
        try_remove(offset, offset + m.end(), "lead attribution")
    m = _TRAILING_ATTRIBUTION.search(sentence) or _TRAILING_ACCORDING.search(sentence)
    if m and not _opens_quote_before(sentence, m.start()):
        try_remove(m.start(), m.end(), "trailing attribution")
    for pattern, rule in (
        (_PARENTHETICAL, "parenthetical"),
        *([(_APPOSITIVE, "appositive")] if appositives else []),
        (_RELATIVE, "relative clause"),
        (_ON_WEEKDAY, "weekday"),
    ):
        for m in pattern.finditer(sentence):
            if rule == "weekday" and _word_before(sentence, m.start()) in _TIME_PREPOSITIONS:
                continue  # "since Friday", "by Tuesday night" carry meaning
            if rule in ("relative clause", "appositive") and "," in sentence[: m.start()]:
                continue
            if rule == "appositive" and _CLAUSE_VERB.search(m.group()):
                continue  # the clause may close an earlier phrase: its comma must stay
            try_remove(m.start(), m.end(), rule)
    removed.sort()
    spans = _complement(len(sentence), removed)
    return Compression(tuple(spans), tuple(dict.fromkeys(rules)))


def shortenings(sentence: str, budget: int | None = None) -> list[Compression]:
    """Stronger compressions for short budgets: the careful compression (with and without
    appositives), and the careful compression of the sentence cut early at each point where
    what is left is still a sentence (``cuts.py``). With ``budget`` (words), only cuts are
    tried when the careful forms do not fit, and only the longest ones that fit are kept:
    a shorter cut of the same sentence keeps a subset of its words, so it never says more."""
    out = [compress(sentence), compress(sentence, appositives=True)]
    if budget is not None and any(len(c.text(sentence).split()) <= budget for c in out):
        return out
    end = _final_mark(sentence)
    found = 0
    for start, kind in cut_points(sentence):
        head = sentence[:start]
        stop = "" if head.endswith(".") else sentence[end]  # "the U.S." keeps its own stop
        shorter = compress(head + stop, appositives=True)
        spans: list[tuple[int, int]] = []
        for a, b in shorter.spans:  # map spans of head + "." back to the sentence
            if a < len(head):
                spans.append((a, min(b, len(head))))
            if b > len(head):
                spans.append((end, end + 1))
        cut = Compression(tuple(spans), (*shorter.rules, f"cut before {kind}"))
        if budget is not None and len(cut.text(sentence).split()) > budget:
            continue
        out.append(cut)
        found += 1
        if budget is not None and found >= LONGEST_CUTS:
            break
    return out


def _final_mark(sentence: str) -> int:
    """Where the sentence's own full stop (or "!") is: before closing quotes or brackets
    (``... as "repugnant."``); a cut keeps that mark and drops the rest."""
    body = sentence.rstrip().rstrip("\"'”’)")
    return len(body) - 1


def _word_before(sentence: str, index: int) -> str:
    return sentence[:index].rsplit(" ", 1)[-1].lower()


def _opens_quote_before(sentence: str, index: int) -> bool:
    """Whether an attribution at ``index`` closes a quotation (then it must stay)."""
    before = sentence[:index]
    return (
        before.count('"') % 2 == 1
        or before.count("“") > before.count("”")
        or before.rstrip().endswith(('"', "”"))
    )


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def _complement(length: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted(removed):
        if start > cursor:
            spans.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        spans.append((cursor, length))
    return spans


def _kept_text(sentence: str, removed: list[tuple[int, int]]) -> list[str]:
    return [sentence[a:b] for a, b in _complement(len(sentence), removed)]
