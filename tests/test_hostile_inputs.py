"""Malformed and hostile inputs (tests/hostile_corpus.py) through every entry point.

The rule for each: a clear message naming the file and the problem, a non-zero exit when
nothing was usable (zero, with the problem still reported, when the batch had good
articles too), a 4xx with a JSON error from the API, and never a traceback, a hang or
unbounded memory. Each command runs once per input in-process (fast), with an alarm as a
hang guard, and the real ``newsweave`` program runs in a subprocess with a timeout on the
whole corpus and on the inputs that could block (a FIFO, /dev/zero, a bomb on stdin).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import stat
import subprocess
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_corpus
from hostile_corpus import ARTICLE, SECOND, Case
from newsweave import clean
from newsweave.cli import main
from newsweave.errors import NewsweaveError
from newsweave.ingest import limits, read_bytes, read_inputs, sniff
from newsweave.model import Article, Problem, RawDocument
from newsweave.pipeline import group_documents, make_brief
from newsweave.store import open_store
from newsweave.web import create_app

SRC = Path(__file__).resolve().parent.parent / "src"
HANG_GUARD = 60  # seconds; generous: a guard against hangs, not a timing assertion
STREAM_COMMANDS = ("summarize", "cluster", "digest")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Case]]]:
    root = tmp_path_factory.mktemp("hostile")
    cases = hostile_corpus.build(root)
    yield root, cases
    (root / "special-dir" / "locked.txt").chmod(0o644)  # let pytest clean it up


class Hang(Exception):
    pass


@contextmanager
def hang_guard(seconds: int = HANG_GUARD) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def shown(path: Path | str) -> str:
    """A path as the CLI prints it (control characters escaped)."""
    return str(path).replace("\n", "\\n")


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with hang_guard():
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def verdict(case: Case, root: Path, code: int, err: str) -> str | None:
    """What is wrong with one run, or None."""
    if "Traceback" in err or "internal error" in err or "unexpected error" in err:
        return f"crashed: {err.strip()[-300:]}"
    if "Remainder:" in err:  # warcio's own multi-line warning, printed around our report
        return f"a library wrote to stderr: {err.strip()[:300]}"
    if case.usable and code != 0:
        return f"exit {code} though the input holds articles: {err.strip()[-300:]}"
    if not case.usable:
        if code != 1:
            return f"exit {code}, expected 1 (nothing usable)"
        if shown(root / case.name) not in err:
            return f"stderr does not name the file: {err.strip()[:300]}"
    if case.says and case.says not in err:
        return f"stderr does not say {case.says!r}: {err.strip()[:300]}"
    return None


@pytest.mark.parametrize("command", STREAM_COMMANDS)
def test_each_hostile_input_is_reported_never_crashes(
    corpus: tuple[Path, list[Case]], command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root, cases = corpus
    failures = []
    for case in cases:
        if case.slow and command != "cluster":
            continue  # the big ones: through one command here, all of them in a subprocess
        code, _, err = run_cli([command, str(root / case.name)], capsys)
        problem = verdict(case, root, code, err)
        if problem:
            failures.append(f"{case.name!r}: {problem}")
    assert not failures, "\n".join(failures)


def test_xxe_feed_does_not_leak_local_files(
    corpus: tuple[Path, list[Case]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    code, out, err = run_cli(["summarize", "--format", "json", str(root / "xxe.rss")], capsys)
    assert code == 1
    assert "root:" not in out + err
    assert "entities" in err


def test_bad_lines_of_json_lines_are_reported_by_number_and_good_ones_kept(
    corpus: tuple[Path, list[Case]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    path = root / "mixed.jsonl"
    code, out, err = run_cli(["summarize", "--format", "json", "--no-analysis", str(path)], capsys)
    assert code == 0
    briefs = json.loads(out)
    briefs = briefs if isinstance(briefs, list) else [briefs]
    assert sorted(b["cluster_id"] for b in briefs) == ["good-1", "good-2"]
    for line, reason in [
        (2, "invalid JSON"),
        (3, "nested too deeply"),
        (4, "expected an object"),
        (5, "binary"),
        (6, "invalid JSON"),
        (7, "number too long"),
    ]:
        assert f"{path}:{line}" in err and reason in err, (line, reason)


def test_problems_of_one_input_are_listed_up_to_a_limit_then_counted(
    corpus: tuple[Path, list[Case]],
) -> None:
    root, _ = corpus
    path = root / "many-bad-records.json"
    problems = list(read_inputs([str(path)]))
    assert len(problems) == limits.MAX_PROBLEMS_PER_INPUT + 1
    assert problems[0] == Problem(f"{path}[1]", "expected a JSON object, got a list")
    more = 200_000 - limits.MAX_PROBLEMS_PER_INPUT
    assert problems[-1] == Problem(str(path), f"{more} more records skipped, not listed one by one")


def test_truncated_gzip_keeps_the_lines_before_the_break(corpus: tuple[Path, list[Case]]) -> None:
    root, _ = corpus
    path = root / "truncated.jsonl.gz"
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    # Every line zlib can recover from the truncated data is read.
    recoverable = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(path.read_bytes())
    assert len({d.group for d in docs}) == recoverable.count(b"\n") > 0
    assert problems[-1].reason.startswith("truncated gzip data")


def test_gzip_bomb_stops_early_whatever_it_would_expand_to(corpus: tuple[Path, list[Case]]) -> None:
    root, _ = corpus
    for name in ("line-bomb.jsonl.gz", "newline-bomb.jsonl.gz", "json-bomb.json.gz"):
        problems = [i for i in read_inputs([str(root / name)]) if isinstance(i, Problem)]
        assert any("decompression bomb" in p.reason for p in problems), name


def test_gzip_stream_reads_a_real_multi_member_archive() -> None:
    """The bomb guard must not refuse ordinary gzip: several members, text-like ratio."""
    rng = random.Random(7)
    words = ARTICLE.split()
    lines = b"".join(
        json.dumps(
            {"id": f"c{i}", "articles": [{"text": " ".join(rng.sample(words, 80))}]}
        ).encode()
        + b"\n"
        for i in range(2000)
    )
    assert len(lines) > 2 * limits.EXPANSION_GRACE
    half = len(lines) // 2
    data = gzip.compress(lines[:half]) + gzip.compress(lines[half:])
    assert limits.gunzip("x.jsonl.gz", data) == lines
    docs = [i for i in read_bytes("x.jsonl", data) if isinstance(i, RawDocument)]
    assert len(docs) == 2000


def test_one_article_that_breaks_the_cleaner_does_not_stop_its_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = clean.clean_document

    def fragile(raw: RawDocument, repeated: frozenset[str] = frozenset()) -> object:
        if raw.origin == "bad.txt":
            raise IndexError("unforeseen")
        return real(raw, repeated)

    monkeypatch.setattr(clean, "clean_document", fragile)
    docs = [RawDocument("good.txt", ARTICLE), RawDocument("bad.txt", SECOND)]
    good, bad = clean.clean_documents(docs)
    assert isinstance(good, Article)
    assert bad == Problem("bad.txt", "unexpected error cleaning it (IndexError: unforeseen)")


def test_terminal_control_sequences_never_reach_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ESC in an article would drive the terminal a brief is printed to."""
    path = tmp_path / "ansi.txt"
    text = ARTICLE.replace("Aleppo", "Alep\x1b[2Jpo").replace("army", "ar\x07my")
    path.write_text(text + "\x1b]0;owned\x07\n")
    code, out, _ = run_cli(["summarize", str(path)], capsys)
    assert code == 0
    assert not any(c in out for c in "\x1b\x07"), out
    assert "2Jpo" in out and "Syrian army" in out  # the rest of the text is kept


def test_utf16_text_is_decoded_not_called_binary() -> None:
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        assert sniff.decode("a.txt", ARTICLE.encode(encoding)) == (ARTICLE, None)
    assert sniff.looks_binary(bytes(range(256)) * 4)


# --- the real program, in a subprocess ------------------------------------------------------


def newsweave(
    *args: str, stdin: int | None = subprocess.DEVNULL, timeout: int = HANG_GUARD
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "newsweave", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("command", STREAM_COMMANDS)
def test_whole_hostile_corpus_in_one_run(corpus: tuple[Path, list[Case]], command: str) -> None:
    """One bad file never stops the batch: every problem is reported, the good articles
    are used, and the run ends with success."""
    root, cases = corpus
    result = newsweave(command, "-q" if command != "summarize" else "--no-analysis", str(root))
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
    if command == "summarize":  # the stream commands' -q silences warnings
        for case in cases:
            if not case.usable and case.name.endswith((".txt", ".json", ".rss")):
                assert shown(root / case.name) in result.stderr, case.name


@pytest.mark.parametrize(
    ("special", "command"),
    [("/dev/zero", "summarize"), ("fifo", "cluster"), ("loop", "digest")],
)
def test_special_files_given_directly_never_block(
    tmp_path: Path, special: str, command: str
) -> None:
    if special == "fifo":
        path = tmp_path / "pipe.jsonl"
        os.mkfifo(path)
    elif special == "loop":
        path = tmp_path / "loop.txt"
        path.symlink_to(path)
    else:
        path = Path(special)
    result = newsweave(command, str(path))
    assert result.returncode == 1
    assert f"{path}: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cluster_output_to_a_device_is_never_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``cluster -o`` removes its output file when it found nothing, but "-o /dev/null"
    must not delete /dev/null (a copy of the device node stands in for it here)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run_cli(["cluster", str(tmp_path / "empty.txt"), "-o", str(device)], capsys)
    assert code == 1 and "empty file" in err
    assert device.is_char_device()


def test_endless_stdin_is_cut_at_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = newsweave("summarize", "-", stdin=zeros.fileno())
    assert result.returncode == 1
    assert f"-: input larger than {limits.megabytes(limits.MAX_FILE_BYTES)}" in result.stderr


def test_unreadable_file_and_folder_are_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    locked = tmp_path / "locked.txt"
    locked.write_text(SECOND)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(SECOND)
    locked.chmod(0)
    closed.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        result = newsweave("summarize", str(tmp_path))
        assert result.returncode == 0
        assert f"{locked}: cannot read file (permission denied)" in result.stderr
        assert f"{closed}: cannot read folder (permission denied)" in result.stderr
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)


def test_unreadable_file_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads anything, so the refusal is simulated where the file is opened."""
    locked = tmp_path / "locked.jsonl"
    locked.write_text(json.dumps({"text": ARTICLE}))
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refusing_open)
    items = list(read_inputs([str(tmp_path)]))
    assert items == [Problem(str(locked), "cannot read file (permission denied)")]


# --- evaluation datasets -------------------------------------------------------------------


DATASET_INPUTS = [
    "dataset-mixed.jsonl",
    "mixed.jsonl",
    "random.jsonl",
    "truncated.jsonl.gz",
    "newline-bomb.jsonl.gz",
    "zeros-bomb.jsonl.gz",
    "nested.json",
    "huge-int.json",
    "top-string.json",
    "long-line.jsonl",
    "empty.txt",
    "special-dir",
    "empty-dir",
]


@pytest.mark.parametrize("command", ["eval", "eval-clusters"])
def test_eval_commands_on_hostile_datasets(
    corpus: tuple[Path, list[Case]], command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    failures = []
    for name in DATASET_INPUTS:
        extra = ["--systems", "lead", "--words", "30"] if command == "eval" else []
        code, _, err = run_cli([command, *extra, str(root / name)], capsys)
        crashed = "Traceback" in err or "internal error" in err or "unexpected error" in err
        if crashed or code not in (0, 1):
            failures.append(f"{name}: exit {code}: {err[-300:]}")
        elif code == 1 and name not in err:
            failures.append(f"{name}: failure does not name the file: {err[-300:]}")
        elif code == 0 and name != "dataset-mixed.jsonl" and command == "eval":
            failures.append(f"{name}: accepted as a dataset")
    assert not failures, "\n".join(failures)


def test_eval_multi_news_text_pairs_with_hostile_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Multi-News's paired text files: an over-long line, a binary line and a gzip bomb."""
    good = f"{ARTICLE} ||||| {SECOND}".replace("\n", " NEWLINE_CHAR ")
    source = tmp_path / "test.src.txt"
    source.write_text("\n".join([good, "x" * (limits.MAX_DOCUMENT_BYTES + 10), "\x00\x01", good]))
    (tmp_path / "test.tgt.txt").write_text("Aleppo falls.\nB.\nC.\nAleppo truce.\n")
    code, _, err = run_cli(["eval", "--systems", "lead", "--words", "30", str(source)], capsys)
    assert code == 0, err
    assert f"{source}:2: line larger than" in err
    assert f"{source}:3: binary content" in err

    bomb = tmp_path / "bomb.src.gz"
    bomb.write_bytes(hostile_corpus.gzip_bomb(b"a" * (8 * limits.MB), 64))
    (tmp_path / "bomb.tgt.gz").write_bytes(hostile_corpus.gzip_bomb(b"a" * (8 * limits.MB), 64))
    code, _, err = run_cli(["eval", "--systems", "lead", str(bomb)], capsys)
    assert code == 1
    assert "decompression bomb" in err and str(bomb) in err


def test_eval_dataset_with_a_hash_in_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems name "file:line#article"; a "#" in the file name must not split it."""
    path = tmp_path / "news#1.jsonl"
    lines = [
        {"id": "a", "articles": [{"text": ARTICLE}, {"text": ""}], "summary": "Aleppo."},
        {"id": "b", "articles": [{"text": SECOND}, {"text": ARTICLE}], "summary": "Aid."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    code, out, err = run_cli(["eval", "--systems", "lead", "--words", "20", str(path)], capsys)
    assert code == 0, err
    assert "2 clusters" in out
    assert f"{path}:1#2: empty article" in err


# --- the web API ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = open_store(str(tmp_path_factory.mktemp("api") / "store.db"))
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client
    store.close()


def assert_client_error(response: object, context: str) -> None:
    assert hasattr(response, "status_code") and hasattr(response, "json")
    assert 400 <= response.status_code < 500, (context, response.status_code, response.text)
    body = response.json()
    assert set(body) == {"error", "detail"} and body["error"], (context, body)


def test_api_upload_of_each_hostile_file(api: TestClient, corpus: tuple[Path, list[Case]]) -> None:
    root, cases = corpus
    for case in cases:
        path = root / case.name
        if not path.is_file():
            continue
        # Multipart file names are one header line, in UTF-8.
        name = sniff.valid_unicode(case.name.replace("\n", " "))
        response = api.post("/api/articles", files=[("file", (name, path.read_bytes()))])
        assert response.status_code < 500, (case.name, response.text)
        if not case.usable:
            assert_client_error(response, case.name)
        elif response.status_code == 201:
            assert response.json()["articles"], case.name
        else:  # usable on disk, but over the API's own request limits
            assert response.status_code == 413, (case.name, response.text)


def test_api_json_body_of_each_hostile_file(
    api: TestClient, corpus: tuple[Path, list[Case]]
) -> None:
    """Every hostile file sent as the raw JSON body of both write endpoints."""
    root, cases = corpus
    for case in cases:
        path = root / case.name
        if not path.is_file() or path.stat().st_size > 4 * limits.MB:
            continue
        for endpoint in ("/api/articles", "/api/clusters"):
            response = api.post(
                endpoint, content=path.read_bytes(), headers={"content-type": "application/json"}
            )
            if response.status_code == 201:  # a JSON file that is a valid request body
                continue
            assert_client_error(response, f"{endpoint} {case.name}")


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"text": ' * 50_000 + "1" + "}" * 50_000,
        '{"text": ' + "9" * 100_000 + "}",
        '{"text": 1e999}',
        '{"text": null}',
        '{"text": ["a"]}',
        '{"text": "a", "text": "b", "html": "c"}',
        '"just a string"',
        "\x00\x01\x02",
        '{"text": "\\ud800 lone surrogate"}',
        '{"html": "' + "<div>" * 10_000 + '"}',
        '{"text": "x", "published": "2016-13-45"}',
        '{"articles": [{"text": ' + json.dumps(SECOND) + "}], " + '"words": 1e308}',
        '{"article_ids": [1e999]}',
        '{"articles": {"text": "x"}}',
    ],
)
def test_api_hostile_json_bodies(api: TestClient, body: str) -> None:
    for endpoint in ("/api/articles", "/api/clusters"):
        response = api.post(
            endpoint,
            content=body.encode("utf-8", "surrogatepass"),
            headers={"content-type": "application/json"},
        )
        if response.status_code == 201:
            continue
        assert_client_error(response, f"{endpoint} {body[:40]!r}")


@pytest.mark.parametrize(
    ("endpoint", "body"),
    [
        ("/api/clusters", '{"article_ids": [' + ",".join(["[]"] * 2_000_000) + "]}"),
        ("/api/clusters", '{"articles": [' + ",".join(["{}"] * 2_000_000) + "]}"),
        ("/api/clusters", '{"article_ids": [' + ",".join(["[]"] * 5000) + "]}"),
        ("/api/articles", "{" + ",".join(f'"k{i}": 1' for i in range(200_000)) + "}"),
    ],
)
def test_api_many_bad_items_get_a_small_error(api: TestClient, endpoint: str, body: str) -> None:
    """Megabytes of invalid items must not become an error response hundreds of times
    bigger (one validation error each): list lengths have a ceiling, errors a cap."""
    response = api.post(endpoint, content=body, headers={"content-type": "application/json"})
    assert_client_error(response, endpoint)
    assert len(response.content) < 20_000
    assert len(response.json()["detail"]) <= 51


# --- fuzz: ingest -> clean -> segment -> summarize on random input ---------------------------

FORMAT_NAMES = ["a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.warc", "-"]
_words = st.sampled_from(
    ["Aleppo", "the", "said", "on", "Thursday", "12", "3.5%", "“quote”", "Dr.", "U.S.", "—", "\n"]
)
texts = st.one_of(
    st.text(max_size=400),
    st.lists(_words, max_size=120).map(" ".join),
    st.builds(lambda a, b: a + b, st.sampled_from([ARTICLE, SECOND, "<html><p>"]), st.text()),
)


def _pipeline(name: str, data: bytes) -> None:
    """The whole pipeline on one input: newsweave's own errors are fine, anything else (or
    a reader's catch-all "unexpected error" report) is a bug."""
    try:
        loaded = group_documents(read_bytes(name, data))
        for cluster in loaded.clusters:
            make_brief(cluster)
    except NewsweaveError:
        return
    assert not [p for p in loaded.problems if "unexpected error" in p.reason]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(FORMAT_NAMES), data=st.binary(max_size=600))
def test_fuzz_random_bytes(name: str, data: bytes) -> None:
    _pipeline(name, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(FORMAT_NAMES), text=texts)
def test_fuzz_random_text(name: str, text: str) -> None:
    _pipeline(name, text.encode("utf-8", "surrogatepass"))
    if name == "a.jsonl":
        _pipeline(name, json.dumps({"text": text, "title": text[:20]}).encode())


# --- fuzz: the REST API, as an outside client would -----------------------------------------


def _containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    _containers,
    max_leaves=20,
)
request_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {},
        optional={
            "text": json_values | st.text(),
            "html": json_values | st.text(),
            "title": json_values,
            "published": json_values | st.dates().map(str),
            "article_ids": json_values | st.lists(st.integers()),
            "articles": json_values | st.lists(st.fixed_dictionaries({"text": st.text()})),
            "words": json_values,
        },
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=request_bodies, endpoint=st.sampled_from(["/api/articles", "/api/clusters"]))
def test_fuzz_api_json_bodies(api: TestClient, body: object, endpoint: str) -> None:
    response = api.post(endpoint, content=json.dumps(body, allow_nan=True))
    if response.status_code != 201:
        assert_client_error(response, f"{endpoint} {body!r:.80}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from([*FORMAT_NAMES[:-1], "a.jsonl.gz", "a.warc.gz", "a", "a.pdf"]),
    data=st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
)
def test_fuzz_api_uploads(api: TestClient, name: str, data: bytes) -> None:
    if name.endswith(".gz"):
        data = gzip.compress(data)
    response = api.post("/api/articles", files=[("file", (name, data))])
    if response.status_code != 201:
        assert_client_error(response, f"{name} {data!r:.80}")
