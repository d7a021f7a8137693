"""The park resource map (园区资源地图): venues and facilities enterprises open to each other
(the party-service centre, master studios, the live-stream room ...); their use by other
enterprises' organisations is in resource_uses.

A resource without an owner enterprise is the station's own; it then needs a grid. A resource
keeps fitting the uses recorded of it: none by its owner, none above its capacity.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.sharing import Resource, ResourceUse
from gridctl.ledger.models.typed import by_id_or_name, id_of
from gridctl.registers.lookup import find_enterprise, find_grid


@dataclass(frozen=True, slots=True)
class ResourceRow:
    """A resource as `gridctl resource list` shows it, with its uses counted."""

    id: int
    name: str
    kind: str
    owner: str
    grid: str
    capacity: int | None
    terms: str
    address: str
    uses: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A resource deleted, and how many uses of it went with it."""

    id: int
    name: str
    uses: int


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def check_name(session: Session, name: str, exclude: int | None = None) -> str:
    """A resource's name (field `resource_name`): not empty, and no other resource's (the
    rule of add and update)."""
    title = _text(name)
    if title is None:
        raise Invalid("resource_name", name, t("detail.empty"))
    query = select(Resource.id).where(Resource.name == title)
    if exclude is not None:
        query = query.where(Resource.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict("resource_name", title, t("detail.resource.exists"))
    return title


def check_capacity(capacity: int | None) -> None:
    """How many people a resource holds (field `capacity`): none said, or at least 1."""
    if capacity is not None and capacity < 1:
        raise Invalid("capacity", capacity, t("detail.resource.capacity"))


def _kind(text: str) -> str:
    return vocab.parse(vocab.RESOURCE_KIND, text, "kind")


def add_resource(
    session: Session,
    *,
    name: str,
    kind: str,
    owner: str | None = None,
    grid: str | None = None,
    capacity: int | None = None,
    terms: str | None = None,
    address: str | None = None,
) -> Resource:
    title = check_name(session, name)
    code = _kind(kind)
    firm = find_enterprise(session, owner, "owner") if owner else None
    if grid:
        grid_id = id_of(find_grid(session, grid, "grid"))
    elif firm is not None:
        grid_id = firm.grid_id  # where its owner is
    else:
        raise Invalid("grid", "", t("detail.resource.needs_grid"))
    check_capacity(capacity)
    row = Resource(
        name=title,
        kind=code,
        owner_id=firm.id if firm else None,
        grid_id=grid_id,
        capacity=capacity,
        terms=_text(terms),
        address=_text(address),
    )
    session.add(row)
    session.flush()
    return row


def find_resource(session: Session, ref: str) -> Resource:
    """A resource (field `resource`) by its ID or its exact name."""
    row = by_id_or_name(session, Resource, ref)
    if row is None:
        raise NotFound("resource", ref, t("detail.resource.ref"))
    return row


# --- correcting and removing ------------------------------------------------------------


def update_resource(
    session: Session,
    *,
    resource: str,
    name: str | None = None,
    kind: str | None = None,
    owner: str | None = None,
    grid: str | None = None,
    capacity: int | None = None,
    terms: str | None = None,
    address: str | None = None,
) -> Resource:
    """Correct a resource: each given field replaces what is recorded (empty text clears it;
    an empty owner makes it the station's own). The rules are add_resource's, and the uses
    already recorded must still fit: none by the new owner, none above the new capacity. A
    new owner without a grid given moves the resource to the owner's grid, as add does."""
    row = find_resource(session, resource)
    if name is not None:
        row.name = check_name(session, name, exclude=row.id)
    if kind is not None:
        row.kind = _kind(kind)
    if owner is not None:
        _set_owner(session, row, owner, move=not grid)
    if grid is not None:
        row.grid_id = id_of(find_grid(session, grid, "grid"))
    if capacity is not None:
        check_capacity(capacity)
        most = session.exec(
            select(func.max(ResourceUse.participants)).where(ResourceUse.resource_id == row.id)
        ).one()
        if most is not None and most > capacity:
            raise Invalid("capacity", capacity, t("detail.capacity_below_use", n=most))
        row.capacity = capacity
    if terms is not None:
        row.terms = _text(terms)
    if address is not None:
        row.address = _text(address)
    session.add(row)
    session.flush()
    return row


def _set_owner(session: Session, row: Resource, owner: str, *, move: bool) -> None:
    """A new owner (field `owner`; empty: the station) that has not used the resource itself;
    `move`: the resource moves to the owner's grid."""
    firm = find_enterprise(session, owner, "owner") if owner.strip() else None
    if firm is not None:
        own_uses = session.exec(
            select(func.count(col(ResourceUse.id))).where(
                ResourceUse.resource_id == row.id, ResourceUse.enterprise_id == firm.id
            )
        ).one()
        if own_uses:
            raise Invalid("owner", owner, t("detail.owner_used_it", n=own_uses))
        if move:
            row.grid_id = firm.grid_id
    row.owner_id = firm.id if firm else None


def delete_resource(session: Session, *, resource: str, force: bool = False) -> Removed:
    """Remove a resource from the map; refused while uses of it are recorded, unless `force`,
    which removes those uses with it."""
    row = find_resource(session, resource)
    uses = session.exec(
        select(func.count(col(ResourceUse.id))).where(ResourceUse.resource_id == row.id)
    ).one()
    if uses and not force:
        raise Conflict("resource", resource, t("detail.resource_has_uses", n=uses))
    if uses:
        session.execute(delete(ResourceUse).where(col(ResourceUse.resource_id) == row.id))
    gone = Removed(id=id_of(row), name=row.name, uses=uses)
    session.delete(row)
    session.flush()
    return gone


def resource_rows(
    session: Session, *, grid: str | None = None, kind: str | None = None
) -> list[ResourceRow]:
    uses = (
        select(func.count(col(ResourceUse.id)))
        .where(col(ResourceUse.resource_id) == col(Resource.id))
        .scalar_subquery()
    )
    query = (
        select(Resource, Enterprise.name, Grid.code, uses)
        .outerjoin(Enterprise, col(Enterprise.id) == col(Resource.owner_id))
        .join(Grid, col(Grid.id) == col(Resource.grid_id))
        .order_by(col(Grid.code), col(Resource.name))
    )
    if grid:
        g = find_grid(session, grid, "grid")
        query = query.where((col(Grid.id) == g.id) | (col(Grid.parent_id) == g.id))
    if kind:
        query = query.where(Resource.kind == _kind(kind))
    return [
        ResourceRow(
            id=id_of(r),
            name=r.name,
            kind=r.kind,
            owner=owner or "",
            grid=gcode,
            capacity=r.capacity,
            terms=r.terms or "",
            address=r.address or "",
            uses=n,
        )
        for r, owner, gcode, n in session.exec(query).all()
    ]
