"""Event clustering of an article stream: single pass, bounded in time and memory.

Each article becomes a sparse TF-IDF vector of its content terms, its title terms and the
named things it mentions (capitalised phrases such as "Bashar al-Assad" or "Aleppo"),
with document frequencies learned from the stream itself, and, when the ``semantic``
extra is installed, a sentence embedding of its headline and lead (``embed.py``). For
each candidate open event a join model (``cluster_join.py``, after Miranda et al. 2018)
combines the lexical and semantic similarities with how close the article's date is to
the event's newest, oldest and mean dates; the article joins the best candidate whose
join probability reaches the threshold, otherwise it opens a new event. Headline-only
and snippet articles are scored with their own weights (their similarities run lower).

An event's time is bounded twice: it takes articles within ``window_days`` of its dates,
and never spans more than ``span_days`` from its first report to its last, so a story
told again and again (a budget fight, a war) is a sequence of events, not one that chains
years. Events close as soon as stream time leaves them no article they could accept.

Pages that are not articles at all (archive crawl notices, social-media location widgets,
script walls, video players, expired pages) share no story with anything, yet identical
copies of them turn up beside many stories: each is left as an event of its own, never
joined, instead of gathering every copy into one false event.

Candidate events come from an inverted index of the open events' top terms and from the
open events nearest in meaning (one matrix product), and the number of open events is
capped, so the work per article depends on the window, never on how many articles came
before: a year of news streams through at a constant rate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import operator
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from newsweave.cluster_join import LEXICAL, SEMANTIC, SHORT_WORDS, JoinModel, features, logit_of
from newsweave.dedupe import Deduplicator, Tokens, fold, tokenize
from newsweave.embed import Encoder, StaticEncoder, get_encoder
from newsweave.model import Article, Cluster
from newsweave.tokens import STOP_WORDS, terms_of_words, word_terms

WINDOW_DAYS = 3
# An event is what was reported within a week: it stops accepting articles a week after
# its first report (and a week before its last), so a story told again and again, a
# budget fight or a war, becomes a sequence of events instead of one that chains years.
MAX_SPAN_DAYS = 7
# Join probability from which an article joins an event: ``None`` is the join model's own
# (cluster_join.py: 0.3 with the semantic signal, 0.25 on the lexical path, each the value
# whose scores hold on both held-out halves of the dated dev streams and on the whole
# streams of two generator seeds).
THRESHOLD: float | None = None
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
Dense = NDArray[np.float32]
SEMANTIC_CANDIDATES = 8  # open events nearest in meaning, compared besides those sharing terms
EMBEDDED_WORDS = 200  # the lead and the paragraphs after it (60 words: 0.002-0.005 lower F1)
CENTER_PRIOR = 100  # articles of pseudo-count towards a zero mean
MEMBER_MEANINGS = 20  # embeddings kept per event for the nearest-member similarity

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
# The lookahead on the first letter comes first: a cheap test that fails at most positions
# of running text, before the lookbehind (the same matches, a sixth faster).
_NAME = re.compile(
    rf"(?=[A-Zabdeilv])(?<![\w.-]){_CAP}(?:\s+(?:(?:of|the|de|al|bin|van|von)\s+)?{_CAP})*"
)
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
    ends = _SENTENCE_ENDS
    for match in _NAME.finditer(text):
        parts = match.group().lower().split()
        if len(parts) == 1:
            if parts[0] in STOP_WORDS:
                continue
            # Inline ``_starts_sentence`` for the common case (one space or none before).
            start = match.start()
            before = text[start - 1] if start else "\n"
            if before in ends or (before in " \t" and _starts_sentence(text, start)):
                continue
            found.append("@" + parts[0])
            continue
        # Several words: "The Bank of England" loses its article; what is left is a name
        # even at a sentence start (a lone word left after a stop word is not at one).
        while parts and parts[0] in STOP_WORDS:
            parts.pop(0)
        if parts:
            found.append("@" + "_".join(parts))
    return found


def article_terms(article: Article, tokens: Tokens | None = None) -> dict[str, float]:
    """Weighted term counts: body terms (those of the lead counted again), title terms
    and named things."""
    title_words, body_words = tokens or tokenize(article)
    # Each word's term ("" for a stop word) once; the lead's terms are the first words'.
    per_word = word_terms(body_words)
    counted = Counter(per_word)  # counted whole, "" (the stop words) dropped after
    counted.pop("", None)
    counts: dict[str, float] = dict(counted)
    for term in filter(None, per_word[:LEAD_WORDS]):
        counts[term] += LEAD_WEIGHT
    for term in terms_of_words(title_words):
        counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT
    for name in named_things(f"{article.title}\n{article.text}"):
        counts[name] = counts.get(name, 0.0) + NAME_WEIGHT
    return counts


def is_non_article(article: Article, tokens: Tokens | None = None) -> bool:
    """A short page that is a crawler, widget, script-wall or missing-page notice."""
    body_words = (tokens or tokenize(article))[1]
    return len(body_words) <= NON_ARTICLE_WORDS and NON_ARTICLE.search(article.text) is not None


_WEIGHT = operator.itemgetter(1)


def _top(vector: Vector, k: int) -> Vector:
    if len(vector) <= k:
        return vector
    # ``sorted`` with a C key, equal to ``heapq.nlargest`` (ties in insertion order) and
    # three times faster at these sizes.
    return dict(sorted(vector.items(), key=_WEIGHT, reverse=True)[:k])


def _normalized(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else vector


def _top_unit(vector: Vector, k: int) -> Vector:
    """``_normalized(_top(vector, k))`` without the intermediate dict (the same numbers:
    the norm is summed in the same order)."""
    items = sorted(vector.items(), key=_WEIGHT, reverse=True)[:k] if len(vector) > k else None
    if items is None:
        return _normalized(vector)
    norm = math.sqrt(sum(v * v for _, v in items))
    return {t: v / norm for t, v in items} if norm else dict(items)


_LOGS = [0.0, *(math.log(n) for n in range(1, 4096))]  # math.log(n), looked up
# A count's sublinear term frequency, 1 + log(count), looked up by the count (a float count
# finds its integer: 3.0 == 3 and they hash alike).
_TF: dict[float, float] = {n: 1.0 + _LOGS[n] for n in range(1, len(_LOGS))}


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

    def add_and_weigh(self, counts: dict[str, float]) -> Vector:
        """``add(counts)`` then ``weights(counts)``, in one pass over the terms (the
        stream's hot loop); the same numbers, since a term's new count is what
        ``weights`` would read back."""
        self.documents += 1
        known = self.counts
        documents = math.log(self.documents + 1) + 1.0
        logs, size, tf_of = _LOGS, len(_LOGS), _TF.get
        out = {}
        for term, count in counts.items():
            seen = known.get(term, 0) + 1
            known[term] = seen
            if count > 0:
                df = seen + 1
                idf = documents - (logs[df] if df < size else math.log(df))
                tf = tf_of(count) or 1.0 + math.log(count)
                out[term] = tf * idf
        if len(known) > self.max_terms:
            # The table is pruned (as ``add`` does) and read again: the article's own
            # terms seen once are gone from it now.
            self.counts = {t: n for t, n in known.items() if n > 1}
            return self.weights(counts)
        return out

    def weights(self, counts: dict[str, float]) -> Vector:
        """Sublinear TF-IDF of term counts: (1 + log tf) * idf, as ``idf`` computes it,
        with the logarithms of small numbers looked up (the stream's hot loop)."""
        documents = math.log(self.documents + 1) + 1.0
        known = self.counts
        logs = _LOGS
        out = {}
        for term, count in counts.items():
            if count > 0:
                df = known.get(term, 0) + 1
                idf = documents - (logs[df] if df < len(logs) else math.log(df))
                tf = 1.0 + (
                    logs[int(count)] if count == int(count) < len(logs) else math.log(count)
                )
                out[term] = tf * idf
        return out


@dataclass
class OpenEvent:
    id: str
    articles: list[Article]
    centroid: Vector
    norm: float
    first: dt.date | None
    last: dt.date | None
    indexed: set[str] = field(default_factory=set)
    dated: int = 0  # dated articles, and the sum of their day ordinals (for the mean day)
    day_sum: int = 0
    meaning: Dense | None = None  # sum of the articles' unit embeddings
    members: list[Dense] = field(default_factory=list)  # each article's embedding
    language: str = ""  # the first detected language of its articles ("" while unknown)

    def similarity(self, vector: Vector) -> float:
        centroid = self.centroid
        # The shared terms first (a set intersection runs in C): most candidate events
        # share a handful of an article's 80 terms. fsum is exact, so the hash order the
        # intersection comes in never changes a score (runs are identical across processes).
        dot = math.fsum(vector[t] * centroid[t] for t in vector.keys() & centroid.keys())
        return dot / self.norm if self.norm else 0.0

    def add(self, article: Article, vector: Vector, meaning: Dense | None = None) -> None:
        self.articles.append(article)
        centroid = self.centroid
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        self.centroid = _top(centroid, CENTROID_TERMS)
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        self.language = self.language or article.language
        if meaning is not None:
            self.meaning = meaning.copy() if self.meaning is None else self.meaning + meaning
            if len(self.members) < MEMBER_MEANINGS:
                self.members.append(meaning)
        day = article.published
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
            self.dated += 1
            self.day_sum += day.toordinal()

    def nearest_member(self, meaning: Dense) -> float:
        """The highest embedding cosine with one of the event's articles: a broad event
        is joined through the report it is closest to."""
        return max((float(m @ meaning) for m in self.members), default=0.0)

    def within(self, day: dt.date | None, window: dt.timedelta, span: dt.timedelta) -> bool:
        """Whether an article of ``day`` can still belong to this event: within the window
        of its dates, and the event no longer than ``span`` from first to last report (so
        one event never chains a story told again and again over months)."""
        if day is None or self.first is None or self.last is None:
            return True
        return (
            self.first - window <= day <= self.last + window
            and day - self.first <= span
            and self.last - day <= span
        )

    def accepts_after(self, clock: dt.date, window: dt.timedelta, span: dt.timedelta) -> bool:
        """Whether an article of ``clock`` or later could still join (else it can close)."""
        if self.first is None or self.last is None:
            return True
        return clock <= min(self.last + window, self.first + span)

    def mean_day(self) -> float | None:
        return self.day_sum / self.dated if self.dated else None


class _Meanings:
    """The open events' mean embeddings as rows of one matrix, so an article is compared
    with every open event in one product (candidates that share no term: paraphrase)."""

    def __init__(self, dimensions: int) -> None:
        self.rows = np.zeros((64, dimensions), dtype=np.float32)
        self.keys: list[str | None] = [None] * 64
        self.slot: dict[str, int] = {}
        self.free: list[int] = list(range(63, -1, -1))

    def put(self, key: str, meaning: Dense) -> None:
        if key not in self.slot:
            if not self.free:
                grown = len(self.keys)
                self.rows = np.vstack([self.rows, np.zeros_like(self.rows)])
                self.keys += [None] * grown
                self.free = list(range(2 * grown - 1, grown - 1, -1))
            self.slot[key] = self.free.pop()
            self.keys[self.slot[key]] = key
        norm = float(np.linalg.norm(meaning))
        self.rows[self.slot[key]] = meaning / norm if norm else 0.0

    def drop(self, key: str) -> None:
        slot = self.slot.pop(key, None)
        if slot is not None:
            self.rows[slot] = 0.0
            self.keys[slot] = None
            self.free.append(slot)

    def nearest(self, query: Dense, k: int) -> list[tuple[str, float]]:
        """The ``k`` open events with the most similar meaning, with their cosine."""
        if not self.slot:
            return []
        sims = self.rows @ query
        k = min(k, len(self.slot))
        top = np.argpartition(-sims, k - 1)[:k]
        found = []
        for slot in top:
            key = self.keys[int(slot)]
            if key is not None:
                found.append((key, float(sims[slot])))
        return found

    def similarity(self, key: str, query: Dense) -> float:
        slot = self.slot.get(key)
        return float(self.rows[slot] @ query) if slot is not None else 0.0


def event_id(articles: Iterable[Article]) -> str:
    digest = hashlib.sha1("\x00".join(a.id for a in articles).encode(), usedforsecurity=False)
    return "e-" + digest.hexdigest()[:12]


_AUTO: Any = object()  # the encoder argument's default: the packaged one, if installed


@dataclass
class EventClusterer:
    """Feed articles in stream order with ``add``; closed events come out of ``add`` and
    ``close_all`` as Clusters.

    ``threshold`` is the probability (of the join model) from which an article joins its
    best candidate event; ``None``, the model's own. ``encoder`` adds the semantic
    similarity: by default the packaged one (``embed.get_encoder()``), ``None`` for the
    lexical path alone.
    """

    window_days: int = WINDOW_DAYS
    threshold: float | None = THRESHOLD
    max_open: int = MAX_OPEN
    deduplicate: bool = True
    frequencies: DocumentFrequencies = field(default_factory=DocumentFrequencies)
    encoder: Encoder | None = _AUTO
    span_days: int = MAX_SPAN_DAYS
    model: JoinModel | None = None  # default: the fitted model for the signals at hand
    _open: OrderedDict[str, OpenEvent] = field(default_factory=OrderedDict)  # LRU order
    _index: dict[str, set[str]] = field(default_factory=dict)
    _event_of: dict[str, str] = field(default_factory=dict)  # article id -> open event id
    _dedup: Deduplicator | None = None  # made on first use: needs the 'stream' extra
    _meanings: _Meanings | None = None
    _clock: dt.date | None = None
    _serial: int = 0
    _mean_sum: Dense | None = None
    _mean_count: int = 0

    def __post_init__(self) -> None:
        if self.encoder is _AUTO:
            self.encoder = get_encoder()
        if self.model is None:
            self.model = SEMANTIC if self.encoder is not None else LEXICAL
        if self.threshold is None:
            self.threshold = self.model.threshold
        if self.encoder is not None:
            self._meanings = _Meanings(self.encoder.dimensions)
        self._join_logit = logit_of(self.threshold)

    @property
    def window(self) -> dt.timedelta:
        return dt.timedelta(days=self.window_days)

    @property
    def span(self) -> dt.timedelta:
        return dt.timedelta(days=self.span_days)

    @property
    def open_events(self) -> int:
        return len(self._open)

    def vector(self, article: Article, tokens: Tokens | None = None) -> Vector:
        counts = article_terms(article, tokens)
        return _top_unit(self.frequencies.add_and_weigh(counts), ARTICLE_TERMS)

    def meaning(self, article: Article, tokens: Tokens) -> Dense | None:
        """The article's embedding: its headline and lead, which state the event."""
        if self.encoder is None:
            return None
        title_words, body_words = tokens
        lead = [*title_words, *body_words[:EMBEDDED_WORDS]]
        vector: Dense
        if isinstance(self.encoder, StaticEncoder):
            vector = self.encoder.encode_words(lead)  # no text built only to be split again
        else:
            vector = self.encoder.encode([" ".join(lead)])[0]
        # Averaged word vectors share a common direction (what all news is about);
        # removing the stream's mean embedding leaves what tells stories apart
        # (Arora et al. 2017, common component removal). The mean is shrunk towards
        # zero over the first CENTER_PRIOR articles: in a handful of articles on one
        # story the mean is that story, and removing it would pull them apart.
        if self._mean_sum is None:
            self._mean_sum = np.zeros_like(vector)
        self._mean_sum += vector
        self._mean_count += 1
        shrunk = np.float32(self._mean_count + CENTER_PRIOR)
        centered: Dense = vector - self._mean_sum / shrunk
        norm = np.float32(np.linalg.norm(centered))
        if norm:
            vector = (centered / norm).astype(np.float32)
        return vector

    def add(self, article: Article) -> list[Cluster]:
        """Place one article; returns the events that closed because time moved on."""
        tokens = tokenize(article)
        vector: Vector = {}
        meaning: Dense | None = None
        if is_non_article(article, tokens):
            # Alone, with an empty centroid and no embedding: it is never indexed, so
            # nothing joins it; nor is it folded as a copy (identical notices on many
            # pages are not one syndicated story).
            best = None
        else:
            if self.deduplicate and self._fold_copy(article, tokens):
                return []
            vector = self.vector(article, tokens)
            meaning = self.meaning(article, tokens)
            best = self.choose(article, self.scored(article, tokens, vector, meaning))
        day = article.published
        if best is None:
            self._serial += 1
            best = OpenEvent(f"open-{self._serial}", [], {}, 0.0, None, None)
            self._open[best.id] = best
        best.add(article, vector, meaning)
        self._open.move_to_end(best.id)
        self._event_of[article.id] = best.id
        self._index_event(best)
        if self._meanings is not None and best.meaning is not None:
            self._meanings.put(best.id, best.meaning)
        closed = []
        if day is not None and (self._clock is None or day > self._clock):
            self._clock = day
            closed = self._close_stale()
        while len(self._open) > self.max_open:
            closed.append(self._close(next(iter(self._open))))
        return closed

    def scored(
        self, article: Article, tokens: Tokens, vector: Vector, meaning: Dense | None
    ) -> list[tuple[OpenEvent, tuple[float, ...]]]:
        """The candidate events the article could join, each with its feature vector."""
        day = article.published
        short = len(tokens[1]) < SHORT_WORDS
        semantic: dict[str, float] = {}
        if short and meaning is not None and self._meanings is not None:
            # A headline or snippet has few terms to look events up by: the events
            # nearest in meaning are candidates too. A full article's terms find its
            # event (all but 4 % of them on the dev streams), so it skips the search.
            semantic = dict(self._meanings.nearest(meaning, SEMANTIC_CANDIDATES))
        # Sorted: a set of strings iterates in hash order, which differs between
        # processes, and ties (and the oracle of the fit) must not depend on it.
        keys = sorted(self._lexical_candidates(vector) | semantic.keys())
        window, span = self.window, self.span
        ordinal = day.toordinal() if day else None
        out = []
        for key in keys:
            event = self._open[key]
            if not event.within(day, window, span):
                continue
            if article.language and event.language and article.language != event.language:
                # Never mixed silently: the representations are English (stop words, the
                # static embeddings), so two languages share names and numbers only.
                continue
            if meaning is not None and key not in semantic and self._meanings is not None:
                semantic[key] = self._meanings.similarity(key, meaning)
            first = event.first.toordinal() if event.first else None
            last = event.last.toordinal() if event.last else None
            pair = features(
                event.similarity(vector),
                semantic.get(key, 0.0),
                event.nearest_member(meaning) if meaning is not None else 0.0,
                len(event.articles),
                short,
                ordinal,
                first,
                last,
                event.mean_day(),
            )
            out.append((event, pair))
        return out

    def choose(
        self, article: Article, scored: list[tuple[OpenEvent, tuple[float, ...]]]
    ) -> OpenEvent | None:
        """The event with the highest join score, if it reaches the threshold."""
        assert self.model is not None
        best, best_score = None, self._join_logit
        for event, pair in scored:
            score = self.model.logit(pair)
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

    def _lexical_candidates(self, vector: Vector) -> set[str]:
        keys: set[str] = set()
        for term in sorted(vector, key=vector.__getitem__, reverse=True)[:QUERY_TERMS]:
            keys.update(self._index.get(term, ()))
        return keys

    def _index_event(self, event: OpenEvent) -> None:
        centroid = event.centroid
        for term in sorted(centroid, key=centroid.__getitem__, reverse=True)[:INDEX_TERMS]:
            if term not in event.indexed:
                event.indexed.add(term)
                self._index.setdefault(term, set()).add(event.id)

    def _close_stale(self) -> list[Cluster]:
        assert self._clock is not None
        clock, window, span = self._clock, self.window, self.span
        stale = [k for k, e in self._open.items() if not e.accepts_after(clock, window, span)]
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
        if self._meanings is not None:
            self._meanings.drop(key)
        return Cluster(event_id(event.articles), tuple(event.articles))


def cluster_stream(
    articles: Iterable[Article],
    window_days: int = WINDOW_DAYS,
    threshold: float | None = THRESHOLD,
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
    threshold: float | None = THRESHOLD,
    deduplicate: bool = True,
) -> list[Cluster]:
    """All events of a batch of articles, largest first."""
    clusters = list(cluster_stream(articles, window_days, threshold, deduplicate))
    return sorted(clusters, key=lambda c: -len(c.articles))
