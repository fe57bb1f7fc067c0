"""Where a sentence may end early: cut points before an adjunct, for short budgets.

A news lead is often 30 to 50 words, a headline budget about 30. Most leads are a main
clause followed by circumstance: a place or time ("in Surabaya", "on Sunday"), a cause or
consequence ("after a tiger entered...", ", killing three"), a relative clause ("who..."),
or a second verb phrase ("and wounded 40"). Cutting before such an adjunct keeps the news
and a complete sentence. A cut point is a word boundary before a comma's next word, a
subordinator, a relative pronoun, a preposition that opens an adjunct, or a conjunction
that opens a second clause or verb phrase; the cut is kept only when what is left passes
the checks of ``clauses.py`` (a main clause, a last word that waits for nothing, no
subordinate clause left without its verb, balanced quotes and brackets).
"""

from __future__ import annotations

import re

from newsweave.grammar import word_set
from newsweave.summarize.clauses import (
    COMPLEMENT_VERBS,
    DETERMINERS,
    PREPOSITIONS,
    SPEECH,
    Reading,
    is_past,
)

SUBORDINATE = word_set(
    "when after before as while because since although though until amid following despite whereas"
)
RELATIVE = word_set("who which whose where")
# Prepositions that open adjuncts (place, time, means, company). Not "of" or "to", whose
# phrases are usually arguments ("the wreckage of...", "sentenced to...").
ADJUNCT_PREPOSITIONS = word_set(
    "in at on near during from with for across outside inside into under against without "
    "through throughout by over around toward towards ahead"
)
CONJUNCTIONS = frozenset({"and", "or", "but"})
# Words that pair with a later "and"/"or": cutting before it breaks the pair.
PAIRED = frozenset({"between", "both", "either", "neither", "from"})
# Words that bind a following subordinator into a phrase ("such as", "days after").
BOUND_BEFORE = word_set(
    "such well just soon shortly long day days hour hours week weeks month months year years "
    "moments minutes same so even time"
)
_TOKEN = re.compile(r"\S+")


def cut_points(sentence: str) -> list[tuple[int, str]]:
    """Character offsets where ``sentence`` may end early, each with the kind of boundary,
    latest first. The sentence must end with "." or "!" (the cut keeps that mark)."""
    body = sentence.rstrip().rstrip("\"'”’)")
    if not body or body[-1] not in ".!":
        return []
    tokens = list(_TOKEN.finditer(sentence))
    reading = Reading(sentence)
    out: list[tuple[int, str]] = []
    for k in range(2, len(tokens)):
        kind = _boundary(reading, k)
        if kind is None or not _keeps_sentence(reading, k, kind):
            continue
        start = tokens[k - 1].end() - 1 if kind == "comma" else tokens[k].start() - 1
        out.append((start, kind))
    return sorted(out, reverse=True)


def _boundary(reading: Reading, k: int) -> str | None:
    """The kind of boundary before token ``k``, or None."""
    word, before = reading.words[k], reading.words[k - 1]
    if reading.raw[k - 1].endswith(","):
        return "comma"
    if word in SUBORDINATE:
        return None if before in BOUND_BEFORE else "subordinate clause"
    if word in RELATIVE:
        return "relative clause"
    if word == "that":
        # "the law that ...", not "said that ..." or "so that"
        if before in COMPLEMENT_VERBS or is_past(before) or before in PREPOSITIONS:
            return None
        return "relative clause"
    if word in ADJUNCT_PREPOSITIONS:
        return "phrase"
    if word in CONJUNCTIONS and _second_clause(reading, k):
        return "second clause"
    return None


def _second_clause(reading: Reading, k: int) -> bool:
    """Whether the conjunction at ``k`` joins a second clause or verb phrase ("and wounded
    40", "and they are questioning a man"), not two words of one phrase ("Israel and
    Hamas", "the strategic and symbolic"), and no list is in progress ("A, B and C")."""
    words, raw = reading.words, reading.raw
    if set(words[max(0, k - 6) : k]) & PAIRED or k + 1 >= len(words):
        return False
    verbs = [i for i in range(k) if reading.strength[i]]
    last_verb = verbs[-1] if verbs else -1
    if any(token.endswith(",") for token in raw[last_verb + 1 : k]):
        return False
    first = words[k + 1]
    if is_past(first) or first in SPEECH or first == "then":
        return True
    tail = Reading(" ".join(raw[k + 1 :]))
    return tail.main_clause_before(len(tail.raw))


def _keeps_sentence(reading: Reading, k: int, kind: str) -> bool:
    """Whether the first ``k`` tokens + a full stop are still a complete sentence."""
    if not (reading.ends_well(k) and reading.main_clause_before(k)) or reading.open_before(k):
        return False
    head = " ".join(reading.raw[:k])
    if head.count('"') % 2 or head.count("(") != head.count(")"):
        return False
    if head.count("“") != head.count("”") or head.count("‘") > head.count("’"):
        return False
    commas = [i for i in range(k - 1) if reading.raw[i].endswith(",")]
    if commas:
        last = commas[-1] + 1  # the first token after the last comma
        verbless = not reading.verbs_between(last, k)
        # Inside a verbless phrase after the last comma that opens with an article (an
        # appositive, ", the latest in ..."): only the cut at that comma is clean.
        if verbless and reading.words[last] in DETERMINERS:
            return False
        if kind == "comma" and verbless and k - last <= 4:
            return False  # a list in progress ("the clergy, seminaries, ...")
        first = commas[0]
        if reading.words[first] in SPEECH and not reading.verbs_between(first + 1, k):
            return False  # "the minister said, in relation to ...": what was said is gone
    return True
