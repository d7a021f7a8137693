"""Import kind `welfare_projects`: the projects of the public-welfare claim list.

Natural key: the project's name. A new project is added through welfare_projects.add_project
(the rules of `gridctl welfare project-add`); a project already listed is updated in the
fields its file gives (an absent column leaves the field alone; an empty cell clears it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from gridctl.imports.refs import Refs
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models.sharing import WelfareProject
from gridctl.ledger.models.typed import table_of
from gridctl.sharing import welfare_projects


@dataclass(frozen=True)
class ProjectRecord:
    """A checked row: the project's name, add_project's arguments for a new project, and the
    fields of the project table the file gives for one already listed."""

    name: str
    new: dict[str, Any]
    fields: dict[str, Any]


def _resolve_project(row: Row, refs: Refs) -> ProjectRecord | None:
    if row.errors:
        return None
    name = row.get("name")
    fields = {key: row.get(key) or None for key in ("category", "description") if row.has(key)}
    new = {"name": name, "category": row.get("category"), "description": row.get("description")}
    return ProjectRecord(name, new, fields)


def _write_projects(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = select(
        col(WelfareProject.id),
        col(WelfareProject.name),
        col(WelfareProject.category),
        col(WelfareProject.description),
    )
    return apply_changes(
        session,
        table_of(WelfareProject),
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
        lambda s, new: welfare_projects.add_project(s, **new),
        ctx,
    )


def _export_projects(session: Session) -> Iterator[dict[str, object]]:
    query = select(WelfareProject).order_by(col(WelfareProject.name))
    for p in session.exec(query):
        yield {"name": p.name, "category": p.category or "", "description": p.description or ""}


WELFARE_PROJECTS = Spec(
    kind="welfare_projects",
    columns=(
        Column("name", "名称", True, name_(200)),
        Column("category", "类别", False, text_(64)),
        Column("description", "说明", False, text_()),
    ),
    resolve=_resolve_project,
    keys=(("name", lambda r: r.name),),
    write=_write_projects,
    export=_export_projects,
)
