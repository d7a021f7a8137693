"""Keep text from the ledger from being read as a formula by Excel (OWASP CSV injection)."""

from __future__ import annotations

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_START)


def csv_cell(value: object) -> object:
    """A text value prefixed with ' when a spreadsheet would take it as a formula."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value
