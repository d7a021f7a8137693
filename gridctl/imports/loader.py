"""Run one import: read and check every row, then write all of it or nothing, and log the run.

The steps, and why:
1. Read and validate every row in a read transaction (no write lock held): headers matched,
   cells parsed, names resolved with look-ups loaded once (Refs), natural keys checked for
   duplicates. Resolved records are spooled and natural keys kept (in memory up to
   `in_memory` records, then in temporary files: spool.py, dupes.py), so memory stays flat
   whatever the file's size.
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
from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session

from gridctl.i18n import t
from gridctl.imports.dupes import Duplicates, Repeat
from gridctl.imports.layout import layout_json, layout_lines
from gridctl.imports.log import Opener, log_apart, log_run
from gridctl.imports.readers import FileRefused, Source, file_sha256, open_source
from gridctl.imports.refs import Refs
from gridctl.imports.registry import SPECS
from gridctl.imports.result import MAX_ERRORS, Result
from gridctl.imports.spec import Counts, RowError, Spec, WriteCtx, find_header, parse_row
from gridctl.imports.spool import IN_MEMORY, Progress, Spool
from gridctl.ledger.audit import actor

# transact(fn): fn(session) run as one write transaction, perhaps more than once.
Transact = Callable[[Callable[[Session], Counts]], Counts]


def run_import(
    opener: Opener,
    *,
    kind: str,
    path: Path,
    display: str | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    encoding: str | None = None,
    user: str | None = None,
    skip: tuple[str, ...] = (),
    strict: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
    in_memory: int = IN_MEMORY,
    transact: Transact | None = None,
) -> Result:
    """Import `path` as `kind`, all or nothing; the run is logged whatever happens.

    `encoding`: a CSV's encoding as the user states it (else decided from the bytes).
    `strict`: refuse the columns the kind does not read instead of naming them.
    `in_memory`: records held in memory before spooling to temporary files (tests lower it).
    """
    spec = SPECS[kind]
    started = dt.datetime.now(dt.UTC)
    result = Result(file=display or str(path), kind=kind, dry_run=dry_run)
    who = user or actor()
    try:
        source = open_source(path, sheet, encoding)
    except FileRefused as exc:
        result.add_error(RowError(exc.line, "", exc.message()))
        result.status = "refused"
        result.sha256 = file_sha256(path) if path.is_file() else ""
        log_apart(opener, result, started, who)
        return result
    result.sha256 = source.sha256
    if source.kind == "csv":
        result.encoding = source.read_as
    else:
        result.sheet = source.read_as
    ctx = WriteCtx(frozenset(), dry_run, f"import:{path.name}"[:300], started)
    with Spool(in_memory=in_memory) as spool:
        with opener(False) as session, Duplicates(len(spec.keys), in_memory) as dupes:
            refs = Refs(session, today)
            try:
                present = _validate(
                    spec, source, refs, spool, dupes, result, skip, progress, strict=strict
                )
            except FileRefused as exc:  # found part way through reading (a broken CSV)
                result.add_error(RowError(exc.line, "", exc.message()))
                present = frozenset()
            ctx = WriteCtx(present, dry_run, ctx.source, started)
            if not result.errors and dry_run:
                result.counts = spec.write(session, spool.chunks(progress), ctx)
        if result.errors or dry_run:
            result.status = "refused" if result.errors else "imported"
            log_apart(opener, result, started, who)
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
            log_apart(opener, result, started, who, message=str(exc).splitlines()[0][:1000])
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
    *,
    strict: bool = False,
) -> frozenset[str]:
    """Check every row; resolved records go to `spool`. The columns present are returned."""
    rows = source.rows()
    found = find_header(spec, rows, skip, source.epoch, strict=strict)
    if found is None:
        result.add_error(RowError(1, "", t("imp.file.empty")))
        return frozenset()
    header, errors = found
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
    result.layout = layout_json(header)
    result.notes = layout_lines(header)
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
