"""Who has how many points: standings (ranked, ties share a rank), explain (every entry
behind a figure), adjustments and awards (the records the station types)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlmodel import Session

from gridctl import vocab
from gridctl.dates import Period
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.ledger.models.points import (
    AREAS,
    Activity,
    EffectivenessAward,
    PointAdjustment,
    PointEntry,
)
from gridctl.points import rules as rules_mod
from gridctl.points.derive import sync_period
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor

ZERO = Decimal("0")
CENT = Decimal("0.01")


def _where_period(query, column, period: Period | None):  # type: ignore[no-untyped-def]
    if period is None:
        return query
    return query.where(column >= period.start, column < period.end)


def area_totals(session: Session, *, period: Period | None) -> dict[int, dict[str, Decimal]]:
    """supervisor id -> area -> points (entries plus adjustments), summed in SQL."""
    out: dict[int, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(AREAS, ZERO))
    for model in (PointEntry, PointAdjustment):
        t = model.__table__.c
        query = select(t.supervisor_id, t.area, func.sum(t.points)).group_by(
            t.supervisor_id, t.area
        )
        for sup, area, total in session.execute(_where_period(query, t.date, period)).all():
            out[sup][area] += Decimal(total or 0).quantize(CENT)
    return out


def rank(rows: list[dict], key: str = "total") -> list[dict]:
    """Sort by `key` descending (then code) and number them; ties share a rank (1, 1, 3)."""
    rows.sort(key=lambda r: (-r[key], r["supervisor"]))
    for i, row in enumerate(rows):
        tied = i > 0 and rows[i - 1][key] == row[key]
        row["rank"] = rows[i - 1]["rank"] if tied else i + 1
    return rows


def _people(session: Session, group: str | None) -> list[tuple[int, str, str, str, bool]]:
    query = (
        select(
            Supervisor.id, Supervisor.code, Supervisor.name, GuidanceGroup.name, Supervisor.active
        )
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .order_by(Supervisor.code)
    )
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    return list(session.execute(query).all())


def standings(
    session: Session, *, period: Period | None, group: str | None = None, sync_first: bool = True
) -> list[dict]:
    """Per supervisor: points in each area and the total, ranked (within the group if given).

    Keys: supervisor (code), name, group, problems, activities, effectiveness, total, rank;
    points are Decimal. Active supervisors are all listed; one who left is listed only with
    points in the period. Syncs derived entries first (unless the caller just did: a report
    syncs its whole span once, then asks for many periods).
    """
    if sync_first:
        sync_period(session, period)
    return _standings(session, period=period, group=group)


def _standings(session: Session, *, period: Period | None, group: str | None) -> list[dict]:
    totals = area_totals(session, period=period)
    rows = []
    for sid, code, name, gname, active in _people(session, group):
        areas = totals.get(sid, dict.fromkeys(AREAS, ZERO))
        total = sum(areas.values(), ZERO)
        if not active and sid not in totals:
            continue
        rows.append({"supervisor": code, "name": name, "group": gname, **areas, "total": total})
    return rank(rows)


# --- explain --------------------------------------------------------------------------


def explain(session: Session, *, supervisor: str, period: Period | None) -> list[dict]:
    """Every entry and adjustment behind a supervisor's figure, oldest first.

    Keys: date, area, rule, record, detail, points, note. Their sum equals `standings`'s total.
    """
    sync_period(session, period)
    person = find_supervisor(session, supervisor, "SUPERVISOR")
    e = PointEntry.__table__.c
    query = select(e.id, e.date, e.area, e.rule, e.record_type, e.record_id, e.points, e.note)
    query = _where_period(query.where(e.supervisor_id == person.id), e.date, period)
    entries = session.execute(query.order_by(e.date, e.id)).all()
    details = _details(session, entries)
    rows = [
        {
            "date": day.isoformat(),
            "area": area,
            "rule": rule,
            "record": f"{rtype} {rid}",
            "detail": details.get((rtype, rid), ""),
            "points": Decimal(points).quantize(CENT),
            "note": _shown_note(note),
        }
        for _id, day, area, rule, rtype, rid, points, note in entries
    ]
    a = PointAdjustment.__table__.c
    query = select(a.id, a.date, a.area, a.points, a.reason, a.recorded_by)
    query = _where_period(query.where(a.supervisor_id == person.id), a.date, period)
    for aid, day, area, points, reason, who in session.execute(query).all():
        rows.append(
            {
                "date": day.isoformat(),
                "area": area,
                "rule": "adjustment",
                "record": f"adjustment {aid}",
                "detail": reason,
                "points": Decimal(points).quantize(CENT),
                "note": t("points.adjusted_by", who=who),
            }
        )
    rows.sort(key=lambda r: (r["date"], r["rule"] == "adjustment", r["record"]))
    return rows


# Entries keep the note scoring.py wrote ("capped: 2 per month", English, stored in the
# ledger); it is worded in the user's language when shown.
CAPPED = re.compile(r"capped: (\S+) per (month|quarter|year|enterprise-month)")


def _shown_note(note: str | None) -> str:
    found = CAPPED.fullmatch(note or "")
    if found is None:
        return note or ""
    return t("points.capped", cap=found[1], per=t(f"points.cap_per.{found[2]}"))


def _details(session: Session, entries) -> dict[tuple[str, int], str]:  # type: ignore[no-untyped-def]
    """A short description of each record behind the entries."""
    ids: dict[str, set[int]] = defaultdict(set)
    for row in entries:
        ids[row.record_type].add(row.record_id)
    out: dict[tuple[str, int], str] = {}
    for chunk in _chunks(ids.get("visit", set())):
        q = select(Visit.id, Enterprise.name).join(Enterprise, Enterprise.id == Visit.enterprise_id)
        for rid, name in session.execute(q.where(Visit.id.in_(chunk))).all():  # type: ignore[union-attr]
            out[("visit", rid)] = name
    for chunk in _chunks(ids.get("problem", set())):
        q = select(Problem.id, Enterprise.name, Problem.description).join(
            Enterprise, Enterprise.id == Problem.enterprise_id
        )
        for rid, name, text in session.execute(q.where(Problem.id.in_(chunk))).all():  # type: ignore[union-attr]
            out[("problem", rid)] = f"{name}: {text}"
    for chunk in _chunks(ids.get("activity", set())):
        q = select(Activity.id, Activity.title, Activity.kind)
        for rid, title, kind in session.execute(q.where(Activity.id.in_(chunk))).all():  # type: ignore[union-attr]
            out[("activity", rid)] = f"{title} ({kind})"
    for chunk in _chunks(ids.get("award", set())):
        q = select(EffectivenessAward.id, EffectivenessAward.kind, EffectivenessAward.reason)
        for rid, kind, reason in session.execute(q.where(EffectivenessAward.id.in_(chunk))).all():  # type: ignore[union-attr]
            out[("award", rid)] = f"{kind}: {reason}"
    for chunk in _chunks(ids.get("welfare", set())):
        from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject

        q = (
            select(WelfareClaim.id, WelfareProject.name, Enterprise.name)
            .join(WelfareProject, WelfareProject.id == WelfareClaim.project_id)
            .join(Enterprise, Enterprise.id == WelfareClaim.enterprise_id)
        )
        for rid, project, name in session.execute(q.where(WelfareClaim.id.in_(chunk))).all():  # type: ignore[attr-defined]
            out[("welfare", rid)] = f"{project}: {name}"
    return out


def _chunks(ids: set[int], size: int = 500):  # type: ignore[no-untyped-def]
    items = sorted(ids)
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- what the station types ---------------------------------------------------------------


def parse_points(text: str) -> Decimal:
    """POINTS as typed: a non-zero number with at most 2 decimals (ValueError otherwise)."""
    from decimal import InvalidOperation

    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(t("detail.points_number", text=text)) from None
    if not value.is_finite() or value != value.quantize(CENT) or abs(value) >= 10**6:
        raise ValueError(t("detail.points_decimals", text=text))
    return value


def adjust(
    session: Session,
    *,
    supervisor: str,
    points: Decimal,
    area: str,
    reason: str,
    by: str,
    day: date,
) -> PointAdjustment:
    """Record a manual adjustment: reason required, who and when kept."""
    person = find_supervisor(session, supervisor, "SUPERVISOR")
    code = vocab.parse(vocab.POINT_AREA, area, "--area")
    text = (reason or "").strip()
    if not text:
        raise Invalid("--reason", reason or "", t("detail.adjust_reason"))
    if points == 0:
        raise Invalid("POINTS", str(points), t("detail.adjust_zero"))
    row = PointAdjustment(
        supervisor_id=person.id,
        date=day,
        area=code,
        points=points,
        reason=text,
        recorded_by=by,
        recorded_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def award(
    session: Session,
    *,
    supervisor: str,
    kind: str,
    day: date,
    reason: str,
    by: str,
    enterprise: str | None = None,
    today: date | None = None,
) -> EffectivenessAward:
    """Record an effectiveness event (党建工作成效); its points come from the rules."""
    person = find_supervisor(session, supervisor, "SUPERVISOR")
    code = vocab.parse(vocab.AWARD_KIND, kind, "--kind")
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.award_future"))
    text = (reason or "").strip()
    if not text:
        raise Invalid("--reason", reason or "", t("detail.award_reason"))
    rule_set = rules_mod.for_session(session).in_force(day)
    if rule_set is None or "award" not in rule_set.rules:
        raise Invalid("--date", day.isoformat(), t("detail.no_award_rule"))
    firm = find_enterprise(session, enterprise) if enterprise else None
    row = EffectivenessAward(
        supervisor_id=person.id,
        kind=code,
        date=day,
        enterprise_id=firm.id if firm else None,
        reason=text,
        recorded_by=by,
        recorded_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row
