"""The REST API: every endpoint, every error status, the token, restart persistence."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsweave.store import open_store
from newsweave.store.engine import make_engine
from newsweave.web import Limits, create_app
from newsweave.web.schemas import MAX_ID
from servers import serve_process as running_server

TOKEN = "s3cret-token"


def example_files(example_dir: Path) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("file", (p.name, p.read_bytes(), "text/plain")) for p in sorted(example_dir.iterdir())]


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    """The app over an empty store: once on SQLite, once on a real PostgreSQL."""
    limits = Limits(request_bytes=200_000, article_chars=20_000, articles_per_cluster=6)
    store = open_store(store_url)
    with TestClient(create_app(store, limits=limits)) as test_client:
        yield test_client
    store.close()


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[TestClient]:
    store = open_store(str(tmp_path / "locked.db"))
    with TestClient(create_app(store, token=TOKEN)) as test_client:
        yield test_client
    store.close()


def assert_error(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "detail"}
    assert body["error"] and body["detail"]
    return body


def upload_example(client: TestClient, example_dir: Path) -> list[int]:
    response = client.post("/api/articles", files=example_files(example_dir))
    assert response.status_code == 201, response.text
    return [a["id"] for a in response.json()["articles"]]


# --- articles ---------------------------------------------------------------------------


def test_upload_files_stores_one_article_each(client: TestClient, example_dir: Path) -> None:
    response = client.post("/api/articles", files=example_files(example_dir))
    assert response.status_code == 201
    body = response.json()
    assert [a["origin"] for a in body["articles"]] == sorted(p.name for p in example_dir.iterdir())
    assert body["articles"][0]["title"] == "Syrian President assures victory in Aleppo"
    assert body["rejected"] == []


def test_upload_reports_bad_files_and_keeps_good_ones(
    client: TestClient, example_dir: Path
) -> None:
    good = example_files(example_dir)[:1]
    bad = [("file", ("scan.pdf", b"%PDF-1.4\x00\x01\x02", "application/pdf"))]
    body = client.post("/api/articles", files=good + bad).json()
    assert len(body["articles"]) == 1
    assert body["rejected"][0]["where"] == "scan.pdf"
    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.counts()["rejections"] == 1  # kept, though tied to no cluster


def test_upload_of_only_bad_files_is_422(client: TestClient) -> None:
    body = assert_error(
        client.post("/api/articles", files=[("file", ("empty.txt", b"   \n", "text/plain"))]), 422
    )
    assert body["detail"][0]["where"] == "empty.txt"  # type: ignore[index]


def test_multipart_without_a_file_is_422(client: TestClient) -> None:
    assert_error(client.post("/api/articles", data={"note": "no file"}, files={}), 415)
    response = client.post(
        "/api/articles",
        content=b'--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b--\r\n',
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert_error(response, 422)


def test_json_article_text_and_html(client: TestClient) -> None:
    text = {"text": "Rebels left the old city on Tuesday. The army moved in.", "title": "Aleppo"}
    created = client.post("/api/articles", json=text)
    assert created.status_code == 201
    article = created.json()["articles"][0]
    assert article["title"] == "Aleppo"
    detail = client.get(f"/api/articles/{article['id']}").json()
    assert detail["text"] == text["text"]

    page = (
        "<html><head><title>Ceasefire talks</title></head><body><article><h1>Ceasefire talks</h1>"
        "<p>Diplomats met in Geneva on Saturday to discuss a ceasefire in Aleppo, officials said."
        "</p><p>No agreement was reached after several hours of talks.</p></article></body></html>"
    )
    created = client.post("/api/articles", json={"html": page, "source": "Wire"})
    assert created.status_code == 201, created.text
    detail = client.get(f"/api/articles/{created.json()['articles'][0]['id']}").json()
    assert "Diplomats met in Geneva" in detail["text"]
    assert "<p>" not in detail["text"]
    assert detail["source"] == "Wire"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "html": "<p>b</p>"},
        {"text": "   "},
        {"text": 3},
        {"text": "x", "bogus": 1},
        [],
    ],
)
def test_invalid_json_article_is_422(client: TestClient, body: object) -> None:
    assert_error(client.post("/api/articles", json=body), 422)


def test_nul_and_control_characters_are_stored_not_500(client: TestClient) -> None:
    # PostgreSQL text cannot hold NUL: it is dropped, like any other invisible control.
    text = "The vote\u0000 passed on Monday.\u0007 Turnout was high.\n\nResults came late."
    created = client.post("/api/articles", json={"text": text, "title": "Vote\u0000"})
    assert created.status_code == 201, created.text
    detail = client.get(f"/api/articles/{created.json()['articles'][0]['id']}").json()
    assert "\u0000" not in detail["text"] and detail["title"] == "Vote"
    cluster = client.post("/api/clusters", json={"articles": [{"text": text}]})
    assert cluster.status_code == 201, cluster.text
    upload = [("file", ("nul\u0000.txt", b"Title\n\nBody text here.", "text/plain"))]
    response = client.post("/api/articles", files=upload)
    assert response.status_code == 201, response.text
    assert "\x00" not in response.json()["articles"][0]["origin"]


def test_non_utf8_and_broken_multipart_are_400(client: TestClient) -> None:
    for path in ("/api/articles", "/api/clusters"):
        bad = client.post(
            path, content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"}
        )
        assert_error(bad, 400)
    no_boundary = client.post(
        "/api/articles", content=b"garbage", headers={"content-type": "multipart/form-data"}
    )
    assert_error(no_boundary, 400)


def test_malformed_json_is_400(client: TestClient) -> None:
    for path in ("/api/articles", "/api/clusters"):
        response = client.post(
            path, content=b'{"text": ', headers={"content-type": "application/json"}
        )
        assert_error(response, 400)


@pytest.mark.parametrize("ctype", ["text/plain", "application/xml", None])
def test_wrong_content_type_is_415(client: TestClient, ctype: str | None) -> None:
    headers = {"content-type": ctype} if ctype else {}
    for path in ("/api/articles", "/api/clusters"):
        assert_error(client.post(path, content=b"hello", headers=headers), 415)
    multipart = client.post("/api/clusters", files=[("file", ("a.txt", b"x", "text/plain"))])
    assert_error(multipart, 415)


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_a_method_a_path_does_not_take_is_405(client: TestClient, method: str) -> None:
    # Whatever the body's type: the method is what is wrong.
    for path in ("/api/articles", "/api/clusters"):
        assert_error(client.request(method, path, content=b"hello"), 405)


def test_oversize_article_is_413(client: TestClient) -> None:
    long_text = "The siege went on. " * 1500  # ~28,000 characters, over the 20,000 limit
    assert_error(client.post("/api/articles", json={"text": long_text}), 413)
    assert_error(client.post("/api/clusters", json={"articles": [{"text": long_text}]}), 413)
    upload = [("file", ("long.txt", long_text.encode(), "text/plain"))]
    assert_error(client.post("/api/articles", files=upload), 413)


def test_oversize_request_is_413_with_and_without_content_length(client: TestClient) -> None:
    big = json.dumps({"text": "x" * 300_000}).encode()
    declared = client.post(
        "/api/articles", content=big, headers={"content-type": "application/json"}
    )
    assert_error(declared, 413)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(big), 16_384):
            yield big[start : start + 16_384]

    streamed = client.post(
        "/api/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in streamed.request.headers
    assert_error(streamed, 413)


def test_gzip_bomb_is_413_and_gzip_upload_reads(client: TestClient) -> None:
    lines = [json.dumps({"text": f"Report {i}. The dam held through the night."}) for i in range(3)]
    small = gzip.compress("\n".join(lines).encode())
    upload = [("file", ("reports.jsonl.gz", small, "application/gzip"))]
    created = client.post("/api/articles", files=upload)
    assert created.status_code == 201, created.text
    assert len(created.json()["articles"]) == 3
    bomb = gzip.compress(b" " * 80_000_000)  # ~80 kB compressed, 80 MB inflated
    assert len(bomb) < 200_000
    upload = [("file", ("bomb.jsonl.gz", bomb, "application/gzip"))]
    assert_error(client.post("/api/articles", files=upload), 413)


def test_too_many_files_or_articles_is_413(client: TestClient, example_dir: Path) -> None:
    files = example_files(example_dir) * 2  # 8 files, limit 6
    assert_error(client.post("/api/articles", files=files), 413)
    articles = [{"text": f"Article number {i} says something."} for i in range(7)]
    assert_error(client.post("/api/clusters", json={"articles": articles}), 413)


@pytest.mark.parametrize("bad_id", ["0", "-1", str(MAX_ID + 1), str(2**64), "abc", "1.5"])
def test_bad_ids_are_422_not_500(client: TestClient, bad_id: str) -> None:
    for path in (
        f"/api/articles/{bad_id}",
        f"/api/clusters/{bad_id}",
        f"/api/clusters/{bad_id}/brief",
    ):
        assert_error(client.get(path), 422)
    assert_error(client.delete(f"/api/clusters/{bad_id}"), 422)


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in ("/api/articles/77", "/api/clusters/77", "/api/clusters/77/brief"):
        assert_error(client.get(path), 404)
    assert_error(client.delete("/api/clusters/77"), 404)
    assert_error(client.get(f"/api/clusters/{MAX_ID}"), 404)


# --- clusters ---------------------------------------------------------------------------


def test_cluster_from_uploaded_articles(client: TestClient, example_dir: Path) -> None:
    ids = upload_example(client, example_dir)
    response = client.post("/api/clusters", json={"article_ids": ids, "words": 60})
    assert response.status_code == 201
    cluster = response.json()
    assert cluster["article_ids"] == ids
    brief = cluster["brief"]
    assert brief["budget_words"] == 60
    assert 0 < sum(len(s["text"].split()) for s in brief["summary"]) <= 60
    for sentence in brief["summary"]:  # every cited span points into its article's text
        article = next(a for a in brief["articles"] if a["id"] == sentence["article_id"])
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]

    fetched = client.get(f"/api/clusters/{cluster['id']}").json()
    assert fetched == cluster
    listed = client.get("/api/clusters").json()
    assert listed["total"] == 1
    assert listed["clusters"][0]["id"] == cluster["id"]
    assert listed["clusters"][0]["title"] == cluster["title"]


def test_cluster_from_ids_and_inline_articles(client: TestClient, example_dir: Path) -> None:
    ids = upload_example(client, example_dir)[:2]
    inline = [
        {
            "text": "Syrian rebels discussed leaving Aleppo with US diplomats on Wednesday.",
            "title": "Talks",
        },
        {"text": ""},
    ]
    response = client.post("/api/clusters", json={"article_ids": ids + ids, "articles": inline[:1]})
    assert response.status_code == 201, response.text
    assert response.json()["brief"]["sources"][2]["title"] == "Talks"
    assert len(response.json()["article_ids"]) == 3  # repeated ids count once
    assert_error(client.post("/api/clusters", json={"articles": inline[1:]}), 422)


def test_headline_only_articles_are_accepted_inline(client: TestClient) -> None:
    inline = [
        {"title": "Montenegro becomes 29th NATO member; First New Member in a Decade"},
        {"title": "Defying Russia, Montenegro finally joins NATO", "text": ""},
        {"title": "Montenegro joins NATO", "html": ""},
    ]
    response = client.post("/api/clusters", json={"articles": inline})
    assert response.status_code == 201, response.text
    brief = response.json()["brief"]
    assert len(brief["sources"]) == 3
    assert any("Montenegro" in s["text"] for s in brief["summary"])
    stored = client.post("/api/articles", json=inline[0])
    assert stored.status_code == 201, stored.text
    article_id = stored.json()["articles"][0]["id"]
    assert client.get(f"/api/articles/{article_id}").json()["text"] == inline[0]["title"]
    # Neither a title nor a body: still refused, saying what is missing.
    body = assert_error(client.post("/api/clusters", json={"articles": [{"source": "x"}]}), 422)
    assert "title" in json.dumps(body["detail"])


def test_bad_cluster_requests_are_422(client: TestClient) -> None:
    assert_error(client.post("/api/clusters", json={}), 422)
    assert_error(client.post("/api/clusters", json={"article_ids": [999]}), 422)
    assert_error(client.post("/api/clusters", json={"article_ids": ["x"]}), 422)
    text = {"articles": [{"text": "Some text here."}]}
    assert_error(client.post("/api/clusters", json={**text, "summarizer": "nope"}), 422)
    assert_error(client.post("/api/clusters", json={**text, "words": 0}), 422)
    assert_error(client.post("/api/clusters", json={**text, "colour": "red"}), 422)


def test_brief_in_every_format(client: TestClient, example_dir: Path) -> None:
    ids = upload_example(client, example_dir)
    cid = client.post("/api/clusters", json={"article_ids": ids}).json()["id"]
    as_json = client.get(f"/api/clusters/{cid}/brief?format=json")
    assert as_json.headers["content-type"] == "application/json"
    assert as_json.json()["cluster_id"].startswith("c-")
    markdown = client.get(f"/api/clusters/{cid}/brief", params={"format": "markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# ")
    assert "huge step" in markdown.text and "## Sources" in markdown.text
    html = client.get(f"/api/clusters/{cid}/brief?format=html")
    assert html.headers["content-type"].startswith("text/html")
    assert "script-src" not in html.headers["content-security-policy"]  # default-src 'none'
    assert "default-src 'none'" in html.headers["content-security-policy"]
    download = client.get(f"/api/clusters/{cid}/brief?format=markdown&download=true")
    assert download.headers["content-disposition"] == f'attachment; filename="brief-{cid}.md"'
    assert_error(client.get(f"/api/clusters/{cid}/brief?format=pdf"), 422)


def test_list_paging_and_bounds(client: TestClient) -> None:
    for i in range(3):
        text = f"Report {i}: the convoy reached the city on Monday and left on Tuesday."
        client.post("/api/clusters", json={"articles": [{"text": text}]})
    page = client.get("/api/clusters?limit=2&offset=1").json()
    assert (page["total"], page["limit"], page["offset"], len(page["clusters"])) == (3, 2, 1, 2)
    assert_error(client.get("/api/clusters?limit=0"), 422)
    assert_error(client.get(f"/api/clusters?offset={2**70}"), 422)


def test_list_search(client: TestClient) -> None:
    image = "<img src=x onerror=alert(1)>"
    reports = [
        ("Bridge", "The council voted to rebuild the bridge in São Paulo on Monday."),
        ("Turnout", "Turnout reached 100% in district_9, officials said on Tuesday."),
        (f"Hostile {image}", 'A "quoted" remark, 50% of it <b>bold</b>, on Friday.'),
    ]
    created = [
        client.post("/api/clusters", json={"articles": [{"text": text, "title": title}]})
        for title, text in reports
    ]
    bridge, turnout, hostile = (response.json()["id"] for response in created)

    def search(q: str, **params: object) -> tuple[int, list[int]]:
        page = client.get("/api/clusters", params={"q": q, **params}).json()
        return page["total"], [c["id"] for c in page["clusters"]]

    assert search("SAO paulo") == (1, [bridge])
    assert search("on") == (3, [hostile, turnout, bridge])
    assert search("on", limit=1, offset=1) == (3, [turnout])
    assert search("bridge tuesday") == (0, [])
    assert search("%") == (2, [hostile, turnout])
    assert search("_") == (1, [turnout])
    assert search(image) == (1, [hostile])
    assert search('"quoted"') == (1, [hostile])
    assert search("") == (3, [hostile, turnout, bridge])
    assert search("x" * 200) == (0, [])
    body = assert_error(client.get("/api/clusters", params={"q": "x" * 201}), 422)
    assert body["detail"][0]["loc"] == ["query", "q"]


def test_delete_cluster(client: TestClient) -> None:
    created = client.post("/api/clusters", json={"articles": [{"text": "One short report."}]})
    cid = created.json()["id"]
    assert client.delete(f"/api/clusters/{cid}").status_code == 204
    assert_error(client.get(f"/api/clusters/{cid}"), 404)
    assert client.get("/api/clusters").json()["total"] == 0


def test_a_bug_is_a_json_500_and_a_dead_store_a_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]

    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "count_clusters", broken)
    with TestClient(client.app, raise_server_exceptions=False) as plain:
        response = plain.get("/api/clusters")
        assert_error(response, 500)
        assert "boom" not in response.text
    monkeypatch.undo()
    store.close()
    store.engine = make_engine("postgresql://nobody@127.0.0.1:1/none")  # nothing listens
    assert_error(client.get("/api/clusters"), 503)


def test_unknown_route_and_method_are_json_errors(client: TestClient) -> None:
    assert_error(client.get("/api/nothing"), 404)
    response = client.put("/api/clusters/1", json={})
    assert_error(response, 405)
    assert "GET" in response.headers["allow"]


# --- token ------------------------------------------------------------------------------


def test_token_guards_every_write(locked: TestClient, example_dir: Path) -> None:
    writes = [
        ("POST", "/api/articles", {"json": {"text": "A report."}}),
        ("POST", "/api/clusters", {"json": {"articles": [{"text": "A report."}]}}),
        ("DELETE", "/api/clusters/1", {}),
    ]
    for method, path, kwargs in writes:
        missing = locked.request(method, path, **kwargs)  # type: ignore[arg-type]
        assert_error(missing, 401)
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = locked.request(method, path, headers={"authorization": "Bearer nope"}, **kwargs)  # type: ignore[arg-type]
        assert_error(wrong, 401)
    # The token is checked before the body: a bad body without a token is still a 401.
    assert_error(
        locked.post("/api/clusters", content=b"{", headers={"content-type": "text/plain"}), 401
    )

    auth = {"authorization": f"Bearer {TOKEN}"}
    created = locked.post("/api/clusters", json=writes[1][2]["json"], headers=auth)
    assert created.status_code == 201
    cid = created.json()["id"]
    assert locked.get(f"/api/clusters/{cid}").status_code == 200  # reads stay open
    assert locked.get("/api/clusters").status_code == 200
    assert locked.delete(f"/api/clusters/{cid}", headers=auth).status_code == 204


# --- UI, headers, OpenAPI ---------------------------------------------------------------


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/clusters/1", "/static/app.js", "/api/clusters", "/api/clusters/99"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_ui_ships_its_own_assets_and_never_uses_inner_html(client: TestClient) -> None:
    page = client.get("/").text
    assert '<script src="/static/app.js"' in page
    assert "<script>" not in page  # no inline script: the CSP would block it anyway
    assert "http://" not in page and "https://" not in page
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script
    css = client.get("/static/app.css").text
    assert "url(" not in css and "@import" not in css


def test_openapi_documents_every_status(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    expected = {
        ("/api/articles", "post"): {"201", "400", "401", "413", "415", "422"},
        ("/api/articles/{article_id}", "get"): {"200", "404", "422"},
        ("/api/clusters", "post"): {"201", "400", "401", "413", "415", "422"},
        ("/api/clusters", "get"): {"200", "422"},
        ("/api/clusters/{cluster_id}", "get"): {"200", "404", "422"},
        ("/api/clusters/{cluster_id}", "delete"): {"204", "401", "404", "422"},
        ("/api/clusters/{cluster_id}/brief", "get"): {"200", "404", "422"},
    }
    documented = {(p, m) for p, ops in paths.items() for m in ops}
    assert documented == set(expected)
    for (path, method), statuses in expected.items():
        assert set(paths[path][method]["responses"]) == statuses | {"503"}, (path, method)
    body = paths["/api/articles"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


# --- a real server, restarted -----------------------------------------------------------


def test_briefs_survive_a_server_restart(tmp_path: Path, example_dir: Path) -> None:
    db = str(tmp_path / "restart.db")
    log = tmp_path / "serve.log"
    with running_server(db, log) as base:
        ids = httpx.post(f"{base}/api/articles", files=example_files(example_dir)).json()
        ids = [a["id"] for a in ids["articles"]]
        first = httpx.post(f"{base}/api/clusters", json={"article_ids": ids}, timeout=60).json()
        second = httpx.post(
            f"{base}/api/clusters", json={"article_ids": ids[:2], "words": 40}, timeout=60
        ).json()
        before = {c["id"]: c for c in httpx.get(f"{base}/api/clusters").json()["clusters"]}
        markdown = httpx.get(f"{base}/api/clusters/{first['id']}/brief?format=markdown").text
    with running_server(db, log) as base:
        after = {c["id"]: c for c in httpx.get(f"{base}/api/clusters").json()["clusters"]}
        assert after == before
        assert set(after) == {first["id"], second["id"]}
        assert httpx.get(f"{base}/api/clusters/{first['id']}").json() == first
        assert httpx.get(f"{base}/api/clusters/{second['id']}").json() == second
        again = httpx.get(f"{base}/api/clusters/{first['id']}/brief?format=markdown").text
        assert again == markdown


def test_serve_takes_the_token_from_the_environment(tmp_path: Path) -> None:
    with running_server(str(tmp_path / "env.db"), tmp_path / "serve.log", env_token=TOKEN) as base:
        body = {"articles": [{"text": "The bridge reopened on Friday after repairs."}]}
        assert httpx.post(f"{base}/api/clusters", json=body).status_code == 401
        auth = {"authorization": f"Bearer {TOKEN}"}
        created = httpx.post(f"{base}/api/clusters", json=body, headers=auth, timeout=60)
        assert created.status_code == 201
        assert httpx.get(f"{base}/api/clusters").json()["total"] == 1
