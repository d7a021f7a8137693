"""The member_changes import kind: an enterprise's registered members from a date on.

Each row is recorded through members.set_members, as `gridctl funding members ENTERPRISE N
--from D` records a change: a row of a day already recorded corrects it, the same count is
unchanged. Natural key: enterprise + date (生效日期).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from gridctl.imports.refs import Refs
from gridctl.imports.spec import DATE, Chunks, Column, Counts, Row, Spec, WriteCtx, count
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import MemberCount
from gridctl.registers.members import set_members


@dataclass(frozen=True, slots=True)
class MemberRecord:
    enterprise_id: int
    enterprise: str  # its name, as set_members finds it
    members: int
    day: date  # effective from

    @property
    def key(self) -> tuple[int, date]:
        return self.enterprise_id, self.day


def _resolve_members(row: Row, refs: Refs) -> MemberRecord | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    return MemberRecord(firm.id, firm.name, row.get("members"), row.get("from"))


def _write_members(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    """Through members.set_members, as `gridctl funding members` records a change."""
    counts = Counts()
    rec: MemberRecord
    for rec in records(chunks):
        action = _dry_action(session, rec) if ctx.dry_run else _record(session, rec)
        if action == "recorded":
            counts.inserted += 1
        elif action == "corrected":
            counts.updated += 1
        else:
            counts.unchanged += 1
    return counts


def _record(session: Session, rec: MemberRecord) -> str:
    change = set_members(
        session, enterprise=rec.enterprise, members=rec.members, effective_from=rec.day
    )
    return change.action


def _dry_action(session: Session, rec: MemberRecord) -> str:
    """What set_members would do with the row, written nowhere."""
    old = session.execute(
        select(col(MemberCount.members)).where(
            col(MemberCount.enterprise_id) == rec.enterprise_id,
            col(MemberCount.effective_from) == rec.day,
        )
    ).scalar_one_or_none()
    return "recorded" if old is None else "unchanged" if old == rec.members else "corrected"


def _export_members(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(col(Enterprise.name), col(MemberCount.members), col(MemberCount.effective_from))
        .join(Enterprise, col(Enterprise.id) == MemberCount.enterprise_id)
        .where(col(MemberCount.effective_from).is_not(None))
        .order_by(col(Enterprise.name), col(MemberCount.effective_from))
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
    keys=(("from", lambda r: r.key),),
    write=_write_members,
    export=_export_members,
)
