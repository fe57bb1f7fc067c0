"""Claims with numbers, grouped across articles, and the groups whose values conflict.

A quantity is read with its hedge ("about", "more than", "nearly"), normalised to a value
and a unit ("%" for percentages and fractions of a whole, the counted noun for counts,
"year"/"day"/... for durations, a currency code for money). Quantities from different
articles with the same unit and overlapping context words describe the same thing.

A range ("3–5%", "between 10 and 20 people", "$2-3 billion") is one figure: its value is its
lower end, and the range it allows runs from its lower end to its upper one.

Each hedge allows a range around the figure; two figures agree when either falls inside
the range the other's wording allows (so a figure inside a range agrees with it, and two
ranges agree when they overlap). A group with figures that do not agree, even through a
chain of agreeing figures, is a disagreement.

Not quantities: years, dates, clock times, and numbers inside names, labels and addresses
("Channel 3", "No. 1", "51 Baxter Road"). Not claims: figures in tables (sentences with many
figures) and counts of a report's sources ("two people familiar with the matter said").
Claims come ranked once, by importance (``claims``), and every rendering keeps that order.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsweave.analyze.lexicon import MONTHS
from newsweave.analyze.quotes import QuoteSpan, quote_spans
from newsweave.model import Claim, ClaimValue, Sentence
from newsweave.summarize.filters import rejection
from newsweave.tokens import ENGLISH_STOP_WORDS, STOP_WORDS, stem

UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12,
    "a thousand": 1000,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "bn": 1e9, "k": 1e3}  # fmt: skip
# Plural round numbers: a range, not a value ("tens of thousands" is 10,000 to 99,999).
VAGUE = {
    "dozens": (24, 100), "scores": (40, 100), "hundreds": (100, 1000),
    "thousands": (1000, 10_000), "tens of thousands": (10_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000), "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10),
}  # fmt: skip
FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "one-third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0,
    "three-fourths": 75.0, "a fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0,
}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
# Hedge -> (kind of range); see ``interval``.
QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "close to": "below",
    "nearly": "below", "almost": "below", "just under": "below", "more than": "above",
    "over": "above", "at least": "above", "upwards of": "above", "in excess of": "above",
    "just over": "above", "well over": "above", "fewer than": "under", "less than": "under",
    "under": "under", "up to": "under", "as many as": "under", "at most": "under",
}  # fmt: skip
APPROX = 0.05  # "about 80" allows 76-84: wide enough for rounding, narrow enough to tell 75 from 80

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in UNITS_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
_FRACTION = "|".join(sorted((re.escape(w) for w in FRACTIONS), key=len, reverse=True))
_QUALIFIER = "|".join(sorted((re.escape(w) for w in QUALIFIERS), key=len, reverse=True))
QUANTITY = re.compile(
    # Not right after a letter, digit or number sign, nor inside a clock time ("11:00"), a date
    # or fraction ("9/11", "1/2"), an abbreviated year ("'15") or a range ("2.5–7.6": a
    # range is read whole, by RANGE).
    rf"(?<![\w$£€.,:/#'’–-])(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<fraction>{_FRACTION})(?=\s+of\b)"
    rf"|(?P<vague>{_VAGUE})(?=\s+of\b)"
    rf"|(?P<cur>US\$|\$|£|€|¥)?\s?(?P<num>{_NUM})(?:\s?(?P<scale>hundred|thousand|million|billion"
    rf"|trillion|bn|m|k)\b)?(?P<pct>\s?%|\s+percent\b|\s+per\s+cent\b)?"
    rf"|(?P<word>{_WORDNUM})(?:[- ](?P<word2>one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?:\s(?P<wscale>hundred|thousand|million|billion))?(?P<wpct>\s+percent\b|\s+per\s+cent\b)?)"
    rf"(?![\w])",
    re.IGNORECASE,
)


def _range_end(k: str) -> str:
    """One end of a range: a number or a number word, with its own currency, scale and
    percent sign; groups named ``cur1``, ``num1`` ... for ``k`` = "1"."""
    return (
        rf"(?P<cur{k}>US\$|\$|£|€|¥)?\s?(?:(?P<num{k}>{_NUM})|(?P<word{k}>{_WORDNUM}))"
        rf"(?:\s?(?P<scale{k}>hundred|thousand|million|billion|trillion|bn|m|k)\b)?"
        rf"(?P<pct{k}>\s?%|\s+percent\b|\s+per\s+cent\b)?"
    )


# Verbs after which "X to Y" is a change by X to the level Y ("jumped $4.13 to $90.13").
_CHANGES = frozenset(
    """rose rise rises risen fell fall falls fallen jumped jump jumps climbed climb climbs
    dropped drop drops gained gain gains lost lose loses slid slide slides slipped slips
    soared soars surged surges tumbled tumbles plunged plunges declined declines increased
    increases decreased decreases grew grow grows shrank shrinks added adds advanced advances
    sank sinks eased eases edged edges rallied rallies dipped dips slumped slumps spiked up
    down""".split()  # noqa: SIM905  (a word list reads better)
)
# What a score or a vote written with a dash decides ("a 1-2 finish", "a 3-5 loss").
_SCORES = frozenset(
    """win loss victory defeat draw tie lead record finish vote ruling decision margin
    majority verdict split count score""".split()  # noqa: SIM905
)
# "3–5%", "3-5 percent", "$2-3 billion", "10 to 20 people", "between 10 and 20 people": two
# numbers joined by a dash, "to" or "between ... and", not inside a longer chain of numbers
# ("1-800-CALL", "9-11:30 p.m.", "12-3-3").
RANGE = re.compile(
    rf"(?<![\w$£€.,:/#'’–-])(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<between>between)\s+)?"
    rf"{_range_end('1')}(?P<sep>\s?[-–—]\s?|\s+to\s+|\s+and\s+){_range_end('2')}"
    rf"(?![\w])(?![-–/:]\w)",
    re.IGNORECASE,
)
_JOINER = re.compile(r"\s?[-–—]|\s+(?:to|and)\s", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[-\s]+(?:of\s+(?:the\s+)?)?([A-Za-z][\w'’-]*)(?:\s+([A-Za-z][\w'’-]*))?")
# Words between a number and the noun it counts ("19 more civilians", "300 armed men").
_FILLERS = frozenset(
    """more other additional new of the people's armed young small large local foreign
    innocent civilian extra full""".split()  # noqa: SIM905  (a word list reads better)
)
_NOT_UNITS = frozenset(
    """and or to in on at by for with from as a an was were is are had have has that who
    which said per times percent am pm p a.m p.m o'clock
    gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et ct pt""".split()  # noqa: SIM905
)  # ... and the time zones of clock times ("at 1510 GMT")


_NUMBER_WORDS = {w for w in UNITS_WORDS if " " not in w} | {
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "dozen", "dozens",
    "scores", "hundreds", "thousands", "millions", "billions",
}  # fmt: skip
_BY_INITIAL: dict[str, list[str]] = {}
for _word in sorted(_NUMBER_WORDS):
    _BY_INITIAL.setdefault(_word[0], []).append(_word[1:])
# Run on lower-cased text, factored by first letter: far cheaper than the full pattern.
_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(_BY_INITIAL.items())) + r")\b"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number in one sentence."""

    value: float
    unit: str
    text: str
    qualifier: str
    low: float
    high: float
    sentence: Sentence
    start: int  # offsets in the sentence
    end: int
    context: frozenset[str]
    # A range ("3–5%"): ``value`` is its lower end, ``upper`` its upper end; None otherwise.
    upper: float | None = None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _rounding(value: float, written: str) -> float:
    """Half a unit of the last significant digit of a figure as written, at most 5%."""
    digits = written.replace(",", "")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        step = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    return min(step / 2, abs(value) * APPROX) if value else step / 2


def interval(value: float, qualifier: str, rounding: float) -> tuple[float, float]:
    kind = QUALIFIERS.get(qualifier.lower(), "")
    if kind == "approx":
        spread = max(abs(value) * APPROX, rounding)
        return value - spread, value + spread
    if kind == "below":
        return value * (1 - 2 * APPROX), value
    if kind == "above":
        return value, math.inf
    if kind == "under":
        return 0.0, value
    return value - rounding, value + rounding


_AGE = re.compile(
    r"[-\s](year|month|week|day)s?[-\s]old\b(?:\s+(?:(?P<name>(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"
    r"|(?P<noun>[a-z]+)))?"
)


def _unit_after(text: str, end: int) -> str:
    age = _AGE.match(text, end)
    if age:
        # An age belongs to someone: "29-year-old Geraldine Alcorn" and "Twenty-eight-year-old
        # Geraldine Alcorn" compare, "6-year-old Rene" and "7-year-old Liliana" do not.
        who = age.group("name").split()[-1] if age.group("name") else age.group("noun") or ""
        return f"{age.group(1)}-old {_singular(who.lower())}".strip()
    match = _NEXT_WORDS.match(text, end)
    if not match:
        return ""
    for word in (match.group(1), match.group(2)):
        if not word:
            return ""
        low = word.lower().replace("’", "'").rstrip("'")  # "90 degrees' The ...": a quote's end
        if low in _FILLERS:
            continue
        if _singular(low) in DURATIONS:
            return _singular(low)
        if low in _NOT_UNITS or low in MONTHS or low in ENGLISH_STOP_WORDS:
            return ""
        return _singular(low)
    return ""


def _singular(word: str) -> str:
    word = word.split("-")[0] if word.endswith("-old") else word
    if word in {"people", "children", "men", "women"}:
        return {"children": "child", "men": "man", "women": "woman"}.get(word, word)
    # A readable singular (not the similarity stemmer: "miles" must stay "mile").
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _context(text: str, start: int, end: int) -> frozenset[str]:
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 70) : start])[-6:]
    after = re.findall(r"[^\W\d_]+", text[end : end + 70])[:6]
    return frozenset(
        stem(w.lower()) for w in before + after if w.lower() not in STOP_WORDS and len(w) > 2
    )


# Nouns that a number after them labels rather than counts ("page 5", "Flight 93"), and
# abbreviations that do so with their period ("No. 1", "p. 12"; "no 55-image gallery" counts).
LABELS = frozenset(
    """page pages chapter section article paragraph clause figure table item number line
    verse exhibit room route flight gate platform seat row episode season volume issue part
    phase level grade round game stage photo image slide""".split()  # noqa: SIM905
)
ABBREVIATED_LABELS = frozenset({"no", "nos", "p", "pp", "fig", "vol", "ch", "sec", "art"})
_OPENING_ADVERBS = frozenset({"today", "yesterday", "tonight", "overall", "altogether"})
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))[\"“‘'(]?([A-Za-z][\w'’&-]*)(\.?)\s$")
_STREETS = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane"
    r"|Ln|Place|Pl|Way|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b"
)


def _in_name(text: str, match: re.Match[str]) -> bool:
    """A number that is part of a name, a label or an address: "Channel 11", "Flight 93",
    "Windows 8", "No. 1", "page 5", "51 Baxter Road". A capitalised word right before a
    number without thousands separators names it, unless it is a function word, a
    possessive ("Obama's two daughters"), an abbreviation such as a currency ("Rs 500"), or
    an adverb opening the sentence ("Including 45 ...", "Today 300 ...")."""
    before = _WORD_BEFORE.search(text, 0, match.start())
    if before:
        word = before.group(1)
        low = word.lower()
        if low in LABELS or (low in ABBREVIATED_LABELS and before.group(2)):
            return True
        if (
            "," not in match.group("num")  # "across Iowa 30,900 customers": a count
            and word[0].isupper()
            and not word.isupper()
            and len(word) >= 3
            and not before.group(2)
            and low not in STOP_WORDS
            and not re.search(r"['’]s?$", low)
        ):
            opening = not text[: before.start(1)].strip(" \"“‘'(")
            if not (opening and (low.endswith(("ly", "ing")) or low in _OPENING_ADVERBS)):
                return True
    return bool(_STREETS.match(text, match.end()))


def _timed(text: str, end: int) -> bool:
    """Whether a clock time, a date or an ordinal goes on at ``end``: "11 a.m.", "11:00",
    "9/11", "21st"."""
    return bool(
        re.match(r"\s?(?:a\.?m|p\.?m|:\d|/\d|st\b|nd\b|rd\b|th\b)", text[end : end + 16].lower())
    )


def _skip(text: str, match: re.Match[str]) -> bool:
    """Years, days of months, clock times and numbers inside names are not claims."""
    num = match.group("num")
    if not num:
        return False
    before = text[: match.start("num")].rstrip(" .")
    prev_word = re.findall(r"[A-Za-z]+$", before)
    if prev_word and prev_word[0].lower() in MONTHS:
        return True
    after = text[match.end() : match.end() + 16].lower()
    if _timed(text, match.end()):
        return True
    plain = not (match.group("cur") or match.group("pct") or match.group("scale"))
    if plain and "," not in num and "." not in num and 1800 <= int(num) <= 2100:
        return True  # a year
    if plain and not match.group("qual") and _in_name(text, match):
        return True
    return plain and bool(
        re.match(r"\s+(?:of|in)\s+(?:the|those|these|them|its|their|his|her|\d)", after)
    )


def quantities(sentence: Sentence) -> list[Quantity]:
    """Every quantity in one sentence, with its normalised value and unit."""
    text = sentence.text
    found: list[Quantity] = []
    if not _MAYBE_NUMBER.search(text.lower()):
        return found  # most sentences: one cheap scan instead of the full pattern
    for match in QUANTITY.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # the other end of the range just read
        in_range = _range_at(sentence, match)
        if in_range is not None:
            found.append(in_range)
            continue
        if _skip(text, match):
            continue
        qualifier = (match.group("qual") or "").lower()
        unit = ""
        low = high = 0.0
        if match.group("fraction"):
            value = FRACTIONS[match.group("fraction").lower()]
            unit = "%"
            low, high = interval(value, qualifier or "about", 0)
        elif match.group("vague"):
            low, high = VAGUE[match.group("vague").lower()]
            value = low
            unit = _unit_after(text, match.end())
            if qualifier:
                low, high = interval(value, qualifier, 0)
        else:
            if match.group("num"):
                written = match.group("num")
                value = _number(written)
                scale = (match.group("scale") or "").lower()
                pct = match.group("pct")
                currency = CURRENCIES.get((match.group("cur") or "").lower(), "")
            else:
                word = match.group("word").lower()
                if word == "one" and not match.group("wscale"):
                    continue  # "one of", "no one": rarely a count worth comparing
                value = float(UNITS_WORDS[word])
                if match.group("word2"):
                    value += UNITS_WORDS[match.group("word2").lower()]
                written = str(int(value))
                scale = (match.group("wscale") or "").lower()
                pct = match.group("wpct")
                currency = ""
            rounding = _rounding(value, written)
            if scale:
                value *= SCALES[scale]
                rounding *= SCALES[scale]
            if pct:
                unit = "%"
            elif currency:
                unit = currency
            else:
                unit = _unit_after(text, match.end())
            if not unit:
                continue
            low, high = interval(value, qualifier, rounding)
        if not unit:
            continue
        found.append(
            Quantity(
                value=value,
                unit=unit,
                text=match.group().strip(),
                qualifier=qualifier,
                low=low,
                high=high,
                sentence=sentence,
                start=match.start(),
                end=match.end(),
                context=_context(text, match.start(), match.end()) - {unit, stem(unit)},
            )
        )
    return found


def _range_at(sentence: Sentence, match: re.Match[str]) -> Quantity | None:
    """The range that the quantity ``match`` opens, if any ("3" of "3–5%", "10" of "between
    10 and 20 people"). Only a quantity followed by a dash, "to" or "and" is tried: most
    are not, and the full pattern costs more."""
    text = sentence.text
    if not _JOINER.match(text, match.end()):
        return None
    between = _BETWEEN.search(text, max(0, match.start() - 9), match.start())
    found = RANGE.match(text, between.start() if between else match.start())
    return _range(sentence, found) if found is not None else None


def _end_value(match: re.Match[str], k: str) -> float:
    """The number at one end of a range, unscaled."""
    num = match.group(f"num{k}")
    return _number(num) if num else float(UNITS_WORDS[match.group(f"word{k}").lower()])


def _range(sentence: Sentence, match: re.Match[str]) -> Quantity | None:
    """A range as one figure, its value the lower end, ``upper`` the upper one, ``low`` and
    ``high`` the range its wording allows; None when the two numbers are no range.

    Not ranges: "10 and 20" without "between", a change ("from 10 to 20", "jumped $4.13 to
    $90.13"), number words joined by a dash ("twenty-one", "7-Eleven"), ends in different
    units (``_one_unit``), a score or vote ("won 3-2", "a 6-3 ruling", "49-49", "a 1-2
    finish"), dates and years ("Nov. 14-17", "2014-15") and numbers in names ("the Boeing
    737-800")."""
    text = sentence.text
    sep = match.group("sep").strip().lower()
    if not _joined_as_range(text, match, sep) or not _one_unit(match):
        return None
    scale1, scale2 = ((match.group(f"scale{k}") or "").lower() for k in "12")
    low = _end_value(match, "1") * SCALES.get(scale1 or scale2, 1)
    high = _end_value(match, "2") * SCALES.get(scale2, 1)
    if not low < high or _timed(text, match.end()):
        return None
    # The first number read alone (with the hedge, if any): a date, a year or a name's
    # number makes no range either.
    ends = [match.start(g) for g in ("cur1", "num1", "word1") if match.group(g)]
    first = QUANTITY.match(text, match.start() if match.group("qual") else min(ends))
    if first is not None and _skip(text, first):
        return None
    currency = CURRENCIES.get((match.group("cur1") or "").lower(), "")
    unit = "%" if match.group("pct2") else currency or _lower_unit_after(text, match.end())
    if not unit or (sep not in {"to", "and"} and unit in _SCORES):
        return None
    qualifier = (match.group("qual") or "").lower()
    return Quantity(
        value=low,
        unit=unit,
        text=match.group().strip(),
        qualifier=qualifier,
        low=interval(low, qualifier, 0)[0],
        high=interval(high, qualifier, 0)[1],
        sentence=sentence,
        start=match.start(),
        end=match.end(),
        context=_context(text, match.start(), match.end()) - {unit, stem(unit)},
        upper=high,
    )


def _joined_as_range(text: str, match: re.Match[str], sep: str) -> bool:
    """Whether the words joining the two numbers make a range: "between ... and", a dash
    between figures, "to" but not after "from" or a verb of change."""
    if sep == "and":
        return bool(match.group("between"))  # "10 and 20 people" alone: two figures
    if sep != "to":
        return not (match.group("word1") or match.group("word2"))
    return not _after_from(text, match.start()) and not _after_change(text, match.start())


def _one_unit(match: re.Match[str]) -> bool:
    """Whether the two ends measure in one unit. A currency written before the first number
    and a scale or percent sign after the second belong to both ("$2-3 billion", "3–5%");
    one written on the first number only says the two measure different things ("fell
    0.8% to $52.75", "lost 0.4 percent to 2,821.93")."""
    return not (
        (match.group("pct1") and not match.group("pct2"))
        or (match.group("scale1") and not match.group("scale2"))
        or (match.group("cur2") and not match.group("cur1"))
    )


def _after_from(text: str, start: int) -> bool:
    """Whether "from" comes right before ``start``: "rose from 10 to 20" is a change."""
    return bool(re.search(r"\bfrom\s+$", text[max(0, start - 8) : start], re.IGNORECASE))


def _after_change(text: str, start: int) -> bool:
    """Whether a verb of change comes right before ``start``: "jumped $4.13 to $90.13" is a
    change and the level it reached, not a range."""
    before = re.search(r"([a-z]+)\s+$", text[max(0, start - 20) : start])
    return before is not None and before.group(1) in _CHANGES


def _lower_unit_after(text: str, end: int) -> str:
    """The noun a range counts, written in lower case: a capitalised word after a range
    starts something else, as a citation's numbers in scientific text ("27–32 Alcohol")."""
    word = re.match(r"[-\s]+([A-Za-z])", text[end : end + 8])
    return _unit_after(text, end) if word and word.group(1).islower() else ""


def _shared(a: frozenset[str], b: frozenset[str]) -> int:
    """Context words in common; a word matches its own prefix ("east" / "eastern")."""
    count = 0
    for x in a:
        if x in b or any(
            len(min(x, y, key=len)) >= 4 and (x.startswith(y) or y.startswith(x)) for y in b
        ):
            count += 1
    return count


def agree(a: Quantity, b: Quantity) -> bool:
    """Either figure lies within the range the other's wording allows. A range's value is
    its lower end, so this holds for a figure inside a range ("4%" and "3–5%") and for two
    ranges that overlap."""
    return a.low <= b.value <= a.high or b.low <= a.value <= b.high


def _components(n: int, linked: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in linked:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


# Where a clause ends inside a sentence: a comma, semicolon, colon or dash with spaces. A
# period never does (it may be "St." or "U.S."): the sentence's own end is the last one.
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[—–]\s|\s--\s")
MAX_SUBJECT_WORDS = 24
# A clause shorter than this is a list item or an aside ("or 4.6%", "and seven
# counter-protesters", "N.Y. ($55,327)"), which cannot say what the figure measures: the
# clauses before it (then after it) are taken in until the subject is this long.
MIN_SUBJECT_WORDS = 6
_SENTENCE_END = re.compile(r"\s*[.!?]+[\"”’']*\s*$")


def _subject(q: Quantity) -> str:
    """What the figure measures: the clause around it, whole, the figure itself as "…"
    ("government forces have seized … of east Aleppo"). A clause of fewer than
    ``MIN_SUBJECT_WORDS`` takes in its neighbours; one longer than ``MAX_SUBJECT_WORDS``
    is shortened at word boundaries, the cut marked with "..."."""
    text = q.sentence.text.rstrip()
    final = _SENTENCE_END.search(text, q.end)
    text = text[: final.start()] if final else text
    breaks = list(_CLAUSE_BREAK.finditer(text))
    before_breaks = [m.end() for m in breaks if m.end() <= q.start]
    after_breaks = [m.start() for m in breaks if m.start() >= q.end]
    start = before_breaks.pop() if before_breaks else 0
    end = after_breaks.pop(0) if after_breaks else len(text)
    while len(text[start:end].split()) < MIN_SUBJECT_WORDS and (start > 0 or end < len(text)):
        if start > 0:
            start = before_breaks.pop() if before_breaks else 0
        else:
            end = after_breaks.pop(0) if after_breaks else len(text)
    before = text[start : q.start].split()
    rest = text[q.end : end].split()
    # The figure keeps its neighbours' spacing: "($88 million)", "five-year".
    glue_before = "" if before and not text[q.start - 1].isspace() else " "
    glue = "" if rest and not text[q.end].isspace() else " "
    spare = MAX_SUBJECT_WORDS - 1
    keep_before = before[-max(spare // 2, spare - len(rest)) :] if before else []
    keep_after = rest[: max(spare - len(keep_before), 0)]
    # A cut is marked "..." ("…" stands for the figure itself).
    head = ("... " if len(keep_before) < len(before) else "") + " ".join(keep_before)
    tail = " ".join(keep_after) + (" ..." if len(keep_after) < len(rest) else "")
    subject = f"{head}{glue_before}…{glue}{tail}".strip()
    return _balanced_quotes(subject)


def _balanced_quotes(text: str) -> str:
    """Drop quotation marks the clause cut from their partner."""
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text


MIN_SHARED_CONTEXT = 2  # one shared word links too much in a one-event cluster
# ... and two shared words out of many are chance: the shared words must also be a fair
# part of both contexts (Ochiai coefficient, as the summary's same-fact test).
MIN_SIMILARITY = 0.3
MAX_FIGURES_PER_SENTENCE = 4


def _candidate_pairs(
    members: Sequence[int], prefixes: Sequence[frozenset[str]]
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of figures that share at least MIN_SHARED_CONTEXT context prefixes
    (prefix matches share their first four letters: a cheap upper bound on ``_shared``).
    Found through an index of the prefixes, so the work follows the pairs that share
    words, not every pair: all figures of a cluster of thousands of articles share a unit."""
    index: dict[str, list[int]] = {}
    for i in members:
        for prefix in prefixes[i]:
            index.setdefault(prefix, []).append(i)
    for i in members:
        counts: Counter[int] = Counter()
        for prefix in prefixes[i]:
            holders = index[prefix]  # ascending, as ``members``
            counts.update(holders[bisect.bisect_right(holders, i) :])
        yield from sorted((i, j) for j, n in counts.items() if n >= MIN_SHARED_CONTEXT)


def _quoted(q: Quantity, spans: Sequence[QuoteSpan] | None) -> bool:
    """Whether the figure stands inside a quotation (the speaker's words). ``spans`` are the
    quoted spans of its article (``quotes.quote_spans``): a quote may open sentences before
    the figure and close sentences after it. Without them, the sentence's own quotation
    marks are all there is to go by."""
    if spans is None:
        spans, at = quote_spans(q.sentence.text), q.start
    else:
        at = q.sentence.start + q.start
    # Spans are in text order and do not overlap: the one that could hold ``at`` is the
    # last that starts at or before it.
    i = bisect.bisect_right(spans, at, key=lambda span: span.start) - 1
    return i >= 0 and at < spans[i].end


# Who a report's sources are: a figure that counts them ("according to two people familiar
# with the matter", "two White House advisers told The Washington Post") says how the
# outlet knows, not what happened.
_SOURCE_NOUNS = frozenset(
    """people person source official adviser advisor aide diplomat insider staffer spokesman
    spokeswoman spokesperson""".split()  # noqa: SIM905
)
_TELL = frozenset({"said", "say", "says", "told", "tell", "tells"})
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
SOURCE_WORDS = 5  # at most this many words between the counted sources and "said"


def _attribution(q: Quantity) -> bool:
    """Whether the figure counts the sources of the report (see ``_SOURCE_NOUNS``): the
    noun it counts, after any capitalised modifiers ("two White House advisers"), is a
    source, and "according to" comes before it or "said"/"told" soon after it."""
    if q.unit in {"%", *CURRENCIES.values()}:
        return False  # "36% of people say": a survey's finding
    text = q.sentence.text
    # Up to the next punctuation: "two sources said" has none, while in '"... 11 million
    # people living here illegally," McCain said' the count is the speaker's.
    ahead = re.split(r"[,;:.!?\"“”()\[\]—–]", text[q.end : q.end + 120], maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w'’-]*", ahead)
    noun = next((i for i, w in enumerate(words[:4]) if not w[0].isupper()), len(words))
    if noun >= len(words) or _singular(words[noun].lower()) not in _SOURCE_NOUNS:
        return False
    if _ACCORDING_TO.search(text, max(0, q.start - 20), q.start):
        return True
    for word in words[noun + 1 : noun + 2 + SOURCE_WORDS]:
        if word in {"and", "or", "but"}:
            return False  # "killed two people and wounded four others says ...": a new clause
        if word.lower() in _TELL:
            return True
    return False


def _duration(q: Quantity) -> bool:
    """A length of time ("five-year civil war", "for the past four years"): the scene, not
    the news, however many outlets repeat it."""
    return (q.unit.split()[0] if q.unit else "") in DURATIONS


def _background(q: Quantity, spans: Sequence[QuoteSpan] | None) -> bool:
    """A figure that is news only if two outlets report it: an age, a figure inside a
    quotation, or one in a sentence that is no summary material (a caption, a list)."""
    unit = q.unit.split()[0] if q.unit else ""
    return (
        unit.endswith("-old")
        or _quoted(q, spans)
        or rejection(q.sentence.text, lead=q.sentence.index == 0) is not None
    )


def claims(
    sentences: Sequence[Sentence],
    article_order: dict[str, int],
    outlets: dict[str, str] | None = None,
    quoted: Mapping[str, Sequence[QuoteSpan]] | None = None,
) -> tuple[list[Claim], list[Claim]]:
    """(claims, disagreements) of a cluster's sentences; ``outlets`` maps article ids to
    the outlet behind them (syndicated copies share one), for telling news from background:
    a figure two outlets report is news. ``quoted`` maps article ids to the quoted spans of
    their text (``quotes.quote_spans``), so that a figure in the middle of a quotation
    several sentences long counts as quoted; an article it leaves out is read sentence by
    sentence.

    Claims come ranked by importance, the one order every rendering shows: disagreements,
    then news before background, then the independent outlets that report the figure, then
    the ones told nearer the top of their article."""
    quoted = quoted or {}
    found: list[Quantity] = []
    seen: set[tuple[str, str]] = set()
    for sentence in sentences:
        if (sentence.article_id, sentence.text) in seen:
            continue  # a page that repeats itself (a headline again, a pasted paragraph)
        seen.add((sentence.article_id, sentence.text))
        in_sentence = quantities(sentence)
        # A sentence with many figures is a table or a list: its figures' neighbouring words
        # are other rows' labels, so it cannot tell what each figure measures.
        if len(in_sentence) <= MAX_FIGURES_PER_SENTENCE:
            found.extend(q for q in in_sentence if not _attribution(q))
    prefixes = [frozenset(w[:4] for w in q.context) for q in found]
    by_unit: dict[str, list[int]] = {}
    for i, q in enumerate(found):
        by_unit.setdefault(q.unit, []).append(i)
    # Score every cross-article pair with the same unit, then keep only mutual best matches
    # per pair of articles: one figure of an article describes the thing at most once.
    best: dict[tuple[int, str], tuple[float, int]] = {}
    scored: list[tuple[int, int, float]] = []
    for members in by_unit.values():
        for i, j in _candidate_pairs(members, prefixes):
            a, b = found[i], found[j]
            if a.sentence.article_id == b.sentence.article_id:
                continue
            shared = _shared(a.context, b.context)
            if shared < MIN_SHARED_CONTEXT:
                continue
            similarity = shared / math.sqrt(len(a.context) * len(b.context))
            if similarity < MIN_SIMILARITY:
                continue
            scored.append((i, j, similarity))
            for x, y in ((i, j), (j, i)):
                key = (x, found[y].sentence.article_id)
                if similarity > best.get(key, (0.0, -1))[0]:
                    best[key] = (similarity, y)
    links = [
        (i, j)
        for i, j, _ in scored
        if best[(i, found[j].sentence.article_id)][1] == j
        and best[(j, found[i].sentence.article_id)][1] == i
    ]
    ranked: list[tuple[tuple[bool, bool, int, int], Claim]] = []
    conflicts: list[Claim] = []
    for members in _components(len(found), links):
        group = [found[i] for i in members]
        readings = _components(
            len(group),
            [
                (i, j)
                for i in range(len(group))
                for j in range(i + 1, len(group))
                if agree(group[i], group[j])
            ],
        )
        # An article does not contradict itself: if one article's own figures fall in two
        # readings, the group mixes different things and is not a disagreement.
        readings_of: dict[str, set[int]] = {}
        for reading_no, reading in enumerate(readings):
            for k in reading:
                readings_of.setdefault(group[k].sentence.article_id, set()).add(reading_no)
        conflicting = len(readings) > 1 and all(len(r) == 1 for r in readings_of.values())
        values: list[ClaimValue] = []
        for reading_no, reading in enumerate(readings, 1):
            merged: dict[tuple[float, str, float | None], list[Quantity]] = {}
            for k in reading:
                q = group[k]
                merged.setdefault((q.value, q.qualifier, q.upper), []).append(q)
            for same in merged.values():
                first = same[0]
                values.append(
                    ClaimValue(
                        value=first.value,
                        unit=first.unit,
                        text=first.text,
                        qualifier=first.qualifier,
                        sentence=first.sentence.text,
                        article_id=first.sentence.article_id,
                        sources=_ordered({q.sentence.article_id for q in same}, article_order),
                        low=first.low,
                        high=None if math.isinf(first.high) else first.high,
                        reading=reading_no if conflicting else 0,
                    )
                )
        sources = _ordered({q.sentence.article_id for q in group}, article_order)
        representative = max(group, key=lambda q: (len(q.context), -q.start))
        reporters = {(outlets or {}).get(a, a) for a in sources}
        claim = Claim(
            subject=_subject(representative),
            values=tuple(values),
            sources=sources,
            conflicting=conflicting,
            news=not all(_duration(q) for q in group)
            and (
                len(reporters) > 1
                or not all(_background(q, quoted.get(q.sentence.article_id)) for q in group)
            ),
        )
        # Disagreements, then news before background, the most widely reported (independent
        # outlets, syndicated copies once) first, then the ones told near the top of their
        # article.
        first_mention = min(q.sentence.index for q in group)
        ranked.append(((not conflicting, not claim.news, -len(reporters), first_mention), claim))
        if conflicting:
            conflicts.append(claim)
    # A stable sort on the key alone: equal keys keep the order the groups were found in.
    ranked.sort(key=lambda pair: pair[0])
    return [claim for _, claim in ranked], conflicts


def _ordered(ids: set[str], order: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=lambda a: order.get(a, 0)))
