"""Markdown: the brief with numbered source markers, then the numbered sources list."""

from __future__ import annotations

from newsweave.model import Brief
from newsweave.render._common import (
    SHOWN,
    assumed_notes,
    byline,
    explain_lines,
    figure_clause,
    filtered_summary,
    markers,
    more_note,
    news_claims,
    numbers_of,
    readings,
    single_source,
    source_line,
    timeline_date,
    top_timeline,
)


def _escape(text: str) -> str:
    """Keep article text literal: brackets and asterisks would otherwise become markup."""
    for ch in ("\\", "[", "]", "*", "_", "`", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def _refs(brief: Brief, article_ids: tuple[str, ...]) -> str:
    refs = "".join(f"[{n}]" for n in numbers_of(brief, article_ids))
    return refs + (" _(single source)_" if single_source(brief, article_ids) else "")


def _more(total: int, shown: int) -> list[str]:
    note = more_note(total, shown)
    return [f"- _{note}_"] if note else []


def _analysis(brief: Brief) -> list[str]:
    """The cross-source sections: quotes, disagreements, figures, timeline, people."""
    lines: list[str] = []
    if brief.quotes:
        lines += ["## Who said what", ""]
        for quote in brief.quotes[: SHOWN["quotes"]]:
            role = f" ({_escape(quote.role)})" if quote.role else ""
            lines.append(
                f"- “{_escape(quote.text)}” — **{_escape(quote.speaker)}**{role} "
                f"{_refs(brief, quote.sources)}"
            )
        lines += [*_more(len(brief.quotes), SHOWN["quotes"]), ""]
    if brief.disagreements:
        lines += ["## Where the sources disagree", ""]
        for claim in brief.disagreements:
            sides = [
                ", ".join(
                    f"{_escape(v.text)} {''.join(f'[{n}]' for n in numbers_of(brief, v.sources))}"
                    for v in reading
                )
                for reading in readings(claim)
            ]
            lines.append(f"- **{_escape(claim.subject)}**: " + " **vs** ".join(sides))
        lines.append("")
    figures = news_claims(brief)
    if figures:
        lines += ["## Figures", ""]
        for claim in figures[: SHOWN["claims"]]:
            subject = figure_clause(claim, _escape, lambda values: f"**{values}**")
            lines.append(f"- {subject} {_refs(brief, claim.sources)}")
        lines += [*_more(len(figures), SHOWN["claims"]), ""]
    if brief.timeline:
        lines += ["## Timeline", ""]
        entries = top_timeline(brief)
        for entry, note in zip(entries, assumed_notes(entries), strict=True):
            assumed = f" _({_escape(note)})_" if note else ""
            lines.append(
                f"- **{timeline_date(entry)}** ({_escape(entry.expression)}) — "
                f"{_escape(entry.text)} {_refs(brief, entry.sources)}{assumed}"
            )
        lines += [*_more(len(brief.timeline), len(entries)), ""]
    if brief.people:
        lines += ["## People and organisations", ""]
        for person in brief.people[: SHOWN["people"]]:
            roles = f" — {_escape('; '.join(person.roles))}" if person.roles else ""
            kind = " (organisation)" if person.kind == "organisation" else ""
            quoted = (
                f"; quoted by {''.join(f'[{n}]' for n in numbers_of(brief, person.quoted_by))}"
                if person.quoted_by
                else ""
            )
            articles = f"{person.mentions} article" + ("s" if person.mentions != 1 else "")
            lines.append(f"- **{_escape(person.name)}**{kind}{roles} — in {articles}{quoted}")
        lines += [*_more(len(brief.people), SHOWN["people"]), ""]
    return lines


def render_markdown(brief: Brief, explain: bool = False) -> str:
    lines = [f"# {_escape(brief.title)}", "", f"_{byline(brief)}_", ""]
    for warning in brief.warnings:
        lines += [f"> **Note:** {_escape(warning)}", ""]
    for sentence in brief.summary:
        refs = "".join(f"[{n}]" for n in markers(brief, sentence))
        note = " _(single source)_" if sentence.single_source and len(brief.sources) > 1 else ""
        lines.append(f"{_escape(sentence.text)} {refs}{note}")
        lines.append("")
    lines += _analysis(brief)
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
            first, *rest = explain_lines(brief, sentence)
            lines.append(f"{i}. {_escape(first)}")
            lines += [f"   - {_escape(line)}" for line in rest]
        filtered = filtered_summary(brief)
        if filtered:
            lines += ["", _escape(filtered)]
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
