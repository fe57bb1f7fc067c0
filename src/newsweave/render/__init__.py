"""Render briefs for people (Markdown, HTML) and programs (JSON)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.errors import ConfigError
from newsweave.model import Brief
from newsweave.render.html import render_html
from newsweave.render.json import render_json
from newsweave.render.markdown import render_markdown

__all__ = ["FORMATS", "render", "render_html", "render_json", "render_markdown"]

FORMATS = ("markdown", "json", "html")


def render(briefs: Sequence[Brief], fmt: str = "markdown", explain: bool = False) -> str:
    if fmt == "markdown":
        return "\n\n---\n\n".join(render_markdown(b, explain=explain) for b in briefs)
    if fmt == "json":
        return render_json(briefs)
    if fmt == "html":
        return render_html(briefs, explain=explain)
    raise ConfigError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
