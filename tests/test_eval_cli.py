"""``newsweave eval`` end to end, in process, on the shipped fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main


@pytest.fixture(scope="module")
def eval_dir(data_dir: Path) -> Path:
    return data_dir / "eval"


def test_eval_writes_table_results_and_predictions(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.json"
    predictions = tmp_path / "predictions"
    code = main(
        [
            "eval",
            str(eval_dir / "multinews-sample.jsonl"),
            "--words",
            "auto",
            "--systems",
            "newsweave,lead,lexrank,oracle",
            "--predictions-dir",
            str(predictions),
            "--output",
            str(results),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    table = captured.out
    assert "| system | R1 | R2 | RLsum | R2 95% CI | mean words | ms per cluster" in table
    assert table.count("\n| ") == 1 + 4  # header + one row per system
    report = json.loads(results.read_text(encoding="utf-8"))
    (dataset,) = report["datasets"]
    assert dataset["clusters"] == 4
    mean_reference = dataset["mean_reference_words"]
    assert dataset["words"] == round(mean_reference)
    rows = {row["system"]: row for row in dataset["systems"]}
    assert rows["oracle"]["rouge2"]["mean"] > rows["lead"]["rouge2"]["mean"]
    assert f"{rows['lead']['rouge1']['mean']:.2f}" in table
    for name in ("newsweave", "lead", "lexrank", "oracle"):
        lines = (predictions / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        assert [r["id"] for r in records] == dataset["ids"]
        assert all(len(r["summary"].split()) <= dataset["words"] for r in records)


def test_bad_lines_warn_with_line_numbers_and_are_left_out(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "r.json"
    code = main(
        [
            "eval",
            str(eval_dir / "bad-lines.jsonl"),
            str(eval_dir / "multinews-sample.src"),
            "--systems",
            "lead,textrank",
            "--words",
            "40",
            "--output",
            str(results),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "bad-lines.jsonl:2: invalid JSON" in captured.err
    assert "bad-lines.jsonl:4: no reference summary" in captured.err
    datasets = json.loads(results.read_text(encoding="utf-8"))["datasets"]
    assert [d["clusters"] for d in datasets] == [3, 2]
    assert all(d["words"] == 40 for d in datasets)
    for dataset in datasets:
        assert all(
            len(row["per_cluster"]["rouge1"]) == dataset["clusters"] for row in dataset["systems"]
        )
    assert "### bad-lines" in captured.out and "### multinews-sample" in captured.out


def test_limit_and_wcep(eval_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["eval", str(eval_dir / "wcep-sample.jsonl.gz"), "--limit", "2", "--systems", "lsa,klsum"]
    )
    assert code == 0
    assert "wcep-sample: 2 clusters" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--systems", "lead,nosuch"], "unknown summarizer 'nosuch'"),
        (["--systems", "lead,lead"], "more than once"),
        (["--words", "0"], "must be at least 1"),
    ],
)
def test_bad_options_exit_non_zero_with_a_message(
    eval_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(["eval", str(eval_dir / "multinews-sample.jsonl"), *argv])
    assert code != 0
    assert message in capsys.readouterr().err


def test_a_dataset_without_usable_clusters_fails(
    example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"id": "x", "articles": [{"text": "No summary here."}]}\n', encoding="utf-8")
    assert main(["eval", str(empty)]) == 1
    err = capsys.readouterr().err
    assert "empty.jsonl:1: no reference summary" in err
    assert "no usable cluster" in err


def test_fold_scores_each_half_of_the_clusters(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = []
    for fold in ("1/2", "2/2"):
        results = tmp_path / f"fold{fold[0]}.json"
        code = main(
            [
                "eval",
                str(eval_dir / "multinews-sample.jsonl"),
                "--systems",
                "lead",
                "--fold",
                fold,
                "--output",
                str(results),
            ]
        )
        assert code == 0, capsys.readouterr().err
        (dataset,) = json.loads(results.read_text(encoding="utf-8"))["datasets"]
        assert f"(fold {fold})" in dataset["dataset"]
        ids.append(dataset["ids"])
    assert len(ids[0]) == len(ids[1]) == 2  # 4 clusters: two halves of two
    assert not set(ids[0]) & set(ids[1])


@pytest.mark.parametrize("bad", ["3/2", "0/2", "1", "a/b"])
def test_a_bad_fold_is_a_usage_error(
    eval_dir: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(eval_dir / "multinews-sample.jsonl"), "--fold", bad]) == 2
    assert "--fold" in capsys.readouterr().err
