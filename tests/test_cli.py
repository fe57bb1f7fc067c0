"""The CLI end to end: formats, exit codes, messages, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.model import Brief

BAD = Path(__file__).parent / "data" / "bad"


def test_markdown_brief_of_example(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(example_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "huge step" in out
    assert "## Sources" in out
    assert "[1]" in out
    body = out.split("\n## ")[0]  # the summary: what comes before the first section
    prose = " ".join(line for line in body.splitlines()[3:] if line.strip())
    assert len(prose.split()) <= 100 + 2 * 4  # the words plus one marker group per sentence
    for junk in ("Just in", "ADVERTISEMENT", "ZUHYX", "Reporting by"):
        assert junk not in out


def test_json_output_round_trips_and_offsets_select_text(
    example_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(example_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    brief = Brief.from_dict(data)
    assert brief.to_dict() == data
    for sentence in brief.summary:
        assert (
            brief.article(sentence.article_id).text[sentence.start : sentence.end] == sentence.text
        )
    removed = {r.reason for a in brief.articles for r in a.removed}
    assert {"ticker", "advertisement", "byline", "wire credit"} <= removed


def test_html_output_is_escaped_and_self_contained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Title <script>alert(1)</script>\n\n"
        "Officials said the <img src=x onerror=alert(2)> device was found near the border. "
        "The police closed the road for several hours on Monday night."
    )
    out_file = tmp_path / "brief.html"
    assert main(["summarize", str(hostile), "--format", "html", "-o", str(out_file)]) == 0
    page = out_file.read_text()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http" not in page.split("<body>")[0]  # no external assets


def test_explain_lists_removed_lines_and_scores(
    example_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(example_dir), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "## Why these sentences" in out
    assert "## Removed boilerplate" in out
    assert "reported by sources 1, 2 (2 independent sources)" in out
    assert "   - beat “" in out  # the runners-up it won over, and why
    assert "{'" not in out  # explanations are prose, not a raw dict
    assert "ticker: `Just in:`" in out
    assert "wire credit: `(Reporting by John Irish, editing by Ros Russell)`" in out


def test_bad_inputs_warn_and_count_but_brief_is_produced(
    example_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(example_dir), str(BAD / "report.pdf"), "missing.txt"]) == 0
    captured = capsys.readouterr()
    assert "huge step" in captured.out
    assert "warning: missing.txt: no such file or directory" in captured.err
    assert "unsupported file type '.pdf'" in captured.err
    assert "skipped 2 inputs" in captured.err


def test_nothing_usable_exits_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(BAD / "empty.txt"), str(BAD / "binary.txt")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty file: no text" in err
    assert "binary.txt: binary content, not text" in err
    assert "error: no usable articles in the given input" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        # argparse's usage errors exit 2; a well-formed but unknown name is an error, 1
        (["summarize", "x.txt", "--words", "0"], 2, "must be at least 1, got 0"),
        (["summarize", "x.txt", "--words", "ten"], 2, "expected a whole number, got 'ten'"),
        (["summarize", "x.txt", "--format", "pdf"], 2, "invalid choice: 'pdf'"),
        (["summarize", "x.txt", "--date", "tuesday"], 2, "expected a date like 2016-12-08"),
        (["summarize", "EXAMPLE", "--summarizer", "nope"], 1, "unknown summarizer 'nope'"),
    ],
)
def test_bad_options_are_usage_errors(
    args: list[str],
    code: int,
    message: str,
    capsys: pytest.CaptureFixture[str],
    example_dir: Path,
) -> None:
    args = [str(example_dir) if a == "EXAMPLE" else a for a in args]
    assert main(args) == code
    assert message in capsys.readouterr().err


def test_console_script_reads_stdin(example_dir: Path) -> None:
    text = (example_dir / "002_527bad3f655c076a.txt").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "newsweave", "summarize", "-", "--words", "60"],
        input=text,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# Syrian rebels 'discussing evacuation' of Aleppo with US")
    assert "Traceback" not in result.stderr.decode()
