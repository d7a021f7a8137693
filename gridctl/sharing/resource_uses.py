"""Uses of the park's shared resources (the resource map: resources): which enterprise's
organisation used which resource on a day, for what, with how many people.

A use by the owner itself is not a shared use and is refused, as is a use by more people than
the resource holds, or one in the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from gridctl.dates import Period
from gridctl.errors import Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.sharing import Resource, ResourceUse
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise
from gridctl.sharing.resources import find_resource


@dataclass(frozen=True, slots=True)
class UseRow:
    """A use as `gridctl resource uses` shows it."""

    id: int
    date: str
    resource: str
    enterprise: str
    purpose: str
    participants: int | None


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
    """The rules of a use (the import checks each row with them); the purpose to keep.
    Refuses the field `enterprise` (the owner), `purpose`, `day` or `participants`."""
    if place.owner_id == enterprise_id:
        raise Invalid("enterprise", enterprise, t("detail.resource.owner"))
    what = (purpose or "").strip()
    if not what:
        raise Invalid("purpose", purpose, t("detail.resource.purpose"))
    if day > (today or date.today()):
        raise Invalid("day", day.isoformat(), t("detail.resource.future"))
    if participants is not None and participants < 1:
        raise Invalid("participants", participants, t("detail.at_least_one"))
    if participants is not None and place.capacity is not None and participants > place.capacity:
        held = t("detail.resource.over_capacity", resource=place.name, capacity=place.capacity)
        raise Invalid("participants", participants, held)
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
    firm = find_enterprise(session, enterprise, "enterprise")
    what = check_use(
        place=place,
        enterprise_id=id_of(firm),
        enterprise=enterprise,
        day=day,
        purpose=purpose,
        participants=participants,
        today=today,
    )
    row = ResourceUse(
        resource_id=id_of(place),
        enterprise_id=id_of(firm),
        date=day,
        purpose=what,
        participants=participants,
    )
    session.add(row)
    session.flush()
    return row


def delete_use(session: Session, *, use_id: int) -> ResourceUse:
    row = session.get(ResourceUse, use_id)
    if row is None:
        raise NotFound("use_id", use_id, t("detail.resource.use_ref"))
    session.delete(row)
    session.flush()
    return row


def use_rows(
    session: Session, *, resource: str | None = None, period: Period | None = None
) -> list[UseRow]:
    query = (
        select(ResourceUse, Resource.name, Enterprise.name)
        .join(Resource, col(Resource.id) == col(ResourceUse.resource_id))
        .join(Enterprise, col(Enterprise.id) == col(ResourceUse.enterprise_id))
        .order_by(col(ResourceUse.date), col(ResourceUse.id))
    )
    if resource:
        query = query.where(ResourceUse.resource_id == find_resource(session, resource).id)
    if period is not None:
        query = query.where(ResourceUse.date >= period.start, ResourceUse.date < period.end)
    return [
        UseRow(
            id=id_of(u),
            date=u.date.isoformat(),
            resource=rname,
            enterprise=ename,
            purpose=u.purpose,
            participants=u.participants,
        )
        for u, rname, ename in session.exec(query).all()
    ]
