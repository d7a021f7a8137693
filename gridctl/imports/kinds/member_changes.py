"""Import specs of the park's own records (issue 7) that have a natural key: member changes,
brands, welfare projects, resources.

These files are small (tens of rows), so each record is matched with plain queries. A new
record is created through its service (gridctl.funding, brands, welfare, resources), which
applies the same rules as the command that records one; a changed record is updated in the
fields its file gives (an absent column leaves the field alone). The rules that can fail are
checked per row first, so a bad file is refused whole with FILE:LINE reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.imports.refs import Refs
from gridctl.imports.spec import DATE, Chunks, Column, Counts, Row, Spec, WriteCtx, count
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import MemberCount
from gridctl.registers.members import set_members


def _resolve_members(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    day, members = row.get("from"), row.get("members")
    return {"_key": (firm.id, day), "_name": firm.name, "members": members, "_day": day}


def _write_members(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    """Through funding.set_members, as `gridctl funding members` records a change."""
    counts = Counts()
    for rec in records(chunks):
        if ctx.dry_run:
            firm_id, day = rec["_key"]
            old = session.execute(
                select(MemberCount.members).where(
                    MemberCount.enterprise_id == firm_id, MemberCount.effective_from == day
                )
            ).scalar_one_or_none()
            action = (
                "recorded" if old is None else "unchanged" if old == rec["members"] else "corrected"
            )
        else:
            action = set_members(
                session, enterprise=rec["_name"], members=rec["members"], effective_from=rec["_day"]
            ).action
        if action == "recorded":
            counts.inserted += 1
        elif action == "corrected":
            counts.updated += 1
        else:
            counts.unchanged += 1
    return counts


def _export_members(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Enterprise.name, MemberCount.members, MemberCount.effective_from)
        .join(Enterprise, Enterprise.id == MemberCount.enterprise_id)
        .where(MemberCount.effective_from.is_not(None))  # type: ignore[union-attr]
        .order_by(Enterprise.name, MemberCount.effective_from)
    )
    for name, members, day in session.execute(query):
        yield {"enterprise": name, "members": members, "from": day}


MEMBER_CHANGES = Spec(
    kind="member_changes",
    columns=(
        Column("enterprise", "企业", True, name_()),
        Column("members", "党员人数", True, count),
        Column("from", "生效日期", True, DATE),
    ),
    resolve=_resolve_members,
    keys=(("from", lambda r: r["_key"]),),
    write=_write_members,
    export=_export_members,
)
