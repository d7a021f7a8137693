"""Grids (网格): level-1 areas and their level-2 grids, and the grid register as listed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.typed import length_of
from gridctl.registers.lookup import find_grid
from gridctl.textsafe import required


@dataclass(frozen=True, slots=True)
class GridRow:
    """A grid as `grid list` shows it: `parent` is "" for a level-1 grid."""

    code: str
    name: str
    level: int
    parent: str
    enterprises: int


def check_parent(parent: str, level: int) -> None:
    """A level-2 grid's parent is a level-1 grid (`level`: the parent's)."""
    if level != 1:
        raise Invalid("parent", parent, t("detail.parent_level1"))


def add_grid(session: Session, *, code: str, name: str, parent: str | None = None) -> Grid:
    code = required("code", code, length_of(Grid, "code"))
    name = required("name", name, length_of(Grid, "name"))
    if session.exec(select(Grid).where(Grid.code == code)).first():
        raise Conflict("code", code, t("detail.grid_exists"))
    parent_grid = None
    if parent:
        parent_grid = find_grid(session, parent, "parent")
        check_parent(parent, parent_grid.level)
    grid = Grid(
        code=code,
        name=name,
        level=2 if parent_grid else 1,
        parent_id=parent_grid.id if parent_grid else None,
    )
    session.add(grid)
    session.flush()
    return grid


def list_grids(session: Session) -> list[GridRow]:
    """Each level-1 grid followed by its level-2 grids, with their enterprises counted."""
    parent = aliased(Grid, name="parent")
    enterprises = (
        select(func.count(col(Enterprise.id)))
        .where(Enterprise.grid_id == Grid.id)
        .scalar_subquery()
    )
    rows = session.exec(
        select(Grid, col(parent.code), enterprises)
        .outerjoin(parent, col(parent.id) == Grid.parent_id)
        .order_by(func.coalesce(col(parent.code), Grid.code), col(Grid.level), col(Grid.code))
    ).all()
    return [GridRow(g.code, g.name, g.level, p or "", e) for g, p, e in rows]
