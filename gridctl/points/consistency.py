"""Whether the points agree with the records they count: the check `gridctl db check` adds to
the ledger's own (gridctl.ledger.check).

Point entries are derived from the records: the check finds entries whose record is gone or
whose visit belongs to someone else. It reads the tables by name, with plain SQL, because a
ledger at an older revision may lack some of them.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

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
