"""The points the station gives by hand: adjustments (with a reason) and effectiveness awards
(党建工作成效, whose points come from the rules' `award` rule).

Both keep who recorded them and when; the audit trail records them too (gridctl.ledger.audit).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models.points import EffectivenessAward, PointAdjustment
from gridctl.points import rules as rules_mod
from gridctl.registers.lookup import find_enterprise, find_supervisor

CENT = Decimal("0.01")


def parse_points(text: str) -> Decimal:
    """POINTS as typed: a non-zero number with at most 2 decimals (ValueError otherwise)."""
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
    person = find_supervisor(session, supervisor, "supervisor")
    code = vocab.parse(vocab.POINT_AREA, area, "area")
    text = (reason or "").strip()
    if not text:
        raise Invalid("reason", reason or "", t("detail.adjust_reason"))
    if points == 0:
        raise Invalid("points", str(points), t("detail.adjust_zero"))
    assert person.id is not None  # a supervisor read from the ledger
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
    person = find_supervisor(session, supervisor, "supervisor")
    code = vocab.parse(vocab.AWARD_KIND, kind, "kind")
    if day > (today or date.today()):
        raise Invalid("date", day.isoformat(), t("detail.award_future"))
    text = (reason or "").strip()
    if not text:
        raise Invalid("reason", reason or "", t("detail.award_reason"))
    rule_set = rules_mod.for_session(session).in_force(day)
    if rule_set is None or "award" not in rule_set.rules:
        raise Invalid("date", day.isoformat(), t("detail.no_award_rule"))
    firm = find_enterprise(session, enterprise, "enterprise") if enterprise else None
    assert person.id is not None  # a supervisor read from the ledger
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
