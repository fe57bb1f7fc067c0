"""Regenerate the cleaner's golden files from the example cluster.

Review the diff by hand before committing: the goldens are the hand-checked truth of what
the cleaner must keep and remove.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.clean import clean_documents
from newsweave.ingest import read_inputs
from newsweave.model import RawDocument

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "aleppo-2016-12"
OUT = ROOT / "tests" / "data" / "expected" / "clean"


def main() -> None:
    docs = [d for d in read_inputs([str(EXAMPLE)]) if isinstance(d, RawDocument)]
    OUT.mkdir(parents=True, exist_ok=True)
    for doc, article in zip(docs, clean_documents(docs), strict=True):
        name = Path(doc.origin).stem
        assert not isinstance(article, str)
        data = article.to_dict()
        (OUT / f"{name}.txt").write_text(data["title"] + "\n\n" + data["text"] + "\n")
        removed = [{"reason": r["reason"], "text": r["text"]} for r in data["removed"]]
        (OUT / f"{name}.removed.json").write_text(json.dumps(removed, indent=1) + "\n")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
