"""Analyze: cross-source reading of a cluster — who said what, where the sources disagree,
when things happened, who appears.

Pure functions over a segmented cluster; rule-based and offline (no model download), so it
runs anywhere the summarizer runs and adds milliseconds, not seconds. ``analyze_cluster``
is the one entry point; the pipeline copies its result into the Brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsweave.analyze.numbers import claims as find_claims
from newsweave.analyze.people import PeopleIndex, best_roles, build_index, people_list
from newsweave.analyze.quotes import (
    FoundQuote,
    ResolvedQuote,
    find_quotes,
    merge_quotes,
    quote_spans,
)
from newsweave.analyze.timeline import read_dates
from newsweave.analyze.timeline import timeline as find_timeline
from newsweave.analyze.written_on import references
from newsweave.dedupe import independent_sources, outlet_key
from newsweave.model import Article, Claim, Cluster, Person, Quote, TimelineEntry
from newsweave.segment import SegmentedCluster

__all__ = ["Analysis", "analyze_cluster", "rank_quotes", "resolve_quotes"]

# A quote of fewer words is a phrase lifted into the reporter's sentence ("sitting
# targets", "huge step"), not a statement: listed after the statements.
FRAGMENT_WORDS = 4


@dataclass(frozen=True)
class Analysis:
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    disagreements: tuple[Claim, ...]
    timeline: tuple[TimelineEntry, ...]
    people: tuple[Person, ...]


def resolve_quotes(found: list[FoundQuote], index: PeopleIndex) -> list[ResolvedQuote]:
    """Resolve each quote's speaker (surname -> full name, he/she -> last person named)."""
    out = []
    for quote in found:
        name, kind = ("", "")
        if quote.speaker is not None:
            name, kind = index.resolve(quote.speaker, quote.article_id)
        out.append(ResolvedQuote(quote, name, kind))
    return out


def rank_quotes(
    quotes: list[Quote], positions: list[float], articles: dict[str, Article], index: PeopleIndex
) -> tuple[Quote, ...]:
    """Quotes by importance, so that the ones a reader needs come before "N more":

    1. support: the independent outlets that carry the quote;
    2. breadth: each speaker's best quote before anyone's second (a round over speakers);
    3. prominence: speakers the cluster mentions in more articles first;
    4. then whole statements before fragments of fewer than four words ("sitting targets"),
       and quotes from the top of their article before those further down.
    """
    outlets = [independent_sources([articles[a] for a in q.sources]) for q in quotes]
    within: dict[str, list[int]] = {}
    for i in sorted(
        range(len(quotes)), key=lambda i: (-outlets[i], _fragment(quotes[i]), positions[i])
    ):
        within.setdefault(quotes[i].speaker, []).append(i)
    turn = {i: n for members in within.values() for n, i in enumerate(members)}

    def prominence(quote: Quote) -> int:
        entry = index.entries.get(quote.speaker)
        return len(entry.articles | set(quote.sources)) if entry is not None else len(quote.sources)

    order = sorted(
        range(len(quotes)),
        key=lambda i: (
            -outlets[i],
            turn[i],
            -prominence(quotes[i]),
            _fragment(quotes[i]),
            positions[i],
        ),
    )
    return tuple(quotes[i] for i in order)


def _fragment(quote: Quote) -> bool:
    return len(quote.text.split()) < FRAGMENT_WORDS


def analyze_cluster(
    cluster: Cluster | SegmentedCluster, reference_date: dt.date | None = None
) -> Analysis:
    """Quotes, claims, disagreements, timeline and people of one cluster."""
    doc = (
        cluster if isinstance(cluster, SegmentedCluster) else SegmentedCluster.from_cluster(cluster)
    )
    articles = doc.cluster.articles
    order = {a.id: i for i, a in enumerate(articles)}
    spans = {a.id: quote_spans(a.text) for a in articles}
    index = build_index(articles, spans)
    found = [q for a in articles for q in find_quotes(a, spans[a.id])]
    resolved = resolve_quotes(found, index)
    quotes: list[Quote] = []
    quoted_by: dict[str, set[str]] = {}
    lengths = {a.id: max(1, len(a.text)) for a in articles}
    positions: list[float] = []
    for text, speaker, members in merge_quotes(resolved, order):
        positions.append(min(m.quote.span.start / lengths[m.quote.article_id] for m in members))
        sources = tuple(dict.fromkeys(m.quote.article_id for m in members))
        kind = next((m.kind for m in members if m.speaker == speaker), "")
        entry = index.entries.get(speaker)
        roles = best_roles(entry.roles) if entry is not None else ()
        role = roles[0] if roles else ""
        variants = tuple(dict.fromkeys(m.quote.text for m in members if m.quote.text != text))
        quotes.append(
            Quote(
                text=text,
                speaker=speaker,
                role=role,
                sources=sources,
                variants=variants,
                speaker_kind=kind,
            )
        )
        quoted_by.setdefault(speaker, set()).update(sources)
    outlets = {a.id: outlet_key(a) for a in articles}
    claims, disagreements = find_claims(doc.sentences, order, outlets, spans)
    dates = read_dates(doc.sentences)  # each sentence's dates read once, for both uses
    return Analysis(
        quotes=rank_quotes(quotes, positions, doc.articles, index),
        claims=tuple(claims),
        disagreements=tuple(disagreements),
        timeline=find_timeline(
            doc.sentences,
            articles,
            references(articles, doc.sentences, reference_date, dates),
            dates,
        ),
        people=people_list(index, quoted_by),
    )
