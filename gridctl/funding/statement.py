"""The funding statement: allocated, supported, spent and left per enterprise and year."""

from __future__ import annotations

from sqlalchemy import Integer, cast, extract, func, literal, union
from sqlmodel import Session, select

from gridctl.funding.money import _year, yuan
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup
from gridctl.ledger.models.funding import (
    FundingAllocation,
    FundingSpending,
    FundingSupport,
)
from gridctl.registers.lookup import find_enterprise


def funding_rows(
    session: Session, *, year: int | None = None, enterprise: str | None = None
) -> list[dict[str, object]]:
    """Per organisation and year: members, rate, amount, support, spent and balance."""
    spend_year = cast(extract("year", FundingSpending.date), Integer)
    keys = union(
        select(FundingAllocation.enterprise_id, FundingAllocation.year),
        select(FundingSupport.enterprise_id, FundingSupport.year),
        select(FundingSpending.enterprise_id, spend_year),
    ).subquery("k")
    support = (
        select(
            FundingSupport.enterprise_id,
            FundingSupport.year,
            func.sum(FundingSupport.amount_cents).label("cents"),
        )
        .group_by(FundingSupport.enterprise_id, FundingSupport.year)
        .subquery("sup")
    )
    spent = (
        select(
            FundingSpending.enterprise_id,
            spend_year.label("year"),
            func.sum(FundingSpending.amount_cents).label("cents"),
        )
        .group_by(FundingSpending.enterprise_id, spend_year)
        .subquery("spe")
    )
    level1 = Grid.__table__.alias("level1")
    group_name = (
        select(func.min(GuidanceGroup.name))
        .where(GuidanceGroup.grid_id == func.coalesce(level1.c.id, Grid.id))
        .scalar_subquery()
    )
    k_ent, k_year = keys.c[0], keys.c[1]
    query = (
        select(
            k_year,
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.party_org,
            Enterprise.chain,
            Grid.code,
            level1.c.code,
            group_name,
            FundingAllocation.members,
            FundingAllocation.rate_cents,
            FundingAllocation.amount_cents,
            support.c.cents,
            spent.c.cents,
        )
        .select_from(keys)
        .join(Enterprise, Enterprise.id == k_ent)
        .join(Grid, Grid.id == Enterprise.grid_id)
        .outerjoin(level1, level1.c.id == Grid.parent_id)
        .outerjoin(
            FundingAllocation,
            (FundingAllocation.enterprise_id == k_ent) & (FundingAllocation.year == k_year),
        )
        .outerjoin(support, (support.c.enterprise_id == k_ent) & (support.c.year == k_year))
        .outerjoin(spent, (spent.c.enterprise_id == k_ent) & (spent.c.year == k_year))
        .order_by(k_year, Grid.code, Enterprise.name)
    )
    if year is not None:
        query = query.where(k_year == literal(_year(year)))
    if enterprise:
        query = query.where(k_ent == find_enterprise(session, enterprise, "--enterprise").id)
    return [_row(*r) for r in session.execute(query).all()]


def _row(  # type: ignore[no-untyped-def]
    year, name, code, org, chain, grid, level1, group, members, rate, amount, support, spent
) -> dict[str, object]:
    amount, support, spent = amount or 0, support or 0, spent or 0
    return {
        "year": int(year),
        "enterprise": name,
        "credit_code": code or "",
        "organisation": org,
        "grid": grid,
        "level1_grid": level1 or "",
        "group": group or "",
        "chain": chain or "",
        "members": members or 0,
        "rate": yuan(rate) if rate else None,
        "amount": yuan(amount),
        "support": yuan(support),
        "spent": yuan(spent),
        "balance": yuan(amount + support - spent),
    }
