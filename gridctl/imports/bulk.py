"""Bulk statements on a model's table at driver speed: executemany and row-value look-ups.

SQLAlchemy's executemany processes every parameter set in Python (about 18 us a row, more
than SQLite's own insert). Here the Core statement is still built from the model's table
(the models stay the one description of the tables), its columns' own bind and result
processors are applied (cached per distinct value: dates repeat), and the driver's
executemany runs the rows. Plain standard SQL: works on SQLite (qmark) and psycopg (%s).

On PostgreSQL the big writes go another way: rows are sent with COPY (psycopg's copy) into a
temporary table and merged into the ledger's table with one UPDATE and one INSERT … SELECT,
several times faster than executemany's statement per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    TableClause,
    and_,
    exists,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table

# Rows a bulk write must change before the table is analyzed at its end.
ANALYZE_MIN_ROWS = 1000

# A column type's processor of one value (bind: to the driver; result: from it).
Proc = Callable[[Any], Any]


def _marker(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _binder(conn: Connection, table: Table, column: str) -> Proc | None:
    """The column type's bind processor, cached per value (None: values pass as they are)."""
    # dialect_impl: the dialect's own type (SQLite's DATE stores ISO text, not the driver's).
    proc = table.c[column].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    if proc is None:
        return None
    cache: dict[Any, Any] = {}

    def bind(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            out = cache[value] = proc(value)
            return out

    return bind


def _binders(conn: Connection, table: Table, columns: Sequence[str]) -> list[Proc | None]:
    return [_binder(conn, table, c) for c in columns]


def _apply(binders: list[Proc | None], rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    idx = [(i, b) for i, b in enumerate(binders) if b is not None]
    if not idx:
        return [tuple(r) for r in rows]
    out = []
    for r in rows:
        row = list(r)
        for i, b in idx:
            row[i] = b(row[i])
        out.append(tuple(row))
    return out


class Bulk:
    """Bulk insert and key look-up on one table through one connection."""

    def __init__(self, conn: Connection, table: Table) -> None:
        self.conn = conn
        self.table = table
        self.mark = _marker(conn)
        self._binders: dict[tuple[str, ...], list[Proc | None]] = {}

    def binders(self, columns: Sequence[str]) -> list[Proc | None]:
        key = tuple(columns)
        if key not in self._binders:
            self._binders[key] = _binders(self.conn, self.table, columns)
        return self._binders[key]

    def insert(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """INSERT rows (tuples in `columns` order) with one driver executemany."""
        if not rows:
            return
        stmt = insert(self.table).values({c: None for c in columns})
        sql = str(stmt.compile(dialect=self.conn.dialect))
        # The compiled statement names its parameters; rewrite to positional markers.
        head = sql.split(" VALUES ")[0]
        sql = f"{head} VALUES ({', '.join([self.mark] * len(columns))})"
        self.conn.exec_driver_sql(sql, _apply(self.binders(columns), rows))

    def lookup(
        self, keys: Sequence[str], fetch: Sequence[str], values: Sequence[Sequence[Any]]
    ) -> list[tuple[Any, ...]]:
        """Rows of `fetch` columns whose (`keys`) is among `values` (row-value IN VALUES)."""
        if not values:
            return []
        group = "(" + ", ".join([self.mark] * len(keys)) + ")"
        names = [f"k{i}" for i in range(len(keys))]
        # A join on a VALUES list probes the table's index per key; SQLite plans a row-value
        # `IN (VALUES ...)` as a scan of the whole table.
        on = " AND ".join(f"t.{c} = k.{n}" for c, n in zip(keys, names, strict=True))
        sql = (
            f"WITH k({', '.join(names)}) AS (VALUES {', '.join([group] * len(values))}) "
            f"SELECT {', '.join('t.' + c for c in fetch)} FROM k JOIN {self.table.name} t ON {on}"
        )
        flat = [v for row in _apply(self.binders(keys), values) for v in row]
        result = self.conn.exec_driver_sql(sql, tuple(flat))
        procs = [self._result_proc(c) for c in fetch]
        rows = result.fetchall()
        if not any(procs):
            return [tuple(r) for r in rows]
        return [tuple(p(v) if p else v for p, v in zip(procs, r, strict=True)) for r in rows]

    def _result_proc(self, column: str) -> Proc | None:
        ctype = self.table.c[column].type.dialect_impl(self.conn.dialect)
        return ctype.result_processor(self.conn.dialect, None)


# --- PostgreSQL: COPY into a staging table, then set-wise statements ------------------------


# SQLAlchemy drops the driver's row count of a Core INSERT … SELECT unless asked to keep it.
COUNTED = {"preserve_rowcount": True}


def on_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def stage(
    conn: Connection, table: Table, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> TableClause:
    """COPY rows (tuples in `columns` order) into a new temporary table `name`, dropped at
    commit, with the table's own column types and a `seq` column: the rows' order."""
    cols = ", ".join(columns)
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {name} ON COMMIT DROP AS "
        f"SELECT 0::bigint AS seq, {cols} FROM {table.name} WITH NO DATA"
    )
    raw: Any = conn.connection.dbapi_connection
    with raw.cursor() as cur, cur.copy(f"COPY {name} (seq, {cols}) FROM STDIN") as copy:
        for seq, row in enumerate(rows):
            copy.write_row((seq, *row))
    # The planner's estimate of the merge's sides: a fresh table has no statistics.
    conn.exec_driver_sql(f"ANALYZE {name}")
    return sa_table(name, sa_column("seq"), *(sa_column(c) for c in columns))


def merge(
    conn: Connection,
    table: Table,
    staged: TableClause,
    key: Sequence[str],
    changes: Sequence[str],
    constants: dict[str, Any],
) -> tuple[int, int]:
    """Merge staged rows into `table` by the natural key: rows present whose `changes` columns
    differ are updated; rows absent are inserted in staging order, with `constants` for the
    remaining columns; rows present and equal are left alone. Returns (updated, inserted)."""
    same_key = and_(*(table.c[k] == staged.c[k] for k in key))
    updated = 0
    if changes:
        differs = or_(*(table.c[c].is_distinct_from(staged.c[c]) for c in changes))
        stmt = update(table).where(same_key, differs).values({c: staged.c[c] for c in changes})
        updated = conn.execute(stmt, execution_options=COUNTED).rowcount
    names = [c.name for c in staged.columns if c.name != "seq"]
    pick = select(
        *(staged.c[c] for c in names),
        *(literal(v, type_=table.c[c].type) for c, v in constants.items()),
    )
    pick = pick.where(~exists().where(same_key)).order_by(staged.c.seq)
    into = insert(table).from_select([*names, *constants], pick)
    inserted = conn.execute(into, execution_options=COUNTED).rowcount
    return updated, inserted


def analyze(conn: Connection, written: dict[Table, int]) -> None:
    """Fresh planner statistics for the tables a bulk write changed (`written`: rows each) on
    PostgreSQL, whose autovacuum analyzes later, if at all: until then the planner plans for
    the table as it was. A few rows change no plan and are not worth a sample of the table."""
    if not on_postgres(conn):
        return
    for table, rows in written.items():
        if rows >= ANALYZE_MIN_ROWS:
            conn.exec_driver_sql(f"ANALYZE {table.name}")
