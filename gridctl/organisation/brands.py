"""Enterprise party-building brands (党建品牌): a brand's name is unique in the park, it belongs
to one enterprise and may carry the year it was created and a description."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.organisation import Brand
from gridctl.ledger.models.typed import by_id_or_name, id_of
from gridctl.registers.lookup import find_enterprise


@dataclass(frozen=True, slots=True)
class BrandRow:
    """A brand as `gridctl brand list` shows it."""

    id: int
    name: str
    enterprise: str
    grid: str
    since: int | None
    description: str


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def check_brand_name(session: Session, name: str, exclude: int | None = None) -> str:
    """A brand's name (field `brand_name`): not empty, and no other brand's (the rule of add
    and update)."""
    title = _text(name)
    if title is None:
        raise Invalid("brand_name", name, t("detail.empty"))
    query = select(Brand.id).where(Brand.name == title)
    if exclude is not None:
        query = query.where(Brand.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict("brand_name", title, t("detail.brand.exists"))
    return title


def check_since(since_year: int | None) -> None:
    """The year a brand was created (field `since`): none, or a year since 1921."""
    if since_year is not None and not 1921 <= since_year <= 9999:
        raise Invalid("since", since_year, t("detail.brand.since"))


def find_brand(session: Session, ref: str) -> Brand:
    """A brand by its ID or its exact name."""
    row = by_id_or_name(session, Brand, ref)
    if row is None:
        raise NotFound("brand", ref, t("detail.brand_ref"))
    return row


def add_brand(
    session: Session,
    *,
    enterprise: str,
    name: str,
    description: str | None = None,
    since_year: int | None = None,
) -> Brand:
    firm = find_enterprise(session, enterprise, "enterprise")
    title = check_brand_name(session, name)
    check_since(since_year)
    row = Brand(
        name=title,
        enterprise_id=id_of(firm),
        description=_text(description),
        since_year=since_year,
    )
    session.add(row)
    session.flush()
    return row


def update_brand(
    session: Session,
    *,
    brand: str,
    name: str | None = None,
    enterprise: str | None = None,
    description: str | None = None,
    since_year: int | None = None,
) -> Brand:
    """Correct a brand: each given field replaces what is recorded (an empty description
    clears it); the rules are add_brand's."""
    row = find_brand(session, brand)
    if name is not None:
        row.name = check_brand_name(session, name, exclude=row.id)
    if enterprise is not None:
        row.enterprise_id = id_of(find_enterprise(session, enterprise, "enterprise"))
    if since_year is not None:
        check_since(since_year)
        row.since_year = since_year
    if description is not None:
        row.description = _text(description)
    session.add(row)
    session.flush()
    return row


def delete_brand(session: Session, *, brand: str) -> Brand:
    row = find_brand(session, brand)
    session.delete(row)
    session.flush()
    return row


def brand_rows(session: Session, *, enterprise: str | None = None) -> list[BrandRow]:
    query = (
        select(Brand, Enterprise.name, Grid.code)
        .join(Enterprise, col(Enterprise.id) == col(Brand.enterprise_id))
        .join(Grid, col(Grid.id) == col(Enterprise.grid_id))
        .order_by(col(Enterprise.name), col(Brand.name))
    )
    if enterprise:
        firm = find_enterprise(session, enterprise, "enterprise")
        query = query.where(Brand.enterprise_id == firm.id)
    return [
        BrandRow(
            id=id_of(b),
            name=b.name,
            enterprise=ename,
            grid=gcode,
            since=b.since_year,
            description=b.description or "",
        )
        for b, ename, gcode in session.exec(query).all()
    ]
