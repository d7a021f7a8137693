"""Enterprise party-building brands (党建品牌) and the demonstration belt (示范带): model sites
in order, from one enterprise to the next.

A belt has a name (one park may run several); each enterprise is on a belt once, and its
position counts from 1. Adding a site at a position moves the sites from there on along.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.organisation import BeltSite, Brand
from gridctl.registers.lookup import find_enterprise

DEFAULT_BELT = "党建示范带"


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


# --- brands -----------------------------------------------------------------------------


def check_brand_name(
    session: Session, name: str, field: str = "NAME", exclude: int | None = None
) -> str:
    """A brand's name: not empty, and no other brand's (the rule of add and update)."""
    title = _text(name)
    if title is None:
        raise Invalid(field, name, t("detail.empty"))
    query = select(Brand.id).where(Brand.name == title)
    if exclude is not None:
        query = query.where(Brand.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict(field, title, t("detail.brand.exists"))
    return title


def check_since(since_year: int | None) -> None:
    if since_year is not None and not 1921 <= since_year <= 9999:
        raise Invalid("--since", since_year, t("detail.brand.since"))


def find_brand(session: Session, ref: str, field: str = "BRAND") -> Brand:
    """A brand by its ID or its exact name."""
    ref = ref.strip()
    row = session.get(Brand, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    row = row or session.exec(select(Brand).where(Brand.name == ref)).first()
    if row is None:
        raise NotFound(field, ref, t("detail.brand_ref"))
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
        row.name = check_brand_name(session, name, "--name", exclude=row.id)
    if enterprise is not None:
        row.enterprise_id = find_enterprise(session, enterprise).id  # type: ignore[assignment]
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


def add_brand(
    session: Session,
    *,
    enterprise: str,
    name: str,
    description: str | None = None,
    since_year: int | None = None,
) -> Brand:
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    title = check_brand_name(session, name)
    check_since(since_year)
    row = Brand(
        name=title, enterprise_id=firm.id, description=_text(description), since_year=since_year
    )
    session.add(row)
    session.flush()
    return row


def brand_rows(session: Session, *, enterprise: str | None = None) -> list[dict[str, object]]:
    query = (
        select(Brand, Enterprise.name, Grid.code)
        .join(Enterprise, Enterprise.id == Brand.enterprise_id)
        .join(Grid, Grid.id == Enterprise.grid_id)
        .order_by(Enterprise.name, Brand.name)
    )
    if enterprise:
        query = query.where(Brand.enterprise_id == find_enterprise(session, enterprise).id)
    return [
        {
            "id": b.id,
            "name": b.name,
            "enterprise": ename,
            "grid": gcode,
            "since": b.since_year,
            "description": b.description or "",
        }
        for b, ename, gcode in session.exec(query).all()
    ]


# --- the demonstration belt -------------------------------------------------------------


def add_site(
    session: Session,
    *,
    enterprise: str,
    belt: str | None = None,
    position: int | None = None,
    feature: str | None = None,
) -> BeltSite:
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    name = _text(belt) or DEFAULT_BELT
    sites = session.exec(
        select(BeltSite).where(BeltSite.belt == name).order_by(col(BeltSite.position).desc())
    ).all()
    if any(s.enterprise_id == firm.id for s in sites):
        raise Conflict("ENTERPRISE", enterprise, t("detail.belt.already", belt=name))
    last = len(sites)
    where = last + 1 if position is None else position
    if not 1 <= where <= last + 1:
        raise Invalid("--position", position, t("detail.position_range", n=last + 1))
    # Move later sites along one by one, last first, so (belt, position) stays unique.
    for site in sites:
        if site.position >= where:
            site.position += 1
            session.add(site)
            session.flush()
    row = BeltSite(belt=name, position=where, enterprise_id=firm.id, feature=_text(feature))
    session.add(row)
    session.flush()
    return row


def place_sites(session: Session, belt: str, order: list[int]) -> None:
    """Put the belt's sites in this order of enterprise ids (each once, every site of the belt
    named): positions become 1, 2, 3, ... without gaps, as add_site keeps them."""
    sites = {
        s.enterprise_id: s for s in session.exec(select(BeltSite).where(BeltSite.belt == belt))
    }
    if sorted(order) != sorted(sites) or len(set(order)) != len(order):
        raise Invalid("--belt", belt, t("detail.belt.every_site"))
    moved = [(sites[e], n) for n, e in enumerate(order, start=1) if sites[e].position != n]
    # Out of the way first (above every position), then into place: (belt, position) unique.
    top = len(sites)
    for site, _ in moved:
        site.position += top
        session.add(site)
        session.flush()
    for site, n in moved:
        site.position = n
        session.add(site)
        session.flush()


def _site_of(session: Session, enterprise: str, belt: str | None) -> tuple[BeltSite, str]:
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    name = _text(belt) or DEFAULT_BELT
    site = session.exec(
        select(BeltSite).where(BeltSite.belt == name, BeltSite.enterprise_id == firm.id)
    ).first()
    if site is None:
        raise NotFound("ENTERPRISE", enterprise, t("detail.belt_site_ref", belt=name))
    return site, name


def _order(session: Session, belt: str) -> list[int]:
    """The belt's enterprise ids in their order along it."""
    return list(
        session.exec(
            select(BeltSite.enterprise_id).where(BeltSite.belt == belt).order_by(BeltSite.position)
        ).all()
    )


def move_site(
    session: Session, *, enterprise: str, position: int, belt: str | None = None
) -> BeltSite:
    """Move a site to `position` (1..n); the sites between close up, positions stay 1..n."""
    site, name = _site_of(session, enterprise, belt)
    order = _order(session, name)
    if not 1 <= position <= len(order):
        raise Invalid("--position", position, t("detail.position_range", n=len(order)))
    order.remove(site.enterprise_id)
    order.insert(position - 1, site.enterprise_id)
    place_sites(session, name, order)
    return site


def remove_site(session: Session, *, enterprise: str, belt: str | None = None) -> int:
    """Take a site off the belt; the later sites move up one. Returns how many are left."""
    site, name = _site_of(session, enterprise, belt)
    session.delete(site)
    session.flush()
    order = _order(session, name)
    place_sites(session, name, order)
    return len(order)


def belt_rows(session: Session, *, belt: str | None = None) -> list[dict[str, object]]:
    query = (
        select(BeltSite, Enterprise.name, Grid.code)
        .join(Enterprise, Enterprise.id == BeltSite.enterprise_id)
        .join(Grid, Grid.id == Enterprise.grid_id)
        .order_by(BeltSite.belt, BeltSite.position)
    )
    if belt:
        known = session.exec(select(func.count()).where(BeltSite.belt == belt.strip())).one()
        if not known:
            raise Invalid("--belt", belt, t("detail.belt.unknown"))
        query = query.where(BeltSite.belt == belt.strip())
    return [
        {
            "belt": s.belt,
            "position": s.position,
            "enterprise": ename,
            "grid": gcode,
            "feature": s.feature or "",
        }
        for s, ename, gcode in session.exec(query).all()
    ]
