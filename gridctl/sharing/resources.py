"""The park resource map (园区资源地图): venues and facilities enterprises open to each other
(the party-service centre, master studios, the live-stream room ...), and their use by other
enterprises' organisations.

A resource without an owner enterprise is the station's own; it then needs a grid. A use by
the owner itself is not a shared use and is refused, as is a use by more people than the
resource holds.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func
from sqlmodel import Session, select

from gridctl import vocab
from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.sharing import Resource, ResourceUse
from gridctl.registers.lookup import find_enterprise, find_grid


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def check_name(session: Session, name: str, field: str = "NAME", exclude: int | None = None) -> str:
    """A resource's name: not empty, and no other resource's (the rule of add and update)."""
    title = _text(name)
    if title is None:
        raise Invalid(field, name, t("detail.empty"))
    query = select(Resource.id).where(Resource.name == title)
    if exclude is not None:
        query = query.where(Resource.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict(field, title, t("detail.resource.exists"))
    return title


def check_capacity(capacity: int | None) -> None:
    if capacity is not None and capacity < 1:
        raise Invalid("--capacity", capacity, t("detail.resource.capacity"))


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
    code = vocab.parse(vocab.RESOURCE_KIND, kind, "--kind")
    firm = find_enterprise(session, owner, "--owner") if owner else None
    if grid:
        grid_id = find_grid(session, grid).id
    elif firm is not None:
        grid_id = firm.grid_id  # where its owner is
    else:
        raise Invalid("--grid", "", t("detail.resource.needs_grid"))
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


def find_resource(session: Session, ref: str, field: str = "RESOURCE") -> Resource:
    ref = ref.strip()
    row = session.get(Resource, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    row = row or session.exec(select(Resource).where(Resource.name == ref)).first()
    if row is None:
        raise NotFound(field, ref, t("detail.resource.ref"))
    return row


def check_use(
    *,
    place: Resource,
    enterprise_id: int,
    enterprise: str,
    day: date,
    purpose: str | None,
    participants: int | None,
    today: date | None = None,
) -> str:
    """The rules of a use (the import checks each row with them); the purpose to keep."""
    if place.owner_id == enterprise_id:
        raise Invalid("--enterprise", enterprise, t("detail.resource.owner"))
    what = _text(purpose)
    if what is None:
        raise Invalid("--purpose", purpose, t("detail.resource.purpose"))
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.resource.future"))
    if participants is not None and participants < 1:
        raise Invalid("--participants", participants, t("detail.at_least_one"))
    if participants is not None and place.capacity is not None and participants > place.capacity:
        held = t("detail.resource.over_capacity", resource=place.name, capacity=place.capacity)
        raise Invalid("--participants", participants, held)
    return what


def record_use(
    session: Session,
    *,
    resource: str,
    enterprise: str,
    day: date,
    purpose: str,
    participants: int | None = None,
    today: date | None = None,
) -> ResourceUse:
    place = find_resource(session, resource)
    firm = find_enterprise(session, enterprise)
    what = check_use(
        place=place,
        enterprise_id=firm.id,  # type: ignore[arg-type]
        enterprise=enterprise,
        day=day,
        purpose=purpose,
        participants=participants,
        today=today,
    )
    row = ResourceUse(
        resource_id=place.id,
        enterprise_id=firm.id,
        date=day,
        purpose=what,
        participants=participants,
    )
    session.add(row)
    session.flush()
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
    an empty --owner makes it the station's own). The rules are add_resource's, and the uses
    already recorded must still fit: none by the new owner, none above the new capacity. A
    new owner without --grid moves the resource to the owner's grid, as add does."""
    row = find_resource(session, resource)
    if name is not None:
        row.name = check_name(session, name, "--name", exclude=row.id)
    if kind is not None:
        row.kind = vocab.parse(vocab.RESOURCE_KIND, kind, "--kind")
    if owner is not None:
        firm = find_enterprise(session, owner, "--owner") if owner.strip() else None
        if firm is not None:
            own_uses = session.exec(
                select(func.count(ResourceUse.id)).where(
                    ResourceUse.resource_id == row.id, ResourceUse.enterprise_id == firm.id
                )
            ).one()
            if own_uses:
                raise Invalid("--owner", owner, t("detail.owner_used_it", n=own_uses))
            if not grid:
                row.grid_id = firm.grid_id
        row.owner_id = firm.id if firm else None
    if grid is not None:
        row.grid_id = find_grid(session, grid).id  # type: ignore[assignment]
    if capacity is not None:
        check_capacity(capacity)
        most = session.exec(
            select(func.max(ResourceUse.participants)).where(ResourceUse.resource_id == row.id)
        ).one()
        if most is not None and most > capacity:
            raise Invalid("--capacity", capacity, t("detail.capacity_below_use", n=most))
        row.capacity = capacity
    if terms is not None:
        row.terms = _text(terms)
    if address is not None:
        row.address = _text(address)
    session.add(row)
    session.flush()
    return row


def delete_resource(session: Session, *, resource: str, force: bool = False) -> dict[str, object]:
    """Remove a resource from the map; refused while uses of it are recorded, unless `force`,
    which removes those uses with it."""
    row = find_resource(session, resource)
    uses = session.exec(
        select(func.count(ResourceUse.id)).where(ResourceUse.resource_id == row.id)
    ).one()
    if uses and not force:
        raise Conflict("RESOURCE", resource, t("detail.resource_has_uses", n=uses))
    if uses:
        session.execute(delete(ResourceUse).where(ResourceUse.resource_id == row.id))  # type: ignore[arg-type]
    gone = {"id": row.id, "name": row.name, "uses": uses}
    session.delete(row)
    session.flush()
    return gone


def delete_use(session: Session, *, use_id: int) -> ResourceUse:
    row = session.get(ResourceUse, use_id)
    if row is None:
        raise NotFound("USE_ID", use_id, t("detail.resource.use_ref"))
    session.delete(row)
    session.flush()
    return row


def resource_rows(
    session: Session, *, grid: str | None = None, kind: str | None = None
) -> list[dict[str, object]]:
    uses = (
        select(func.count(ResourceUse.id))
        .where(ResourceUse.resource_id == Resource.id)
        .scalar_subquery()
    )
    query = (
        select(Resource, Enterprise.name, Grid.code, uses)
        .outerjoin(Enterprise, Enterprise.id == Resource.owner_id)
        .join(Grid, Grid.id == Resource.grid_id)
        .order_by(Grid.code, Resource.name)
    )
    if grid:
        g = find_grid(session, grid)
        query = query.where((Grid.id == g.id) | (Grid.parent_id == g.id))
    if kind:
        query = query.where(Resource.kind == vocab.parse(vocab.RESOURCE_KIND, kind, "--kind"))
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "owner": owner or "",
            "grid": gcode,
            "capacity": r.capacity,
            "terms": r.terms or "",
            "address": r.address or "",
            "uses": n,
        }
        for r, owner, gcode, n in session.exec(query).all()
    ]


def use_rows(
    session: Session, *, resource: str | None = None, period: Period | None = None
) -> list[dict[str, object]]:
    query = (
        select(ResourceUse, Resource.name, Enterprise.name)
        .join(Resource, Resource.id == ResourceUse.resource_id)
        .join(Enterprise, Enterprise.id == ResourceUse.enterprise_id)
        .order_by(ResourceUse.date, ResourceUse.id)
    )
    if resource:
        query = query.where(
            ResourceUse.resource_id == find_resource(session, resource, "--resource").id
        )
    if period is not None:
        query = query.where(ResourceUse.date >= period.start, ResourceUse.date < period.end)
    return [
        {
            "id": u.id,
            "date": u.date.isoformat(),
            "resource": rname,
            "enterprise": ename,
            "purpose": u.purpose,
            "participants": u.participants,
        }
        for u, rname, ename in session.exec(query).all()
    ]
