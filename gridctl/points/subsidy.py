"""The monthly work subsidy (工作补助) and quarterly performance rewards (绩效奖励).

Money is Decimal, rounded ROUND_HALF_UP to the cent once per supervisor per month (the
amount paid), so a quarter is the sum of its months and a table's total is the sum of its
rows, to the cent. Each month uses the rule set in force on its first day; a quarter's
reward tiers use the rule set in force on the quarter's first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlmodel import Session

from gridctl.dates import Period
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Supervisor, Visit
from gridctl.points import rules as rules_mod
from gridctl.points.derive import sync_period
from gridctl.points.ruleset import RewardTier, Rules, Subsidy
from gridctl.points.sql import table
from gridctl.points.standings import standings

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class SubsidyRow:
    """One supervisor's subsidy and reward for a month or a quarter (money and points Decimal)."""

    supervisor: str  # the supervisor's code
    name: str
    group: str
    visits: int
    points: Decimal  # the period's total
    rank: int
    subsidy: Decimal  # the month's, or the sum of the quarter's months
    reward_tier: str  # quarters: the tier's name; else ""
    reward: Decimal
    amount: Decimal  # subsidy + reward


@dataclass(frozen=True, slots=True)
class SubsidyTotals:
    """The sums of a subsidy table's columns."""

    visits: int
    points: Decimal
    subsidy: Decimal
    reward: Decimal
    amount: Decimal


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


def subsidy_rows(session: Session, *, period: Period, sync_first: bool = True) -> list[SubsidyRow]:
    """Per supervisor for a month or a quarter, in rank order.

    Syncs derived entries first (unless sync_first=False: the caller just did).
    """
    rules = rules_mod.for_session(session)
    if sync_first:
        sync_period(session, period, rules)
    months = period.months()
    if len(months) not in (1, 3):
        raise Invalid.about(t("field.period"), period.label, t("detail.period_kind"))
    per_month = [_month(session, rules, m) for m in months]
    visits = _visits(session, period)
    rule_set = rules.in_force(period.start)
    tiers = rule_set.rewards if rule_set and len(months) == 3 else ()
    rows = []
    for row in standings(session, period=period, sync_first=False):
        code = row.supervisor
        subsidy = sum((m[code] for m in per_month if code in m), ZERO)
        tier = tier_for(tiers, rank=row.rank, points=row.total)
        reward = tier.amount if tier else ZERO
        rows.append(
            SubsidyRow(
                supervisor=code,
                name=row.name,
                group=row.group,
                visits=visits.get(code, 0),
                points=row.total,
                rank=row.rank,
                subsidy=subsidy,
                reward_tier=tier.tier if tier else "",
                reward=reward,
                amount=subsidy + reward,
            )
        )
    return rows


def totals(rows: list[SubsidyRow]) -> SubsidyTotals:
    """The sums of a subsidy table's columns."""
    return SubsidyTotals(
        visits=sum(r.visits for r in rows),
        points=sum((r.points for r in rows), ZERO),
        subsidy=sum((r.subsidy for r in rows), ZERO),
        reward=sum((r.reward for r in rows), ZERO),
        amount=sum((r.amount for r in rows), ZERO),
    )


def _month(session: Session, rules: Rules, month: Period) -> dict[str, Decimal]:
    """Supervisor code -> the month's subsidy, by the rule set in force on its first day."""
    rule_set = rules.in_force(month.start)
    rule = rule_set.subsidy if rule_set else Subsidy()
    visits = _visits(session, month)
    return {
        row.supervisor: monthly_amount(rule, visits=visits.get(row.supervisor, 0), points=row.total)
        for row in standings(session, period=month, sync_first=False)
    }


def _visits(session: Session, period: Period) -> dict[str, int]:
    """Supervisor code -> visits in the period."""
    v, s = table(Visit).c, table(Supervisor).c
    query = (
        select(s.code, func.count(v.id))
        .join_from(table(Visit), table(Supervisor), s.id == v.supervisor_id)
        .where(v.date >= period.start, v.date < period.end)
        .group_by(s.code)
    )
    return {code: count for code, count in session.execute(query).all()}
