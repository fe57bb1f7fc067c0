"""When an undated article was written (``analyze/written_on.py``), on small realistic
articles run through the real clean step, segmenter and timeline."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from newsweave.analyze import analyze_cluster
from newsweave.analyze import timeline as timeline_module
from newsweave.analyze.timeline import Reference, resolve, timeline
from newsweave.analyze.written_on import references
from newsweave.model import Article, Cluster, RawDocument, RemovedLine, TimelineEntry
from newsweave.pipeline.cleaning import clean_articles
from newsweave.segment import SegmentedCluster


def cleaned(*docs: RawDocument) -> SegmentedCluster:
    """The documents as the pipeline reads them: cleaned, then segmented as one cluster."""
    articles, problems = clean_articles(docs)
    assert not problems
    return SegmentedCluster.from_cluster(Cluster("c", tuple(articles)))


def undated_alone(origin: str, title: str, text: str) -> tuple[SegmentedCluster, Article]:
    """One undated article, cleaned and segmented as a cluster of its own."""
    doc = cleaned(RawDocument(origin=origin, title=title, text=text))
    (article,) = doc.cluster.articles
    return doc, article


def reference_of(doc: SegmentedCluster, article: Article) -> Reference:
    return references(doc.cluster.articles, doc.sentences)[article.id]


def entries(doc: SegmentedCluster, words: str) -> list[TimelineEntry]:
    return [e for e in analyze_cluster(doc).timeline if words in e.text]


DATED = RawDocument(
    origin="dated.txt",
    title="Syrian army advances in Aleppo",
    published=dt.date(2016, 12, 7),
    text=(
        "Syrian government forces took control of the Old City of Aleppo on Wednesday, "
        "a monitoring group said.\n\n"
        "Rebels have lost more than three-quarters of the territory they held in the east."
    ),
)


def test_dateline_the_cleaner_removed_dates_the_undated_article() -> None:
    undated = RawDocument(
        origin="reuters.txt",
        title="Assad says Aleppo victory close",
        text=(
            "DAMASCUS, Dec. 6 (Reuters) - President Bashar al-Assad said the army was close "
            "to retaking all of Aleppo, in an interview with a Syrian newspaper.\n\n"
            "Government shelling killed 20 people in the east of the city yesterday, "
            "the Syrian Observatory for Human Rights said."
        ),
    )
    doc = cleaned(DATED, undated)
    article = doc.cluster.articles[1]
    # The cleaner has moved the dateline glued to the first paragraph out of the text.
    assert article.text.startswith("President Bashar al-Assad said")
    assert RemovedLine("DAMASCUS, Dec. 6 (Reuters) -", "dateline") in article.removed

    assert reference_of(doc, article) == Reference(dt.date(2016, 12, 6), True, "its dateline")
    (shelling,) = entries(doc, "Government shelling killed 20 people")
    assert shelling.date == dt.date(2016, 12, 5)  # "yesterday", the day before the dateline
    assert (shelling.reference, shelling.reference_origin) == (
        dt.date(2016, 12, 6),
        "its dateline",
    )


def test_removed_dateline_with_its_state_takes_the_year_from_the_article() -> None:
    doc, article = undated_alone(
        "ap.txt",
        "Judge blocks Missouri law",
        (
            "INDEPENDENCE, Mo., Dec. 6 (AP) — A federal judge blocked the state's new voter "
            "identification law on Monday, in a lawsuit filed in May 2016.\n\n"
            "The state's attorney general said he would appeal the ruling."
        ),
    )
    assert RemovedLine("INDEPENDENCE, Mo., Dec. 6 (AP) —", "dateline") in article.removed
    # No other article to take a year from: the first Dec. 6 after "May 2016".
    assert reference_of(doc, article) == Reference(dt.date(2016, 12, 6), True, "its dateline")


def test_dateline_left_in_the_text_still_dates_the_article() -> None:
    undated = RawDocument(
        origin="afp.txt",
        title="France calls for Aleppo truce",
        text=(
            "PARIS, 10 December (AFP) — France's foreign minister called on Saturday for an "
            "immediate truce in Aleppo.\n\n"
            "Ministers of eleven countries met in Paris to discuss the city."
        ),
    )
    doc = cleaned(DATED, undated)
    article = doc.cluster.articles[1]
    assert article.text.startswith("PARIS, 10 December (AFP)")  # the cleaner kept it
    assert reference_of(doc, article) == Reference(dt.date(2016, 12, 10), True, "its dateline")


def test_every_expression_says_whether_it_speaks_of_the_future() -> None:
    def futures(text: str) -> list[tuple[str, bool]]:
        return [(f.expression, f.future) for f in resolve(text, dt.date(2016, 10, 25))]

    assert futures("The election will be held on Nov. 8, 2016, officials said.") == [
        ("Nov. 8, 2016", True)
    ]
    assert futures("A summit is scheduled for March 2019.") == [("March 2019", True)]
    assert futures("The first round was held in October 2017 in Geneva.") == [
        ("in October 2017", False)
    ]
    assert futures("She will speak in Cleveland tomorrow.") == [("tomorrow", True)]


def test_a_date_fronted_before_a_future_main_clause_is_ahead() -> None:
    """ "On Friday, the court will rule": the date opens the sentence and the main clause
    after it is in the future, so it is the coming Friday; reported speech after a fronted
    date ("On Friday, officials said they will appeal") dates the saying, in the past."""
    wednesday = dt.date(2016, 12, 7)

    def dated(text: str) -> list[tuple[str, str, bool]]:
        return [(f.expression, f.date.isoformat(), f.future) for f in resolve(text, wednesday)]

    assert dated("On Friday, the court will rule on the appeal.") == [
        ("Friday", "2016-12-09", True)
    ]
    assert dated("On Tuesday the Senate is expected to vote on the measure.") == [
        ("Tuesday", "2016-12-13", True)
    ]
    assert dated("On Friday, officials said they will appeal.") == [("Friday", "2016-12-02", False)]
    assert dated("On Friday, the court ruled against him.") == [("Friday", "2016-12-02", False)]
    # Not fronted: the clause before the date decides, as before.
    assert dated("Assad said on Tuesday that the army will win.") == [
        ("on Tuesday", "2016-12-06", False)
    ]


def test_a_future_date_with_its_year_is_no_lower_bound() -> None:
    doc, article = undated_alone(
        "campaign.txt",
        "Clinton rallies Ohio",
        (
            "Hillary Clinton rallied supporters in Cleveland on Oct. 24, 2016, telling them "
            "she was confident of carrying Ohio.\n\n"
            "The election will be held on Nov. 8, 2016, and early voting has already begun "
            "in the state."
        ),
    )
    # Written after the rally it reports, not after the election it announces.
    assert reference_of(doc, article) == Reference(
        dt.date(2016, 10, 24), True, "the latest date it names (2016-10-24)"
    )
    (election,) = entries(doc, "The election will be held")
    assert (election.date, election.expression) == (dt.date(2016, 11, 8), "Nov. 8, 2016")


def test_a_future_month_with_its_year_does_not_set_the_year() -> None:
    doc, article = undated_alone(
        "talks.txt",
        "Cyprus talks resume in Geneva",
        (
            "Negotiators from both sides of the island met in Geneva on Dec. 10 for a third "
            "round of talks.\n\n"
            "The first round was held in October 2017. A final summit is scheduled for "
            "March 2019, the United Nations envoy said."
        ),
    )
    # "Dec. 10" takes its year from "October 2017", the past the article writes of.
    assert reference_of(doc, article) == Reference(
        dt.date(2017, 12, 10), True, "the latest date it names (2017-12-10)"
    )


@pytest.mark.parametrize("day", ["on 6 December", "on Dec. 6", "on December 6th"])
def test_a_day_first_date_bounds_the_writing_date_like_a_month_first_one(day: str) -> None:
    doc, article = undated_alone(
        "hospital.txt",
        "Hospital hit in east Aleppo",
        (
            f"Government jets struck the last working hospital in east Aleppo {day}, "
            "doctors in the city said.\n\n"
            "The hospital had been hit three times in November 2016. Staff moved the "
            "patients to a basement yesterday."
        ),
    )
    # The day takes its year from "November 2016"; the report is no older than the strike.
    assert reference_of(doc, article) == Reference(
        dt.date(2016, 12, 6), True, "the latest date it names (2016-12-06)"
    )
    (moved,) = entries(doc, "Staff moved the patients")
    assert (moved.date, moved.expression) == (dt.date(2016, 12, 5), "yesterday")


def test_each_sentence_is_read_once_and_the_timeline_is_unchanged(
    example_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example has an undated article: its reference date and the timeline both use
    the one reading of every sentence, and give what reading them apart gives."""
    doc = SegmentedCluster.from_cluster(example_cluster)
    articles = doc.cluster.articles
    assert any(a.published is None for a in articles)
    apart = timeline(doc.sentences, articles, references(articles, doc.sentences))

    reads: Counter[str] = Counter()
    real = timeline_module.mentions

    def counted(text: str) -> list[timeline_module.Mention]:
        reads[text] += 1
        return real(text)

    monkeypatch.setattr(timeline_module, "mentions", counted)
    shared = analyze_cluster(doc).timeline
    assert sum(reads.values()) == len(doc.sentences)
    assert set(reads.values()) == {1}
    assert shared == apart
    assert any(e.assumed_reference for e in shared)
