"""Import specs of the registers: grids, groups, supervisors, enterprises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.i18n import t
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


def _resolve_grid(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"code": row.get("code"), "name": row.get("name")}
    if row.has("parent"):
        parent = row.get("parent")
        rec["_parent"] = parent
        rec["level"] = 2 if parent else 1
        known = refs.grid_or_none(parent) if parent else None
        if known is not None and known.level != 1:
            row.error("parent", t("imp.grid.parent_level"), parent)
        existing = refs.grid_or_none(rec["code"]) if rec["code"] else None
        if existing is not None and existing.level != rec["level"]:
            row.error("parent", t("imp.grid.level_change", level=existing.level), parent or "")
    return None if row.errors else rec


def _check_grids(recs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]) -> list[RowError]:
    """A parent named in the file must be a level-1 grid of the file or the ledger."""
    in_file = {rec["code"]: rec for _, rec in recs}
    column = labels.get("parent", "parent")
    errors = []
    for line, rec in recs:
        parent = rec.get("_parent")
        if not parent or refs.grid_or_none(parent) is not None:
            continue
        if parent == rec["code"] or parent not in in_file:
            errors.append(
                RowError(line, column, t("imp.ref.unknown", what=t("imp.what.grid")), parent)
            )
        elif in_file[parent].get("_parent"):
            errors.append(RowError(line, column, t("imp.grid.parent_level"), parent))
    return errors


def _write_grids(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    recs = records(chunks)
    total = Counts()
    # Level-1 grids first: level-2 grids of the same file point at them.
    for level_one in (True, False):
        current = current_rows(session, Grid, "code", ["code", "name", "level", "parent_id"])
        rows = []
        for rec in recs:
            if (not rec.get("_parent")) != level_one:
                continue
            row = {k: v for k, v in rec.items() if k != "_parent"}
            if "level" in rec:
                parent = current.get(rec["_parent"]) if rec["_parent"] else None
                row["parent_id"] = parent["id"] if parent else None
            rows.append(row)
        counts = upsert(
            session,
            Grid.__table__,  # type: ignore[arg-type]
            rows,
            match=lambda r, cur=current: cur.get(r["code"]),
            defaults=lambda r: {"level": 1, "parent_id": None},
            dry_run=ctx.dry_run,
        )
        add_counts(total, counts)
    return total


def _export_grids(session: Session) -> Iterator[dict[str, object]]:
    parent = Grid.__table__.alias("parent")  # type: ignore[attr-defined]
    query = (
        select(Grid.code, Grid.name, parent.c.code)
        .outerjoin(parent, parent.c.id == Grid.parent_id)
        .order_by(Grid.code)
    )
    for code, name, parent_code in session.execute(query):
        yield {"code": code, "name": name, "parent": parent_code or ""}


GRIDS = Spec(
    kind="grids",
    columns=(
        Column("code", "编码", True, name_(32)),
        Column("name", "名称", True, name_(100)),
        Column("parent", "上级网格", False, name_(32)),
    ),
    resolve=_resolve_grid,
    keys=(("code", lambda r: r["code"]),),
    write=_write_grids,
    export=_export_grids,
    check_all=_check_grids,
)
