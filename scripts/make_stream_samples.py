"""Build the stream samples in tests/data/stream/ (run again to regenerate them).

    PYTHONPATH=src python scripts/make_stream_samples.py [--data ../shared/data]

* ``events.warc.gz``: the four example articles (examples/aleppo-2016-12) and two unrelated
  Multi-News dev clusters, each article wrapped in a simple news page, plus records that
  must be reported but never stop the archive: a request record, an image, an HTTP 404,
  a page with no article text, and a truncated record at the end.
* ``feed.rss`` and ``feed.atom``: WCEP dev articles as RSS and Atom entries, the RSS one
  with an entry that has no text.
* ``articles.jsonl``: WCEP dev articles, one per line, with a line of broken JSON and
  an article without text.
* ``multinews-slice.jsonl``: the first 25 Multi-News dev clusters, for clustering tests.
* ``../headlines/``: headline-only material from WCEP dev (``build_headlines``).

Dates and outlet names of the Multi-News and WCEP articles are made up for the samples
(the datasets have none); the example articles keep the date in their text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "stream"
EXAMPLES = ROOT / "examples" / "aleppo-2016-12"
UNRELATED = ("mn-dev-0005", "mn-dev-0024")  # a Pittsburgh court case; Eichmann's plea
EXAMPLE_OUTLETS = ("worldnews.example", "wire.example", "daily.example", "globe.example")


def page(title: str, paragraphs: list[str], day: dt.date, outlet: str) -> bytes:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="article:published_time" content="{day.isoformat()}T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{escape(title)}</h1>
{body}
</article>
<footer>Copyright {day.year} {escape(outlet)}</footer>
</body></html>"""
    return html.encode("utf-8")


def response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def example_pages() -> list[tuple[str, list[str], dt.date]]:
    pages = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("date 2016-12-08", "", 1)
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        # The title is the first line the cleaner keeps (one file opens with a ticker).
        title = clean_text(text, title_in_text=True).title
        pages.append((title, [ln for ln in lines if ln != title], dt.date(2016, 12, 8)))
    return pages


def clusters(data: Path, name: str) -> dict[str, dict[str, object]]:
    with open(data / name, encoding="utf-8") as handle:
        return {r["id"]: r for r in map(json.loads, handle)}


def build_warc(data: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warc_record(
            "events.warc.gz",
            "warcinfo",
            payload=io.BytesIO(b"software: newsweave sample builder\r\n"),
        )
    )
    for (title, paragraphs, day), outlet in zip(example_pages(), EXAMPLE_OUTLETS, strict=True):
        url = f"https://{outlet}/2016/12/{title.lower().replace(' ', '-')[:40]}"
        request = StatusAndHeaders(
            f"GET {url} HTTP/1.1", [("Host", outlet)], protocol="HTTP/1.1", is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
        )
        response(writer, url, page(title, paragraphs, day, outlet), "text/html; charset=utf-8")
    multinews = clusters(data, "multinews-dev.jsonl")
    for offset, cluster_id in enumerate(UNRELATED):
        day = dt.date(2016, 12, 6 + offset)
        for k, article in enumerate(multinews[cluster_id]["articles"]):  # type: ignore[arg-type]
            lines = [ln.strip() for ln in article["text"].splitlines() if ln.strip()]
            outlet = f"outlet{k}.example"
            url = f"https://{outlet}/{cluster_id}/{k}"
            response(writer, url, page(lines[0][:90], lines, day, outlet), "text/html")
    response(writer, "https://img.example/a.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    response(
        writer, "https://gone.example/x", b"<html>Not found</html>", "text/html", "404 Not Found"
    )
    empty = b"<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"
    response(writer, "https://menu.example/", empty, "text/html")
    # A last record cut off mid-write, as a crawler killed while writing leaves it: its
    # header promises more bytes than follow.
    cut = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://cut.example/\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 5000\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Cut off in the mid"
    )
    (OUT / "events.warc.gz").write_bytes(out.getvalue() + gzip.compress(cut, mtime=0))


def rss(entries: list[dict[str, str]]) -> str:
    items = []
    for e in entries:
        description = f"<description>{escape(e['html'])}</description>" if e["html"] else ""
        items.append(
            f"<item><title>{escape(e['title'])}</title><link>{e['link']}</link>"
            f"<pubDate>{e['date']}</pubDate>{description}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Sample Wire</title><link>https://wire.example/</link>"
        "<description>Sample feed</description>\n" + "\n".join(items) + "\n</channel></rss>\n"
    )


def atom(entries: list[dict[str, str]]) -> str:
    items = [
        f'<entry><title>{escape(e["title"])}</title><link href="{e["link"]}"/>'
        f"<id>{e['link']}</id><updated>{e['iso']}</updated>"
        f'<content type="html">{escape(e["html"])}</content></entry>'
        for e in entries
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Sample Atom News</title><id>https://atom.example/</id>"
        "<updated>2017-06-08T00:00:00Z</updated>\n" + "\n".join(items) + "\n</feed>\n"
    )


def build_feeds_and_jsonl(data: Path) -> None:
    wcep = list(clusters(data, "wcep-dev.jsonl").values())
    entries = []
    for n, cluster in enumerate(wcep[:8]):
        article = cluster["articles"][0]  # type: ignore[index]
        day = dt.date(2017, 6, 1) + dt.timedelta(days=n % 4)
        entries.append(
            {
                "title": article["title"],
                "html": "".join(f"<p>{escape(s)}</p>" for s in article["text"].split(". ")),
                "link": f"https://news{n}.example/story/{n}",
                "date": f"{day.strftime('%a, %d %b %Y')} 08:00:00 GMT",
                "iso": f"{day.isoformat()}T08:00:00Z",
            }
        )
    broken = {
        **entries[0],
        "title": "An entry without text",
        "html": "",
        "link": "https://x.example/",
    }
    (OUT / "feed.rss").write_text(rss([*entries[:3], broken]), encoding="utf-8")
    (OUT / "feed.atom").write_text(atom(entries[3:5]), encoding="utf-8")
    lines = []
    for n, cluster in enumerate(wcep[8:14]):
        article = cluster["articles"][0]  # type: ignore[index]
        record = {
            "title": article["title"],
            "text": article["text"],
            "url": f"https://paper{n}.example/a/{n}",
            "time": f"2017-06-0{1 + n % 4}T10:00:00",
            "source": f"paper{n}.example",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.insert(2, '{"title": "broken line", "text": "no closing quote}')
    lines.insert(4, json.dumps({"title": "An article without text", "text": "   "}))
    (OUT / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


# WCEP dev events whose articles are headlines of one story from different outlets, and
# single-article events beside them: a headline feed's material (tests/data/headlines).
HEADLINE_EVENTS = ("wcep-0008", "wcep-0048", "wcep-0112", "wcep-0140", "wcep-0141", "wcep-0168")
HEADLINE_SINGLES = 6


def build_headlines(data: Path) -> None:
    """``feed.rss``: title-only RSS items (no description), each event on its own day;
    ``titles.jsonl``: the same headlines as JSON items whose text is their title, plus a
    line with neither title nor text (a problem) and an exact repeat of a headline from
    another outlet (a syndicated copy to fold)."""
    out = ROOT / "tests" / "data" / "headlines"
    out.mkdir(parents=True, exist_ok=True)
    wcep = clusters(data, "wcep-dev.jsonl")
    singles = [k for k, c in wcep.items() if len(c["articles"]) == 1][:HEADLINE_SINGLES]  # type: ignore[arg-type]
    entries, lines = [], []
    for n, key in enumerate([*HEADLINE_EVENTS, *singles]):
        day = dt.date(2017, 6, 1) + dt.timedelta(days=n % 6)
        for m, article in enumerate(wcep[key]["articles"]):  # type: ignore[attr-defined]
            link = f"https://outlet{m}.example/{key}/{m}"
            entries.append({"title": article["title"], "html": "", "link": link,
                            "date": f"{day.strftime('%a, %d %b %Y')} 08:00:00 GMT"})  # fmt: skip
            record = {"title": article["title"], "text": article["title"], "url": link,
                      "time": day.isoformat(), "event": key}  # fmt: skip
            lines.append(json.dumps(record, ensure_ascii=False))
    copy = json.loads(lines[0])
    lines.append(json.dumps({**copy, "url": "https://syndicator.example/copy"}, ensure_ascii=False))
    lines.insert(3, json.dumps({"url": "https://empty.example/", "title": "", "text": " "}))
    (out / "feed.rss").write_text(rss(entries), encoding="utf-8")
    (out / "titles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = wcep[HEADLINE_EVENTS[0]]["articles"][0]["title"]  # type: ignore[index]
    (out / "title-only.txt").write_text(f"date 2017-06-01 {first}\n", encoding="utf-8")


def build_slice(data: Path) -> None:
    with open(data / "multinews-dev.jsonl", encoding="utf-8") as handle:
        head = [next(handle) for _ in range(25)]
    (OUT / "multinews-slice.jsonl").write_text("".join(head), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_warc(args.data)
    build_feeds_and_jsonl(args.data)
    build_slice(args.data)
    build_headlines(args.data)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
