"""Settings: every tunable in one frozen object, defaults in code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from newsweave.dates import to_date
from newsweave.errors import ConfigError

FORMATS = ("markdown", "json", "html")


@dataclass(frozen=True)
class Budget:
    """A length budget: whitespace words, sentences, or both (whichever binds first)."""

    words: int | None = 100
    sentences: int | None = None

    def allows(self, words: int, sentences: int) -> bool:
        if self.words is not None and words > self.words:
            return False
        return self.sentences is None or sentences <= self.sentences

    def __str__(self) -> str:
        parts = [f"{self.words} words"] if self.words is not None else []
        if self.sentences is not None:
            parts.append(f"{self.sentences} sentences")
        return ", ".join(parts) or "unbounded"


@dataclass(frozen=True, slots=True)
class Settings:
    words: int | None = 100
    sentences: int | None = None
    summarizer: str = "default"
    analyze: bool = True
    reference_date: dt.date | None = None  # overrides articles' dates for relative dates

    def __post_init__(self) -> None:
        if self.reference_date is not None:
            try:  # a datetime or an ISO string is accepted wherever a date is: its day
                object.__setattr__(self, "reference_date", to_date(self.reference_date))
            except ValueError as exc:
                raise ConfigError(f"reference date: {exc}") from None
        if self.words is not None and self.words < 1:
            raise ConfigError(f"--words must be a positive number, got {self.words}")
        if self.sentences is not None and self.sentences < 1:
            raise ConfigError(f"--sentences must be a positive number, got {self.sentences}")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)
