"""JSON: the full Brief, exactly as the model serialises it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsweave.model import Brief


def render_json(briefs: Sequence[Brief]) -> str:
    """One brief as an object; several as an array of objects."""
    data = briefs[0].to_dict() if len(briefs) == 1 else [b.to_dict() for b in briefs]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
