"""People and organisations: who appears, with which roles, in how many articles.

A capitalised name counts as a person only with evidence in the text: a role or honorific
in front of it ("Foreign Minister Sergei Lavrov", "Mr Assad"), a role in apposition
("Riad Hijab, the main opposition coordinator"), or a speech verb it is the subject of
("Kerry told reporters"). Surnames resolve to the full name the cluster uses, preferring
the same article. Reporters and editors named in bylines and wire credits are excluded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.analyze._lexicon import DETERMINERS, ROLE_WORDS, SPEECH_VERBS
from newsweave.analyze.names import TOKEN, Run, capitalised_runs, surname_key
from newsweave.analyze.quotes import QuoteSpan, Speaker, speaker_before
from newsweave.model import Article, Person

# Credits that name the journalists rather than the news: "(Reporting by John Irish;
# editing by Ros Russell)", "By John Irish", "Writing by ...".
_CREDIT = re.compile(
    r"(?:\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Rr]eported|[Ee]dited|[Ww]ritten|[Cc]ompiled"
    r"|[Aa]dditional reporting|[Pp]hotographs?|[Ii]llustrations?)\s+by|^\s*By)\s+"
    r"((?:[A-Z][\w'’.-]+(?:\s+|,\s*|\s+and\s+)?){1,8})",
    re.MULTILINE,
)
# "Riad Hijab, the main opposition coordinator," / "Jane Doe, a spokeswoman for ...".
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
    # article id -> (offset, canonical name) of every person mention outside quotes
    mentions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _by_surname: dict[str, list[str]] = field(default_factory=dict)

    def canonical(self, name: str, article_id: str = "") -> str:
        """The full name for ``name``: itself when it is already a known full name, else the
        one full name with that surname (the same article's first)."""
        if name in self.entries and len(name.split()) > 1:
            return name
        key = surname_key(name)
        candidates = self._by_surname.get(key, [])
        if not candidates:
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

    def last_person_before(self, article_id: str, offset: int) -> str | None:
        best: str | None = None
        for at, name in self.mentions.get(article_id, []):
            if at >= offset:
                break
            best = name
        return best

    def is_reporter(self, name: str) -> bool:
        return surname_key(name) in self.reporters or name.lower() in self.reporters

    def resolve(self, speaker: Speaker, article_id: str) -> tuple[str, str]:
        """(speaker name, kind) for a speaker as written."""
        if speaker.kind == "pronoun":
            person = self.last_person_before(article_id, speaker.at)
            return (person, "person") if person else ("", "")
        if speaker.kind == "nominal":
            return speaker.text, "nominal"
        if speaker.kind == "organisation":
            return speaker.text, "organisation"
        name = self.canonical(speaker.text, article_id)
        if self.is_reporter(name):
            return "", ""
        return name, "person"


def reporters_of(articles: Iterable[Article]) -> frozenset[str]:
    """Names of journalists credited in bylines, wire credits and removed lines."""
    names: set[str] = set()
    for article in articles:
        texts = [article.text, *(r.text for r in article.removed)]
        if article.byline:
            texts.append("By " + article.byline)
        for text in texts:
            for match in _CREDIT.finditer(text):
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
        for match in TOKEN.finditer(text):
            if match.group() in SPEECH_VERBS and _outside(quote_spans, match.start()):
                line_start = text.rfind("\n", 0, match.start()) + 1
                speaker = speaker_before(text, match.start(), max(line_start, match.start() - 150))
                if speaker is not None and speaker.kind == "name" and len(speaker.text.split()) > 1:
                    speakers.add(speaker.text)

    index = PeopleIndex(reporters=reporters)
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
        mentions: list[tuple[int, str]] = []
        for run in runs_by_article[article.id]:
            if not run.name:
                continue
            if run.kind == "organisation":
                if run.name in index.entries:
                    index.entries[run.name].articles.add(article.id)
                continue
            known = run.name in index.entries or surname_key(run.name) in index._by_surname
            if not known:
                continue
            index.entries.setdefault(run.name, _Entry(run.name))
            index.entries[run.name].articles.add(article.id)
            name = index.canonical(run.name, article.id)
            if name in index.entries:
                index.entries[name].articles.add(article.id)
                mentions.append((run.name_start, name))
        index.mentions[article.id] = mentions
    # Drop single names that were folded into a full one.
    for name in list(index.entries):
        e = index.entries[name]
        full = index.canonical(name) if e.kind == "person" else name
        if full != name and full in index.entries:
            index.entries[full].articles |= e.articles
            index.entries[full].roles.update(e.roles)
            del index.entries[name]
    return index


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
