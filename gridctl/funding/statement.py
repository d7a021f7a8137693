"""The funding statement: per organisation and year, the allocation (members on 1 January x
rate), the support granted, what was spent and the balance left."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Integer, cast, extract, func, literal, select, union
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from gridctl.funding.money import check_year, yuan
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup
from gridctl.ledger.models.funding import (
    FundingAllocation,
    FundingSpending,
    FundingSupport,
)
from gridctl.registers.lookup import find_enterprise


@dataclass(frozen=True, slots=True)
class FundingRow:
    """One organisation's funds in one year; `rate` is None for a year not allocated."""

    year: int
    enterprise: str
    credit_code: str
    organisation: str  # its party organisation (party_org)
    grid: str
    level1_grid: str
    group: str  # the guidance group of its level-1 grid
    chain: str
    members: int  # in force on 1 January, as allocated
    rate: Decimal | None
    amount: Decimal
    support: Decimal
    spent: Decimal
    balance: Decimal


def funding_rows(
    session: Session, *, year: int | None = None, enterprise: str | None = None
) -> list[FundingRow]:
    """Per organisation and year (by year, grid, name): every year it has an allocation, a
    support or a spending in."""
    spend_year = cast(extract("year", col(FundingSpending.date)), Integer)
    keys = union(
        select(col(FundingAllocation.enterprise_id), col(FundingAllocation.year)),
        select(col(FundingSupport.enterprise_id), col(FundingSupport.year)),
        select(col(FundingSpending.enterprise_id), spend_year),
    ).subquery("k")
    support = (
        select(
            col(FundingSupport.enterprise_id),
            col(FundingSupport.year),
            func.sum(FundingSupport.amount_cents).label("cents"),
        )
        .group_by(col(FundingSupport.enterprise_id), col(FundingSupport.year))
        .subquery("sup")
    )
    spent = (
        select(
            col(FundingSpending.enterprise_id),
            spend_year.label("year"),
            func.sum(FundingSpending.amount_cents).label("cents"),
        )
        .group_by(col(FundingSpending.enterprise_id), spend_year)
        .subquery("spe")
    )
    level1 = aliased(Grid, name="level1")
    group_name = (
        select(func.min(GuidanceGroup.name))
        .where(col(GuidanceGroup.grid_id) == func.coalesce(level1.id, Grid.id))
        .scalar_subquery()
    )
    k_ent, k_year = keys.c[0], keys.c[1]
    query = (
        select(
            k_year,
            col(Enterprise.name),
            col(Enterprise.credit_code),
            col(Enterprise.party_org),
            col(Enterprise.chain),
            col(Grid.code),
            col(level1.code),
            group_name,
            col(FundingAllocation.members),
            col(FundingAllocation.rate_cents),
            col(FundingAllocation.amount_cents),
            support.c.cents,
            spent.c.cents,
        )
        .select_from(keys)
        .join(Enterprise, col(Enterprise.id) == k_ent)
        .join(Grid, col(Grid.id) == Enterprise.grid_id)
        .outerjoin(level1, col(level1.id) == Grid.parent_id)
        .outerjoin(
            FundingAllocation,
            (col(FundingAllocation.enterprise_id) == k_ent)
            & (col(FundingAllocation.year) == k_year),
        )
        .outerjoin(support, (support.c.enterprise_id == k_ent) & (support.c.year == k_year))
        .outerjoin(spent, (spent.c.enterprise_id == k_ent) & (spent.c.year == k_year))
        .order_by(k_year, col(Grid.code), col(Enterprise.name))
    )
    if year is not None:
        query = query.where(k_year == literal(check_year(year)))
    if enterprise:
        query = query.where(k_ent == find_enterprise(session, enterprise).id)
    return [_row(*r) for r in session.execute(query).all()]


def _row(
    year: int,
    name: str,
    code: str | None,
    org: str,
    chain: str | None,
    grid: str,
    level1: str | None,
    group: str | None,
    members: int | None,
    rate: int | None,
    amount: int | None,
    support: int | None,
    spent: int | None,
) -> FundingRow:
    """A statement row from the query's columns (None where a year has no such money)."""
    amount, support, spent = amount or 0, support or 0, spent or 0
    return FundingRow(
        year=int(year),
        enterprise=name,
        credit_code=code or "",
        organisation=org,
        grid=grid,
        level1_grid=level1 or "",
        group=group or "",
        chain=chain or "",
        members=members or 0,
        rate=yuan(rate) if rate else None,
        amount=yuan(amount),
        support=yuan(support),
        spent=yuan(spent),
        balance=yuan(amount + support - spent),
    )
