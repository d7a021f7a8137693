"""The audit trail: who changed what in the ledger, in a hash chain that shows tampering.

Changes to the watched tables (WATCHED below, the one place that says what is audited) are
captured in one place, the session's flush events, installed by
gridctl.ledger.session.open_ledger: no service has to call anything. Work that bypasses the
ORM unit of work (bulk Core inserts of an import run) calls `record` once per run.

Each entry stores sha256(previous hash + its own canonical JSON); ledger.audit_read reads the
trail and walks the chain to verify it. The previous hash is read
inside the writing transaction: SQLite writers are serialised by BEGIN IMMEDIATE, PostgreSQL
writers of the trail by a transaction-level advisory lock; and `seq` (previous + 1) is the
primary key, so two writers can never both extend the same entry (the chain cannot fork).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, text
from sqlalchemy.orm import Session

from gridctl.ledger.models.audit import AuditEntry
from gridctl.ledger.models.typed import table_of

GENESIS = "0" * 64
# Any constant; PostgreSQL writers of the trail queue on it until their transaction ends.
PG_LOCK_KEY = 0x67726964
USER_ENV = "GRIDCTL_USER"

# Tables whose ORM inserts, updates and deletes are recorded, all declared here: the
# registers, the dated member history (a change of members is a change of money), and the
# points the station grants by hand (adjustments, effectiveness awards).
WATCHED: frozenset[str] = frozenset(
    {
        "grid",
        "guidance_group",
        "supervisor",
        "enterprise",
        "member_count",
        "point_adjustment",
        "effectiveness_award",
        "import_run",
    }
)
# What an insert into these tables is called in the trail. An import writes its rows in bulk
# (Core, not the ORM) and logs one import_run row: that row is the run's one audit entry.
INSERT_ACTIONS = {"import_run": "import", "point_adjustment": "adjust"}

# The columns naming who wrote a row; on PostgreSQL the database fills them with the login.
ACTOR_COLUMNS = {
    "import_run": "run_by",
    "point_adjustment": "recorded_by",
    "effectiveness_award": "recorded_by",
}

TABLE = table_of(AuditEntry)


def actor(conn: Connection | None = None) -> str:
    """Who is changing the ledger (the one answer the audit trail, the import log and the
    points granted by hand all record). On PostgreSQL, given the connection: the database
    login (session_user), which the database also stamps on those rows itself. Otherwise
    $GRIDCTL_USER, else the login name of the machine: a label, not a proof (SQLite)."""
    if conn is not None and conn.dialect.name == "postgresql":
        return login(conn)
    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name[:100]
    try:
        return getpass.getuser()[:100]
    except Exception:  # noqa: BLE001 - no login name (a container without a passwd entry)
        return "unknown"


def login(conn: Connection) -> str:
    """The PostgreSQL login of this connection (asked once per connection)."""
    found = conn.info.get("gridctl_login")
    if found is None:
        found = str(conn.execute(text("SELECT session_user")).scalar_one())
        conn.info["gridctl_login"] = found
    return str(found)


# --- canonical form and hashing --------------------------------------------------------------


def stamp(moment: datetime) -> str:
    """A moment as UTC ISO text with microseconds; a naive value (SQLite) is UTC already."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def canonical(value: dict[str, Any] | None) -> str | None:
    """JSON text with sorted keys and no spaces: the same row always gives the same text."""
    if value is None:
        return None
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_jsonable
    )


def entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    body = json.dumps(
        [
            row["seq"],
            stamp(row["at"]),
            row["actor"],
            row["action"],
            row["table_name"],
            row["row_key"],
            row["before"],
            row["after"],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


# --- writing -------------------------------------------------------------------------------


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def _head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        select(TABLE.c.seq, TABLE.c.hash).order_by(TABLE.c.seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def _append(
    conn: Connection,
    action: str,
    table: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> int:
    _lock(conn)
    seq, prev = _head(conn)
    row: dict[str, Any] = {
        "seq": seq + 1,
        "at": datetime.now(UTC),
        "actor": actor(conn),
        "action": action,
        "table_name": table,
        "row_key": str(key)[:200],
        "before": canonical(before),
        "after": canonical(after),
        "prev_hash": prev,
    }
    row["hash"] = entry_hash(prev, row)
    conn.execute(insert(TABLE), row)
    return int(row["seq"])


def record(
    session: Session,
    action: str,
    table: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> int:
    """Append one entry in the session's transaction (e.g. one per import run); its seq."""
    return _append(session.connection(), action, table, key, before, after)


# --- capturing ORM changes -------------------------------------------------------------------


def _watched(obj: object) -> bool:
    table = getattr(obj, "__tablename__", None)
    return table in WATCHED


def _snapshot(obj: object, old: bool = False) -> dict[str, Any]:
    """The row's column values (as they were before this flush when `old`), without SQL."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        value = state.dict.get(key)
        if old:
            history = state.attrs[key].history
            if history.deleted:
                value = history.deleted[0]
        values[key] = value
    return values


def _key(obj: object) -> str:
    state = inspect(obj)
    identity = state.mapper.primary_key_from_instance(obj)
    return ",".join(str(v) for v in identity)


def _changed(obj: object) -> bool:
    state = inspect(obj)
    return any(state.attrs[a.key].history.has_changes() for a in state.mapper.column_attrs)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    # Take the trail's lock before this flush writes any row (PostgreSQL), so that two
    # writers meet here rather than deadlock later on rows and the lock in opposite orders.
    pending = (*session.new, *session.dirty, *session.deleted)
    if any(_watched(obj) for obj in pending):
        _lock(session.connection())
    _stamp_login(session)


def _stamp_login(session: Session) -> None:
    # The database writes the login into these columns on insert (PostgreSQL); set it here
    # too, so that the row's audit entry shows what the table holds.
    stamped = [o for o in session.new if getattr(o, "__tablename__", None) in ACTOR_COLUMNS]
    if stamped and session.connection().dialect.name == "postgresql":
        who = login(session.connection())
        for obj in stamped:
            setattr(obj, ACTOR_COLUMNS[obj.__tablename__], who)


def _after_flush(session: Session, _context: object) -> None:
    conn = session.connection()
    for obj in list(session.new):
        if _watched(obj):
            table = obj.__tablename__
            action = INSERT_ACTIONS.get(table, "insert")
            _append(conn, action, table, _key(obj), None, _snapshot(obj))
    for obj in list(session.dirty):
        if _watched(obj) and obj not in session.deleted and _changed(obj):
            before, after = _snapshot(obj, old=True), _snapshot(obj)
            if before != after:
                _append(conn, "update", obj.__tablename__, _key(obj), before, after)
    for obj in list(session.deleted):
        if _watched(obj):
            _append(conn, "delete", obj.__tablename__, _key(obj), _snapshot(obj, old=True), None)


def install(session: Session) -> None:
    """Record the watched tables' changes made through this session; on PostgreSQL, learn
    the login's role so that a refusal by the database names it."""
    from gridctl.ledger import roles

    roles.install(session)
    event.listen(session, "before_flush", _before_flush)
    event.listen(session, "after_flush", _after_flush)
