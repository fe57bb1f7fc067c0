"""A corpus of malformed and hostile input files, generated into a folder.

Each case is one file (or folder) and what newsweave must make of it: nothing usable
(``usable=False``: every command exits non-zero, naming the file and the problem) or
something usable (the command succeeds, still reporting any problem it met). ``says`` is
a piece of the problem's wording that stderr must contain.

Gzip bombs are built from one small compressed member repeated: a gzip file may hold
many members, and each decompresses to the same large block, so a 2 MB file expands to
gigabytes without ever having to compress gigabytes here.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from newsweave.ingest.limits import MAX_DOCUMENT_BYTES


def _paragraphs(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


ARTICLE = _paragraphs(
    "Syrian army retakes most of eastern Aleppo as rebels call for truce",
    "Syrian government forces have retaken most of the rebel-held east of Aleppo, the army "
    "said on Thursday, after weeks of heavy fighting and air strikes on the city.",
    "Rebel groups called for a five-day truce to allow the evacuation of civilians and "
    "wounded people from the districts they still hold.",
    "President Bashar al-Assad said a victory in Aleppo would be a huge step towards ending "
    "the country's five-year civil war, but would not end the conflict.",
    "The United Nations said tens of thousands of civilians had fled the fighting in recent "
    "days, many of them into government-held western districts.",
)

SECOND = _paragraphs(
    "Aid groups warn of catastrophe for civilians trapped in Aleppo",
    "Aid agencies warned on Friday that civilians trapped in the shrinking rebel enclave of "
    "eastern Aleppo face a catastrophe as food and medicine run out.",
    "The Red Cross said it was ready to evacuate the sick and wounded as soon as the warring "
    "sides agreed to a pause in the fighting.",
    "Russia, an ally of the Syrian government, said talks with the United States on a "
    "ceasefire had made no progress.",
)

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str  # file or folder name inside the corpus root
    usable: bool  # does the input hold at least one usable article?
    says: str  # part of the problem report stderr must contain ("" when nothing to report)
    dataset: bool = False  # shaped like an evaluation dataset (eval, eval-clusters)
    slow: bool = False  # big: exercised through a few commands only


def gzip_bomb(block: bytes, members: int) -> bytes:
    """``members`` copies of one gzip member of ``block``: len(block) * members bytes out."""
    return gzip.compress(block, compresslevel=9, mtime=0) * members


def warc_record(kind: str, uri: str, payload: bytes, length: int | None = None) -> bytes:
    size = len(payload) if length is None else length
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2016-12-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def http_page(text: str, status: str = "200 OK") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    title = text.split("\n", 1)[0]
    body = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()
    head = f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
    return head.encode() + f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def html_page(text: str) -> str:
    return http_page(text).split(b"\r\n\r\n", 1)[1].decode()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
"""


def _rss(items: str, prolog: str = '<?xml version="1.0"?>\n') -> str:
    return f'{prolog}<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>\n'


def _item(title: str, body: str) -> str:
    return f"<item><title>{title}</title><description>{body}</description></item>"


def build(root: Path) -> list[Case]:
    """Write every hostile input into ``root``; return the cases."""
    rng = random.Random(20161208)
    cases: list[Case] = []

    def put(name: str, data: bytes | str, usable: bool, says: str, **kw: bool) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        cases.append(Case(name, usable, says, **kw))

    # --- empty, binary, encodings -------------------------------------------------------
    put("empty.txt", b"", False, "empty")
    put("whitespace.txt", b" \n\t\r\n   \n", False, "empty")
    put("nul-bytes.txt", ARTICLE.encode().replace(b" ", b"\x00"), False, "binary")
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000))
    put("image.txt", png, False, "binary")
    put("scan.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(4000), False, "binary")
    zipped = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", ARTICLE * 5)
    put("archive.json", zipped.getvalue(), False, "binary")
    put("random.txt", rng.randbytes(20000), False, "binary")
    put("random.jsonl", rng.randbytes(20000), False, "binary")
    invalid_utf8 = ARTICLE.encode().replace(b"Thursday", b"Thursday \xff\xfe\xc3")
    put("invalid-utf8.txt", invalid_utf8, True, "not valid UTF-8")
    put("utf16-bom.txt", ARTICLE.encode("utf-16"), True, "")
    put("utf16le-no-bom.txt", ARTICLE.encode("utf-16-le"), True, "")
    put("utf16be-no-bom.html", html_page(ARTICLE).encode("utf-16-be"), True, "")
    latin1 = ARTICLE.replace("Aleppo", "Alepp\u00e9").encode("latin-1")
    put("latin1.txt", latin1, True, "not valid UTF-8")
    put("cr-only.txt", ARTICLE.replace("\n", "\r"), True, "")
    mixed = "".join(line + rng.choice(["\n", "\r\n", "\r"]) for line in ARTICLE.split("\n"))
    put("mixed-endings.txt", mixed, True, "")

    # --- size ---------------------------------------------------------------------------
    over = MAX_DOCUMENT_BYTES + MB  # just over the limit of one document
    line = ("lorem ipsum dolor sit amet " * (4 * over // 27 + 1))[: 4 * over]
    put("one-line-20mb.txt", line, False, "larger than", slow=True)
    long_words = ARTICLE + "\n\n" + " ".join("x" * 100_000 for _ in range(5)) + ".\n"
    put("long-words.txt", long_words, True, "")

    # --- gzip: bombs, truncation ----------------------------------------------------------
    good = warc_record("response", "https://news.example/a", http_page(ARTICLE))
    put("zeros-bomb.jsonl.gz", gzip_bomb(bytes(8 * MB), 256), False, "", slow=True)
    put("line-bomb.jsonl.gz", gzip_bomb(b"a" * (8 * MB), 256), False, "bomb", slow=True)
    put("newline-bomb.jsonl.gz", gzip_bomb(b"\n" * (8 * MB), 256), False, "", slow=True)
    record = json.dumps({"text": ARTICLE}).encode() + b"\n"
    put("records-bomb.jsonl.gz", gzip_bomb(record * 2000, 500), True, "bomb", slow=True)
    put("json-bomb.json.gz", gzip_bomb(b" " * (8 * MB), 256), False, "", slow=True)
    put("warc-bomb.warc.gz", gzip_bomb(bytes(8 * MB), 256), False, "", slow=True)
    body = b"<html><body>" + b"<p>lol</p>" * (over // 10) + b"</body></html>"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    big = warc_record("response", "https://bomb.example/", head + body)
    put("huge-record.warc", big + good, True, "record larger than", slow=True)
    long_line = [json.dumps({"text": ARTICLE}), "x" * over, json.dumps({"text": SECOND})]
    put("long-line.jsonl", "\n".join(long_line), True, "long-line.jsonl:2: line larger than")
    good_lines = b"".join(
        json.dumps({"id": f"c{i}", "articles": [{"text": ARTICLE}, {"text": SECOND}]}).encode()
        + b"\n"
        for i in range(50)
    )
    compressed = gzip.compress(good_lines, mtime=0)
    put("truncated.jsonl.gz", compressed[: len(compressed) * 2 // 3], True, "gzip")
    put("not-gzip.jsonl.gz", b"\x1f\x8b" + rng.randbytes(500), False, "gzip")

    # --- JSON -----------------------------------------------------------------------------
    put("invalid.json", '{"text": "unterminated', False, "invalid JSON")
    put("nested.json", "[" * 100_000 + "]" * 100_000, False, "nested")
    put("nested-objects.json", '{"a":' * 100_000 + "1" + "}" * 100_000, False, "nested")
    put("text-number.json", json.dumps({"text": 42}), False, "text")
    put("text-list.json", json.dumps({"text": ["a", "b"]}), False, "text")
    put("text-null.json", json.dumps({"text": None, "title": ""}), False, "text")
    # A title with a null text is a headline-only article (a feed item): usable.
    put("title-text-null.json", json.dumps({"text": None, "title": "Aleppo falls"}), True, "")
    put("articles-not-list.json", json.dumps({"articles": {"text": ARTICLE}}), False, "list")
    put("articles-empty.json", json.dumps({"articles": []}), False, "list")
    huge_int = '{"text": ' + json.dumps(ARTICLE) + ', "time": ' + "9" * 100_000 + "}"
    put("huge-int.json", huge_int, False, "number too long")
    huge_float = {"text": ARTICLE, "time": 1e308, "title": 1e999}  # 1e999 -> Infinity
    huge_text = {"articles": [{"text": ARTICLE}, {"text": "word " * (over // 5)}]}
    put("huge-text.json", json.dumps(huge_text), True, "huge-text.json#2: document larger than")
    put("huge-float.json", json.dumps(huge_float), True, "")
    put("duplicate-keys.json", '{"text": "x", "text": ' + json.dumps(ARTICLE) + "}", True, "")
    put("top-string.json", json.dumps("just a string"), False, "expected a JSON object")
    put("top-number.json", "12345", False, "expected a JSON object")
    put("top-null.json", "null", False, "expected a JSON object")
    put("list-of-junk.json", json.dumps([1, None, "x", [2]]), False, "expected a JSON object")
    many = json.dumps([[]] * 200_000)  # one problem each: listed up to a limit, then counted
    put("many-bad-records.json", many, False, "more records skipped, not listed one by one")
    many_lines = "\n".join(["[1]"] * 100_000 + [json.dumps({"text": ARTICLE})])
    put("many-bad-lines.jsonl", many_lines, True, "more records skipped")
    mixed_lines = [
        json.dumps({"id": "good-1", "articles": [{"text": ARTICLE}, {"text": SECOND}]}),
        '{"id": "bad", "articles": [',
        "[" * 50_000,
        json.dumps({"id": "numbers", "articles": [1, 2]}),
        "\x00\x01\x02 binary line",
        "not json at all",
        '{"id": "huge", "articles": [{"text": "a", "time": ' + "1" * 50_000 + "}]}",
        json.dumps({"id": "good-2", "articles": [{"text": SECOND}, {"text": ARTICLE}]}),
    ]
    put("mixed.jsonl", "\n".join(mixed_lines) + "\n", True, "mixed.jsonl:2")

    dataset_lines = [
        json.dumps({"id": "d1", "articles": [{"text": ARTICLE}, {"text": SECOND}], "summary": "x"}),
        "{broken",
        json.dumps({"id": "d2", "articles": "nope", "summary": "y"}),
        json.dumps(
            {"id": "d3", "articles": [{"text": SECOND}, {"text": ARTICLE}], "summary": "Aleppo."}
        ),
    ]
    text = "\n".join(dataset_lines) + "\n"
    put("dataset-mixed.jsonl", text, True, "dataset-mixed.jsonl:2", dataset=True)

    # --- HTML -----------------------------------------------------------------------------
    put("script-only.html", "<html><script>" + "var a=1;" * 1000 + "</script></html>", False, "")
    put("nested-divs.html", "<div>" * 10_000 + ARTICLE + "</div>" * 10_000, False, "no article")
    put("laughs.html", BILLION_LAUGHS + "<html><body><p>&lol9;</p></body></html>", False, "")
    xxe_html = XXE + "<html><body><p>&xxe;</p></body></html>"
    put("xxe.html", xxe_html, False, "")
    refresh = (
        '<html><head><meta http-equiv="refresh" content="0; url=https://e.example/"></head></html>'
    )
    put("meta-refresh.html", refresh, False, "")
    huge_attr = (
        f'<html><body><div data-x="{"A" * (4 * MB)}"></div>{html_page(ARTICLE)}</body></html>'
    )
    put("huge-attribute.html", huge_attr, True, "")
    unclosed = (
        "<html><body><article><h1>Aleppo<p>" + "<p>".join(ARTICLE.split("\n\n")) + "<div><b><i>"
    )
    put("unclosed.html", unclosed, True, "")
    put("not-really.html", "just a short note, not a page", False, "")

    # --- feeds ----------------------------------------------------------------------------
    laughs_rss = _rss(_item("Laughs", "&lol9;"), BILLION_LAUGHS)
    put("laughs.rss", laughs_rss, False, "entities")
    xxe_rss = _rss(_item("Leak", "&xxe;") + _item("Aleppo", ARTICLE.replace("\n", " ")), XXE)
    put("xxe.rss", xxe_rss, False, "entities")
    put("malformed.rss", "<rss><channel><item><title>Aleppo</tit", False, "feed")
    put("no-entries.rss", _rss(""), False, "no entries")
    huge_entry = _item("Aleppo", ARTICLE.replace("\n", " ")) + _item("Big", "word " * (over // 5))
    put("huge-entry.rss", _rss(huge_entry), True, "huge-entry.rss#2: document larger than")
    put("garbage.atom", rng.randbytes(3000), False, "")

    # --- WARC -----------------------------------------------------------------------------
    second = warc_record("response", "https://news.example/b", http_page(SECOND))
    put("truncated.warc", good + second[: len(second) // 2], True, "")
    wrong = warc_record("response", "https://news.example/w", http_page(SECOND), length=999_999)
    put("wrong-length.warc", good + wrong, True, "")
    short = warc_record("response", "https://news.example/s", http_page(SECOND), length=40)
    put("short-length.warc", good + short + good, True, "")
    non_http = warc_record("resource", "file:///a.txt", ARTICLE.encode())
    non_http += warc_record("metadata", "urn:x", b"fetchTimeMs: 12")
    non_http += warc_record("response", "dns:news.example", b"20161208 news.example. 1.2.3.4")
    put("non-http.warc", non_http, False, "")
    member_1 = gzip.compress(good, mtime=0)
    member_2 = bytearray(gzip.compress(second, mtime=0))
    member_2[len(member_2) // 2 : len(member_2) // 2 + 20] = bytes(20)
    put("broken-member.warc.gz", member_1 + bytes(member_2) + member_1, True, "")
    put("text-as.warc", ARTICLE, False, "WARC")

    # --- names ----------------------------------------------------------------------------
    put("name with spaces.txt", ARTICLE, True, "")
    put("ünïcødé-名前.txt", ARTICLE, True, "")
    put("new\nline.txt", ARTICLE, True, "")
    put("[markup]-like.txt", b"", False, "[markup]-like.txt")
    put(os.fsdecode(b"latin1-caf\xe9.txt"), ARTICLE, True, "")  # a name that is not UTF-8
    surrogates = '{"id": "s", "articles": [{"text": %s, "title": "Aleppo \\udfff"}]}\n'
    text_with_surrogate = json.dumps(ARTICLE)[:-1] + ' \\ud800"'  # a JSON escape, unpaired
    put("lone-surrogates.jsonl", surrogates % text_with_surrogate, True, "")
    put("unknown.xyz", ARTICLE, False, "unsupported file type")

    # --- folders --------------------------------------------------------------------------
    folder = root / "special-dir"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "missing")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    locked = folder / "locked.txt"
    locked.write_text(SECOND)
    locked.chmod(0)
    cases.append(Case("special-dir", True, "pipe.txt"))
    useless = root / "useless-dir"
    useless.mkdir()
    (useless / ".hidden.txt").write_text(ARTICLE)
    (useless / "empty.txt").write_bytes(b"")
    (useless / "photo.txt").write_bytes(png)
    cases.append(Case("useless-dir", False, "photo.txt"))
    (root / "empty-dir").mkdir()
    cases.append(Case("empty-dir", False, "no files"))
    return cases
