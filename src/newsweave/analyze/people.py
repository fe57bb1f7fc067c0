"""People and organisations: who appears, with which roles, in how many articles.

A capitalised name counts as a person only with evidence in the text: a role or honorific
in front of it ("Foreign Minister Sergei Lavrov", "Mr Assad"), a role in apposition
("Riad Hijab, the main opposition coordinator"), or a speech verb it is the subject of
("Kerry told reporters"). Surnames resolve to the full name the cluster uses, preferring
the same article. Reporters and editors named in bylines and wire credits are excluded.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.analyze.lexicon import (
    DETERMINERS,
    INVERTABLE,
    MONTHS,
    NOMINAL_SPEAKERS,
    NOT_NAME_START,
    ORG_WORDS,
    ROLE_WORDS,
    SPEECH_VERBS,
    WEEKDAYS,
)
from newsweave.analyze.names import TITLE_ABBREVIATIONS, Run, capitalised_runs, surname_key
from newsweave.analyze.quotes import QuoteSpan, Speaker, masked, speaker_after, speaker_before
from newsweave.model import Article, Person
from newsweave.tokens import ENGLISH_STOP_WORDS

# Credits that name the journalists rather than the news: "(Reporting by John Irish;
# editing by Ros Russell)", "By John Irish", "Writing by ...".
# A credited name follows "by": "(Reporting by John Irish; editing by Ros Russell)", "By
# John Irish", "Writing by ...". Finding "by Name" first and checking the word before it
# is much cheaper than one pattern tried at every position.
_BY_NAME = re.compile(r"\b[Bb]y\s+((?:[A-Z][\w'’.-]+(?:\s+|,\s*|\s+and\s+)?){1,8})")
_CONTRIBUTED = re.compile(r"\bcontributed (?:to this report|reporting)")
_CREDIT_WORD = re.compile(
    r"(?:reporting|editing|writing|reported|edited|written|compiled|photographs?"
    r"|illustrations?)\s+$|^\s*$",
    re.IGNORECASE,
)


def _alternation(words: frozenset[str]) -> str:
    """A regex alternation factored by first letter, which the regex engine rejects fast."""
    by_initial: dict[str, list[str]] = {}
    for word in sorted(words):
        by_initial.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(by_initial.items()))


_SPEECH_VERB = re.compile(rf"\b(?:{_alternation(SPEECH_VERBS)})\b")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|[A-Z][\w]*['’]s)\s+([^,.;:\"“”()]{3,70}?)(?=[,.;])")


@dataclass
class _Entry:
    name: str
    kind: str = "person"
    roles: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    quoted_by: set[str] = field(default_factory=set)
    evidence: bool = False


@dataclass
class PeopleIndex:
    """Everyone the cluster names, and how to resolve a surname or pronoun to them."""

    entries: dict[str, _Entry] = field(default_factory=dict)  # canonical name -> entry
    reporters: frozenset[str] = frozenset()
    # article id -> (offset, canonical name, in subject position) of every person mention
    # outside quotes, in text order
    mentions: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict)
    # article id -> (offset, name) of unconfirmed two- or three-word names in subject
    # position: a pronoun's antecedent of last resort ("Jane Juchems saw ... she said")
    weak: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # article id -> offsets of other one-word names in subject position that the index
    # could not confirm ("Rogen heads back"): a pronoun after one is too ambiguous to resolve
    unconfirmed: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # name -> "m" | "f", from the text
    _by_surname: dict[str, list[str]] = field(default_factory=dict)

    def canonical(self, name: str, article_id: str = "") -> str:
        """The full name for ``name``: itself when it is already a known full name, else the
        one full name with that surname (the same article's first)."""
        key = surname_key(name)
        candidates = self._by_surname.get(key, [])
        if name in candidates or not candidates:
            return name
        local = [c for c in candidates if article_id in self.entries[c].articles]
        if len(name.split()) > 1:
            # "Sergei Lavrov" vs a known "Sergei V. Lavrov": accept only a shared first word.
            first = name.split()[0].lower()
            same = [c for c in candidates if c.split()[0].lower() == first]
            return same[0] if len(same) == 1 else name
        if len(local) == 1:
            return local[0]
        return candidates[0] if len(candidates) == 1 else name

    def last_person_before(self, article_id: str, offset: int, pronoun: str = "") -> str | None:
        """The antecedent of "he"/"she" at ``offset``: the last person named as a subject,
        else the last unconfirmed two- or three-word name as a subject, else nobody. A
        name the text calls by the other pronoun ("Kimmel ... He laughs") is skipped."""
        wanted = PRONOUN_GENDER.get(pronoun, "")

        def fits(name: str) -> bool:
            gender = self.gender.get(name, "")
            return not wanted or not gender or gender == wanted

        subject: str | None = None
        subject_at = -1
        for at, name, is_subject in self.mentions.get(article_id, []):
            if at >= offset:
                break
            if is_subject and fits(name):
                subject, subject_at = name, at
        weak = [(at, n) for at, n in self.weak.get(article_id, []) if at < offset and fits(n)]
        # A later subject wins unless the earlier one is known to be "he"/"she": "Moonlight
        # claimed three wins ... Emma Stone, who claimed best actress, ... she said".
        later_weak = weak and weak[-1][0] > subject_at
        if subject and not (later_weak and not self.gender.get(subject)):
            return subject
        if subject is None and wanted:
            # No subject can be "he"/"she": a name the text already calls so, wherever it
            # stood ("President Sarkozy's statement ... He later withdrew it").
            agreeing = [
                (at, n)
                for at, n, _ in self.mentions.get(article_id, [])
                if at < offset and self.gender.get(n) == wanted
            ]
            if agreeing and (not weak or agreeing[-1][0] > weak[-1][0]):
                return agreeing[-1][1]
        # A name only seen as an object ("his fiancee, Rhonda Rouer,") is too weak a guess.
        if not weak:
            return None
        at, name = weak[-1]
        # ...and so is an unconfirmed name when someone else, as unconfirmed, was the
        # subject since: "La La Land ... When Rogen heads back ... "...," he says".
        own = set(name.split())
        if any(
            at < later < offset and word not in own
            for later, word in self.unconfirmed.get(article_id, [])
        ):
            return None
        return name

    def _antecedent(self, pronoun: Speaker, article_id: str) -> str | None:
        """The named speaker of the quote just before, for a pronoun linked to it: unless
        its gender is known to be the other one, or another person who could be "he"/"she"
        is named between them."""
        named = pronoun.antecedent
        if named is None:
            return None
        people = [(at, n) for at, n, _ in self.mentions.get(article_id, [])]
        # The name as the index read it where the speaker stands ("Sheikh Hamad bin Jassim
        # al-Thani" for "Jassim al-Thani"), else as the attribution gives it.
        key = surname_key(named.text)
        name = next(
            (n for at, n in people if surname_key(n) == key and at <= named.at < at + len(n)),
            self.canonical(named.text, article_id),
        )
        wanted = PRONOUN_GENDER.get(pronoun.text, "")
        if self.is_reporter(name) or self.gender.get(name, wanted) != wanted:
            return None
        between = [
            n
            for at, n in people + self.weak.get(article_id, [])
            if named.at < at < pronoun.at and n != name
        ]
        if any(self.gender.get(n, wanted) == wanted for n in between):
            return None
        return name

    def _named_by_role(self, speaker: Speaker, article_id: str) -> str | None:
        """ "the spokesperson added" after "BNPB spokesperson Sutopo Purwo Nugroho said": the
        last person named before with that role word."""
        words = speaker.text.lower().split()
        if len(words) != 2 or words[0] != "the":
            return None
        head = words[1]
        found: str | None = None
        for at, name, _ in self.mentions.get(article_id, []):
            if at >= speaker.at:
                break
            entry = self.entries.get(name)
            if entry and any(head in _role_words(role) for role in entry.roles):
                found = name
        return found

    def is_reporter(self, name: str) -> bool:
        return surname_key(name) in self.reporters or name.lower() in self.reporters

    def resolve(self, speaker: Speaker, article_id: str) -> tuple[str, str]:
        """(speaker name, kind) for a speaker as written."""
        if speaker.kind == "pronoun":
            person = self._antecedent(speaker, article_id) or self.last_person_before(
                article_id, speaker.at, speaker.text
            )
            return (person, "person") if person else ("", "")
        if speaker.kind == "epithet":
            # "said the 30-year-old" after "Army veteran Ryan Kiesling said ...": the person
            # last named; with nobody named, the description as written.
            person = self.last_person_before(article_id, speaker.at)
            return (person, "person") if person else (speaker.text, "nominal")
        if speaker.kind == "nominal":
            named = self._named_by_role(speaker, article_id)
            return (named, "person") if named else (speaker.text, "nominal")
        if speaker.kind == "organisation":
            return speaker.text, "organisation"
        name = self.canonical(speaker.text, article_id)
        if self.is_reporter(name):
            return "", ""
        return name, "person"


# Titles written short before a name, and the word "the senator" uses for them.
_TITLE_WORDS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
    "prof": "professor", "dr": "doctor", "supt": "superintendent", "det": "detective",
    "insp": "inspector", "adm": "admiral", "maj": "major", "cmdr": "commander",
}  # fmt: skip


def _role_words(role: str) -> set[str]:
    """A role's words, titles written out: "U.S. Sen." -> {"u.s", "senator", "sen"}."""
    words = {w.strip(".,").lower() for w in role.split()}
    return words | {_TITLE_WORDS[w] for w in words if w in _TITLE_WORDS}


def reporters_of(articles: Iterable[Article]) -> frozenset[str]:
    """Names of journalists credited in bylines, wire credits and removed lines."""
    names: set[str] = set()
    for article in articles:
        texts = [article.text, *(r.text for r in article.removed)]
        if article.byline:
            texts.append("By " + article.byline)
        for text in texts:
            for match in _CONTRIBUTED.finditer(text):
                # "Associated Press writer Jill Colvin contributed to this report.": the
                # names in that sentence are journalists.
                start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start()))
                for run in capitalised_runs(text, start + 1, match.start()):
                    if run.name and run.kind != "organisation":
                        names.add(run.name.lower())
                        names.add(surname_key(run.name))
            for match in _BY_NAME.finditer(text):
                line_start = text.rfind("\n", 0, match.start()) + 1
                if not _CREDIT_WORD.search(
                    text[max(line_start, match.start() - 30) : match.start()]
                ):
                    continue
                for part in re.split(r",|\band\b|;", match.group(1)):
                    part = part.strip()
                    if part and part[0].isupper():
                        names.add(part.lower())
                        names.add(surname_key(part))
    return frozenset(n for n in names if n)


def _clean_role(role: str) -> str:
    words = role.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    # "Rep" and "Sen" were read without their period; give it back for display.
    words = [w + "." if w.lower() in TITLE_ABBREVIATIONS else w for w in words]
    return " ".join(words).strip(" ,")


def _outside(spans: Sequence[QuoteSpan], offset: int) -> bool:
    return not any(s.open <= offset <= s.close for s in spans)


def build_index(articles: Sequence[Article], spans: dict[str, list[QuoteSpan]]) -> PeopleIndex:
    """Find every person and organisation in the articles."""
    reporters = reporters_of(articles)
    runs_by_article: dict[str, list[Run]] = {}
    entries: dict[str, _Entry] = {}
    speakers: set[str] = set()

    def entry(name: str, kind: str) -> _Entry:
        if name not in entries:
            entries[name] = _Entry(name, kind)
        return entries[name]

    for article in articles:
        text = article.text
        quote_spans = spans.get(article.id, [])
        runs = [r for r in capitalised_runs(text) if _outside(quote_spans, r.start)]
        runs_by_article[article.id] = runs
        for run in runs:
            if not run.name:
                continue
            if run.kind == "organisation":
                entry(run.name, "organisation").articles.add(article.id)
                continue
            tail = _APPOSITIVE.match(text, run.end)
            appositive = tail.group(1) if tail and _has_role_word(tail.group(1)) else ""
            e = entry(run.name, "person")
            if run.role or appositive:
                e.roles[_clean_role(run.role or appositive)] += 1
            # A single word needs a title ("President Assad", "Mr Rawlins"): a capitalised
            # common noun opening a sentence ("Reports say") is not a person.
            if run.kind == "person" or (appositive and len(run.name.split()) > 1):
                e.evidence = True
        # Subjects of speech verbs anywhere in the text are people ("Kerry told reporters").
        for match in _SPEECH_VERB.finditer(text):
            if _outside(quote_spans, match.start()):
                line_start = text.rfind("\n", 0, match.start()) + 1
                speaker = speaker_before(text, match.start(), max(line_start, match.start() - 150))
                if speaker is not None and speaker.kind == "name" and _person_like(speaker.text):
                    speakers.add(speaker.text)
                inverted = _inverted_speaker(text, match)
                if inverted:
                    speakers.add(inverted)

    index = PeopleIndex(reporters=reporters)
    votes: dict[str, Counter[str]] = {}
    titled: dict[str, set[str]] = {}  # name -> the genders its honorifics give ("Ms" -> f)
    quote_spans_of = {a.id: spans.get(a.id, []) for a in articles}
    for name in speakers:
        if name not in entries:
            entries[name] = _Entry(name, "person")
        entries[name].evidence = True
    people = {
        n: e
        for n, e in entries.items()
        if e.kind == "organisation" or (e.evidence and not index.is_reporter(n))
    }
    by_surname: dict[str, list[str]] = {}
    for name, e in people.items():
        if e.kind == "person" and len(name.split()) > 1:
            by_surname.setdefault(surname_key(name), []).append(name)
    for key, names in by_surname.items():
        # "Sarah Sanders" and "Sarah Huckabee Sanders": one person, the longer form wins.
        longest = max(names, key=lambda n: (len(n.split()), n))
        first = longest.split()[0].lower()
        if len(names) > 1 and all(n.split()[0].lower() == first for n in names):
            for other in names:
                if other != longest:
                    people[longest].roles.update(people[other].roles)
                    del people[other]
            by_surname[key] = [longest]
    index.entries = {}
    index._by_surname = by_surname
    # Fold surnames and honorific forms into the full names, counting articles.
    for name, e in people.items():
        target = name
        if e.kind == "person" and len(name.split()) == 1:
            target = _unique_full(by_surname.get(surname_key(name), []), name)
        merged = index.entries.setdefault(target, _Entry(target, e.kind, evidence=True))
        merged.roles.update(e.roles)
    index._by_surname = {k: [n for n in v if n in index.entries] for k, v in by_surname.items()}
    for article in articles:
        mentions: list[tuple[int, str, bool]] = []
        weak: list[tuple[int, str]] = []
        unconfirmed: list[tuple[int, str]] = []
        lower_words: set[str] | None = None
        inside: set[str] = set()
        for run in runs_by_article[article.id]:
            if not run.name:
                continue
            if run.kind == "organisation":
                if run.name in index.entries:
                    index.entries[run.name].articles.add(article.id)
                continue
            known = run.name in index.entries or surname_key(run.name) in index._by_surname
            if not known:
                words = run.name.split()
                if (
                    2 <= len(words) <= 3
                    and not any(w.lower() in ORG_WORDS for w in words)
                    and subject_position(article.text, run)
                    and not _modifier(article.text, run)
                ):
                    weak.append((run.name_start, run.name))
                elif len(words) == 1 and subject_position(article.text, run):
                    if lower_words is None:
                        lower_words = set(re.findall(r"\b[a-z][\w'’-]*", article.text))
                        inside = set(re.findall(r"(?<=[a-z,] )[A-Z][\w'’-]*", article.text))
                    # A name: never written in lower case ("Police said" is not one), and
                    # written capitalised inside a sentence too ("Twenty-four hours later").
                    if words[0].lower() not in lower_words and words[0] in inside:
                        unconfirmed.append((run.name_start, words[0]))
                continue
            index.entries.setdefault(run.name, _Entry(run.name))
            index.entries[run.name].articles.add(article.id)
            name = index.canonical(run.name, article.id)
            if name in index.entries:
                index.entries[name].articles.add(article.id)
                mentions.append((run.name_start, name, subject_position(article.text, run)))
                gender = HONORIFIC_GENDER.get(run.honorific.lower().rstrip("."), "")
                if gender:
                    titled.setdefault(name, set()).add(gender)
        index.mentions[article.id] = mentions
        index.weak[article.id] = weak
        index.unconfirmed[article.id] = unconfirmed
        others = [r.name_start for r in runs_by_article[article.id] if r.name]
        _vote_genders(article.text, quote_spans_of[article.id], mentions, weak, votes, others)
    for name, counter in votes.items():
        (top, n), *rest = [*counter.most_common(2), ("", 0)]
        if n > rest[0][1]:
            index.gender[name] = top
    # An honorific says outright what a pronoun after the name only suggests ("Ms Bouvier
    # had reached safety ... He later withdrew the statement": "He" is someone else's).
    for name, genders in titled.items():
        if len(genders) == 1:
            index.gender[name] = next(iter(genders))
    # Drop single names that were folded into a full one.
    for name in list(index.entries):
        e = index.entries[name]
        full = index.canonical(name) if e.kind == "person" else name
        if full != name and full in index.entries:
            index.entries[full].articles |= e.articles
            index.entries[full].roles.update(e.roles)
            del index.entries[name]
    return index


def _inverted_speaker(text: str, verb: re.Match[str]) -> str:
    """The name after an inverted speech verb (`," said John Hogg, president of ...`, `The
    result, says Thomas Ruttig, is ...`), a person as surely as a subject before one; ""
    when the verb is not inverted or no name follows."""
    before = text[max(0, verb.start() - 4) : verb.start()].rstrip(" \u00a0")
    if verb.group() not in INVERTABLE or before[-1:] not in ",\"”'’":
        return ""
    line_end = text.find("\n", verb.end())
    upper = min(len(text) if line_end < 0 else line_end, verb.end() + 150)
    speaker = speaker_after(text, verb.end(), upper)
    # A full name: one capitalised word after "said" may be an adjective or a place
    # ("said Israeli officials") as often as a surname.
    if speaker is None or speaker.kind != "name" or len(speaker.text.split()) < 2:
        return ""
    if before[-1] == ",":
        # After a comma the verb may end an appositive ("Ann Lee, the spokeswoman, said
        # Iranian actions ..."): inverted only if the name closes a parenthesis of its own.
        end = text.find(speaker.text, verb.end(), upper)
        if end < 0 or text[end + len(speaker.text) : end + len(speaker.text) + 1] not in (",", "."):
            return ""
    return speaker.text


def _modifier(text: str, run: Run) -> bool:
    """Whether a name stands between an indefinite article and a lower-case noun, as a
    modifier: "an Iraq War veteran", "a Somali American state representative"."""
    before = text[max(0, run.start - 5) : run.start].split()[-1:]
    return (
        bool(before)
        and before[0].lower() in {"a", "an"}
        and re.match(r"[ \u00a0]+[a-z]", text[run.end : run.end + 3]) is not None
    )


def _person_like(name: str) -> bool:
    """A speech verb's capitalised subject is a person unless it is a common noun that is
    only capitalised because it opens the sentence ("Reports say", "Officials said")."""
    words = name.split()
    low = words[0].lower()
    return len(words) > 1 or (
        low not in NOMINAL_SPEAKERS
        and low not in NOT_NAME_START
        and low not in MONTHS
        and low not in WEEKDAYS
    )


_VERB_LIKE_STOP = frozenset(ENGLISH_STOP_WORDS) - {
    "has", "had", "have", "was", "is", "were", "are", "will", "would", "could", "also",
    "then", "never", "once", "now", "still", "may", "might", "should", "must", "can",
}  # fmt: skip


_APPOSED_VERB = re.compile(r",\s+(?:a|an|the|who)\s[^,.;:!?\"“”—–]{1,60}?\s*[,—–]\s*([a-z]+)\b")


def subject_position(text: str, run: Run) -> bool:
    """Whether a name stands where a sentence's subject does: at the start of a sentence
    or clause, or right before a verb-like word ("Dunn fired", "Peinovich said"). Objects
    ("hitting Davis three times", "band mate Devin Lima.") are not."""
    if text[run.start : run.end].endswith(("'s", "’s")):
        return False  # "Paul Walker’s death": a possessive modifies the subject
    before = text[max(0, run.start - 30) : run.start].rstrip(" \u00a0")
    if not before or before[-1] in '.!?\n"”:':
        return True
    previous = before.split()[-1].lower() if before.split() else ""
    if previous in SPEECH_VERBS or before.lower().endswith("according to"):
        return True  # "said Lavrov", "according to ... Sonia Khush": the speaker
    match = re.match(r"\s+([a-z][\w'’-]*)", text[run.end : run.end + 30])
    if match is None:
        # "Douglas Concha, an Iraq War veteran – said": an appositive, then the verb.
        apposed = _APPOSED_VERB.match(text, run.end, run.end + 90)
        return apposed is not None and apposed.group(1) in SPEECH_VERBS
    return match.group(1) not in _VERB_LIKE_STOP


HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m",
                    "ms": "f", "mrs": "f", "miss": "f", "lady": "f", "dame": "f"}  # fmt: skip
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip
_GENDERED = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def _vote_genders(
    text: str,
    quote_spans: Sequence[QuoteSpan],
    mentions: Sequence[tuple[int, str, bool]],
    weak: Sequence[tuple[int, str]],
    votes: dict[str, Counter[str]],
    names: Sequence[int] = (),
) -> None:
    """Learn who is "he" and who is "she" from the text itself: the first gendered pronoun
    after a name (outside quotes, before the next name, within ~two sentences) votes. Any
    capitalised name (``names``: their offsets) ends a name's window, known person or not:
    in "Sandgren wins, Stone stomps her feet", "her" is Stone's."""
    plain = masked(text, quote_spans)
    named = sorted([(at, name) for at, name, _ in mentions] + list(weak))
    starts = sorted(set(names) | {at for at, _ in named})
    for at, name in named:
        after = bisect.bisect_right(starts, at)
        following = starts[after] if after < len(starts) else len(plain)
        stop = min(following, at + 300)
        match = _GENDERED.search(plain, at, stop)
        if match:
            gender = PRONOUN_GENDER[match.group().lower()]
            votes.setdefault(name, Counter())[gender] += 1


def _unique_full(candidates: list[str], name: str) -> str:
    return candidates[0] if len(candidates) == 1 else name


def _has_role_word(phrase: str) -> bool:
    words = [w.lower().strip("'’s") for w in phrase.split()]
    return any(w in ROLE_WORDS for w in words)


def best_roles(roles: Counter[str]) -> tuple[str, ...]:
    """Distinct roles, most specific (longest) first; "President" is dropped when
    "Syrian President" is also known."""
    ordered = sorted(roles, key=lambda r: (-len(r), r))
    kept: list[str] = []
    for role in ordered:
        low = role.lower()
        if not role or any(low in k.lower() for k in kept):
            continue
        kept.append(role)
    return tuple(kept[:3])


def people_list(index: PeopleIndex, quoted_by: dict[str, set[str]]) -> tuple[Person, ...]:
    """The people and organisations worth listing: every person, and organisations that
    more than one article names or that are quoted. Most-mentioned first."""
    out: list[Person] = []
    for name, e in index.entries.items():
        quoting = quoted_by.get(name, set())
        if e.kind == "organisation" and len(e.articles) < 2 and not quoting:
            continue
        if not e.articles and not quoting:
            continue
        if e.kind == "person" and len(name.split()) == 1 and not e.roles and not quoting:
            # A lone capitalised word with no title and no quote is as likely a place
            # ("Aleppo would fall") or a sentence-initial noun as a person.
            continue
        out.append(
            Person(
                name=name,
                kind=e.kind,
                roles=best_roles(e.roles),
                mentions=len(e.articles | quoting),
                quoted_by=tuple(sorted(quoting)),
            )
        )
    out.sort(key=lambda p: (p.kind != "person", -p.mentions, -len(p.quoted_by), p.name))
    return tuple(out)
