"""Cross-source analysis on the shipped example cluster (issue 5, "done when")."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsweave.analyze import Analysis, analyze_cluster
from newsweave.config import Settings
from newsweave.model import Brief, Cluster, Quote
from newsweave.pipeline import make_brief
from newsweave.render import render


@pytest.fixture(scope="module")
def analysis(example_cluster: Cluster) -> Analysis:
    return analyze_cluster(example_cluster)


@pytest.fixture(scope="module")
def brief(example_cluster: Cluster) -> Brief:
    return make_brief(example_cluster, Settings())


def quotes_with(analysis: Analysis, words: str) -> list[Quote]:
    return [q for q in analysis.quotes if words in q.text]


def test_huge_step_quote_is_one_entry_by_assad_from_two_sources(analysis: Analysis) -> None:
    entries = quotes_with(analysis, "huge step")
    assert len(entries) == 1
    (entry,) = entries
    assert entry.speaker == "Bashar al-Assad"
    assert len(entry.sources) >= 2
    assert "President" in entry.role


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("wiped out", "Sergei Lavrov"),
        ("show a little grace", "John Kerry"),
        ("The peace of cemeteries?", "Jean-Marc Ayrault"),
        ("sitting targets", "Sonia Khush"),
        ("It defies belief", "Sonia Khush"),  # "she added" -> the last person named
        ("I believe there could be a way forward", "John Kerry"),  # "he said"
    ],
)
def test_quotes_are_attributed_to_their_speakers(
    analysis: Analysis, words: str, speaker: str
) -> None:
    entries = quotes_with(analysis, words)
    assert entries, words
    assert {q.speaker for q in entries} == {speaker}


def test_split_quote_is_joined(analysis: Analysis) -> None:
    (entry,) = quotes_with(analysis, "We're not the fighters on the ground")
    assert "They have to make their choices" in entry.text


def test_no_quote_attributed_to_reporter_or_editor(analysis: Analysis) -> None:
    speakers = {q.speaker for q in analysis.quotes}
    assert not speakers & {"John Irish", "Ros Russell", "Irish", "Russell"}
    assert all(q.speaker for q in analysis.quotes)
    names = {p.name for p in analysis.people}
    assert not names & {"John Irish", "Ros Russell"}


def test_share_of_east_aleppo_is_a_disagreement(
    analysis: Analysis, example_cluster: Cluster
) -> None:
    ids = [a.id for a in example_cluster.articles]
    matching = [c for c in analysis.disagreements if any(v.value == 80 for v in c.values)]
    assert len(matching) == 1
    claim = matching[0]
    assert claim.conflicting
    by_text = {v.text: v for v in claim.values}
    assert set(by_text) == {"about 75%", "around three-quarters", "about 80 percent"}
    assert by_text["about 75%"].reading == by_text["around three-quarters"].reading
    assert by_text["about 80 percent"].reading != by_text["about 75%"].reading
    assert all(v.unit == "%" for v in claim.values)
    assert by_text["about 75%"].sources == (ids[0],)
    assert by_text["about 80 percent"].sources == (ids[1],)
    assert by_text["around three-quarters"].sources == (ids[2],)


def test_timeline_resolves_relative_dates_of_dated_article(
    analysis: Analysis, example_cluster: Cluster
) -> None:
    dated = next(a for a in example_cluster.articles if a.published == dt.date(2016, 12, 8))

    def dates_of(words: str) -> set[dt.date]:
        return {
            e.date
            for e in analysis.timeline
            if dated.id in e.sources and words in e.text and not e.assumed_reference
        }

    assert dt.date(2016, 12, 8) in dates_of("Hamburg")
    assert dates_of("19 civilians were killed") == {dt.date(2016, 12, 7)}
    assert dt.date(2016, 12, 2) in dates_of("American proposal")
    assert [e.date for e in analysis.timeline] == sorted(e.date for e in analysis.timeline)


def test_timeline_marks_entries_of_undated_articles_as_assumed(
    analysis: Analysis, example_cluster: Cluster
) -> None:
    undated = {a.id for a in example_cluster.articles if a.published is None}
    relative = [e for e in analysis.timeline if set(e.sources) <= undated and e.expression]
    assert relative
    assert all(e.assumed_reference for e in relative if e.precision == "day")


def test_undated_article_is_dated_by_its_weekdays_and_today_agrees(analysis: Analysis) -> None:
    """The Reuters report (undated) says "on Saturday", "later on Saturday" and "today":
    dated on the Saturday after the dated article's Thursday, all three land on it."""
    saturday = dt.date(2016, 12, 10)
    reuters = [e for e in analysis.timeline if "Geneva" in e.text and e.assumed_reference]
    assert reuters and {e.date for e in reuters} == {saturday}
    assert {e.expression for e in reuters} >= {"on Saturday", "today"}
    assert all(e.reference == saturday for e in reuters)
    assert all("article 2's publication date" in e.reference_origin for e in reuters)


def test_no_sentence_is_listed_twice(analysis: Analysis) -> None:
    texts = [e.text for e in analysis.timeline]
    assert len(texts) == len(set(texts))
    # The Hamburg sentence names "Thursday" and "the previous day": one entry, on Thursday.
    hamburg = [e for e in analysis.timeline if "Hamburg" in e.text]
    assert [(e.date, e.expression) for e in hamburg] == [(dt.date(2016, 12, 8), "Thursday")]


def test_explicit_reference_date_overrides(example_cluster: Cluster) -> None:
    result = analyze_cluster(example_cluster, reference_date=dt.date(2016, 12, 10))
    kerry = [e for e in result.timeline if "little optimism" in e.text]
    assert [e.date for e in kerry] == [dt.date(2016, 12, 10)]  # "later on Saturday"
    assert not any(e.assumed_reference for e in result.timeline)


def test_people_have_roles(analysis: Analysis) -> None:
    people = {p.name: p for p in analysis.people}
    expected = {
        "Bashar al-Assad": "President",
        "John Kerry": "Secretary of State",
        "Sergei Lavrov": "Foreign Minister",
        "Jean-Marc Ayrault": "Foreign Minister",
        "Sonia Khush": "Director",
    }
    for name, role in expected.items():
        assert name in people, name
        assert any(role in r for r in people[name].roles), (name, people[name].roles)
    assert people["Bashar al-Assad"].mentions == 4
    assert len(people["John Kerry"].quoted_by) == 2


def test_brief_carries_analysis_and_json_round_trips(brief: Brief) -> None:
    assert brief.quotes and brief.disagreements and brief.timeline and brief.people
    data = json.loads(render([brief], "json"))
    for key in ("quotes", "claims", "disagreements", "timeline", "people"):
        assert data[key], key
    assert Brief.from_dict(data) == brief


def test_no_analysis_setting_leaves_sections_empty(example_cluster: Cluster) -> None:
    brief = make_brief(example_cluster, Settings(analyze=False))
    assert not (brief.quotes or brief.claims or brief.timeline or brief.people)
    assert "Who said what" not in render([brief], "markdown")


def test_markdown_and_html_render_the_sections(brief: Brief) -> None:
    markdown = render([brief], "markdown")
    for heading in ("## Who said what", "## Where the sources disagree", "## Timeline",
                    "## People and organisations"):  # fmt: skip
        assert heading in markdown
    assert "about 75% [1], around three-quarters [3] **vs** about 80 percent [2]" in markdown
    weekdays = "2016-12-10, from the weekdays it names, near article 2's publication date"
    assert f"_(date assumed: {weekdays})_" in markdown
    assert "**Sergei Lavrov** (Russian Foreign Minister)" in markdown
    html = render([brief], "html")
    assert "<h2>Who said what</h2>" in html
    assert "Jean-Marc Ayrault" in html and f"(date assumed: {weekdays})" in html.replace(
        "&#x27;", "'"
    )
    assert '<time datetime="2016-12-07">' in html
