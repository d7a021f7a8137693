"""Import specs of the park's dated work records (issue 7): work diary entries, funding
support and spending, uses of shared resources.

Each row passes the rules of the command that records one (gridctl.diary, funding,
resources: their check functions), checked per row and across the file first, so a bad file
is refused whole with FILE:LINE reports. New funding rows and resource uses are created
through the services (which check them again); diary entries, which may be many, are added
in one batch per chunk after diary.check_entry passed on every row.

diary: natural key supervisor + date + text (内容). An entry is its text: an entry whose text
changed is a new entry. Visits appear in a diary by being visits (import them as visits);
the diary's own rows are the entries written with `gridctl diary add`.

funding: one row per support (补助) or spending (支出), as `gridctl funding support` and
`gridctl funding spend` record them. Natural key type + enterprise + date + amount + text
(说明: a support's reason, a spending's purpose). 年度 is a support's year (empty: the year of
its date); a spending counts in the year of its date, so a 年度 given on a spending row must be
that year. An import does not allocate: a spending must fit the year's balance (allocation +
support - spending), and a year that is not allocated yet has only its support; the refusal
says to run `gridctl funding allocate --year Y` first. Across the file, per organisation and
year: the file's new support rows are recorded first (support only adds to a balance), then
its new spending rows in file order, each within the balance the rows before it leave. A
support already recorded for another year is refused (an import does not move money between
years). Rows already in the ledger are unchanged; nothing is ever updated.

resource_uses: natural key resource + enterprise + date + purpose (用途); 参与人数 is the one
field an import updates. The rules of `gridctl resource use` (resources.check_use): not by the
resource's owner, not in the future, participants at least 1 and within the capacity.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.errors import GridctlError
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    blame,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models.sharing import ResourceUse
from gridctl.sharing import resources

USE_FIELD = {
    "--enterprise": "enterprise",
    "--purpose": "purpose",
    "--date": "date",
    "--participants": "participants",
}


def _resolve_use(row: Row, refs: Refs) -> dict[str, Any] | None:
    place = row.ref("resource", lambda v: resources.find_resource(refs.session, v), "resource")
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    day, people = row.get("date"), row.get("participants")
    try:
        purpose = resources.check_use(
            place=place,
            enterprise_id=firm.id,
            enterprise=row.get("enterprise"),
            day=day,
            purpose=row.get("purpose"),
            participants=people,
            today=refs.today,
        )
    except GridctlError as exc:
        blame(row, USE_FIELD, "purpose", exc)
        return None
    rec: dict[str, Any] = {
        "_key": (place.id, firm.id, day, purpose),
        "_resource": place.name,
        "_enterprise": firm.credit_code or firm.name,
    }
    if row.has("participants"):
        rec["participants"] = people
    return rec


def _write_uses(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in records(chunks):
        place_id, firm_id, day, purpose = rec["_key"]
        old = session.execute(
            select(ResourceUse).where(
                ResourceUse.resource_id == place_id,
                ResourceUse.enterprise_id == firm_id,
                ResourceUse.date == day,
                ResourceUse.purpose == purpose,
            )
        ).scalar_one_or_none()
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                resources.record_use(
                    session,
                    resource=rec["_resource"],
                    enterprise=rec["_enterprise"],
                    day=day,
                    purpose=purpose,
                    participants=rec.get("participants"),
                )
        elif "participants" in rec and old.participants != rec["participants"]:
            counts.updated += 1
            if not ctx.dry_run:
                old.participants = rec["participants"]
                session.add(old)
                session.flush()
        else:
            counts.unchanged += 1
    return counts


def _export_uses(session: Session) -> Iterator[dict[str, object]]:
    for row in resources.use_rows(session):
        people = row["participants"]
        yield {
            "resource": row["resource"],
            "enterprise": row["enterprise"],
            "date": row["date"],
            "purpose": row["purpose"],
            "participants": "" if people is None else people,
        }


RESOURCE_USES = Spec(
    kind="resource_uses",
    columns=(
        Column("resource", "资源", True, name_(200)),
        Column("enterprise", "使用企业", True, name_()),
        Column("date", "日期", True, DATE),
        Column("purpose", "用途", True, text_()),
        Column("participants", "参与人数", False, count),
    ),
    resolve=_resolve_use,
    keys=(("purpose", lambda r: r["_key"]),),
    write=_write_uses,
    export=_export_uses,
)
