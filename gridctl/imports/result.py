"""What one import run did: rows read, records counted, the problems found (the first
MAX_ERRORS kept, the rest counted), and how that reads as one line or as the JSON summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from gridctl.i18n import t
from gridctl.imports.spec import Counts, RowError

# Errors kept for the report; a file that is wrong on every one of a million rows is
# reported with its first MAX_ERRORS problems and a count of the rest.
MAX_ERRORS = 10_000


@dataclass
class Result:
    file: str
    kind: str
    dry_run: bool
    sha256: str = ""
    encoding: str = ""  # a CSV's encoding, as --encoding names it
    sheet: str = ""  # an xlsx's sheet
    status: str = "imported"
    rows: int = 0
    counts: Counts = field(default_factory=Counts)
    errors: list[RowError] = field(default_factory=list)
    more_errors: int = 0
    # Where the header was, the columns not read and the rows skipped (imports/layout.py):
    # for --json, and as lines under the summary line.
    layout: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.more_errors

    def summary_line(self) -> str:
        """The one line a person reads: what the file did to the ledger."""
        c = self.counts
        read_as = ""
        if self.encoding:
            read_as = t("imp.summary.encoding", name=self.encoding)
        elif self.sheet:
            read_as = t("imp.summary.sheet", name=self.sheet)
        line = t(
            "imp.summary",
            file=self.file + read_as,
            rows=self.rows,
            inserted=c.inserted,
            updated=c.updated,
            unchanged=c.unchanged,
        )
        if c.extra.get("problems_opened"):
            line += t("imp.summary.problems", n=c.extra["problems_opened"])
        if c.inserted == 0 and c.updated == 0 and self.rows:
            line += t("imp.summary.nothing_new")
        if self.dry_run:
            line += t("imp.summary.dry")
        return line

    def summary(self) -> dict[str, object]:
        """The JSON summary: stable English keys (a kind's extra counts among them, so a
        mapping rather than a dataclass)."""
        return {
            "file": self.file,
            "kind": self.kind,
            "status": self.status,
            "dry_run": self.dry_run,
            "encoding": self.encoding or None,
            "sheet": self.sheet or None,
            "rows": self.rows,
            "inserted": self.counts.inserted,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            **self.counts.extra,
            **self.layout,
            "errors": [
                {"line": e.line, "column": e.column, "message": e.message, "value": e.value}
                for e in self.errors
            ],
            "errors_not_shown": self.more_errors,
        }

    def add_error(self, error: RowError) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error)
        else:
            self.more_errors += 1

    def merge_errors(self, late: list[RowError]) -> None:
        """Errors found after reading (in line order) put among the others by line, as if
        found row by row: kept while under MAX_ERRORS and not past a line already cut off."""
        if not late:
            return
        cut = self.errors[-1].line if self.more_errors else None
        kept = [e for e in late if cut is None or e.line <= cut]
        self.more_errors += len(late) - len(kept)
        merged = sorted(self.errors + kept, key=lambda e: e.line)  # stable: a line's order kept
        self.more_errors += max(0, len(merged) - MAX_ERRORS)
        self.errors = merged[:MAX_ERRORS]
