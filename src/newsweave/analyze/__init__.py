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
from newsweave.analyze.timeline import timeline as find_timeline
from newsweave.model import Claim, Cluster, Person, Quote, TimelineEntry
from newsweave.segment import SegmentedCluster

__all__ = ["Analysis", "analyze_cluster", "resolve_quotes"]


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
    for text, speaker, members in merge_quotes(resolved, order):
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
    claims, disagreements = find_claims(doc.sentences, order)
    return Analysis(
        quotes=tuple(quotes),
        claims=tuple(claims),
        disagreements=tuple(disagreements),
        timeline=find_timeline(doc.sentences, articles, reference_date),
        people=people_list(index, quoted_by),
    )
