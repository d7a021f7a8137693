"""Guidance groups (指导组): a group, its level-1 grid and its leader, and the groups as listed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Grid, GuidanceGroup, Supervisor
from gridctl.ledger.models.typed import length_of
from gridctl.registers.lookup import find_grid, find_supervisor
from gridctl.textsafe import required


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group as `group list` shows it: its leader's code and name, its active supervisors."""

    name: str
    grid: str
    leader: str
    leader_name: str
    supervisors: int


def check_group_grid(grid: str, level: int) -> None:
    """A group works a level-1 grid (`level`: the grid's)."""
    if level != 1:
        raise Invalid("grid", grid, t("detail.group_level1"))


def check_leader(leader: str, *, leader_group: int, group_id: int | None, group: str) -> None:
    """A group's leader is one of its own supervisors (`leader_group`: the id of the
    leader's group; `group_id` None: a group not yet in the ledger)."""
    if group_id is None or leader_group != group_id:
        raise Invalid("leader", leader, t("detail.leader_own", group=group))


def add_group(
    session: Session, *, name: str, grid: str | None = None, leader: str | None = None
) -> GuidanceGroup:
    name = required("name", name, length_of(GuidanceGroup, "name"))
    if session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name)).first():
        raise Conflict("name", name, t("detail.group_exists"))
    grid_row = None
    if grid:
        grid_row = find_grid(session, grid)
        check_group_grid(grid, grid_row.level)
    group = GuidanceGroup(name=name, grid_id=grid_row.id if grid_row else None)
    session.add(group)
    session.flush()
    if leader:
        set_leader(session, group=group, leader=leader)
    return group


def set_leader(session: Session, *, group: GuidanceGroup, leader: str) -> None:
    """A group's leader must be one of its own supervisors."""
    person = find_supervisor(session, leader, "leader")
    check_leader(leader, leader_group=person.group_id, group_id=group.id, group=group.name)
    group.leader_id = person.id
    session.add(group)
    session.flush()


def list_groups(session: Session) -> list[GroupRow]:
    leader = aliased(Supervisor, name="leader")
    members = (
        select(func.count(col(Supervisor.id)))
        .where(Supervisor.group_id == GuidanceGroup.id, col(Supervisor.active))
        .scalar_subquery()
    )
    rows = session.exec(
        select(GuidanceGroup.name, col(Grid.code), leader, members)
        .outerjoin(Grid, col(Grid.id) == GuidanceGroup.grid_id)
        .outerjoin(leader, col(leader.id) == GuidanceGroup.leader_id)
        .order_by(col(GuidanceGroup.id))  # creation order: 第一, 第二, … not by code point
    ).all()
    return [
        GroupRow(n, g or "", lead.code if lead else "", lead.name if lead else "", m)
        for n, g, lead, m in rows
    ]
