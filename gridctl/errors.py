"""Typed errors raised below the CLI; the CLI turns each into one line on stderr.

Each error carries the field (an option or column name), the value, and what is allowed,
so the message can name all three in either language (see i18n.py).
"""

from __future__ import annotations


class GridctlError(Exception):
    """A refusal of the data: exit 1."""

    key = "error"

    def __init__(self, field: str, value: object = None, detail: str = "") -> None:
        self.field = field
        self.value = value
        self.detail = detail
        super().__init__(self.message())

    def params(self) -> dict[str, object]:
        return {"field": self.field, "value": self.value, "detail": self.detail}

    def message(self) -> str:
        from gridctl.i18n import t

        return t(f"error.{self.key}", **self.params())


class NotFound(GridctlError):
    """No record matches the name or code given."""

    key = "not_found"


class Ambiguous(GridctlError):
    """A name matches several records; `candidates` lists them."""

    key = "ambiguous"

    def __init__(self, field: str, value: object, candidates: list[str]) -> None:
        self.candidates = candidates
        super().__init__(field, value, "; ".join(candidates))


class Invalid(GridctlError):
    """A value breaks a rule; `detail` says what is allowed."""

    key = "invalid"


class Conflict(GridctlError):
    """The record would duplicate or contradict one already in the ledger."""

    key = "conflict"


class LedgerError(GridctlError):
    """The ledger itself is missing, too old or unreachable."""

    key = "ledger"
