"""The grids import kind: level-1 grids and their level-2 grids, by code.

A row's parent (上级网格) makes it a level-2 grid; a parent may be a level-1 grid of the ledger
or of the same file (level-1 grids are written first). A file without the parent column
leaves the grids' levels alone. An import does not move an existing grid to another level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.imports.cells import code as code_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import add_counts, current_rows, records, upsert
from gridctl.ledger.models import Grid
from gridctl.ledger.models.typed import table_of
from gridctl.registers.grids import check_parent


@dataclass(frozen=True, slots=True)
class GridRecord:
    code: str
    name: str
    placed: bool  # the file has the parent column: the level and parent follow the row
    parent: str | None  # the parent's code (a level-2 grid), else None


def _resolve_grid(row: Row, refs: Refs) -> GridRecord | None:
    code, parent = row.get("code"), row.get("parent") or None
    if row.has("parent"):
        known = refs.grid_or_none(parent) if parent else None
        if parent and known is not None:
            try:
                check_parent(parent, known.level)
            except Invalid as exc:
                row.blame(exc, default="parent")
        existing = refs.grid_or_none(code) if code else None
        level = 2 if parent else 1
        if existing is not None and existing.level != level:
            row.error("parent", t("imp.grid.level_change", level=existing.level), parent or "")
    return None if row.errors else GridRecord(code, row.get("name"), row.has("parent"), parent)


def _check_grids(
    recs: list[tuple[int, GridRecord]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """A parent named in the file must be a level-1 grid of the file or the ledger."""
    in_file = {rec.code: rec for _, rec in recs}
    column = labels.get("parent", "parent")
    errors = []
    for line, rec in recs:
        parent = rec.parent
        if not parent or refs.grid_or_none(parent) is not None:
            continue
        if parent == rec.code or parent not in in_file:
            unknown = t("imp.ref.unknown", what=t("imp.what.grid"))
            errors.append(RowError(line, column, unknown, parent))
            continue
        try:
            check_parent(parent, 2 if in_file[parent].parent else 1)
        except Invalid as exc:
            errors.append(RowError(line, column, exc.detail, parent))
    return errors


def _write_grids(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    recs: list[GridRecord] = records(chunks)
    total = Counts()
    # Level-1 grids first: level-2 grids of the same file point at them.
    for level_one in (True, False):
        current = current_rows(session, Grid, "code", ["code", "name", "level", "parent_id"])
        rows = [_columns(rec, current) for rec in recs if (rec.parent is None) == level_one]
        counts = upsert(
            session,
            table_of(Grid),
            rows,
            match=_by_code(current),
            defaults=lambda r: {"level": 1, "parent_id": None},
            dry_run=ctx.dry_run,
        )
        add_counts(total, counts)
    return total


def _by_code(current: dict[Any, dict[str, Any]]) -> Callable[[dict[str, Any]], Any]:
    return lambda row: current.get(row["code"])


def _columns(rec: GridRecord, current: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The grid's column values the file gives (its level and parent only with the column)."""
    row: dict[str, Any] = {"code": rec.code, "name": rec.name}
    if rec.placed:
        parent = current.get(rec.parent) if rec.parent else None
        row["level"] = 2 if rec.parent else 1
        row["parent_id"] = parent["id"] if parent else None
    return row


def _export_grids(session: Session) -> Iterator[dict[str, object]]:
    parent = aliased(Grid, name="parent")
    query = (
        select(col(Grid.code), col(Grid.name), col(parent.code))
        .outerjoin(parent, col(parent.id) == Grid.parent_id)
        .order_by(col(Grid.code))
    )
    for code, name, parent_code in session.execute(query):
        yield {"code": code, "name": name, "parent": parent_code or ""}


GRIDS = Spec(
    kind="grids",
    columns=(
        Column("code", "编码", True, code_(32)),
        Column("name", "名称", True, name_(100)),
        Column("parent", "上级网格", False, code_(32)),
    ),
    resolve=_resolve_grid,
    keys=(("code", lambda r: r.code),),
    write=_write_grids,
    export=_export_grids,
    check_all=_check_grids,
)
