"""HTML: one self-contained page; every piece of article text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

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

STYLE = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;
color:#1d232b}main{max-width:46rem;margin:0 auto;padding:1.5rem}article.brief{background:#fff;
border-radius:10px;padding:1.5rem 1.75rem;margin-bottom:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .25rem}.meta{color:#5b6470;font-size:.9rem}
p.s{margin:.8rem 0}sup a{text-decoration:none;color:#1558b0;font-size:.75rem;margin-left:1px}
.single{color:#9a5b00;font-size:.8rem;margin-left:.3rem}ol.sources li{margin:.35rem 0}
.note{background:#fff6e0;padding:.5rem .75rem;border-radius:6px}
.origin{color:#5b6470;font-size:.85rem}code{font-size:.85rem}details{margin-top:1rem}
ul.analysis li{margin:.45rem 0}blockquote{margin:0;display:inline}.who{font-weight:600}
.role,.assumed{color:#5b6470;font-size:.85rem}.vs{font-weight:600;margin:0 .4rem;color:#9a5b00}
time{font-weight:600;font-variant-numeric:tabular-nums;margin-right:.4rem}
@media (max-width:600px){main{padding:.5rem}article.brief{padding:1rem}}
"""


def _refs(brief: Brief, article_ids: tuple[str, ...], anchor: str, mark: bool = True) -> str:
    refs = "".join(
        f'<sup><a href="#{anchor}{n}">[{n}]</a></sup>' for n in numbers_of(brief, article_ids)
    )
    if mark and single_source(brief, article_ids):
        refs += '<span class="single">single source</span>'
    return refs


def _section(title: str, items: list[str], total: int, shown: int) -> list[str]:
    note = more_note(total, shown)
    if note:
        items.append(f'<li class="role">{escape(note)}</li>')
    return [f"<h2>{escape(title)}</h2>", '<ul class="analysis">', *items, "</ul>"]


def _analysis_html(brief: Brief, anchor: str) -> list[str]:
    """Quotes, disagreements, figures, timeline and people; all article text escaped."""
    out: list[str] = []
    if brief.quotes:
        items = []
        for q in brief.quotes[: SHOWN["quotes"]]:
            role = f' <span class="role">{escape(q.role)}</span>' if q.role else ""
            items.append(
                f"<li><blockquote>“{escape(q.text)}”</blockquote> — "
                f'<span class="who">{escape(q.speaker)}</span>{role}'
                f"{_refs(brief, q.sources, anchor)}</li>"
            )
        out += _section("Who said what", items, len(brief.quotes), SHOWN["quotes"])
    if brief.disagreements:
        items = []
        for claim in brief.disagreements:
            sides = [
                ", ".join(
                    f"{escape(v.text)}{_refs(brief, v.sources, anchor, mark=False)}"
                    for v in reading
                )
                for reading in readings(claim)
            ]
            items.append(
                f"<li><b>{escape(claim.subject)}</b>: "
                + '<span class="vs">vs</span>'.join(sides)
                + "</li>"
            )
        out += _section("Where the sources disagree", items, len(items), len(items))
    figures = news_claims(brief)
    if figures:
        items = []
        for claim in figures[: SHOWN["claims"]]:
            subject = figure_clause(claim, escape, lambda values: f"<b>{values}</b>")
            items.append(f"<li>{subject}{_refs(brief, claim.sources, anchor)}</li>")
        out += _section("Figures", items, len(figures), len(items))
    if brief.timeline:
        entries = top_timeline(brief)
        items = []
        for entry, note in zip(entries, assumed_notes(entries), strict=True):
            assumed = f' <span class="assumed">({escape(note)})</span>' if note else ""
            items.append(
                f'<li><time datetime="{timeline_date(entry)}">{timeline_date(entry)}</time>'
                f"{escape(entry.text)}{_refs(brief, entry.sources, anchor)}{assumed}</li>"
            )
        out += _section("Timeline", items, len(brief.timeline), len(entries))
    if brief.people:
        items = []
        for person in brief.people[: SHOWN["people"]]:
            roles = f' <span class="role">{escape("; ".join(person.roles))}</span>'
            kind = (
                ' <span class="role">(organisation)</span>' if person.kind == "organisation" else ""
            )
            quoted = ""
            if person.quoted_by:
                quoted = " · quoted by" + _refs(brief, person.quoted_by, anchor, mark=False)
            n = person.mentions
            articles = f"{n} article" + ("s" if n != 1 else "")
            items.append(
                f'<li><span class="who">{escape(person.name)}</span>{kind}'
                f"{roles if person.roles else ''} · in {articles}{quoted}</li>"
            )
        out += _section("People and organisations", items, len(brief.people), SHOWN["people"])
    return out


def _brief_html(brief: Brief, index: int, explain: bool) -> str:
    anchor = f"b{index}-src"
    out = [
        '<article class="brief">',
        f"<h1>{escape(brief.title)}</h1>",
        f'<p class="meta">{escape(byline(brief))}</p>',
    ]
    out += [f'<p class="note">{escape(w)}</p>' for w in brief.warnings]
    for sentence in brief.summary:
        refs = "".join(
            f'<sup><a href="#{anchor}{n}">[{n}]</a></sup>' for n in markers(brief, sentence)
        )
        single = (
            '<span class="single">single source</span>'
            if sentence.single_source and len(brief.sources) > 1
            else ""
        )
        out.append(f'<p class="s">{escape(sentence.text)}{refs}{single}</p>')
    out += _analysis_html(brief, anchor)
    out.append('<h2>Sources</h2><ol class="sources">')
    for src in brief.sources:
        meta = ", ".join(source_line(src))
        title = escape(src.title)
        if src.url.startswith(("http://", "https://")):
            title = f'<a href="{escape(src.url)}" rel="noopener noreferrer">{title}</a>'
        origin = f' <span class="origin">{escape(src.origin)}</span>' if src.origin else ""
        meta_html = f" — {escape(meta)}" if meta else ""
        out.append(f'<li id="{anchor}{src.number}"><b>{title}</b>{meta_html}{origin}</li>')
    out.append("</ol>")
    if explain:
        out.append("<details open><summary>Why these sentences</summary><ol>")
        for sentence in brief.summary:
            first, *rest = explain_lines(brief, sentence)
            items = "".join(f"<li>{escape(line)}</li>" for line in rest)
            out.append(f"<li>{escape(first)}<ul>{items}</ul></li>")
        out.append("</ol>")
        filtered = filtered_summary(brief)
        if filtered:
            out.append(f"<p>{escape(filtered)}</p>")
        out.append("</details><details><summary>Removed boilerplate</summary><ul>")
        for article in brief.articles:
            number = brief.source_number(article.id)
            for removed in article.removed:
                out.append(
                    f"<li>[{number}] {escape(removed.reason)}: "
                    f"<code>{escape(removed.text)}</code></li>"
                )
        out.append("</ul></details>")
    out.append("</article>")
    return "\n".join(out)


def render_html(briefs: Sequence[Brief], explain: bool = False) -> str:
    title = escape(briefs[0].title) if briefs else "newsweave"
    body = "\n".join(_brief_html(b, i, explain) for i, b in enumerate(briefs, 1))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head>"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )
