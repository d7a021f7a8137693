"""Rows that can also be read by key (`row["total"]`), as the dict rows they replaced were.

For callers outside the points package that still read standings and subsidy rows as dicts
(gridctl/reports/figures.py); remove it once they read the attributes.
"""

from __future__ import annotations

from typing import Any


class Keyed:
    """A dataclass row whose fields can be read as `row[name]` too."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)
