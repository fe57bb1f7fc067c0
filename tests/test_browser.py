"""The web UI in a real Chromium (Debian's, headless) against a real ``newsweave serve``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Dialog, Page, expect

from newsweave.model import Claim, ClaimValue, Person, Quote, TimelineEntry, replace
from newsweave.pipeline import load, make_brief
from newsweave.store import open_store
from servers import serve_process as running_server

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 860}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("browser")
    db = str(folder / "ui.db")
    with running_server(db, folder / "serve.log") as base:
        yield base, db


def record_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


def test_upload_example_then_click_a_marker(
    example_title: str, page: Page, server: tuple[str, str], example_dir: Path, output_path: str
) -> None:
    base, _ = server
    problems: list[str] = []  # console errors include CSP violations of our own assets
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_viewport_size(LAPTOP)
    page.goto(base + "/")
    page.set_input_files("#files", sorted(str(p) for p in example_dir.iterdir()))
    expect(page.locator(".filelist li")).to_have_count(4)
    page.click("#submit")
    page.wait_for_url(re.compile(r"/clusters/\d+$"))
    expect(page.locator("#brief h1")).to_have_text(example_title)
    cluster_id = page.url.rsplit("/", 1)[1]
    brief = httpx.get(f"{base}/api/clusters/{cluster_id}").json()["brief"]
    assert len(brief["sources"]) == 4
    sentences = page.locator("#summary .sentence")
    expect(sentences).to_have_count(len(brief["summary"]))

    # The first marker of the first sentence opens its article beside the brief.
    first = brief["summary"][0]
    numbers = {s["article_id"]: s["number"] for s in brief["sources"]}
    marker = sentences.first.locator(".marker").first
    marker.click()
    mark = page.locator("#article-panel mark")
    expect(mark).to_have_count(1)
    expect(mark).to_be_in_viewport()
    expect(page.locator("#article-panel")).to_be_visible()
    first_number = min(numbers[a] for a in first["support"] or [first["article_id"]])
    expect(page.locator("#article-panel")).to_contain_text(f"Source [{first_number}]")

    # The sentence's own source: the highlight is exactly the cited span.
    own = sentences.first.locator(f'.marker[data-article="{first["article_id"]}"]')
    own.click()
    article = next(a for a in brief["articles"] if a["id"] == first["article_id"])
    expect(mark).to_have_text(article["text"][first["start"] : first["end"]])
    expect(mark).to_be_in_viewport()
    expect(own).to_have_class(re.compile(r"\bactive\b"))
    page.screenshot(path=f"{output_path}/brief-laptop.png")

    # Another outlet that reports the same fact: the highlight is its matching sentence.
    supporter, (start, end) = next(
        (a, span)
        for s in brief["summary"]
        for a, span in zip(s["support"], s["support_spans"], strict=True)
        if a != s["article_id"]
    )
    holder = next(i for i, s in enumerate(brief["summary"]) if supporter in s["support"][1:])
    sentences.nth(holder).locator(f'.marker[data-article="{supporter}"]').click()
    other = next(a for a in brief["articles"] if a["id"] == supporter)
    expect(mark).to_have_text(other["text"][start:end])

    # On a phone the article opens as a sheet over the brief, and closes again.
    page.set_viewport_size(PHONE)
    page.click("#article-panel .close")
    expect(page.locator("#article-panel")).to_be_hidden()
    page.screenshot(path=f"{output_path}/brief-phone.png")
    own.click()
    expect(mark).to_be_in_viewport()
    page.screenshot(path=f"{output_path}/article-phone.png")
    page.click("#article-panel .close")
    expect(page.locator("#article-panel")).to_be_hidden()

    # Downloads and the list of stored briefs.
    expect(page.get_by_role("link", name="Download Markdown")).to_have_attribute(
        "href", f"/api/clusters/{cluster_id}/brief?format=markdown&download=true"
    )
    page.goto(base + "/")
    expect(page.locator("#stored .clusters a").first).to_have_text(example_title)
    page.screenshot(path=f"{output_path}/start-laptop.png", full_page=True)
    assert problems == []


def test_hostile_article_text_shows_literally(
    page: Page, server: tuple[str, str], output_path: str
) -> None:
    base, _ = server
    dialogs = record_dialogs(page)
    script = "<script>alert(1)</script>"
    image = "<img src=x onerror=alert(2)>"
    page.goto(base + "/")
    page.fill("#paste-title-1", f"Council vote {image}")
    page.fill(
        "#paste-text-1",
        f"The city council voted on Monday to rebuild the bridge {script} after the flood.\n\n"
        f"Engineers said the work {image} would take two years and cost 40 million euros.\n\n"
        "Residents welcomed the decision but asked for a temporary ferry.",
    )
    page.click("#add-paste")
    page.fill(
        "#paste-text-2",
        "Bridge to be rebuilt\n\nThe council approved the new bridge on Monday. "
        "Work starts in spring and should take two years.",
    )
    page.click("#submit")
    page.wait_for_url(re.compile(r"/clusters/\d+$"))
    expect(page.locator("#brief h1")).to_have_text(f"Council vote {image}")
    expect(page.locator("#sources li")).to_have_count(2)
    page.locator("#sources .linkish").first.click()
    body = page.locator("#article-text")
    expect(body).to_contain_text(script)
    expect(body).to_contain_text(image)
    expect(page.locator("#brief")).to_contain_text(image)
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    page.goto(base + "/")
    expect(page.locator("#stored")).to_contain_text(f"Council vote {image}")
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{output_path}/start-phone.png", full_page=True)
    page.wait_for_timeout(300)  # give any injected handler the chance to fire
    page.screenshot(path=f"{output_path}/hostile.png", full_page=True)
    assert dialogs == []


def test_analysis_sections_render_and_link(
    page: Page, server: tuple[str, str], example_dir: Path, output_path: str
) -> None:
    """Briefs that hold analysis show quotes, disagreements, timeline and people."""
    base, db = server
    (cluster,) = load([str(example_dir)]).clusters
    brief = make_brief(cluster)
    a, b = brief.articles[0], brief.articles[1]
    quote = "It's true that Aleppo will be a win for us, but let's be realistic"
    assert quote.replace("'", "’") in a.text
    analysed = replace(
        brief,
        quotes=(Quote(quote.replace("'", "’"), "Bashar al-Assad", "Syrian President", (a.id,)),),
        disagreements=(
            Claim(
                "share of east Aleppo taken <b>",
                (
                    ClaimValue(
                        80, "%", "about 80 percent", sentence="", article_id=b.id, sources=(b.id,)
                    ),
                    ClaimValue(85, "%", "85%", article_id=a.id, sources=(a.id,)),
                ),
                conflicting=True,
            ),
        ),
        timeline=(
            TimelineEntry(
                dt.date(2015, 12, 1),
                "Resolutions of Dec. 2015",
                "in Dec. 2015",
                (a.id,),
                precision="month",
            ),
            TimelineEntry(
                dt.date(2016, 12, 7),
                "Assad interview published",
                "Wednesday",
                (a.id,),
                assumed_reference=True,
                reference=dt.date(2016, 12, 8),
                reference_origin="article 2's publication date",
            ),
            TimelineEntry(
                dt.date(2016, 12, 8),
                "Assad interview read on state television",
                "today",
                (a.id,),
                assumed_reference=True,
                article_id=a.id,
                reference=dt.date(2016, 12, 8),
                reference_origin="article 2's publication date",
            ),
            TimelineEntry(
                dt.date(2016, 12, 9),
                "Rebels offer a truce",
                "yesterday",
                (b.id,),
                assumed_reference=True,
                article_id=b.id,
                reference=dt.date(2016, 12, 10),
                reference_origin="its dateline",
            ),
        ),
        people=(Person("Bashar al-Assad", "person", ("president",), 4, (a.id,)),),
    )
    store = open_store(db)
    cluster_id = store.save_brief(analysed).id
    store.close()

    page.set_viewport_size(LAPTOP)
    page.goto(f"{base}/clusters/{cluster_id}")
    for section in ("#quotes", "#disagreements", "#timeline", "#people"):
        expect(page.locator(section)).to_be_visible()
    expect(page.locator("#quotes blockquote")).to_contain_text("a win for us")
    expect(page.locator("#quotes")).to_contain_text("Bashar al-Assad, Syrian President")
    expect(page.locator("#disagreements")).to_contain_text("share of east Aleppo taken <b>")
    # A month-precision date stays a month; an assumed date says which date and why, once
    # per article: its later entries are only marked.
    expect(page.locator("#timeline dt")).to_have_text(
        ["2015-12", "2016-12-07", "2016-12-08", "2016-12-09"]
    )
    expect(page.locator("#timeline .badge")).to_have_text(
        [
            "date assumed: 2016-12-08, from article 2's publication date",
            "date assumed",
            "date assumed: 2016-12-10, from its dateline",
        ]
    )
    page.locator("#quotes .marker").first.click()
    expect(page.locator("#article-panel mark")).to_have_text(quote.replace("'", "’"))
    page.screenshot(path=f"{output_path}/analysis-laptop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.click("#article-panel .close")
    page.screenshot(path=f"{output_path}/analysis-phone.png", full_page=True)


def test_search_the_stored_briefs(
    page: Page, server: tuple[str, str], example_dir: Path, output_path: str
) -> None:
    """The search box on the start page filters the list; hostile queries show and match
    literally (no markup, no LIKE wildcards)."""
    base, db = server
    dialogs = record_dialogs(page)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    (cluster,) = load([str(example_dir)]).clusters
    brief = make_brief(cluster)
    odd = 'Vote: 100% "final" <img src=x onerror=alert(1)> in São_Paulo, it\'s done'
    store = open_store(db)
    example_id = store.save_brief(brief).id
    odd_id = store.save_brief(replace(brief, cluster_id="odd", headline=odd)).id
    store.close()

    page.set_viewport_size(LAPTOP)
    page.goto(base + "/")
    box = page.get_by_label("Search stored briefs")
    links = page.locator("#stored .clusters a")
    empty = page.locator("#stored-empty")

    box.fill("ALEPPO")
    expect(page.locator("#stored-count")).to_contain_text("“ALEPPO”")
    expect(links.locator(f'xpath=self::*[@href="/clusters/{example_id}"]')).to_have_count(1)
    expect(links.first).to_have_attribute("href", f"/clusters/{odd_id}")  # newest first
    assert "q=ALEPPO" in page.url

    box.fill("nonexistent-word")
    expect(empty).to_have_text("No stored brief matches “nonexistent-word”.")
    expect(links).to_have_count(0)
    page.screenshot(path=f"{output_path}/search-empty.png", full_page=True)

    # Each of these occurs only in the odd headline (accents and case folded).
    for query in ("<img src=x onerror=alert(1)>", "100%", "%", "_", '"final"', "it's", "SAO_paulo"):
        box.fill(query)
        expect(page.locator("#stored-count")).to_have_text(f"1 brief matches “{query}”.")
        expect(links).to_have_text([odd])
    page.screenshot(path=f"{output_path}/search-hostile.png", full_page=True)

    # As wildcards these would match everything: literally, they match nothing.
    for query in ("%%", "a_e", "<script>alert(2)</script>", "\\"):
        box.fill(query)
        expect(empty).to_have_text(f"No stored brief matches “{query}”.")

    # Enter searches at once, the address keeps the query, and clearing shows all again.
    box.fill("sao paulo")
    box.press("Enter")
    expect(links).to_have_text([odd])
    page.reload()
    expect(box).to_have_value("sao paulo")
    expect(links).to_have_text([odd])
    box.fill("")
    expect(page.locator("#stored-count")).to_have_count(0)
    expect(links.locator(f'xpath=self::*[@href="/clusters/{example_id}"]')).to_have_count(1)
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{output_path}/search-phone.png", full_page=True)
    assert page.locator("main img").count() == 0
    assert dialogs == [] and problems == []


def test_token_is_asked_for_when_the_server_needs_one(
    page: Page, tmp_path: Path, output_path: str
) -> None:
    with running_server(str(tmp_path / "locked.db"), tmp_path / "serve.log", token="t0ken") as base:
        page.goto(base + "/")
        expect(page.locator("#token-row")).to_be_hidden()
        page.fill("#paste-text-1", "The museum reopened on Sunday after a two-year renovation.")
        page.click("#submit")
        expect(page.locator("#status")).to_contain_text("unauthorized")
        expect(page.locator("#token-row")).to_be_visible()
        page.fill("#token", "t0ken")
        page.click("#submit")
        page.wait_for_url(re.compile(r"/clusters/\d+$"))
        expect(page.locator("#summary")).to_contain_text("The museum reopened on Sunday")
        page.screenshot(path=f"{output_path}/after-token.png")


def test_skipped_uploads_are_named_on_the_brief(
    page: Page, server: tuple[str, str], example_dir: Path, tmp_path: Path
) -> None:
    base, _ = server
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\x00\x01\x02 not an article")
    page.goto(base + "/")
    page.set_input_files("#files", [str(next(iter(sorted(example_dir.iterdir())))), str(scan)])
    page.click("#submit")
    page.wait_for_url(re.compile(r"/clusters/\d+$"))
    notice = page.locator(".notice")
    expect(notice).to_contain_text("Some inputs were skipped")
    expect(notice).to_contain_text("scan.pdf")
