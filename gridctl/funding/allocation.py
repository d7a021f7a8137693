"""The yearly allocation of work funds (工作经费): so much per party member in force on 1 January.

The station's rule is so much per registered party member a year (200 yuan by default). The
count that decides a year's allocation is the count **in force on 1 January** of that year
(the member history, gridctl.registers.members): the allocation is known at the start of
the year and does not move when members join or leave during it (those changes count from
the next year). An organisation set up during a year gets its first allocation the next
year; extra support bridges the gap (gridctl.funding.support).

Who is allocated: active enterprises with their own party organisation (party_org other than
none). A joint branch's members are counted at each enterprise that carries them.

A year's balance never goes below zero unexplained: allocating again after an organisation
closed, lost its party organisation or its members on 1 January were lowered is refused,
with the figures, when the lower allocation would leave less than it has already spent
(allocated + support - spent < 0). Nothing is written then; the station grants support for
the difference first (or corrects the spending). A recorded return of funds (经费退回) would
need its own table and is not kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.errors import Conflict
from gridctl.funding.money import cents, check_year, parse_money, yuan
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import FundingAllocation, FundingSpending, FundingSupport
from gridctl.registers.members import members_in_force

DEFAULT_RATE = Decimal("200.00")


@dataclass(frozen=True, slots=True)
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
    """The rate given, else the one the year was allocated at, else the default (cents)."""
    if rate is not None:
        return cents(parse_money(rate, "rate"))
    kept = session.exec(
        select(func.max(FundingAllocation.rate_cents)).where(FundingAllocation.year == year)
    ).one()
    return kept or cents(DEFAULT_RATE)


def _due(session: Session, year: int) -> dict[int, int]:
    """Each organisation allocated in the year: its members in force on 1 January, by id."""
    rows = session.exec(
        select(Enterprise.id, members_in_force(date(year, 1, 1))).where(
            Enterprise.party_org != "none", Enterprise.status == "active"
        )
    ).all()
    return {firm_id: members for firm_id, members in rows if firm_id is not None}


def allocate(session: Session, *, year: int, rate: str | Decimal | None = None) -> Allocation:
    """Compute the year's allocation for every organisation; running it again updates."""
    year = check_year(year)
    rate_cents = _year_rate(session, year, rate)
    due = _due(session, year)
    existing = {
        a.enterprise_id: a
        for a in session.exec(select(FundingAllocation).where(FundingAllocation.year == year))
    }
    _refuse_negative(session, year, existing, {e: m * rate_cents for e, m in due.items()})
    inserted = updated = unchanged = 0
    for enterprise_id, members in due.items():
        row = existing.pop(enterprise_id, None)
        amount = members * rate_cents
        if row is None:
            row = FundingAllocation(
                enterprise_id=enterprise_id,
                year=year,
                members=members,
                rate_cents=rate_cents,
                amount_cents=amount,
            )
            inserted += 1
        elif (row.members, row.rate_cents) == (members, rate_cents):
            unchanged += 1
            continue
        else:
            row.members, row.rate_cents, row.amount_cents = members, rate_cents, amount
            updated += 1
        session.add(row)
    for stale in existing.values():  # no longer an organisation: its allocation goes
        session.delete(stale)
    session.flush()
    total_members = sum(due.values())
    return Allocation(
        year=year,
        rate=yuan(rate_cents),
        organisations=len(due),
        members=total_members,
        amount=yuan(total_members * rate_cents),
        inserted=inserted,
        updated=updated,
        unchanged=unchanged,
        removed=len(existing),
    )


def _refuse_negative(
    session: Session,
    year: int,
    existing: dict[int, FundingAllocation],
    amounts: dict[int, int],
) -> None:
    """Refuse an allocation that leaves an organisation's year below zero (see the module
    docstring): the first such organisation, with its figures."""
    for enterprise_id, row in sorted(existing.items()):
        new = amounts.get(enterprise_id, 0)
        if new >= row.amount_cents:
            continue
        support, spent = _support_spent(session, enterprise_id, year)
        after = new + support - spent
        if after >= 0:
            continue
        firm = session.get(Enterprise, enterprise_id)
        raise Conflict(
            "year",
            str(year),
            t(
                "detail.funding.negative",
                enterprise=firm.name if firm is not None else enterprise_id,
                year=year,
                allocated=yuan(new),
                was=yuan(row.amount_cents),
                support=yuan(support),
                spent=yuan(spent),
                balance=yuan(after),
            ),
        )


def _support_spent(session: Session, enterprise_id: int, year: int) -> tuple[int, int]:
    support = session.exec(
        select(func.coalesce(func.sum(FundingSupport.amount_cents), 0)).where(
            FundingSupport.enterprise_id == enterprise_id, FundingSupport.year == year
        )
    ).one()
    spent = session.exec(
        select(func.coalesce(func.sum(FundingSpending.amount_cents), 0)).where(
            FundingSpending.enterprise_id == enterprise_id,
            col(FundingSpending.date) >= date(year, 1, 1),
            col(FundingSpending.date) < date(year + 1, 1, 1),
        )
    ).one()
    return int(support), int(spent)
