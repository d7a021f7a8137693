"""Copy a whole ledger into another, empty one: how a park moves from its SQLite file to the
shared PostgreSQL server when several people must write (or takes a server ledger home).

Every table is copied row for row, ids included, so references, the audit trail's hash chain,
import logs and point entries stay exactly what they were. The copy is one transaction on the
destination: it is there whole, with every table's row count equal to the source's and the
audit chain verified, or not at all. The source is only read.

On PostgreSQL the triggers that stamp the database login into the who-columns (the audit
trail, import runs, adjustments, awards) are switched off inside the copy's transaction (as
the table owner may), because those rows already name who wrote them; changing a name would
break the audit chain. Ids are then moved past the copied ones (setval), so new rows continue.

A foreign key to a table copied later (a group's leader) is filled in by an UPDATE once
every row is in; a table referring to itself (a grid's parent) is copied parents first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    func,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from gridctl.errors import LedgerError
from gridctl.i18n import t
from gridctl.ledger.audit_read import verify
from gridctl.ledger.config import Target
from gridctl.ledger.migrate import HEAD, schema_revision, upgrade
from gridctl.ledger.models import load_all, metadata
from gridctl.ledger.session import existing_engine, make_engine

BATCH = 5_000
# The who-columns PostgreSQL fills in with the login on insert (revision 0011).
STAMPED = ("audit_entry", "import_run", "point_adjustment", "effectiveness_award")


@dataclass(frozen=True, slots=True)
class TableCopy:
    table: str
    rows: int


@dataclass(frozen=True, slots=True)
class Copied:
    source: str
    dest: str
    revision: str
    tables: list[TableCopy]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def copy_ledger(source: Target, dest: Target) -> Copied:
    """Copy the ledger at `source` into `dest` (created or upgraded to the newest schema, and
    empty); refuses, writing nothing, when the two are one, the source is not at the newest
    schema, or the destination holds any row."""
    if source.url == dest.url:
        raise LedgerError("to", dest.display(), t("copy.same_ledger"))
    load_all()
    src = existing_engine(source)
    dst = make_engine(dest)
    try:
        revision = schema_revision(src)
        if revision != HEAD:
            raise LedgerError("db", source.display(), t("detail.old_schema", rev=revision or "-"))
        _check_tables(src, source)
        upgrade(dst)
        with src.connect().execution_options(sqlite_begin="DEFERRED") as reader:
            with dst.begin() as writer:
                _refuse_rows(writer, dest)
                tables = _copy_tables(reader, writer)
                _check_counts(reader, writer, dest)
                with Session(bind=writer) as session:
                    verdict = verify(session)
                if not verdict.ok:
                    raise LedgerError(
                        "to",
                        dest.display(),
                        t("copy.chain", detail=f"{verdict.bad_seq}: {verdict.problem}"),
                    )
        return Copied(source.display(), dest.display(), HEAD, tables)
    finally:
        src.dispose()
        dst.dispose()


def _check_tables(engine: Engine, source: Target) -> None:
    """Every table of the source is one gridctl knows: nothing would be left behind."""
    present = set(inspect(engine).get_table_names()) - {"alembic_version"}
    unknown = sorted(present - set(metadata.tables))
    if unknown:
        raise LedgerError(
            "db", source.display(), t("copy.unknown_tables", names=", ".join(unknown))
        )


def _refuse_rows(conn: Connection, dest: Target) -> None:
    # The trail last: every change writes it, so the record changed says more.
    for table in sorted(metadata.sorted_tables, key=lambda table: table.name == "audit_entry"):
        count = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if count:
            raise LedgerError(
                "to", dest.display(), t("copy.not_empty", table=table.name, count=count)
            )


def _copy_tables(reader: Connection, writer: Connection) -> list[TableCopy]:
    postgres = writer.dialect.name == "postgresql"
    if postgres:
        _stamping(writer, enable=False)
    elif writer.dialect.name == "sqlite":
        writer.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    done: set[str] = set()
    later: list[tuple[Table, list[str]]] = []
    copied = []
    for table in metadata.sorted_tables:
        deferred = [
            fk.parent.name
            for fk in table.foreign_keys
            if fk.column.table.name not in done | {table.name} and fk.parent.nullable
        ]
        rows = 0
        for batch in _batches(reader, table):
            rows += len(batch)
            writer.execute(table.insert(), [{**row, **dict.fromkeys(deferred)} for row in batch])
        if deferred:
            later.append((table, deferred))
        done.add(table.name)
        copied.append(TableCopy(table.name, rows))
    for table, columns in later:
        _fill_in(reader, writer, table, columns)
    if postgres:
        _move_sequences(writer)
        _stamping(writer, enable=True)
    return copied


def _batches(reader: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    key = list(table.primary_key.columns)
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    result = reader.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(table).order_by(*key)
    )
    if not own:
        for part in result.mappings().partitions(BATCH):
            yield [dict(row) for row in part]
        return
    yield from _parents_first([dict(row) for row in result.mappings()], own)


def _parents_first(
    rows: list[dict[str, object]], own: list[str]
) -> Iterator[list[dict[str, object]]]:
    """A table referring to itself (a grid's parent grid; a few thousand rows at most) in
    rounds: the rows whose references are already in, then theirs. A row's checks may need
    its reference (a level-2 grid has a parent), so it is never held back."""
    placed: set[object] = set()
    waiting = rows
    while waiting:
        ready = [r for r in waiting if all(r[c] is None or r[c] in placed for c in own)]
        if not ready:  # a loop of references: the database will name it
            ready = waiting
        yield ready
        placed.update(r["id"] for r in ready)
        waiting = [r for r in waiting if r not in ready]


def _fill_in(reader: Connection, writer: Connection, table: Table, columns: list[str]) -> None:
    """Set the references held back while their rows were not yet copied."""
    key = [column.name for column in table.primary_key.columns]
    statement = (
        update(table)
        .where(*[table.c[name] == bindparam(f"k_{name}") for name in key])
        .values({name: bindparam(f"v_{name}") for name in columns})
    )
    wanted = [table.c[name] for name in key + columns]
    held = or_(*[table.c[name].is_not(None) for name in columns])
    result = reader.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(*wanted).where(held)
    )
    for part in result.mappings().partitions(BATCH):
        writer.execute(
            statement,
            [
                {**{f"k_{n}": row[n] for n in key}, **{f"v_{n}": row[n] for n in columns}}
                for row in part
            ],
        )


def _stamping(writer: Connection, *, enable: bool) -> None:
    present = {
        name
        for (name,) in writer.execute(
            text(
                "SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid"
                " WHERE g.tgname = 'stamp_login'"
            )
        )
    }
    verb = "ENABLE" if enable else "DISABLE"
    for table in STAMPED:
        if table in present:
            writer.exec_driver_sql(f"ALTER TABLE {table} {verb} TRIGGER stamp_login")


def _move_sequences(writer: Connection) -> None:
    for table in metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        writer.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:t, 'id'), m, m IS NOT NULL)"
                " FROM (SELECT max(id) AS m FROM " + table.name + ") s"
                " WHERE pg_get_serial_sequence(:t, 'id') IS NOT NULL"
            ),
            {"t": table.name},
        )


def _check_counts(reader: Connection, writer: Connection, dest: Target) -> None:
    for table in metadata.sorted_tables:
        have = writer.execute(select(func.count()).select_from(table)).scalar_one()
        want = reader.execute(select(func.count()).select_from(table)).scalar_one()
        if have != want:
            raise LedgerError(
                "to", dest.display(), t("copy.count", table=table.name, have=have, want=want)
            )
