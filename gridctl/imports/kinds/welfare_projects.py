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
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models.sharing import WelfareProject
from gridctl.sharing import welfare


def _resolve_project(row: Row, refs: Refs) -> dict[str, Any] | None:
    name = row.get("name")
    rec: dict[str, Any] = {"_key": name}
    for key in ("category", "description"):
        if row.has(key):
            rec[key] = row.get(key) or None
    rec["_new"] = {
        "name": name,
        "category": row.get("category"),
        "description": row.get("description"),
    }
    return None if row.errors else rec


def _write_projects(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = select(
        WelfareProject.id,
        WelfareProject.name,
        WelfareProject.category,
        WelfareProject.description,
    )
    return apply_changes(
        session,
        WelfareProject.__table__,  # type: ignore[arg-type]
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
        lambda s, new: welfare.add_project(s, **new),
        ctx,
    )


def _export_projects(session: Session) -> Iterator[dict[str, object]]:
    query = select(WelfareProject).order_by(WelfareProject.name)
    for (p,) in session.execute(query):
        yield {"name": p.name, "category": p.category or "", "description": p.description or ""}


WELFARE_PROJECTS = Spec(
    kind="welfare_projects",
    columns=(
        Column("name", "名称", True, name_(200)),
        Column("category", "类别", False, text_(64)),
        Column("description", "说明", False, text_()),
    ),
    resolve=_resolve_project,
    keys=(("name", lambda r: r["_key"]),),
    write=_write_projects,
    export=_export_projects,
)
