"""The demonstration belt (示范带): model sites in order, from one enterprise to the next.

A belt has a name (one park may run several); each enterprise is on a belt once, and its
position counts from 1. Adding a site at a position moves the sites from there on along;
moving or removing one closes the gap, so positions stay 1..n.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.organisation import BeltSite
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise

DEFAULT_BELT = "党建示范带"


@dataclass(frozen=True, slots=True)
class SiteRow:
    """A site as `gridctl belt list` shows it."""

    belt: str
    position: int
    enterprise: str
    grid: str
    feature: str


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def belt_name(belt: str | None) -> str:
    """The belt named, or the default one."""
    return _text(belt) or DEFAULT_BELT


def add_site(
    session: Session,
    *,
    enterprise: str,
    belt: str | None = None,
    position: int | None = None,
    feature: str | None = None,
) -> BeltSite:
    firm = find_enterprise(session, enterprise, "enterprise")
    name = belt_name(belt)
    sites = session.exec(
        select(BeltSite).where(BeltSite.belt == name).order_by(col(BeltSite.position).desc())
    ).all()
    if any(s.enterprise_id == firm.id for s in sites):
        raise Conflict("enterprise", enterprise, t("detail.belt.already", belt=name))
    last = len(sites)
    where = last + 1 if position is None else position
    if not 1 <= where <= last + 1:
        raise Invalid("position", position, t("detail.position_range", n=last + 1))
    # Move later sites along one by one, last first, so (belt, position) stays unique.
    for site in sites:
        if site.position >= where:
            site.position += 1
            session.add(site)
            session.flush()
    row = BeltSite(belt=name, position=where, enterprise_id=id_of(firm), feature=_text(feature))
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
        raise Invalid("belt", belt, t("detail.belt.every_site"))
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
    firm = find_enterprise(session, enterprise, "enterprise")
    name = belt_name(belt)
    site = session.exec(
        select(BeltSite).where(BeltSite.belt == name, BeltSite.enterprise_id == firm.id)
    ).first()
    if site is None:
        raise NotFound("enterprise", enterprise, t("detail.belt_site_ref", belt=name))
    return site, name


def _order(session: Session, belt: str) -> list[int]:
    """The belt's enterprise ids in their order along it."""
    return list(
        session.exec(
            select(BeltSite.enterprise_id)
            .where(BeltSite.belt == belt)
            .order_by(col(BeltSite.position))
        ).all()
    )


def move_site(
    session: Session, *, enterprise: str, position: int, belt: str | None = None
) -> BeltSite:
    """Move a site to `position` (1..n); the sites between close up, positions stay 1..n."""
    site, name = _site_of(session, enterprise, belt)
    order = _order(session, name)
    if not 1 <= position <= len(order):
        raise Invalid("position", position, t("detail.position_range", n=len(order)))
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


def belt_rows(session: Session, *, belt: str | None = None) -> list[SiteRow]:
    """The sites of every belt (or of `belt`), in order along each."""
    query = (
        select(BeltSite, Enterprise.name, Grid.code)
        .join(Enterprise, col(Enterprise.id) == col(BeltSite.enterprise_id))
        .join(Grid, col(Grid.id) == col(Enterprise.grid_id))
        .order_by(col(BeltSite.belt), col(BeltSite.position))
    )
    if belt:
        known = session.exec(select(func.count()).where(BeltSite.belt == belt.strip())).one()
        if not known:
            raise Invalid("belt", belt, t("detail.belt.unknown"))
        query = query.where(BeltSite.belt == belt.strip())
    return [
        SiteRow(
            belt=s.belt,
            position=s.position,
            enterprise=ename,
            grid=gcode,
            feature=s.feature or "",
        )
        for s, ename, gcode in session.exec(query).all()
    ]
