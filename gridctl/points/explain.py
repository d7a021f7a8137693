"""Every entry behind a supervisor's points (`points explain`): the derived entries, each with
the record that earned it, and the station's adjustments.

Their sum equals the supervisor's total in gridctl.points.standings. Each entry's record is
described by its points source (gridctl.points.sources).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, select
from sqlmodel import Session

from gridctl.dates import Period
from gridctl.i18n import t
from gridctl.ledger.models.points import PointAdjustment, PointEntry
from gridctl.points.derive import sync_period
from gridctl.points.ruleset import CAP_PER
from gridctl.points.sources import BY_RULE
from gridctl.points.sql import chunks, in_period, table
from gridctl.registers.lookup import find_supervisor

CENT = Decimal("0.01")
ADJUSTMENT = "adjustment"
# Entries keep the note derive wrote ("capped: 2 per month", English, stored in the ledger);
# it is worded in the user's language when shown.
CAPPED = re.compile(rf"capped: (\S+) per ({'|'.join(CAP_PER)})")


@dataclass(frozen=True, slots=True)
class Explained:
    """One entry or adjustment behind a supervisor's figure."""

    date: str
    area: str
    rule: str
    record: str  # "visit 12", "adjustment 3"
    detail: str
    points: Decimal
    note: str


def explain(session: Session, *, supervisor: str, period: Period | None) -> list[Explained]:
    """Every entry and adjustment behind a supervisor's figure, oldest first."""
    sync_period(session, period)
    person = find_supervisor(session, supervisor, "supervisor")
    e = table(PointEntry).c
    query = select(e.id, e.date, e.area, e.rule, e.record_type, e.record_id, e.points, e.note)
    query = in_period(query.where(e.supervisor_id == person.id), e.date, period)
    entries = session.execute(query.order_by(e.date, e.id)).all()
    details = _details(session, entries)
    rows = [
        Explained(
            date=day.isoformat(),
            area=area,
            rule=rule,
            record=f"{rtype} {rid}",
            detail=details.get((rtype, rid), ""),
            points=Decimal(points).quantize(CENT),
            note=_shown_note(note),
        )
        for _id, day, area, rule, rtype, rid, points, note in entries
    ]
    a = table(PointAdjustment).c
    adjusted = select(a.id, a.date, a.area, a.points, a.reason, a.recorded_by)
    adjusted = in_period(adjusted.where(a.supervisor_id == person.id), a.date, period)
    for aid, day, area, points, reason, who in session.execute(adjusted).all():
        rows.append(
            Explained(
                date=day.isoformat(),
                area=area,
                rule=ADJUSTMENT,
                record=f"{ADJUSTMENT} {aid}",
                detail=reason,
                points=Decimal(points).quantize(CENT),
                note=t("points.adjusted_by", who=who),
            )
        )
    rows.sort(key=lambda r: (r.date, r.rule == ADJUSTMENT, r.record))
    return rows


def _shown_note(note: str | None) -> str:
    found = CAPPED.fullmatch(note or "")
    if found is None:
        return note or ""
    return t("points.capped", cap=found[1], per=t(f"points.cap_per.{found[2]}"))


def _details(
    session: Session, entries: Sequence[Row[*tuple[Any, ...]]]
) -> dict[tuple[str, int], str]:
    """A short description of each record behind the entries, by its source."""
    ids: dict[str, set[int]] = defaultdict(set)
    for row in entries:
        ids[row.rule].add(row.record_id)
    out: dict[tuple[str, int], str] = {}
    for rule, record_ids in ids.items():
        source = BY_RULE.get(rule)
        if source is None:
            continue
        for chunk in chunks(record_ids):
            for rid, text in source.describe(session, chunk):
                out[(source.record_type, rid)] = text
    return out
