"""Grids (网格): level-1 areas and their level-2 grids."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.registers.lookup import find_grid
from gridctl.textsafe import _required


def add_grid(session: Session, *, code: str, name: str, parent: str | None = None) -> Grid:
    code = _required("code", code, Grid.__table__.c.code)
    name = _required("name", name, Grid.__table__.c.name)
    if session.exec(select(Grid).where(Grid.code == code)).first():
        raise Conflict("code", code, t("detail.grid_exists"))
    parent_grid = find_grid(session, parent, "--parent") if parent else None
    if parent_grid is not None and parent_grid.level != 1:
        raise Invalid("--parent", parent, t("detail.parent_level1"))
    grid = Grid(
        code=code,
        name=name,
        level=2 if parent_grid else 1,
        parent_id=parent_grid.id if parent_grid else None,
    )
    session.add(grid)
    session.flush()
    return grid


def list_grids(session: Session) -> list[dict[str, object]]:
    parent = Grid.__table__.alias("parent")
    enterprises = (
        select(func.count(Enterprise.id)).where(Enterprise.grid_id == Grid.id).scalar_subquery()
    )
    rows = session.exec(
        select(Grid.code, Grid.name, Grid.level, parent.c.code, enterprises)
        .outerjoin(parent, parent.c.id == Grid.parent_id)
        .order_by(func.coalesce(parent.c.code, Grid.code), Grid.level, Grid.code)
    ).all()
    return [
        {"code": c, "name": n, "level": lv, "parent": p or "", "enterprises": e}
        for c, n, lv, p, e in rows
    ]
