"""One data row of an import file: its parsed values by column, the problems found on it
(RowError), and how a reference or a service's refusal is reported at the column it concerns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from gridctl import textsafe
from gridctl.errors import Ambiguous, GridctlError, NotFound
from gridctl.i18n import t


class RowError(NamedTuple):
    """One problem of one cell: reported as FILE:LINE: column: message (value)."""

    line: int
    column: str
    message: str
    value: str = ""


class Row:
    """One data row: parsed values by column key, and the problems found on it."""

    __slots__ = ("line", "values", "raw", "errors", "_labels", "_fields")

    def __init__(
        self, line: int, labels: dict[str, str], fields: Mapping[str, str] | None = None
    ) -> None:
        self.line = line
        self.values: dict[str, Any] = {}
        self.raw: dict[str, str] = {}
        self.errors: list[RowError] = []
        self._labels = labels
        self._fields = fields or {}

    def has(self, key: str) -> bool:
        """Whether the file has this column (an absent column leaves the field alone)."""
        return key in self._labels

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def error(self, key: str, message: str, value: object = None) -> None:
        shown = self.raw.get(key, "") if value is None else str(value)
        # The value goes to a terminal or a cron mail: no control characters, no 10 MB cell.
        shown = textsafe.escaped(shown, limit=200)
        self.errors.append(RowError(self.line, self._labels.get(key, key), message, shown))

    def blame(self, exc: GridctlError, default: str) -> None:
        """A service's refusal, reported at the column that holds its field (the spec's
        `fields`, else the column of that name, else `default`)."""
        key = self._fields.get(exc.field, exc.field)
        if key not in self._labels and key != default:
            key = default
        self.error(key, exc.detail or exc.message(), exc.value)

    def ref(self, key: str, resolve: Callable[[str], Any], what: str) -> Any:
        """Resolve the reference in column `key` (a code or name), or report why not."""
        value = self.values.get(key)
        if value is None:
            return None
        try:
            return resolve(value)
        except NotFound:
            self.error(key, t("imp.ref.unknown", what=t(f"imp.what.{what}")), value)
        except Ambiguous as exc:
            self.error(key, t("imp.ref.ambiguous", candidates="; ".join(exc.candidates)), value)
        except GridctlError as exc:
            self.error(key, exc.detail or exc.message(), value)
        return None


def resolve_list(row: Row, key: str, resolve: Callable[[str], Any], what: str) -> list[Any] | None:
    """Resolve each name of a list cell; every unknown one is reported. None if absent."""
    if not row.has(key):
        return None
    found = []
    for ref in row.get(key) or ():
        try:
            found.append(resolve(ref))
        except Ambiguous as exc:
            row.error(key, t("imp.ref.ambiguous", candidates="; ".join(exc.candidates)), ref)
        except GridctlError as exc:
            message = (
                t("imp.ref.unknown", what=t(f"imp.what.{what}"))
                if exc.key == "not_found"
                else exc.detail or exc.message()
            )
            row.error(key, message, ref)
    return found
