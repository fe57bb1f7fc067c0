"""How the timeline of the example brief reads in Markdown and HTML: an undated article's
assumed date is said once, not at every entry."""

from __future__ import annotations

import html as html_lib

import pytest

from newsweave.model import Brief, Cluster
from newsweave.pipeline import make_brief
from newsweave.render import render
from newsweave.render._common import top_timeline

# The undated Reuters report: five entries in the example's timeline, one date for them all.
REUTERS = "date assumed: 2016-12-10, from the weekdays it names, near article 2's publication date"


@pytest.fixture(scope="module")
def brief(example_cluster: Cluster) -> Brief:
    return make_brief(example_cluster)


def timeline_lines(markdown: str) -> list[str]:
    section = markdown.split("## Timeline\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- **")]


def test_markdown_says_each_assumed_date_once_then_marks_the_entries(brief: Brief) -> None:
    shown = top_timeline(brief)
    assumed = [e for e in shown if e.assumed_reference]
    articles = {e.article_id for e in assumed}
    assert len(articles) >= 2 and len(assumed) > len(articles)

    lines = timeline_lines(render([brief], "markdown"))
    assert len(lines) == len(shown)
    full = [line for line in lines if "_(date assumed: " in line]
    marked = [line for line in lines if line.endswith("_(date assumed)_")]
    assert len(full) == len(articles)  # one note per undated article
    assert len(marked) == len(assumed) - len(articles)
    assert sum(REUTERS in line for line in lines) == 1
    # The note comes with the article's first assumed entry; its later ones are only marked.
    reuters = brief.articles[3].id
    first, *later = [
        i for i, e in enumerate(shown) if e.article_id == reuters and e.assumed_reference
    ]
    assert REUTERS in lines[first]
    assert later and all(lines[i].endswith("_(date assumed)_") for i in later)


def test_html_says_each_assumed_date_once(brief: Brief) -> None:
    page = html_lib.unescape(render([brief], "html"))
    assert page.count(f'<span class="assumed">({REUTERS})</span>') == 1
    assumed = [e for e in top_timeline(brief) if e.assumed_reference]
    marked = page.count('<span class="assumed">(date assumed)</span>')
    assert marked == len(assumed) - len({e.article_id for e in assumed})
