"""The supervisors import kind: supervisors by code, in their group.

A group's leader stays in it: a row moving a leader to another group is refused until
another leader is named there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.imports.cells import code as code_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    choice,
    yes_no,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import current_rows, records, upsert
from gridctl.ledger.models import Supervisor
from gridctl.ledger.models.typed import table_of
from gridctl.registers.supervisors import check_leader_stays, supervisor_rows


def _resolve_supervisor(row: Row, refs: Refs) -> dict[str, Any] | None:
    """The supervisor's column values the file gives."""
    code = row.get("code")
    rec: dict[str, Any] = {"code": code, "name": row.get("name")}
    group = row.ref("group", refs.group, "group")
    if group is not None:
        rec["group_id"] = group.id
        existing = refs.supervisor_or_none(code) if code else None
        led = next(
            (g for g in refs.group_by_id().values() if existing and g.leader_id == existing.id),
            None,
        )
        if led is not None:
            try:
                check_leader_stays(code, led=led.id, group_id=group.id, group=row.get("group"))
            except Invalid:  # the file's reader is told which group the supervisor leads
                row.error("group", t("imp.supervisor.leads", group=led.name), row.get("group"))
    if row.has("kind"):
        rec["kind"] = row.get("kind", "full-time")
    if row.has("phone"):
        rec["phone"] = row.get("phone")
    if row.has("active"):
        rec["active"] = row.get("active", True)
    return None if row.errors else rec


def _write_supervisors(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    fields = ["code", "name", "group_id", "kind", "phone", "active"]
    current = current_rows(session, Supervisor, "code", fields)
    return upsert(
        session,
        table_of(Supervisor),
        records(chunks),
        match=lambda r: current.get(r["code"]),
        defaults=lambda r: {"kind": "full-time", "phone": None, "active": True},
        dry_run=ctx.dry_run,
    )


def _export_supervisors(session: Session) -> Iterator[dict[str, object]]:
    for person in supervisor_rows(session):
        yield {
            "code": person.code,
            "name": person.name,
            "group": person.group,
            "kind": person.kind,
            "phone": person.phone,
            "active": person.active,
        }


SUPERVISORS = Spec(
    kind="supervisors",
    columns=(
        Column("code", "编号", True, code_(32)),
        Column("name", "姓名", True, name_(100)),
        Column("group", "指导组", True, name_(100)),
        Column("kind", "类型", False, choice(vocab.SUPERVISOR_KIND), vocab=vocab.SUPERVISOR_KIND),
        Column("phone", "电话", False, code_(32)),
        Column("active", "在岗", False, yes_no),
    ),
    resolve=_resolve_supervisor,
    keys=(("code", lambda r: r["code"]),),
    write=_write_supervisors,
    export=_export_supervisors,
)
