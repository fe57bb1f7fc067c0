"""HTML: one self-contained page; every piece of article text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsweave.model import Brief
from newsweave.render._common import brief_title, byline, markers, source_line, support_note

STYLE = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;
color:#1d232b}main{max-width:46rem;margin:0 auto;padding:1.5rem}article.brief{background:#fff;
border-radius:10px;padding:1.5rem 1.75rem;margin-bottom:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .25rem}.meta{color:#5b6470;font-size:.9rem}
p.s{margin:.8rem 0}sup a{text-decoration:none;color:#1558b0;font-size:.75rem;margin-left:1px}
.single{color:#9a5b00;font-size:.8rem;margin-left:.3rem}ol.sources li{margin:.35rem 0}
.note{background:#fff6e0;padding:.5rem .75rem;border-radius:6px}
.origin{color:#5b6470;font-size:.85rem}code{font-size:.85rem}details{margin-top:1rem}
@media (max-width:600px){main{padding:.5rem}article.brief{padding:1rem}}
"""


def _brief_html(brief: Brief, index: int, explain: bool) -> str:
    anchor = f"b{index}-src"
    out = [
        '<article class="brief">',
        f"<h1>{escape(brief_title(brief))}</h1>",
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
            nums = ", ".join(str(n) for n in markers(brief, sentence))
            out.append(
                f"<li>score {sentence.score:.3f}; sources {nums} "
                f"({escape(support_note(sentence))}); "
                f"<code>{escape(str(sentence.explain))}</code></li>"
            )
        out.append("</ol></details><details><summary>Removed boilerplate</summary><ul>")
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
    title = escape(brief_title(briefs[0])) if briefs else "newsweave"
    body = "\n".join(_brief_html(b, i, explain) for i, b in enumerate(briefs, 1))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head>"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )
