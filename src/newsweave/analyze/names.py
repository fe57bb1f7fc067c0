"""Names and roles from capitalisation: "Russian Foreign Minister Sergei Lavrov" is a role
("Russian Foreign Minister") followed by a name ("Sergei Lavrov").

Rule-based and offline on purpose: a run of capitalised words is split at its last role
word; what follows is a name, what precedes is the role. A name is only taken for a person
when something in the text says so (a role, an honorific, a speech verb), which keeps
places and organisations out of the people list without a gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from newsweave.analyze.lexicon import (
    DETERMINERS,
    HONORIFICS,
    MONTHS,
    NOT_NAME_START,
    ORG_WORDS,
    ROLE_WORDS,
    WEEKDAYS,
)

# A word token; internal apostrophes, hyphens and dots stay ("al-Assad", "U.S", "O'Brien").
TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]))*")
# Lower-case particles that may sit inside a name or a title.
NAME_PARTICLES = frozenset(
    ["de", "da", "du", "di", "del", "der", "van", "von", "la", "le", "bin", "ibn", "al", "el",
     "dos", "das"]
)  # fmt: skip
# Lower-case words a name may run through: its particles, and those of institutions and
# Spanish double surnames ("Bank of England", "García y Vega").
CONNECTORS = NAME_PARTICLES | {"of", "the", "for", "y"}
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|de|d)[-’'](?=[A-Z])")
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st supt det insp adm maj cmdr".split()  # noqa: SIM905
)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Run:
    """A run of capitalised words, split into role and name."""

    start: int  # offsets of the whole run in the text
    end: int
    role: str
    name: str
    name_start: int
    honorific: str = ""
    kind: str = "unknown"  # person | organisation | unknown

    @property
    def text(self) -> str:
        return (self.role + " " + self.name).strip()


def is_capitalised(token: str) -> bool:
    if _PARTICLE_PREFIX.match(token):
        return True
    return token[0].isupper()


def surname_key(name: str) -> str:
    """The comparable last part of a name: "Bashar al-Assad" and "Assad" both give "assad"."""
    parts = name.split()
    if not parts:
        return ""
    last = parts[-1]
    if last.lower().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"} and len(parts) > 1:
        last = parts[-2]
    last = _POSSESSIVE.sub("", last)
    last = _PARTICLE_PREFIX.sub("", last)
    return last.lower()


def _is_role_word(token: str) -> bool:
    return token.lower().rstrip(".") in ROLE_WORDS


def _looks_like_name_token(token: str) -> bool:
    low = token.lower()
    if low in MONTHS or low in WEEKDAYS or low in ORG_WORDS or low in HONORIFICS:
        return False
    if low in NOT_NAME_START:
        return False
    if _is_role_word(token):
        return False
    return is_capitalised(token) or low in NAME_PARTICLES


_LEADING_NOISE = NOT_NAME_START - HONORIFICS


def split_run(tokens: list[tuple[str, int, int]]) -> Run | None:
    """Split the tokens of one capitalised run into role, honorific and name."""
    while tokens and tokens[0][0].lower() in _LEADING_NOISE:
        tokens = tokens[1:]
    while tokens and tokens[-1][0].lower() in CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return None
    shape = _shape(tuple(t[0] for t in tokens))
    if shape is None:
        return None
    role, name, name_from, honorific, kind = shape
    if kind == "organisation":
        return _organisation(tokens)
    if not name:
        return Run(tokens[0][1], tokens[-1][2], role, "", tokens[-1][2])
    return Run(tokens[0][1], tokens[-1][2], role, name, tokens[name_from][1], honorific, kind)


@lru_cache(maxsize=65536)
def _shape(words_in: tuple[str, ...]) -> tuple[str, str, int, str, str] | None:
    """(role, name, index of the name's first word, honorific, kind) of a run's words;
    cached, as the same names and titles recur through a cluster."""
    words = list(words_in)
    last_role = -1
    for i, word in enumerate(words):
        if _is_role_word(word) or word.lower() in HONORIFICS:
            last_role = i
    name_from = last_role + 1
    # "Secretary of State John Kerry": the role takes "of State", the name keeps two words.
    if 0 <= last_role < len(words) - 2 and words[name_from].lower() in {"of", "for"}:
        name_from += 2
        while len(words) - name_from > 2:
            name_from += 1
    # "Syria's Bashar al-Assad": a possessive before the last word belongs to the context.
    for i in range(len(words) - 2, name_from - 1, -1):
        if _POSSESSIVE.search(words[i]) and words[i][-1] in "sS":
            name_from = i + 1
            break
    honorific = ""
    if last_role >= 0 and words[last_role].lower() in HONORIFICS:
        honorific = words[last_role]
    role_words = [w for w in words[:name_from] if w.lower() not in HONORIFICS]
    if not any(_is_role_word(w) for w in role_words):
        role_words = []
    name_words = words[name_from:]
    affiliation = ""
    # "Elizabeth Alex of CASA of Maryland": the name ends where a connector starts a phrase.
    for j, word in enumerate(name_words[1:], 1):
        if word.lower() in {"of", "for", "the"}:
            affiliation = " ".join(name_words[j + 1 :])
            name_words = name_words[:j]
            break
    if not name_words:
        if any(w.lower() in ORG_WORDS for w in words):
            return ("", "", 0, "", "organisation")
        return (" ".join(role_words), "", 0, "", "")
    if not all(_looks_like_name_token(w) for w in name_words):
        if any(w.lower() in ORG_WORDS for w in words):
            return ("", "", 0, "", "organisation")
        return None
    if affiliation and not role_words:
        role_words = [affiliation]
    kind = "person" if (role_words or honorific) and len(name_words) <= 4 else "unknown"
    if affiliation and not honorific and not any(_is_role_word(w) for w in role_words):
        kind = "unknown"
    name = " ".join(
        _POSSESSIVE.sub("", w) if i == len(name_words) - 1 else w for i, w in enumerate(name_words)
    )
    return (" ".join(role_words), name, name_from, honorific, kind)


def _organisation(tokens: list[tuple[str, int, int]]) -> Run:
    words = [t[0] for t in tokens]
    words[-1] = _POSSESSIVE.sub("", words[-1])
    return Run(tokens[0][1], tokens[-1][2], "", " ".join(words), tokens[0][1], "", "organisation")


_LOWER_ROLE_BACK = re.compile(r"(?:^|[\s(])((?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+))\s+$")


# Lower-case words that qualify a title ("former national security adviser").
ROLE_MODIFIERS = frozenset(
    """former deputy senior assistant acting interim associate executive special top lead
    longtime personal national security press campaign communications policy foreign
    defense defence health justice state political legal general chief principal
    managing""".split()  # noqa: SIM905  (a word list reads better)
)


def _lower_case_role(text: str, run_start: int) -> str:
    """A role written in lower case just before a name: "his Russian counterpart", "the
    group's spokesman". Returns the role words, without the determiner."""
    window = text[max(0, run_start - 60) : run_start]
    words = window.split()
    if not words or words[-1].lower().strip(",") not in ROLE_WORDS or words[-1].endswith(","):
        return ""
    role: list[str] = []
    for word in reversed(words):
        bare = word.strip(',;:()"“”.?!')
        if (bare != word and role) or not bare or bare.lower() in DETERMINERS:
            break  # punctuation or "the"/"his" ends the noun phrase
        # Modifiers of a title: capitalised words ("White House"), possessives ("Trump's"),
        # other role words ("deputy press secretary"), hyphenated ones ("ex-national").
        if role and not (
            bare[0].isupper()
            or bare.endswith(("'s", "’s"))
            or bare.lower() in ROLE_WORDS
            or bare.lower() in ROLE_MODIFIERS
            or "-" in bare
        ):
            break
        role.insert(0, bare)
        if len(role) == 4:
            break
    return " ".join(role)


_CAP_TOKEN = (
    r"(?:[A-ZÀ-ÖØ-Þ]|(?:al|el|ad|as|ash|an|bin|ibn|abu|de|d)[-’'][A-Z])"
    r"(?:[\w'’\-]|\.(?=[^\W\d_]))*"
)
# Stretches of text made only of capitalised words and connectors: the only places a run can
# be. Finding them with one regex keeps the per-token Python loop off the other 80% of words.
_CANDIDATE = re.compile(
    rf"(?<![\w'’\-]){_CAP_TOKEN}(?:(?:[ \u00a0]|\.[ ])(?:{_CAP_TOKEN}|(?:"
    + "|".join(sorted(CONNECTORS))
    + r")\b))*"
)


def _run_tokens(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for candidate in _CANDIDATE.finditer(text, start, end):
        # Text between two candidates holds a lower-case word, so the loop below ends the
        # run there on its own.
        yield from TOKEN.finditer(text, candidate.start(), candidate.end())


_GERUND = re.compile(r"[A-Z][a-z]{3,}ing")


def _opening_gerund(text: str, token: tuple[str, int, int]) -> bool:
    """Whether ``token`` is a verb's -ing form capitalised only because it opens the
    sentence ("Calling Gerry Adams "a friend", she said"): not the first word of a name,
    unless the text writes it capitalised inside a sentence too ("... said Sterling Brown")."""
    word, start, _ = token
    if not _GERUND.fullmatch(word):
        return False
    before = text[max(0, start - 3) : start].rstrip(" \u00a0")
    if before and before[-1] not in '.!?\n"”':
        return False
    return re.search(rf"(?<=[a-z,] ){word}\b", text) is None


def capitalised_runs(text: str, start: int = 0, end: int | None = None) -> list[Run]:
    """Every capitalised run in ``text[start:end]``, split into role and name."""
    end = len(text) if end is None else end
    runs: list[Run] = []
    current: list[tuple[str, int, int]] = []

    def flush() -> None:
        if len(current) == 1 and current[0][0].lower() in NOT_NAME_START:
            current.clear()  # a capitalised sentence opener ("The", "But"): the common case
        if len(current) > 2 and _opening_gerund(text, current[0]):
            del current[0]
        if current:
            run = split_run(list(current))
            if run is not None:
                runs.append(_with_initials(text, run, current))
            current.clear()

    for match in _run_tokens(text, start, end):
        token = match.group()
        if current:
            gap = text[current[-1][2] : match.start()]
            # "W. Taylor", "Mr. Luu", "Sen. Dick Durbin": an initial or a title's period.
            initial = gap == ". " and (
                len(current[-1][0]) == 1 or current[-1][0].lower() in TITLE_ABBREVIATIONS
            )
            if gap not in (" ", "\u00a0") and not initial:
                flush()
        if is_capitalised(token) or (current and token.lower() in CONNECTORS):
            current.append((token, match.start(), match.end()))
        else:
            flush()
    flush()
    return _attach_roles(text, runs)


_INITIAL = re.compile(r"(?:[A-Z]\.)*[A-Z]")


def _with_initials(text: str, run: Run, tokens: list[tuple[str, int, int]]) -> Run:
    """The run with its initials' periods, which tokens leave out: "Angelo L." and "Lindsey
    O. Graham" as written, so that a name ending in an initial is not cut short."""
    words = run.name.split()
    name_tokens = [t for t in tokens if t[1] >= run.name_start][: len(words)]
    changed = False
    for i, (token, _, end) in enumerate(name_tokens):
        if token == words[i] and _INITIAL.fullmatch(token) and text[end : end + 1] == ".":
            words[i] = token + "."
            changed = True
    return replace(run, name=" ".join(words)) if changed else run


def _attach_roles(text: str, runs: list[Run]) -> list[Run]:
    """Give a bare name the role written next to it: "Syrian President, Bashar al-Assad"
    and "his Russian counterpart Sergei Lavrov"."""
    out: list[Run] = []
    for run in runs:
        if run.name and not run.role and run.kind != "organisation":
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.role
                and not previous.name
                and text[previous.end : run.start] == ", "
            ):
                out[-1] = Run(
                    previous.start,
                    run.end,
                    previous.role,
                    run.name,
                    run.name_start,
                    run.honorific,
                    "person",
                )
                continue
            role = _lower_case_role(text, run.start)
            if role:
                run = Run(
                    run.start, run.end, role, run.name, run.name_start, run.honorific, "person"
                )
        out.append(run)
    return out


def name_tokens(name: str) -> list[str]:
    return [t for t in name.split() if t]
