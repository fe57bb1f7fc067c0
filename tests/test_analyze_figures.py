"""Figures (claims with numbers) on real text: which figures count as quoted, the one order
every rendering shows, and what the Figures section leaves out."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from newsweave import Settings, load, make_brief
from newsweave.analyze import analyze_cluster
from newsweave.analyze.numbers import MIN_SUBJECT_WORDS, agree, claims, quantities
from newsweave.analyze.quotes import quote_spans
from newsweave.model import Brief, Claim, Cluster, Sentence, replace
from newsweave.render import render
from newsweave.segment import SegmentedCluster

DATA = Path(__file__).resolve().parent / "data"


def dev_cluster(path: Path, cluster_id: str) -> Cluster:
    return next(c for c in load([str(path)]).clusters if c.id == cluster_id)


def with_value(found: list[Claim] | tuple[Claim, ...], text: str, words: str) -> Claim:
    (claim,) = [c for c in found if any(v.text == text and words in v.sentence for v in c.values)]
    return claim


# --- 1. a figure inside a quotation several sentences long


@pytest.fixture(scope="module")
def battery() -> Cluster:
    """mn-dev-0081: forum posts about iOS 5.0.1 battery drain, quoted by a news report."""
    return dev_cluster(DATA / "quality" / "multinews-dev-50.jsonl", "mn-dev-0081")


def test_figure_in_the_middle_of_a_three_sentence_quote_is_quoted(battery: Cluster) -> None:
    article = next(a for a in battery.articles if "My phone dropped by 4%" in a.text)
    (span,) = [s for s in quote_spans(article.text) if "by 4%" in article.text[s.start : s.end]]
    doc = SegmentedCluster.from_cluster(battery)
    inside = [
        s
        for s in doc.sentences
        if s.article_id == article.id and s.start < span.end and s.end > span.start
    ]
    # Three sentences in one quotation; the figure's, in the middle, has no mark of its own.
    assert [s.text[:20] for s in inside] == [
        '"Updated to 5.0.1 la',
        "My phone dropped by ",
        "I have had it out of",
    ]
    assert not set(inside[1].text) & set('"“”')

    claim = with_value(analyze_cluster(battery).claims, "4%", "My phone dropped by 4%")
    assert claim.sources == (article.id,)
    assert not claim.news  # a quoted figure one outlet reports is background
    # Read sentence by sentence, without the article's quotes, it looked like reported fact.
    order = {a.id: i for i, a in enumerate(battery.articles)}
    alone, _ = claims(doc.sentences, order)
    assert with_value(alone, "4%", "My phone dropped by 4%").news

    markdown = render([make_brief(battery, Settings())], "markdown")
    figures = markdown[markdown.index("## Figures") :].split("\n## ")[0]
    assert "dropped by" not in figures


# --- 2. one ranked list, shown in the same order by every renderer


def figures_in_markdown(brief: Brief) -> list[str]:
    text = render([brief], "markdown")
    section = text[text.index("## Figures\n") :].split("\n## ")[0]
    lines = [line[2:] for line in section.splitlines()[1:] if line.startswith("- ")]
    lines = [line for line in lines if not line.startswith("_")]  # "N more in the JSON"
    unmarked = (re.sub(r" (\[\d+\])+( _\(single source\)_)?$", "", x) for x in lines)
    return [re.sub(r"\\(.)", r"\1", x.replace("**", "")) for x in unmarked]


def figures_in_html(brief: Brief) -> list[str]:
    text = render([brief], "html")
    section = text[text.index("<h2>Figures</h2>") :].split("</ul>")[0]
    items = re.findall(r"<li>(.*?)</li>", section)
    return [html.unescape(re.sub(r"<sup>.*|<span.*|<[^>]+>", "", x)) for x in items]


def figures_in_json(brief: Brief) -> list[str]:
    """The JSON's news figures as their clauses read, in order; a clause that holds two
    figures is listed once (the Figures section shows it once)."""
    data = json.loads(render([brief], "json"))
    clauses = [
        c["subject"].replace("…", " / ".join(v["text"] for v in c["values"]), 1)
        for c in data["claims"]
        if c["news"] and not c["conflicting"]
    ]
    return list(dict.fromkeys(clauses))


def test_example_json_claims_in_the_order_markdown_and_html_list_figures(
    example_cluster: Cluster,
) -> None:
    brief = make_brief(example_cluster, Settings())
    in_json = figures_in_json(brief)
    assert len(in_json) >= 5
    assert figures_in_markdown(brief) == in_json[:10]
    assert figures_in_html(brief) == in_json[:10]


def test_syndicated_copies_count_once_in_the_ranking(example_cluster: Cluster) -> None:
    """The example with two more articles: a syndicated copy of the Reuters report (same
    outlet) and article 2 as carried by another outlet. Article 2's figures, reported by two
    outlets, come before the Reuters report's, one outlet however many copies — in the
    analysis, so in the JSON, Markdown and HTML alike."""
    articles = list(example_cluster.articles)
    reuters = next(a for a in articles if a.source == "Reuters")
    second = articles[1]
    cluster = replace(
        example_cluster,
        articles=(
            *articles,
            replace(reuters, id=f"{reuters.id}-copy"),
            replace(second, id=f"{second.id}-other", source="Other Outlet"),
        ),
    )
    brief = make_brief(cluster, Settings())
    news = [c for c in brief.claims if c.news and not c.conflicting]
    by_second = [i for i, c in enumerate(news) if second.id in c.sources]
    by_reuters = [i for i, c in enumerate(news) if reuters.id in c.sources]
    assert by_second and by_reuters
    assert max(by_second) < min(by_reuters)
    assert all(len(news[i].sources) == 2 for i in by_reuters)  # two copies, one outlet
    in_json = figures_in_json(brief)
    assert figures_in_markdown(brief) == in_json[:10]
    assert figures_in_html(brief) == in_json[:10]


# --- 3. what the Figures section lists: whole phrases, each figure once, no labels


def figures_section(cluster: Cluster) -> str:
    text = render([make_brief(cluster, Settings())], "markdown")
    return text[text.index("## Figures\n") :].split("\n## ")[0] if "## Figures\n" in text else ""


def test_a_sentence_a_page_repeats_gives_one_figure() -> None:
    """mn-dev-0017: a news page that carries its paragraphs twice listed "the 38-pound
    feline" twice under Figures."""
    cluster = dev_cluster(DATA / "stream" / "multinews-slice.jsonl", "mn-dev-0017")
    found = analyze_cluster(cluster).claims
    feline = [c for c in found if any("38-pound feline" in v.sentence for v in c.values)]
    assert len(feline) == 1
    assert figures_section(cluster).count("38**-pound feline") == 1


def test_a_short_clause_takes_in_the_clause_before() -> None:
    """mn-dev-0016 and mn-dev-0036: "or **about $1.2 billion**" and "**four** men and a
    woman" were clauses cut from what they measure."""
    kors = dev_cluster(DATA / "quality" / "multinews-dev-50.jsonl", "mn-dev-0016")
    claim = with_value(analyze_cluster(kors).claims, "about $1.2 billion", "Jimmy Choo")
    assert claim.subject == (
        "Michael Kors Holdings said it had agreed to buy the shoe company Jimmy Choo for 896"
        " million pounds, or …"
    )
    klan = dev_cluster(DATA / "quality" / "multinews-dev-50.jsonl", "mn-dev-0036")
    found = analyze_cluster(klan).claims
    assert with_value(found, "four", "four men and a woman").subject == (
        "Initially arrested were five Klan members – … men and a woman"
    )
    # Shorter only where the whole sentence is ("Five people have been detained.").
    short = [
        c.subject
        for c in found
        if len(c.subject.split()) < MIN_SUBJECT_WORDS
        and min(len(v.sentence.split()) for v in c.values) >= MIN_SUBJECT_WORDS
    ]
    assert short == [], short


def test_a_figure_keeps_the_punctuation_next_to_it() -> None:
    """wcep-0472: "about 70km (43 miles)" read "( **43** miles)"."""
    cluster = dev_cluster(DATA / "quality" / "wcep-dev-100.jsonl", "wcep-0472")
    claim = with_value(analyze_cluster(cluster).claims, "43", "about 70km (43 miles)")
    assert claim.subject == "near the town of Su'ao about 70km (… miles) from Taipei"
    assert "about 70km (**43** miles) from Taipei" in figures_section(cluster)


def test_clock_times_and_names_are_not_listed() -> None:
    """mn-dev-0016 listed "at **1510** GMT"; wcep-0472 (in the background) "16:**50**" and
    "08:**50** GMT"; its train "Puyuma Express **6432**"."""
    kors = figures_section(dev_cluster(DATA / "quality" / "multinews-dev-50.jsonl", "mn-dev-0016"))
    assert "**1510**" not in kors and "**17 percent** at 228.00 pence at 1510 GMT" in kors
    train = analyze_cluster(dev_cluster(DATA / "quality" / "wcep-dev-100.jsonl", "wcep-0472"))
    values = {v.text for c in train.claims for v in c.values}
    assert not values & {"50", "00", "6432", "08"}
    assert {"366", "At least 18", "43"} <= values


def test_counts_of_a_reports_sources_are_no_figures() -> None:
    """mn-dev-0012 listed "**two** Trump advisers said on Friday"; mn-dev-0131 "according
    to **two** sources" and "**two** sources said". A count that is the speaker's own
    ("23 million people struggling", in a quote) stays."""
    stallone = dev_cluster(DATA / "stream" / "multinews-slice.jsonl", "mn-dev-0012")
    values = [(v.text, v.sentence) for c in analyze_cluster(stallone).claims for v in c.values]
    assert not [x for x in values if "two Trump advisers said" in x[1] and x[0] == "two"]
    assert any(
        "two Trump advisers said" in s.text
        for s in SegmentedCluster.from_cluster(stallone).sentences
    )
    nbc = dev_cluster(DATA / "quality" / "multinews-dev-50.jsonl", "mn-dev-0131")
    sentences = [v.sentence for c in analyze_cluster(nbc).claims for v in c.values]
    assert not [s for s in sentences if "two sources" in s or "according to two" in s]
    scrabble = dev_cluster(DATA / "reader" / "multinews-reader.jsonl", "mn-dev-0233")
    with_value(analyze_cluster(scrabble).claims, "23 million", "people struggling")


def test_two_figures_of_one_clause_are_one_figures_line(example_cluster: Cluster) -> None:
    """Reuters' "More than five years of war in Syria have killed more than 300,000 people
    and made more than half of Syrians homeless" holds two news figures: the JSON keeps
    both, the Figures section shows the clause once, under the better-ranked one."""
    from newsweave.render._common import news_claims

    brief = make_brief(example_cluster, Settings())
    both = [c for c in brief.claims if "Syrians homeless" in c.subject and c.news]
    assert sorted(v.text for c in both for v in c.values) == ["more than 300,000", "more than half"]
    listed = [c for c in news_claims(brief) if "Syrians homeless" in c.subject]
    assert [v.text for c in listed for v in c.values] == ["more than 300,000"]
    markdown = render([brief], "markdown")
    assert markdown.count("made more than half of Syrians homeless") == 1


# --- 4. a figure after a lost quotation mark


def test_a_lost_quotation_mark_does_not_quote_the_narration_after_it() -> None:
    """wcep-0693 (one paragraph, straight marks): one mark lost early on paired every later
    mark the wrong way round, so narration read as quotations and the quotes as narration;
    "announced a $79 million package" counted as a quoted figure, background. A mark shaped
    to close a quote (`... open." The European Union`) no longer opens one."""
    cluster = dev_cluster(DATA / "quality" / "wcep-dev-100.jsonl", "wcep-0693")
    claim = with_value(analyze_cluster(cluster).claims, "$79 million", "immediate support")
    assert claim.news
    article = next(a for a in cluster.articles if "$79 million" in a.text)
    quoted = [article.text[s.start : s.end] for s in quote_spans(article.text)]
    assert "new chapter of relations with The Gambia." in quoted
    assert not [q for q in quoted if "$79 million" in q]


# --- 5. ranges: one figure, as written, that a figure inside it agrees with


def test_a_range_is_one_figure_as_written() -> None:
    """mn-dev-0018: "the car was between 6 and 8 feet below the floor" listed "between 6 and
    **8** feet", as if the car were 8 feet below; the range is the figure."""
    cluster = dev_cluster(DATA / "stream" / "multinews-slice.jsonl", "mn-dev-0018")
    claim = with_value(analyze_cluster(cluster).claims, "between 6 and 8", "feet below the floor")
    (value,) = claim.values
    assert (value.value, value.low, value.high, value.unit) == (6, 6, 8, "feet")
    assert "car was **between 6 and 8** feet below the floor" in figures_section(cluster)


def test_a_figure_inside_a_range_is_no_disagreement() -> None:
    """mn-dev-0217: two articles date the same burials, one "between 3,000 and 1,500 years
    ago" (a range written high to low, read as its last figure), the other "between 1,500
    and 3,000 years ago". Read figure by figure that was 1,500 against 3,000, a
    disagreement; 1,500 lies inside the second's range."""
    first = (
        "The researchers found these cancer cases while examining the remains of 1,087 ancient"
        " Egyptians buried between 3,000 and 1,500 years ago."
    )
    second = (
        "Out of 1,087 skeletons buried between 1,500 and 3,000 years ago, just 6 were found"
        " with cancer - two younger women with cervical cancer, and a man with testicular"
        " cancer, which have all been associated with HPV; and an older mummified man with"
        " colorectal cancer, an older woman with metastatic carcinoma, and a toddler with"
        " leukaemia."
    )
    sentences = [Sentence("a", 0, first, 0, len(first)), Sentence("b", 0, second, 0, len(second))]
    found, disagreements = claims(sentences, {"a": 0, "b": 1})
    assert disagreements == []
    (claim,) = [c for c in found if any(v.text == "between 1,500 and 3,000" for v in c.values)]
    assert [(v.text, v.article_id) for v in claim.values] == [
        ("1,500", "a"),
        ("between 1,500 and 3,000", "b"),
    ]
    assert not claim.conflicting


def test_a_range_agrees_with_what_lies_in_it(battery: Cluster) -> None:
    """Real figures compared: "3–5%" (mn-dev-0160's death rate of RMSF) agrees with "4%"
    (mn-dev-0081's "My phone dropped by 4%") and with an overlapping range, not with 6%."""
    rmsf = (
        "Treatment should be started immediately whenever RMSF is suspected because it can be"
        " a very serious disease; overall, 3–5% of all persons with RMSF die, but death is"
        " uncommon with prompt diagnosis and treatment."
    )
    (three_to_five,) = quantities(Sentence("a", 0, rmsf, 0, len(rmsf)))
    doc = SegmentedCluster.from_cluster(battery)
    four = next(q for s in doc.sentences for q in quantities(s) if q.text == "4%")
    assert agree(three_to_five, four) and agree(four, three_to_five)
    # The same figures with other values: 6% as written would allow 5.7-6.3.
    assert not agree(three_to_five, replace(four, value=6.0, low=5.7, high=6.3))
    assert agree(three_to_five, replace(three_to_five, value=4.0, low=4.0, high=6.0, upper=6.0))
