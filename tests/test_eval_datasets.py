"""Reading evaluation datasets: our JSON Lines, WCEP's .jsonl.gz, Multi-News text pairs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave.errors import ConfigError, InputError
from newsweave.evaluation.datasets import read_dataset, target_path_for


@pytest.fixture(scope="module")
def eval_dir(data_dir: Path) -> Path:
    return data_dir / "eval"


def test_json_lines_clusters_keep_ids_articles_and_references(eval_dir: Path) -> None:
    dataset = read_dataset(str(eval_dir / "multinews-sample.jsonl"))
    assert [c.id for c in dataset.clusters] == [
        "mn-dev-0001",
        "mn-dev-0002",
        "mn-dev-0006",
        "mn-dev-0007",
    ]
    assert [len(c.articles) for c in dataset.clusters] == [3, 2, 2, 2]
    assert all(c.reference and len(c.reference.split()) >= 100 for c in dataset.clusters)
    assert not dataset.problems
    assert dataset.name == "multinews-sample"


def test_wcep_gzipped_json_lines(eval_dir: Path) -> None:
    dataset = read_dataset(str(eval_dir / "wcep-sample.jsonl.gz"))
    assert len(dataset.clusters) == 6
    assert [len(c.articles) for c in dataset.clusters].count(2) == 2
    assert dataset.clusters[0].id == "wcep-0002"
    assert dataset.clusters[0].articles[0].title.startswith("Turing's Law")
    assert 15 < dataset.mean_reference_words() < 60


def test_multi_news_source_file_finds_its_target(eval_dir: Path) -> None:
    dataset = read_dataset(str(eval_dir / "multinews-sample.src"))
    assert len(dataset.clusters) == 2
    first, second = dataset.clusters
    assert first.id == "multinews-sample.src:1"
    # four documents joined by |||||, one of them only a tweet widget's chrome: reported
    assert len(first.articles) == 3
    (problem,) = dataset.problems
    assert problem.where.endswith("multinews-sample.src:1#2")
    assert problem.reason.startswith("not an article")
    assert len(second.articles) == 2
    assert all("NEWLINE_CHAR" not in a.text for c in dataset.clusters for a in c.articles)
    assert first.reference is not None and first.reference.startswith("– ")


def test_multi_news_target_given_explicitly(eval_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "val.documents.txt"
    shutil.copy(eval_dir / "multinews-sample.src", source)
    shutil.copy(eval_dir / "multinews-sample.tgt", tmp_path / "gold.txt")
    dataset = read_dataset(str(source), references=str(tmp_path / "gold.txt"))
    assert len(dataset.clusters) == 2


def test_target_name_replaces_src_with_tgt() -> None:
    assert target_path_for(Path("d/test.src.cleaned")) == Path("d/test.tgt.cleaned")
    assert target_path_for(Path("val.src")) == Path("val.tgt")
    with pytest.raises(ConfigError, match="--references"):
        target_path_for(Path("documents.txt"))


def test_missing_target_file_is_a_clear_error(eval_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "x.src"
    shutil.copy(eval_dir / "multinews-sample.src", source)
    with pytest.raises(InputError, match=r"x\.tgt.*--references"):
        read_dataset(str(source))


def test_unequal_source_and_target_lengths_are_reported(eval_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "short.src"
    shutil.copy(eval_dir / "multinews-sample.src", source)
    (tmp_path / "short.tgt").write_text("– only one reference.\n", encoding="utf-8")
    dataset = read_dataset(str(source))
    assert len(dataset.clusters) == 1
    (problem,) = [p for p in dataset.problems if p.where.endswith("short.src:2")]
    assert "different numbers of lines" in problem.reason


def test_bad_lines_are_reported_by_number_and_left_out(eval_dir: Path) -> None:
    dataset = read_dataset(str(eval_dir / "bad-lines.jsonl"))
    assert [c.id for c in dataset.clusters] == ["wcep-0009", "wcep-0011", "wcep-0013"]
    where = {p.where.rsplit("/", 1)[-1]: p.reason for p in dataset.problems}
    assert set(where) == {"bad-lines.jsonl:2", "bad-lines.jsonl:4"}
    assert "invalid JSON" in where["bad-lines.jsonl:2"]
    assert "no reference summary" in where["bad-lines.jsonl:4"]


def test_limit_keeps_the_first_usable_clusters(eval_dir: Path) -> None:
    dataset = read_dataset(str(eval_dir / "bad-lines.jsonl"), limit=2)
    assert [c.id for c in dataset.clusters] == ["wcep-0009", "wcep-0011"]


def test_not_a_dataset(example_dir: Path) -> None:
    text_file = next(example_dir.glob("*.txt"))
    with pytest.raises(InputError, match="not an evaluation dataset"):
        read_dataset(str(text_file))
    with pytest.raises(InputError, match="no such file"):
        read_dataset(str(example_dir / "missing.jsonl"))


def test_problems_of_a_paired_file_are_capped(eval_dir: Path, tmp_path: Path) -> None:
    # Thousands of empty lines: one warning each up to the cap, then one line that counts
    # the rest, as for every other input.
    from newsweave.ingest import limits

    source, target = tmp_path / "blank.src", tmp_path / "blank.tgt"
    lines = limits.MAX_PROBLEMS_PER_INPUT + 500
    source.write_text("\n" * lines, encoding="utf-8")
    target.write_text("\n" * lines, encoding="utf-8")
    dataset = read_dataset(str(source))
    assert dataset.clusters == []
    assert len(dataset.problems) == limits.MAX_PROBLEMS_PER_INPUT + 1
    assert dataset.problems[-1].reason == "500 more records skipped, not listed one by one"
