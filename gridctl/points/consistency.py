"""Whether the points agree with the records they count: the check `gridctl db check` adds to
the ledger's own (gridctl.ledger.check).

Point entries are derived from the records: the check finds entries whose record is gone or
whose visit belongs to someone else (plain SQL by table name, because a ledger at an older
revision may lack some of them), then, on a ledger with every record table, derives all the
entries again from nothing inside its transaction (rolled back) and names each stored entry
that differs: another supervisor, date or number of points, or no longer earned. Records
not derived yet (a visit added since the last read) are not named: every read derives them.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.ledger.check import Finding

POINTS_TABLE = "point_entry"
# The table of each kind of record a point entry may name.
RECORD_TABLES = {
    "visit": "visit",
    "problem": "problem",
    "activity": "activity",
    "award": "effectiveness_award",
}
# Problems listed in a finding, at most.
SHOWN = 100


def points_consistency(session: Session, tables: frozenset[str]) -> Finding:
    """The points tables agree with the visits, problems and activities they count."""
    if POINTS_TABLE not in tables:
        return Finding("points", None, t("db.check.no_points"))
    problems = _orphan_entries(session, tables)
    if set(RECORD_TABLES.values()) | {"welfare_claim"} <= tables and not problems:
        problems = _stale_entries(session)
    hint = t("db.check.recompute_hint") if problems else ""
    found = t("db.check.points", n=len(problems), hint=hint)
    return Finding("points", not problems, found, problems[:SHOWN])


def _orphan_entries(session: Session, tables: frozenset[str]) -> list[str]:
    found = []
    for record_type, table in RECORD_TABLES.items():
        if table not in tables:
            continue
        orphans = session.execute(
            text(
                f"SELECT e.id FROM point_entry e WHERE e.record_type = :t AND NOT EXISTS "
                f"(SELECT 1 FROM {table} r WHERE r.id = e.record_id) ORDER BY e.id"
            ),
            {"t": record_type},
        ).scalars()
        record = t(f"db.record.{record_type}")
        found += [t("db.check.orphan", id=i, record=record) for i in orphans]
    strangers = session.execute(
        text(
            "SELECT e.id FROM point_entry e JOIN visit v ON v.id = e.record_id "
            "WHERE e.record_type = 'visit' AND e.supervisor_id <> v.supervisor_id ORDER BY e.id"
        )
    ).scalars()
    found += [t("db.check.stranger", id=i) for i in strangers]
    return found


def _stale_entries(session: Session) -> list[str]:
    from sqlmodel import Session as ModelSession

    from gridctl.points import fresh

    # The check's session is a plain SQLAlchemy one; derive only executes core statements.
    derive_in = cast(ModelSession, session)
    before = fresh.stored(derive_in)
    try:
        after = fresh.from_nothing(derive_in)
    except (SQLAlchemyError, GridctlError):
        session.rollback()
        return []
    session.rollback()
    rows = session.execute(text("SELECT id, code FROM supervisor")).all()
    codes: dict[int, str] = {i: code for i, code in rows}
    found = []
    for (rule, record_id), (sid, day, points) in sorted(before.items()):
        now = after.get((rule, record_id))
        if now == (sid, day, points):
            continue
        was = t("db.check.entry_is", code=codes.get(sid, sid), date=day, points=points)
        should = (
            t("db.check.entry_is", code=codes.get(now[0], now[0]), date=now[1], points=now[2])
            if now is not None
            else t("db.check.not_earned")
        )
        found.append(t("db.check.stale", rule=rule, id=record_id, was=was, should=should))
    return found
