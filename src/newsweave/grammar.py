"""A rough, dictionary-free test of whether a piece of text is a clause: a subject and a
finite verb.

Used where a word count used to stand in for grammar: "Thousands lost power." is a
complete sentence of three words, "Technical considerations." or "Chief Jason Weber." of
two are not. The test reads closed-class English only (auxiliaries, pronouns, determiners,
prepositions, subordinators) plus the common irregular past forms; open-class words are
judged by their ending ("-ed", "-s") and their neighbours, so it needs no word list of
the news it reads and no model.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better that way)."""
    return frozenset(text.split())


_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|[,;:]")

_AUXILIARIES = word_set(
    """is are was were am has have had will would can could may might must shall should
    does did do isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't
    couldn't mustn't shouldn't doesn't didn't don't cannot"""
)
# Contracted auxiliaries glued to their subject: "it's", "they're", "we've", "she'd".
_CONTRACTED = re.compile(r"^[a-z]+['’](?:s|re|ve|d|ll|m)$")
# Past forms of common irregular verbs (the "-ed" ending catches the regular ones).
_IRREGULAR_PAST = word_set(
    """said told made took went came saw got gave found left fell rose won ran hit cut put
    set shot began broke brought built bought caught chose drove fought flew held kept knew
    led met paid sent sold spoke stood struck threw wrote lost felt heard thought meant
    became grew drew sat slept spent stole swore taught tore understood woke wore withdrew
    forgot froze hid hung laid lay lit overtook sank sought shook shut sang spread stuck
    swept swam swung wept bore beat bit blew burst cast dealt dug fed fled flung knelt lent
    let quit rang rode slid split strode struck thrust undertook upheld withstood sprang
    arose awoke forbade forgave mistook oversaw overcame underwent foresaw"""
)
_PRONOUNS = word_set("i you he she it we they there that who what")
_PRONOUN_SUBJECTS = word_set(
    "i you he she it we they this that these those there who nobody everybody everyone "
    "someone somebody anyone anything nothing everything something none"
)
DETERMINERS = word_set(
    """the a an this that these those his her its their our my your some any no every each
    all both several many few more most such another other"""
)
PREPOSITIONS = word_set(
    """of in on at by for with from to into onto over under about after before during
    since until through across against among between without within toward towards upon
    near amid despite like via per"""
)
# Words that open a subordinate clause: "where it hurts" is not a sentence on its own.
_SUBORDINATORS = word_set(
    """where when because if although though while whereas unless whether which who whom
    whose that as since once after before until"""
)
# Frequent "-s"/"-ed" words that are not verbs, so do not make a clause ("news", "bed").
_NOT_VERBS = word_set(
    """news series species us its this his thus always perhaps whereas
    towards afterwards besides bed red need seed speed feed hundred shed wed weed bred
    indeed ahead instead"""
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _verb_form(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` can be a finite verb where it stands."""
    word = words[i]
    low = word.lower().replace("’", "'")
    if i > 0 and not word.islower():
        return False  # a capitalised word inside a sentence is a name or title case
    if low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    if i > 0 and _CONTRACTED.match(low) and not low.endswith("'s"):
        return True  # "they're", "we've" (not "Assad's": a possessive as often as "is")
    if low in _NOT_VERBS or len(low) < 4:
        return False
    previous = words[i - 1].lower() if i > 0 else ""
    if previous in PREPOSITIONS or (
        previous in DETERMINERS
        and not (i > 1 and previous in {"all", "both"} and words[i - 2].lower() in _PRONOUNS)
    ):
        return False  # "the attacks", "of injured" (but "we all laughed")
    if low.endswith("ed"):
        return True
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "'s")):
        if i == len(words) - 1:
            # A last "-s" word is a verb only after a pronoun or a name inside the sentence
            # ("it hurts", "Assad wins"), not after a sentence-initial adjective
            # ("Technical considerations").
            return previous in _PRONOUN_SUBJECTS or (i > 1 and _is_capitalised(words[i - 1]))
        return True
    return False


def _subject_before(words: list[str], i: int) -> bool:
    """Whether the words before a verb at ``i`` can be its subject."""
    before = words[:i]
    if not before:
        return False  # an imperative or a fragment: "Click here.", "Closes the case."
    lowered = [w.lower() for w in before]
    if lowered[0] in PREPOSITIONS and "," not in before:
        return False  # "For all those fans." - no subject, only a phrase
    clause = lowered[lowered.index(",") + 1 :] if "," in lowered else lowered
    if any(w in _SUBORDINATORS for w in clause[:-1]) or (
        clause and clause[0] in _SUBORDINATORS and clause[0] not in {"that", "this", "who"}
    ):
        return False  # "Trolling where it hurts."
    return any(w.isalpha() or w[:1].isdigit() or "'" in w or "’" in w for w in clause)


def _subject_and_verb(word: str) -> bool:
    """A pronoun with a contracted auxiliary: "it's", "they're", "I'm"."""
    low = word.lower().replace("’", "'")
    return bool(_CONTRACTED.match(low)) and low.split("'")[0] in _PRONOUNS


def is_clause(text: str) -> bool:
    """Whether ``text`` has a subject and a finite verb (a main clause)."""
    words = tokens(text)
    return any(
        _subject_and_verb(words[i]) or (_verb_form(words, i) and _subject_before(words, i))
        for i in range(len(words))
    )


def has_finite_verb(text: str) -> bool:
    """Whether any word of ``text`` can be a finite verb (a weaker, cheaper test)."""
    words = tokens(text)
    return any(_verb_form(words, i) for i in range(len(words)))
