"""Markdown: the brief with numbered source markers, then the numbered sources list."""

from __future__ import annotations

from newsweave.model import Brief
from newsweave.render._common import brief_title, byline, markers, source_line, support_note


def _escape(text: str) -> str:
    """Keep article text literal: brackets and asterisks would otherwise become markup."""
    for ch in ("\\", "[", "]", "*", "_", "`", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(brief: Brief, explain: bool = False) -> str:
    lines = [f"# {_escape(brief_title(brief))}", "", f"_{byline(brief)}_", ""]
    for warning in brief.warnings:
        lines += [f"> **Note:** {_escape(warning)}", ""]
    for sentence in brief.summary:
        refs = "".join(f"[{n}]" for n in markers(brief, sentence))
        note = " _(single source)_" if sentence.single_source and len(brief.sources) > 1 else ""
        lines.append(f"{_escape(sentence.text)} {refs}{note}")
        lines.append("")
    lines.append("## Sources")
    lines.append("")
    for src in brief.sources:
        details = source_line(src)
        where = f" — `{src.origin}`" if src.origin else ""
        link = f" <{src.url}>" if src.url else ""
        meta = f" — {', '.join(details)}" if details else ""
        lines.append(f"{src.number}. **{_escape(src.title)}**{meta}{link}{where}")
    if explain:
        lines += ["", "## Why these sentences", ""]
        for i, sentence in enumerate(brief.summary, 1):
            nums = ", ".join(str(n) for n in markers(brief, sentence))
            lines.append(
                f"{i}. score {sentence.score:.3f}; sources {nums} ({support_note(sentence)}); "
                f"details: `{sentence.explain}`"
            )
        lines += ["", "## Removed boilerplate", ""]
        for article in brief.articles:
            if not article.removed:
                continue
            number = brief.source_number(article.id)
            for removed in article.removed:
                text = removed.text if len(removed.text) <= 100 else removed.text[:97] + "..."
                text = text.replace("`", "'")
                lines.append(f"- [{number}] {removed.reason}: `{text}`")
    return "\n".join(lines).rstrip() + "\n"
