"""Wording shared by the Markdown and HTML renderers."""

from __future__ import annotations

from newsweave.model import Brief, Source, SummarySentence


def brief_title(brief: Brief) -> str:
    if brief.headline:
        return brief.headline
    if brief.summary:
        first = brief.summary[0].article_id
        for src in brief.sources:
            if src.article_id == first and src.title:
                return src.title
    return brief.sources[0].title if brief.sources else brief.cluster_id


def markers(brief: Brief, sentence: SummarySentence) -> list[int]:
    return sorted(brief.source_number(a) for a in sentence.support or (sentence.article_id,))


def outlets(brief: Brief) -> int:
    keys = {(s.source or "").lower() or s.article_id for s in brief.sources}
    return len(keys)


def source_line(src: Source) -> list[str]:
    """Outlet, date and origin of a source, whichever are known."""
    parts = []
    if src.source:
        parts.append(src.source)
    if src.published:
        parts.append(src.published.isoformat())
    return parts


def byline(brief: Brief) -> str:
    n = len(brief.sources)
    m = outlets(brief)
    articles = f"{n} article" + ("s" if n != 1 else "")
    summarizer = f" · summarizer {brief.summarizer}" if brief.summarizer else ""
    budget = f" · budget {brief.budget_words} words" if brief.budget_words else ""
    return f"Brief of {articles} from {m} source" + ("s" if m != 1 else "") + summarizer + budget


def support_note(sentence: SummarySentence) -> str:
    n = sentence.independent_sources
    return "single source" if n <= 1 else f"{n} independent sources"
