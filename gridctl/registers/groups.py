"""Guidance groups (指导组) and their leaders."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Grid, GuidanceGroup, Supervisor
from gridctl.registers.lookup import find_grid, find_supervisor
from gridctl.textsafe import _required


def add_group(
    session: Session, *, name: str, grid: str | None = None, leader: str | None = None
) -> GuidanceGroup:
    name = _required("name", name, GuidanceGroup.__table__.c.name)
    if session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name)).first():
        raise Conflict("name", name, t("detail.group_exists"))
    grid_row = find_grid(session, grid) if grid else None
    if grid_row is not None and grid_row.level != 1:
        raise Invalid("--grid", grid, t("detail.group_level1"))
    group = GuidanceGroup(name=name, grid_id=grid_row.id if grid_row else None)
    session.add(group)
    session.flush()
    if leader:
        set_leader(session, group=group, leader=leader)
    return group


def set_leader(session: Session, *, group: GuidanceGroup, leader: str) -> None:
    """A group's leader must be one of its own supervisors."""
    person = find_supervisor(session, leader, "--leader")
    if person.group_id != group.id:
        raise Invalid("--leader", leader, t("detail.leader_own", group=group.name))
    group.leader_id = person.id
    session.add(group)
    session.flush()


def list_groups(session: Session) -> list[dict[str, object]]:
    leader = Supervisor.__table__.alias("leader")
    members = (
        select(func.count(Supervisor.id))
        .where(Supervisor.group_id == GuidanceGroup.id, Supervisor.active)
        .scalar_subquery()
    )
    rows = session.exec(
        select(GuidanceGroup.name, Grid.code, leader.c.code, leader.c.name, members)
        .outerjoin(Grid, Grid.id == GuidanceGroup.grid_id)
        .outerjoin(leader, leader.c.id == GuidanceGroup.leader_id)
        .order_by(GuidanceGroup.id)  # creation order: 第一, 第二, … not by code point
    ).all()
    return [
        {
            "name": n,
            "grid": g or "",
            "leader": lc or "",
            "leader_name": ln or "",
            "supervisors": m,
        }
        for n, g, lc, ln, m in rows
    ]
