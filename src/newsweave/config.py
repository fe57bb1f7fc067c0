"""Settings: every tunable in one frozen object, defaults in code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from newsweave.errors import ConfigError

FORMATS = ("markdown", "json", "html")


@dataclass(frozen=True, slots=True)
class Settings:
    words: int | None = 100
    sentences: int | None = None
    summarizer: str = "default"
    analyze: bool = True
    reference_date: dt.date | None = None  # overrides articles' dates for relative dates

    def __post_init__(self) -> None:
        if self.words is not None and self.words < 1:
            raise ConfigError(f"--words must be a positive number, got {self.words}")
        if self.sentences is not None and self.sentences < 1:
            raise ConfigError(f"--sentences must be a positive number, got {self.sentences}")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)
