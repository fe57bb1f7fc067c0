"""Event clustering of an article stream: single pass, bounded in time and memory.

Each article becomes a sparse TF-IDF vector of its content terms, its title terms and the
named things it mentions (capitalised phrases such as "Bashar al-Assad" or "Aleppo"),
with document frequencies learned from the stream itself. The article joins the open
event whose centroid is most similar, if that similarity reaches a threshold and the
event is still within the time window of the article's date; otherwise it opens a new
event. Events not updated for ``window_days`` (in stream time) are closed and emitted.

Pages that are not articles at all (archive crawl notices, social-media location widgets,
script walls, video players, expired pages) share no story with anything, yet identical
copies of them turn up beside many stories: each is left as an event of its own, never
joined, instead of gathering every copy into one false event.

Candidate events come from an inverted index of the open events' top terms, and the
number of open events is capped, so the work per article depends on the window, never
on how many articles came before: a year of news streams through at a constant rate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsweave.clean import is_headline_only
from newsweave.dedupe import Deduplicator, fold
from newsweave.model import Article, Cluster
from newsweave.tokens import STOP_WORDS, terms_of_words, words

WINDOW_DAYS = 3
# Cosine similarity from which an article belongs to an event. Articles on one event
# score 0.2-0.6 against its centroid; unrelated stories that share only common words
# stay below 0.1 (docs/benchmarks.md, cluster evaluation, shows the sweep).
THRESHOLD = 0.18
ARTICLE_TERMS = 80  # strongest terms kept per article vector
CENTROID_TERMS = 200  # strongest terms kept per event centroid
QUERY_TERMS = 12  # an article looks up events sharing one of its strongest terms
INDEX_TERMS = 40  # an event is found under its strongest terms
MAX_OPEN = 2000  # open events beyond this close, least recently updated first
MAX_VOCABULARY = 500_000  # rare terms are forgotten beyond this, bounding memory
TITLE_WEIGHT = 2.0  # a title term counts like this many body occurrences
NAME_WEIGHT = 2.0  # a named thing counts like this many body occurrences
# News is written as an inverted pyramid: the lead (about the first two paragraphs)
# states the event, the rest adds background that other stories share. A word in the
# lead counts twice; the body still counts (lead-only text lost what the lead leaves out).
LEAD_WORDS = 60
LEAD_WEIGHT = 1.0

Vector = dict[str, float]

# Notices that take the place of an article on a crawled page. Only short pages are
# read as such (NON_ARTICLE_WORDS): a real article may quote any of these phrases.
NON_ARTICLE = re.compile(
    r"""\b(?:
      crawl\ data | this\ crawl | these\ crawls | web\ crawl | wayback\ machine | archive-it
    | tweet\ with\ a\ location | location\ information\ to\ your\ tweets
    | add\ a\ location\ to\ your\ tweets
    | enable\ javascript | javascript\ is\ (?:disabled|turned\ off) | enable\ cookies
    | video\ (?:is\ )?(?:unavailable|not\ available) | video\ has\ been\ removed
    | rating\ is\ available\ when\ the\ video | interactive\ transcript\ could\ not
    | (?:page|article)\ you\ (?:have\ been\ |are\ )?looking\ for\ (?:has\ expired
        | (?:was|could)\ not\ (?:be\ )?found | is\ no\ longer\ available)
    | 404\ not\ found | page\ not\ found
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
NON_ARTICLE_WORDS = 150

# Capitalised words in a row, allowing inner particles ("Bashar al-Assad", "Bank of
# England"); a single capitalised word at a sentence start is not a name on its own.
_CAP = r"(?:[A-Z][\w'’-]*[a-zA-Z]|(?:al|el|bin|ibn|van|von|de|da|di|le|la)-[A-Z][\w'’-]*)"
_NAME = re.compile(rf"(?<![\w.-]){_CAP}(?:\s+(?:(?:of|the|de|al|bin|van|von)\s+)?{_CAP})*")
_SENTENCE_ENDS = frozenset('.!?"“\n')


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (only whitespace back to an end mark)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def named_things(text: str) -> list[str]:
    """Capitalised phrases, lower-cased and joined: ``"@bashar_al-assad"``."""
    found = []
    for match in _NAME.finditer(text):
        parts = match.group().split()
        at_start = _starts_sentence(text, match.start())
        while parts and parts[0].lower() in STOP_WORDS:  # "The Bank of England"
            parts.pop(0)
            at_start = False
        if not parts or (len(parts) == 1 and at_start):
            continue
        found.append("@" + "_".join(p.lower() for p in parts))
    return found


def article_terms(article: Article, tokens: Tokens | None = None) -> dict[str, float]:
    """Weighted term counts: body terms (those of the lead counted again), title terms
    and named things."""
    title_words, body_words = tokens or tokenize(article)
    counts: dict[str, float] = dict(Counter(terms_of_words(body_words)))
    for term in terms_of_words(body_words[:LEAD_WORDS]):
        counts[term] += LEAD_WEIGHT
    for term in terms_of_words(title_words):
        counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT
    for name in named_things(f"{article.title}\n{article.text}"):
        counts[name] = counts.get(name, 0.0) + NAME_WEIGHT
    return counts


Tokens = tuple[list[str], list[str]]  # words of the title, words of the body


def tokenize(article: Article) -> Tokens:
    """Split once; dedupe and clustering both read the words. A headline-only article's
    text is its title: its words are counted once, as a title."""
    if is_headline_only(article):
        return words(article.title), []
    return words(article.title), words(article.text)


def is_non_article(article: Article, tokens: Tokens | None = None) -> bool:
    """A short page that is a crawler, widget, script-wall or missing-page notice."""
    body_words = (tokens or tokenize(article))[1]
    return len(body_words) <= NON_ARTICLE_WORDS and NON_ARTICLE.search(article.text) is not None


def _top(vector: Vector, k: int) -> Vector:
    if len(vector) <= k:
        return vector
    return dict(heapq.nlargest(k, vector.items(), key=lambda kv: kv[1]))


def _normalized(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else vector


@dataclass
class DocumentFrequencies:
    """Document frequencies learned from the stream; rare terms forgotten past a cap."""

    max_terms: int = MAX_VOCABULARY
    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        counts = self.counts
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
        if len(counts) > self.max_terms:
            # Terms seen once are the long tail; dropping them keeps the table bounded
            # and costs nothing measurable (their IDF is the maximum either way).
            self.counts = {t: n for t, n in counts.items() if n > 1}

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(term, 0) + 1)) + 1.0


@dataclass
class OpenEvent:
    id: str
    articles: list[Article]
    centroid: Vector
    norm: float
    first: dt.date | None
    last: dt.date | None
    indexed: set[str] = field(default_factory=set)

    def similarity(self, vector: Vector) -> float:
        centroid = self.centroid
        dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
        return dot / self.norm if self.norm else 0.0

    def add(self, article: Article, vector: Vector) -> None:
        self.articles.append(article)
        centroid = self.centroid
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        self.centroid = _top(centroid, CENTROID_TERMS)
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        day = article.published
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)

    def within(self, day: dt.date | None, window: dt.timedelta) -> bool:
        """Whether an article of ``day`` can still belong to this event."""
        if day is None or self.first is None or self.last is None:
            return True
        return self.first - window <= day <= self.last + window


def event_id(articles: Iterable[Article]) -> str:
    digest = hashlib.sha1("\x00".join(a.id for a in articles).encode(), usedforsecurity=False)
    return "e-" + digest.hexdigest()[:12]


@dataclass
class EventClusterer:
    """Feed articles in stream order with ``add``; closed events come out of ``add`` and
    ``close_all`` as Clusters."""

    window_days: int = WINDOW_DAYS
    threshold: float = THRESHOLD
    max_open: int = MAX_OPEN
    deduplicate: bool = True
    frequencies: DocumentFrequencies = field(default_factory=DocumentFrequencies)
    _open: OrderedDict[str, OpenEvent] = field(default_factory=OrderedDict)  # LRU order
    _index: dict[str, set[str]] = field(default_factory=dict)
    _event_of: dict[str, str] = field(default_factory=dict)  # article id -> open event id
    _dedup: Deduplicator | None = None  # made on first use: needs the 'stream' extra
    _clock: dt.date | None = None
    _serial: int = 0

    @property
    def window(self) -> dt.timedelta:
        return dt.timedelta(days=self.window_days)

    @property
    def open_events(self) -> int:
        return len(self._open)

    def vector(self, article: Article, tokens: Tokens | None = None) -> Vector:
        counts = article_terms(article, tokens)
        self.frequencies.add(counts)
        idf = self.frequencies.idf
        weights = {t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items() if c > 0}
        return _normalized(_top(weights, ARTICLE_TERMS))

    def add(self, article: Article) -> list[Cluster]:
        """Place one article; returns the events that closed because time moved on."""
        tokens = tokenize(article)
        if is_non_article(article, tokens):
            # Alone, with an empty centroid: nothing joins it, and it is not folded as a
            # copy (identical notices on many pages are not one syndicated story).
            vector: Vector = {}
            best = None
        else:
            if self.deduplicate and self._fold_copy(article, tokens):
                return []
            vector = self.vector(article, tokens)
            best = self._best_event(vector, article.published)
        day = article.published
        if best is None:
            self._serial += 1
            best = OpenEvent(f"open-{self._serial}", [], {}, 0.0, None, None)
            self._open[best.id] = best
        best.add(article, vector)
        self._open.move_to_end(best.id)
        self._event_of[article.id] = best.id
        self._index_event(best)
        closed = []
        if day is not None and (self._clock is None or day > self._clock):
            self._clock = day
            closed = self._close_stale()
        while len(self._open) > self.max_open:
            closed.append(self._close(next(iter(self._open))))
        return closed

    def _best_event(self, vector: Vector, day: dt.date | None) -> OpenEvent | None:
        best, best_score = None, self.threshold
        for event in self._candidates(vector, day):
            score = event.similarity(vector)
            if score >= best_score:
                best, best_score = event, score
        return best

    def close_all(self) -> list[Cluster]:
        return [self._close(key) for key in list(self._open)]

    def _fold_copy(self, article: Article, tokens: Tokens) -> bool:
        """Fold a near-copy of an article of an open event into it; True when folded."""
        if self._dedup is None:
            self._dedup = Deduplicator()
        title_words, body_words = tokens
        original = self._dedup.original_of_words(article.id, title_words + body_words)
        event_key = self._event_of.get(original) if original else None
        if event_key is None:
            return False  # new, or a copy of an article whose event already closed
        event = self._open[event_key]
        for i, member in enumerate(event.articles):
            if member.id == original:
                event.articles[i] = fold(member, article)
        return True

    def _candidates(self, vector: Vector, day: dt.date | None) -> list[OpenEvent]:
        keys: set[str] = set()
        for term in heapq.nlargest(QUERY_TERMS, vector, key=vector.__getitem__):
            keys.update(self._index.get(term, ()))
        events = (self._open[k] for k in keys)
        return [e for e in events if e.within(day, self.window)]

    def _index_event(self, event: OpenEvent) -> None:
        for term in heapq.nlargest(INDEX_TERMS, event.centroid, key=event.centroid.__getitem__):
            if term not in event.indexed:
                event.indexed.add(term)
                self._index.setdefault(term, set()).add(event.id)

    def _close_stale(self) -> list[Cluster]:
        assert self._clock is not None
        horizon = self._clock - self.window
        stale = [k for k, e in self._open.items() if e.last is not None and e.last < horizon]
        return [self._close(k) for k in stale]

    def _close(self, key: str) -> Cluster:
        event = self._open.pop(key)
        for term in event.indexed:
            members = self._index.get(term)
            if members is not None:
                members.discard(key)
                if not members:
                    del self._index[term]
        for article in event.articles:
            self._event_of.pop(article.id, None)
        return Cluster(event_id(event.articles), tuple(event.articles))


def cluster_stream(
    articles: Iterable[Article],
    window_days: int = WINDOW_DAYS,
    threshold: float = THRESHOLD,
    deduplicate: bool = True,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Cluster]:
    """Events of an article stream, each yielded as soon as it closes."""
    clusterer = EventClusterer(window_days, threshold, deduplicate=deduplicate)
    for article in articles:
        yield from clusterer.add(article)
        if progress:
            progress(1)
    yield from clusterer.close_all()


def cluster_articles(
    articles: Iterable[Article],
    window_days: int = WINDOW_DAYS,
    threshold: float = THRESHOLD,
    deduplicate: bool = True,
) -> list[Cluster]:
    """All events of a batch of articles, largest first."""
    clusters = list(cluster_stream(articles, window_days, threshold, deduplicate))
    return sorted(clusters, key=lambda c: -len(c.articles))
