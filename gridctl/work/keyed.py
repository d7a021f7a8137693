"""Rows that can also be read as mappings (`row["date"]`, `dict(row)`, `row.get(...)`), as
the dict rows they replaced were.

For the callers outside the work package that still read visit, problem, activity and due
rows as dicts (the dossier workbook, the monthly report); remove it once they read the
attributes.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


class Keyed:
    """A dataclass row whose fields can be read by name too."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]  # type: ignore[arg-type]  # a dataclass's base

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)
