"""The yearly allocation: so much per party member in force on 1 January."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, select

from gridctl.funding.money import _year, cents, parse_money, yuan
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import (
    FundingAllocation,
)
from gridctl.registers.members import members_in_force

DEFAULT_RATE = Decimal("200.00")


@dataclass(frozen=True)
class Allocation:
    year: int
    rate: Decimal
    organisations: int
    members: int
    amount: Decimal
    inserted: int
    updated: int
    unchanged: int
    removed: int


def _year_rate(session: Session, year: int, rate: str | Decimal | None) -> int:
    if rate is not None:
        return cents(parse_money(rate, "--rate"))
    kept = session.exec(
        select(func.max(FundingAllocation.rate_cents)).where(FundingAllocation.year == year)
    ).one()
    return kept or cents(DEFAULT_RATE)


def allocate(session: Session, *, year: int, rate: str | Decimal | None = None) -> Allocation:
    """Compute the year's allocation for every organisation; running it again updates."""
    year = _year(year)
    rate_cents = _year_rate(session, year, rate)
    due = session.exec(
        select(Enterprise.id, members_in_force(date(year, 1, 1))).where(
            Enterprise.party_org != "none", Enterprise.status == "active"
        )
    ).all()
    existing = {
        a.enterprise_id: a
        for a in session.exec(select(FundingAllocation).where(FundingAllocation.year == year))
    }
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for enterprise_id, members in due:
        row = existing.pop(enterprise_id, None)
        amount = members * rate_cents
        if row is None:
            row = FundingAllocation(enterprise_id=enterprise_id, year=year)
            counts["inserted"] += 1
        elif (row.members, row.rate_cents) == (members, rate_cents):
            counts["unchanged"] += 1
            continue
        else:
            counts["updated"] += 1
        row.members, row.rate_cents, row.amount_cents = members, rate_cents, amount
        session.add(row)
    for stale in existing.values():  # no longer an organisation: its allocation goes
        session.delete(stale)
    session.flush()
    total_members = sum(m for _, m in due)
    return Allocation(
        year=year,
        rate=yuan(rate_cents),
        organisations=len(due),
        members=total_members,
        amount=yuan(total_members * rate_cents),
        removed=len(existing),
        **counts,
    )
