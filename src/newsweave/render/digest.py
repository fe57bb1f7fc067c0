"""Render a digest: events grouped by day, each with its headline, brief and sources."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from html import escape
from itertools import groupby

from newsweave.errors import ConfigError
from newsweave.model import DigestEvent
from newsweave.render._common import markers
from newsweave.render.html import STYLE
from newsweave.render.markdown import _escape


def by_day(events: Sequence[DigestEvent]) -> list[tuple[dt.date | None, list[DigestEvent]]]:
    """Events grouped under their day, in the order given (undated ones last)."""
    ordered = sorted(events, key=lambda e: (e.day is None, -(e.day.toordinal() if e.day else 0)))
    return [(day, list(group)) for day, group in groupby(ordered, key=lambda e: e.day)]


FORMATS = ("markdown", "html", "json")


def _day_label(day: dt.date | None) -> str:
    return day.strftime("%A %d %B %Y") if day else "Undated"


def _event_meta(event: DigestEvent) -> str:
    parts = [
        f"{event.independent_sources} independent source"
        + ("s" if event.independent_sources != 1 else ""),
        f"{event.articles} article" + ("s" if event.articles != 1 else ""),
    ]
    if event.copies:
        parts.append(f"{event.copies} syndicated cop" + ("ies" if event.copies != 1 else "y"))
    return " · ".join(parts)


def digest_markdown(events: Sequence[DigestEvent]) -> str:
    lines = ["# News digest", ""]
    rank = 0
    for day, group in by_day(events):
        lines += [f"## {_day_label(day)}", ""]
        for event in group:
            rank += 1
            brief = event.brief
            lines += [f"### {rank}. {_escape(brief.headline)}", "", f"_{_event_meta(event)}_", ""]
            for sentence in brief.summary:
                refs = "".join(f"[{n}]" for n in markers(brief, sentence))
                lines.append(f"{_escape(sentence.text)} {refs}")
                lines.append("")
            lines.append("Sources:")
            lines.append("")
            for src in brief.sources:
                article = brief.article(src.article_id)
                outlet = f" — {_escape(src.source)}" if src.source else ""
                link = f" <{src.url}>" if src.url else ""
                also = (
                    f" (also published by {_escape(', '.join(article.also_published_by))})"
                    if article.also_published_by
                    else ""
                )
                lines.append(f"{src.number}. {_escape(src.title)}{outlet}{link}{also}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def digest_html(events: Sequence[DigestEvent]) -> str:
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        '<meta name=viewport content="width=device-width,initial-scale=1">',
        f"<title>News digest</title><style>{STYLE}</style></head><body><main>",
        "<h1>News digest</h1>",
    ]
    rank = 0
    for day, group in by_day(events):
        out.append(f"<h2>{escape(_day_label(day))}</h2>")
        for event in group:
            rank += 1
            brief = event.brief
            out.append('<article class="brief event">')
            out.append(f"<h1>{rank}. {escape(brief.headline)}</h1>")
            out.append(f'<p class="meta">{escape(_event_meta(event))}</p>')
            for sentence in brief.summary:
                refs = "".join(f"<sup>[{n}]</sup>" for n in markers(brief, sentence))
                out.append(f'<p class="s">{escape(sentence.text)}{refs}</p>')
            out.append('<ol class="sources">')
            for src in brief.sources:
                article = brief.article(src.article_id)
                title = escape(src.title)
                if src.url:
                    title = f'<a href="{escape(src.url, quote=True)}">{title}</a>'
                outlet = f" — {escape(src.source)}" if src.source else ""
                also = (
                    f' <span class="origin">also published by '
                    f"{escape(', '.join(article.also_published_by))}</span>"
                    if article.also_published_by
                    else ""
                )
                out.append(f"<li>{title}{outlet}{also}</li>")
            out.append("</ol></article>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def digest_json(events: Sequence[DigestEvent]) -> str:
    days = [
        {"day": day.isoformat() if day else None, "events": [e.to_dict() for e in group]}
        for day, group in by_day(events)
    ]
    return json.dumps({"days": days}, ensure_ascii=False, indent=2) + "\n"


def render_digest(events: Sequence[DigestEvent], fmt: str = "markdown") -> str:
    if fmt == "markdown":
        return digest_markdown(events)
    if fmt == "html":
        return digest_html(events)
    if fmt == "json":
        return digest_json(events)
    raise ConfigError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
