"""Import kind `resource_uses`: uses of the park's shared resources.

Natural key: resource + enterprise + date + purpose (用途); 参与人数 (participants) is the one
field an import updates. Each row passes the rules of `gridctl resource use`
(resource_uses.check_use): not by the resource's owner, not in the future, participants at
least 1 and within the capacity. New uses are recorded through resource_uses.record_use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridctl.errors import GridctlError
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import DATE, Chunks, Column, Counts, Row, Spec, WriteCtx, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models.sharing import ResourceUse
from gridctl.ledger.models.typed import id_of
from gridctl.sharing import resource_uses, resources


@dataclass(frozen=True)
class UseRecord:
    """A checked row: the use's key (resource, enterprise, date, purpose), how `resource use`
    names the resource and the enterprise, and the participants where the file has them."""

    key: tuple[int, int, date, str]
    resource: str
    enterprise: str
    participants: int | None
    has_participants: bool


def _resolve_use(row: Row, refs: Refs) -> UseRecord | None:
    place = row.ref("resource", lambda v: resources.find_resource(refs.session, v), "resource")
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    day, people = row.get("date"), row.get("participants")
    try:
        purpose = resource_uses.check_use(
            place=place,
            enterprise_id=firm.id,
            enterprise=row.get("enterprise"),
            day=day,
            purpose=row.get("purpose"),
            participants=people,
            today=refs.today,
        )
    except GridctlError as exc:
        row.blame(exc, default="purpose")
        return None
    key = (id_of(place), firm.id, day, purpose)
    return UseRecord(
        key, place.name, firm.credit_code or firm.name, people, row.has("participants")
    )


def _write_uses(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    rec: UseRecord
    for rec in records(chunks):
        place_id, firm_id, day, purpose = rec.key
        old = session.exec(
            select(ResourceUse).where(
                ResourceUse.resource_id == place_id,
                ResourceUse.enterprise_id == firm_id,
                ResourceUse.date == day,
                ResourceUse.purpose == purpose,
            )
        ).one_or_none()
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                resource_uses.record_use(
                    session,
                    resource=rec.resource,
                    enterprise=rec.enterprise,
                    day=day,
                    purpose=purpose,
                    participants=rec.participants,
                )
        elif rec.has_participants and old.participants != rec.participants:
            counts.updated += 1
            if not ctx.dry_run:
                old.participants = rec.participants
                session.add(old)
                session.flush()
        else:
            counts.unchanged += 1
    return counts


def _export_uses(session: Session) -> Iterator[dict[str, object]]:
    for row in resource_uses.use_rows(session):
        yield {
            "resource": row.resource,
            "enterprise": row.enterprise,
            "date": row.date,
            "purpose": row.purpose,
            "participants": "" if row.participants is None else row.participants,
        }


RESOURCE_USES = Spec(
    kind="resource_uses",
    columns=(
        Column("resource", "资源", True, name_(200)),
        Column("enterprise", "使用企业", True, ref_()),
        Column("date", "日期", True, DATE),
        Column("purpose", "用途", True, text_()),
        Column("participants", "参与人数", False, count),
    ),
    resolve=_resolve_use,
    keys=(("purpose", lambda r: r.key),),
    write=_write_uses,
    export=_export_uses,
    fields={"day": "date"},
)
