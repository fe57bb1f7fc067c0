"""``summarize --store``, ``newsweave store list|show|export`` and ``serve``'s options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.model import Brief


def test_summarize_store_then_list_show_export(
    example_title: str,
    example_dir: Path,
    tmp_path: Path,
    store_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = store_url  # a SQLite file, then a real PostgreSQL
    assert main(["summarize", str(example_dir), "--format", "json", "--store", db]) == 0
    printed = Brief.from_dict(json.loads(capsys.readouterr().out))

    assert main(["store", "--db", db, "list"]) == 0
    listing = capsys.readouterr().out.strip().splitlines()
    assert len(listing) == 1
    cid, _created, count, title = listing[0].split("\t")
    assert (cid, count) == ("1", "4 articles")
    assert title == example_title

    assert main(["store", "--db", db, "list", "--search", "ALEPPO kerry"]) == 0
    assert capsys.readouterr().out.strip().splitlines() == listing
    assert main(["store", "--db", db, "list", "--search", "aleppo 100%"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no stored brief matches 'aleppo 100%'" in captured.err

    assert main(["store", "--db", db, "show", "1"]) == 0
    assert capsys.readouterr().out.startswith(f"# {title}")

    out = tmp_path / "export.json"
    assert main(["store", "--db", db, "export", "-o", str(out)]) == 0
    (exported,) = json.loads(out.read_text())
    assert Brief.from_dict(exported) == printed


def test_store_defaults_to_newsweave_db_env(
    example_title: str,
    example_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "env.db"))
    assert main(["summarize", str(example_dir), "--store", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["store", "export", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith(f"# {example_title}")
    assert (tmp_path / "env.db").exists()


def test_store_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "empty.db")
    assert main(["store", "--db", db, "list"]) == 0
    assert "no briefs stored" in capsys.readouterr().err
    assert main(["store", "--db", db, "show", "5"]) == 1
    err = capsys.readouterr().err
    assert "no cluster with id 5" in err and "Traceback" not in err
    assert main(["store", "--db", db, "show", "abc"]) == 2
    assert main(["store", "--db", db, "list", "--search", "x" * 201]) == 2
    assert "at most 200 characters" in capsys.readouterr().err
    assert main(["store", "--db", "mysql://u@127.0.0.1/x", "list"]) == 1
    assert "unsupported database" in capsys.readouterr().err


def test_serve_rejects_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "port must be 0-65535" in capsys.readouterr().err
