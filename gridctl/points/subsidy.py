"""The monthly work subsidy (工作补助) and quarterly performance rewards (绩效奖励).

Money is Decimal, rounded ROUND_HALF_UP to the cent once per supervisor per month (the
amount paid), so a quarter is the sum of its months and a table's total is the sum of its
rows, to the cent. Each month uses the rule set in force on its first day; a quarter's
reward tiers use the rule set in force on the quarter's first day.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlmodel import Session

from gridctl.dates import Period
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Visit
from gridctl.points import rules as rules_mod
from gridctl.points.rules import RewardTier, Rules, Subsidy
from gridctl.points.derive import sync_period
from gridctl.points.standings import _standings

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def monthly_amount(rule: Subsidy, *, visits: int, points: Decimal) -> Decimal:
    """One supervisor's subsidy for one month."""
    if visits < rule.min_visits:
        return ZERO
    amount = rule.base + rule.per_visit * visits + rule.per_point * points
    if rule.cap is not None:
        amount = min(amount, rule.cap)
    return money(max(amount, ZERO))


def tier_for(tiers: tuple[RewardTier, ...], *, rank: int, points: Decimal) -> RewardTier | None:
    for tier in tiers:
        if rank <= tier.up_to_rank:
            return tier if points >= tier.min_points else None
    return None


def _visits(session: Session, period: Period) -> dict[str, int]:
    from gridctl.ledger.models import Supervisor

    query = (
        select(Supervisor.code, func.count(Visit.id))
        .join(Supervisor, Supervisor.id == Visit.supervisor_id)
        .where(Visit.date >= period.start, Visit.date < period.end)
        .group_by(Supervisor.code)
    )
    return dict(session.execute(query).all())


def _month(session: Session, rules: Rules, month: Period) -> dict[str, dict]:
    rule_set = rules.in_force(month.start)
    rule = rule_set.subsidy if rule_set else Subsidy()
    visits = _visits(session, month)
    out = {}
    for row in _standings(session, period=month, group=None):
        n = visits.get(row["supervisor"], 0)
        out[row["supervisor"]] = {
            **{k: row[k] for k in ("supervisor", "name", "group")},
            "visits": n,
            "points": row["total"],
            "subsidy": monthly_amount(rule, visits=n, points=row["total"]),
            "rank": row["rank"],
        }
    return out


def subsidy_rows(session: Session, *, period: Period, sync_first: bool = True) -> list[dict]:
    """Per supervisor for a month or a quarter, in rank order.

    Keys: supervisor (code), name, group, visits, points (Decimal, the period's total),
    rank, subsidy (Decimal: the month's, or the sum of the quarter's months), reward_tier
    (quarters: the tier name, else ""), reward (Decimal), amount (subsidy + reward).
    Syncs derived entries first (unless sync_first=False: the caller just did).
    """
    rules = rules_mod.for_session(session)
    if sync_first:
        sync_period(session, period, rules)
    months = period.months()
    if len(months) not in (1, 3):
        raise Invalid.about(t("field.period"), period.label, t("detail.period_kind"))
    per_month = [_month(session, rules, m) for m in months]
    ranked = _standings(session, period=period, group=None)
    visits = _visits(session, period)
    rule_set = rules.in_force(period.start)
    tiers = rule_set.rewards if rule_set and len(months) == 3 else ()
    rows = []
    for row in ranked:
        code = row["supervisor"]
        subsidy = sum((m[code]["subsidy"] for m in per_month if code in m), ZERO)
        tier = tier_for(tiers, rank=row["rank"], points=row["total"])
        reward = tier.amount if tier else ZERO
        rows.append(
            {
                "supervisor": code,
                "name": row["name"],
                "group": row["group"],
                "visits": visits.get(code, 0),
                "points": row["total"],
                "rank": row["rank"],
                "subsidy": subsidy,
                "reward_tier": tier.tier if tier else "",
                "reward": reward,
                "amount": subsidy + reward,
            }
        )
    return rows


def totals(rows: list[dict]) -> dict[str, Decimal | int]:
    """The sums of a subsidy table's columns."""
    out: dict[str, Decimal | int] = defaultdict(lambda: ZERO)
    out["visits"] = sum(int(r["visits"]) for r in rows)
    for key in ("points", "subsidy", "reward", "amount"):
        out[key] = sum((r[key] for r in rows), ZERO)
    return dict(out)
