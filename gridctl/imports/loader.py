"""Run one import: read and check every row, then write all of it or nothing, and log the run.

The steps, and why:
1. Read and validate every row in a read transaction (no write lock held): headers matched,
   cells parsed, names resolved with look-ups loaded once (Refs), natural keys checked for
   duplicates. Resolved records are spooled and natural keys kept (in memory up to
   `in_memory` records, then in temporary files: dupes.py), so memory stays flat whatever
   the file's size.
2. Any problem: nothing is written; the run is logged as refused in its own short transaction.
3. Otherwise one write transaction (BEGIN IMMEDIATE on SQLite) re-matches the records against
   the ledger as it is now, inserts and updates in chunks, and logs the run in the same
   transaction, so the log never claims rows that were rolled back.
The caller supplies `opener(write)`, which opens a session and commits when its block ends,
and may supply `transact(fn)`, which runs fn(session) as one write transaction and may run
the whole of it again (cli/context.transaction: PostgreSQL's serialization failures and
deadlocks): the write step re-reads the spooled records from the start each time.
"""

from __future__ import annotations

import datetime as dt
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.i18n import t
from gridctl.imports.dupes import Duplicates, Repeat
from gridctl.imports.readers import FileRefused, Source, file_sha256, open_source
from gridctl.imports.refs import Refs
from gridctl.imports.registry import SPECS
from gridctl.imports.spec import Counts, RowError, Spec, WriteCtx, match_header, parse_row
from gridctl.ledger.audit import actor
from gridctl.ledger.models.imports import ImportRun

Opener = Callable[[bool], AbstractContextManager[Session]]
Transact = Callable[[Callable[[Session], Counts]], Counts]
Progress = Callable[[str, int], None]
# Errors kept for the report; a file that is wrong on every one of a million rows is
# reported with its first MAX_ERRORS problems and a count of the rest.
MAX_ERRORS = 10_000
CHUNK = 5_000
# Records kept in memory (spooled records and their keys); past this they go to temporary files.
IN_MEMORY = 100_000


@dataclass
class Result:
    file: str
    kind: str
    dry_run: bool
    sha256: str = ""
    status: str = "imported"
    rows: int = 0
    counts: Counts = field(default_factory=Counts)
    errors: list[RowError] = field(default_factory=list)
    more_errors: int = 0

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.more_errors

    def summary_line(self) -> str:
        """The one line a person reads: what the file did to the ledger."""
        c = self.counts
        line = t(
            "imp.summary",
            file=self.file,
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
        """The JSON summary: stable English keys."""
        return {
            "file": self.file,
            "kind": self.kind,
            "status": self.status,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "inserted": self.counts.inserted,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            **self.counts.extra,
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


def run_import(
    opener: Opener,
    *,
    kind: str,
    path: Path,
    display: str | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    user: str | None = None,
    skip: tuple[str, ...] = (),
    progress: Progress | None = None,
    today: dt.date | None = None,
    in_memory: int = IN_MEMORY,
    transact: Transact | None = None,
) -> Result:
    """Import `path` as `kind`, all or nothing; the run is logged whatever happens.

    `in_memory`: records held in memory before spooling to temporary files (tests lower it).
    """
    spec = SPECS[kind]
    started = dt.datetime.now(dt.UTC)
    result = Result(file=display or str(path), kind=kind, dry_run=dry_run)
    who = user or actor()
    try:
        source = open_source(path, sheet)
    except FileRefused as exc:
        result.add_error(RowError(exc.line, "", t(exc.key, **exc.params)))
        result.status = "refused"
        result.sha256 = file_sha256(path) if path.is_file() else ""
        _log_apart(opener, result, started, who)
        return result
    result.sha256 = source.sha256
    ctx = WriteCtx(frozenset(), dry_run, f"import:{path.name}"[:300], started)
    with Spool(in_memory=in_memory) as spool:
        with opener(False) as session, Duplicates(len(spec.keys), in_memory) as dupes:
            refs = Refs(session, today)
            try:
                present = _validate(spec, source, refs, spool, dupes, result, skip, progress)
            except FileRefused as exc:  # found part way through reading (a broken CSV)
                result.add_error(RowError(exc.line, "", t(exc.key, **exc.params)))
                present = frozenset()
            ctx = WriteCtx(present, dry_run, ctx.source, started)
            if not result.errors and dry_run:
                result.counts = spec.write(session, spool.chunks(progress), ctx)
        if result.errors or dry_run:
            result.status = "refused" if result.errors else "imported"
            _log_apart(opener, result, started, who)
            return result

        def write(session: Session) -> Counts:
            result.counts = spec.write(session, spool.chunks(progress), ctx)
            log_run(session, result, started, who)
            return result.counts

        try:
            if transact is None:
                with opener(True) as session:
                    write(session)
            else:
                transact(write)
        except Exception as exc:
            result.status = "failed"
            _log_apart(opener, result, started, who, message=str(exc).splitlines()[0][:1000])
            raise
    return result


def _validate(
    spec: Spec,
    source: Source,
    refs: Refs,
    spool: Spool,
    dupes: Duplicates,
    result: Result,
    skip: tuple[str, ...],
    progress: Progress | None,
) -> frozenset[str]:
    """Check every row; resolved records go to `spool`. The columns present are returned."""
    rows = source.rows()
    first = next(rows, None)
    if first is None:
        result.add_error(RowError(1, "", t("imp.file.empty")))
        return frozenset()
    header, errors = match_header(spec, first[1], skip, source.epoch)
    for error in errors:
        result.add_error(error)
    if any(c.required and c.key not in header.labels for c in spec.columns):
        return frozenset(header.labels)
    for line, cells in rows:
        row = parse_row(line, cells, header)
        if row is None:
            continue
        result.rows += 1
        rec = spec.resolve(row, refs)
        for error in row.errors:
            result.add_error(error)
        if rec is not None:
            keys = [key_of(rec) for _, key_of in spec.keys]
            repeat = dupes.add(line, keys)
            if repeat is not None:
                result.add_error(_repeat_error(spec, repeat, keys[repeat.slot], header.labels))
            spool.add(line, rec)
        if progress is not None and result.rows % 1000 == 0:
            progress("check", result.rows)
    late = _confirm(spec, spool, dupes.later())
    result.merge_errors([_repeat_error(spec, r, key, header.labels) for r, key in late])
    if spec.check_all is not None and not result.errors:
        everything = [pair for chunk in spool.chunks() for pair in chunk]
        for error in spec.check_all(everything, refs, header.labels):
            result.add_error(error)
    return frozenset(header.labels)


def _repeat_error(spec: Spec, repeat: Repeat, key: object, labels: dict[str, str]) -> RowError:
    """A natural key twice in one file is refused, naming the first line that has it.

    Keys are compared by their 64-bit hashes (memory stays small for a million rows); a false
    duplicate in memory would need a hash collision, about 1 in 10^7 for a million-row file.
    """
    column = spec.keys[repeat.slot][0]
    value = key if isinstance(key, str) else ""
    return RowError(
        repeat.line, labels.get(column, column), t("imp.row.duplicate", first=repeat.first), value
    )


def _confirm(spec: Spec, spool: Spool, repeats: list[Repeat]) -> list[tuple[Repeat, object]]:
    """The repeats found past the in-memory part, with their keys: the records of those that
    can be shown (the first MAX_ERRORS) are read again from the spool and compared exactly
    (a hash collision is dropped); the others are counted as found."""
    shown, rest = repeats[:MAX_ERRORS], repeats[MAX_ERRORS:]
    if not shown:
        return []
    lines = {r.line for r in shown} | {r.first for r in shown}
    keys: dict[int, list[object]] = {}
    for chunk in spool.chunks():
        for line, rec in chunk:
            if line in lines:
                keys[line] = [key_of(rec) for _, key_of in spec.keys]
    confirmed = [
        (r, keys[r.line][r.slot]) for r in shown if keys[r.line][r.slot] == keys[r.first][r.slot]
    ]
    return confirmed + [(r, None) for r in rest]


class Spool:
    """Records in chunks: the first `in_memory` in memory, the rest pickled to a temporary file."""

    def __init__(self, chunk: int = CHUNK, in_memory: int = IN_MEMORY) -> None:
        self._chunk = max(1, min(chunk, in_memory))
        self._in_memory = in_memory // self._chunk  # whole chunks
        self._memory: list[list[tuple[int, Any]]] = []
        self._current: list[tuple[int, Any]] = []
        self._file: IO[bytes] | None = None
        self._spilled = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()

    def add(self, line: int, rec: Any) -> None:
        self._current.append((line, rec))
        if len(self._current) >= self._chunk:
            self._flush()

    def _flush(self) -> None:
        if not self._current:
            return
        if len(self._memory) < self._in_memory:
            self._memory.append(self._current)
        else:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="gridctl-import-")
            pickle.dump(self._current, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._spilled += 1
        self._current = []

    def chunks(self, progress: Progress | None = None) -> Iterator[list[tuple[int, Any]]]:
        self._flush()
        done = 0
        for chunk in self._chunks():
            yield chunk
            done += len(chunk)
            if progress is not None:
                progress("write", done)

    def _chunks(self) -> Iterator[list[tuple[int, Any]]]:
        yield from self._memory
        if self._file is not None:
            self._file.seek(0)
            for _ in range(self._spilled):
                yield pickle.load(self._file)


# --- the import log -------------------------------------------------------------------------


def log_run(
    session: Session, result: Result, started: dt.datetime, user: str, message: str | None = None
) -> None:
    first = result.errors[0] if result.errors else None
    if message is None and first is not None:
        message = ":".join(str(p) for p in (first.line or "", first.column) if p)
        message = f"{message}: {first.message}" if message else first.message
    session.add(
        ImportRun(
            file_name=result.file[:500],
            sha256=result.sha256,
            kind=result.kind,
            status=result.status,
            dry_run=result.dry_run,
            rows=result.rows,
            inserted=result.counts.inserted,
            updated=result.counts.updated,
            unchanged=result.counts.unchanged,
            errors=result.error_count,
            message=message
            or (f"{first.line}: {first.column}: {first.message}" if first else None),
            run_by=user[:100],
            started_at=started,
            finished_at=dt.datetime.now(dt.UTC),
        )
    )
    session.flush()


def _log_apart(
    opener: Opener, result: Result, started: dt.datetime, user: str, message: str | None = None
) -> None:
    """Log a refused, failed or dry run in its own short transaction (nothing else in it)."""
    with opener(True) as session:
        log_run(session, result, started, user, message)


def log_rows(session: Session, *, limit: int | None = None) -> list[dict[str, object]]:
    query = select(ImportRun).order_by(ImportRun.started_at.desc(), ImportRun.id.desc())  # type: ignore[attr-defined]
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": r.id,
            "started": r.started_at.isoformat(timespec="seconds"),
            "user": r.run_by,
            "kind": r.kind,
            "file": r.file_name,
            "sha256": r.sha256,
            "status": r.status,
            "dry_run": r.dry_run,
            "rows": r.rows,
            "inserted": r.inserted,
            "updated": r.updated,
            "unchanged": r.unchanged,
            "errors": r.errors,
            "message": r.message or "",
        }
        for (r,) in session.execute(query)
    ]
