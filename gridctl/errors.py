"""Typed errors raised below the CLI; the CLI turns each into one line on stderr.

Each error carries the domain field refused (`date`, `supervisor`, `members`: the name the
services use, never a CLI flag or a file's column), the value, and what is allowed. The edges
name the field in their own words: the CLI as the running command's flag or argument
(gridctl.cli.fields), an import as the file's column (the kind's Spec.fields). The message is
made when it is shown, in the language of the moment (gridctl.i18n).
"""

from __future__ import annotations

from typing import Self


class GridctlError(Exception):
    """A refusal of the data: exit 1."""

    key = "error"

    def __init__(self, field: str, value: object = None, detail: str = "") -> None:
        self.field = field
        self.value = value
        self.detail = detail
        # How the edge that shows the error names the field (a flag, an argument, a column).
        self.label: str | None = None
        super().__init__(field, value, detail)

    @classmethod
    def about(cls, subject: str, value: object = None, detail: str = "") -> Self:
        """An error about a thing that is no field of a record (the rules file, the ledger's
        schema, the sample's folder): `subject`, already in the user's words, is shown as
        given, not as a command's flag or a file's column."""
        err = cls(subject, value, detail)
        err.label = subject
        return err

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        from gridctl.i18n import t

        shown = self.field if self.label is None else self.label
        return t(f"error.{self.key}", field=shown, value=self.value, detail=self.detail)


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
