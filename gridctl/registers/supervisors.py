"""Supervisors (指导员): full- and part-time, in one group each; the register as listed and one
supervisor's record with their work (visits, open problems, enterprises in their care)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.ledger.models.typed import id_of, length_of
from gridctl.registers.lookup import find_group, find_supervisor
from gridctl.textsafe import required


def add_supervisor(
    session: Session,
    *,
    code: str,
    name: str,
    group: str,
    kind: str = "full-time",
    phone: str | None = None,
) -> Supervisor:
    code = required("code", code, length_of(Supervisor, "code"))
    name = required("name", name, length_of(Supervisor, "name"))
    if session.exec(select(Supervisor).where(Supervisor.code == code)).first():
        raise Conflict("code", code, t("detail.supervisor_exists"))
    person = Supervisor(
        code=code,
        name=name,
        group_id=id_of(find_group(session, group)),
        kind=vocab.parse(vocab.SUPERVISOR_KIND, kind, "kind"),
        phone=(phone or "").strip() or None,
    )
    session.add(person)
    session.flush()
    return person


def update_supervisor(
    session: Session,
    ref: str,
    *,
    name: str | None = None,
    group: str | None = None,
    kind: str | None = None,
    phone: str | None = None,
    active: bool | None = None,
) -> tuple[Supervisor, list[str]]:
    """Change the fields given; returns the supervisor and the names of what changed.

    `name` is the new name (refused as the field `new_name`: the one given to the command
    names the supervisor as it is)."""
    person = find_supervisor(session, ref)
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = required("new_name", name)
    new_group = id_of(find_group(session, group)) if group is not None else None
    if new_group is not None:
        values["group_id"] = new_group
    if kind is not None:
        values["kind"] = vocab.parse(vocab.SUPERVISOR_KIND, kind, "kind")
    if phone is not None:
        values["phone"] = phone.strip() or None
    if active is not None:
        values["active"] = active
    if group is not None and new_group is not None:
        led = _led_group(session, person)
        check_leader_stays(person.code, led=led, group_id=new_group, group=group)
    changed = [k for k, v in values.items() if getattr(person, k) != v]
    for key in changed:
        setattr(person, key, values[key])
    session.add(person)
    session.flush()
    return person, changed


def check_leader_stays(code: str, *, led: int | None, group_id: int, group: str) -> None:
    """A group's leader stays in it until another leader is named there (`led`: the id of the
    group the supervisor leads, if any; `group_id`: the group they would move to)."""
    if led is not None and led != group_id:
        raise Invalid("group", group, t("detail.leads_group", code=code))


def _led_group(session: Session, person: Supervisor) -> int | None:
    """The id of the group the supervisor leads, if any."""
    return session.exec(
        select(GuidanceGroup.id).where(GuidanceGroup.leader_id == person.id)
    ).first()


@dataclass(frozen=True, slots=True)
class SupervisorRow:
    """A supervisor as `supervisor list` shows them: `leader` when they lead their group,
    `enterprises` in their care."""

    code: str
    name: str
    group: str
    kind: str
    leader: bool
    phone: str
    active: bool
    enterprises: int


@dataclass(frozen=True, slots=True)
class AssignedEnterprise:
    name: str
    credit_code: str


@dataclass(frozen=True, slots=True)
class SupervisorDetail(SupervisorRow):
    """One supervisor's record (`supervisor show`): the list's fields, then their work."""

    visits: int
    last_visit: date | None
    open_problems: int
    assigned: list[AssignedEnterprise]


def supervisor_rows(
    session: Session, *, group: str | None = None, supervisor_id: int | None = None
) -> list[SupervisorRow]:
    assigned = (
        select(func.count(col(Enterprise.id)))
        .where(Enterprise.supervisor_id == Supervisor.id)
        .scalar_subquery()
    )
    query = (
        select(Supervisor, GuidanceGroup.name, GuidanceGroup.leader_id, assigned)
        .join(GuidanceGroup, col(GuidanceGroup.id) == Supervisor.group_id)
        .order_by(col(Supervisor.code))
    )
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    if supervisor_id is not None:
        query = query.where(Supervisor.id == supervisor_id)
    return [
        SupervisorRow(s.code, s.name, gname, s.kind, leader_id == s.id, s.phone or "", s.active, n)
        for s, gname, leader_id, n in session.exec(query).all()
    ]


def supervisor_detail(session: Session, ref: str) -> SupervisorDetail:
    person = find_supervisor(session, ref)
    (row,) = supervisor_rows(session, supervisor_id=person.id)
    visits = session.exec(
        select(func.count(col(Visit.id))).where(Visit.supervisor_id == person.id)
    ).one()
    last_visit = session.exec(
        select(func.max(Visit.date)).where(Visit.supervisor_id == person.id)
    ).one()
    open_problems = session.exec(
        select(func.count(col(Problem.id))).where(
            Problem.supervisor_id == person.id, col(Problem.status).in_(["open", "in-progress"])
        )
    ).one()
    assigned = [
        AssignedEnterprise(e.name, e.credit_code or "")
        for e in session.exec(
            select(Enterprise)
            .where(Enterprise.supervisor_id == person.id)
            .order_by(col(Enterprise.name))
        ).all()
    ]
    return SupervisorDetail(
        **asdict(row),
        visits=visits,
        last_visit=last_visit,
        open_problems=open_problems,
        assigned=assigned,
    )
