"""Supervisors (指导员): full- and part-time, in one group each."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.registers.lookup import find_group, find_supervisor
from gridctl.textsafe import _required


def add_supervisor(
    session: Session,
    *,
    code: str,
    name: str,
    group: str,
    kind: str = "full-time",
    phone: str | None = None,
) -> Supervisor:
    code = _required("code", code, Supervisor.__table__.c.code)
    name = _required("name", name, Supervisor.__table__.c.name)
    if session.exec(select(Supervisor).where(Supervisor.code == code)).first():
        raise Conflict("code", code, t("detail.supervisor_exists"))
    person = Supervisor(
        code=code,
        name=name,
        group_id=find_group(session, group).id,
        kind=vocab.parse(vocab.SUPERVISOR_KIND, kind, "--kind"),
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
    """Change the fields given; returns the supervisor and the names of what changed."""
    person = find_supervisor(session, ref, "SUPERVISOR")
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = _required("--name", name)
    if group is not None:
        values["group_id"] = find_group(session, group).id
    if kind is not None:
        values["kind"] = vocab.parse(vocab.SUPERVISOR_KIND, kind, "--kind")
    if phone is not None:
        values["phone"] = phone.strip() or None
    if active is not None:
        values["active"] = active
    moving = "group_id" in values and values["group_id"] != person.group_id
    if moving and _leads(session, person):
        raise Invalid("--group", group, t("detail.leads_group", code=person.code))
    changed = [k for k, v in values.items() if getattr(person, k) != v]
    for key in changed:
        setattr(person, key, values[key])
    session.add(person)
    session.flush()
    return person, changed


def _leads(session: Session, person: Supervisor) -> bool:
    return (
        session.exec(select(GuidanceGroup).where(GuidanceGroup.leader_id == person.id)).first()
        is not None
    )


def supervisor_rows(
    session: Session, *, group: str | None = None, supervisor_id: int | None = None
) -> list[dict[str, object]]:
    assigned = (
        select(func.count(Enterprise.id))
        .where(Enterprise.supervisor_id == Supervisor.id)
        .scalar_subquery()
    )
    query = (
        select(Supervisor, GuidanceGroup.name, GuidanceGroup.leader_id, assigned)
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .order_by(Supervisor.code)
    )
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    if supervisor_id is not None:
        query = query.where(Supervisor.id == supervisor_id)
    return [
        {
            "code": s.code,
            "name": s.name,
            "group": gname,
            "kind": s.kind,
            "leader": leader_id == s.id,
            "phone": s.phone or "",
            "active": s.active,
            "enterprises": n,
        }
        for s, gname, leader_id, n in session.exec(query).all()
    ]


def supervisor_detail(session: Session, ref: str) -> dict[str, object]:
    person = find_supervisor(session, ref, "SUPERVISOR")
    (row,) = supervisor_rows(session, supervisor_id=person.id)
    row["visits"] = session.exec(
        select(func.count(Visit.id)).where(Visit.supervisor_id == person.id)
    ).one()
    row["last_visit"] = session.exec(
        select(func.max(Visit.date)).where(Visit.supervisor_id == person.id)
    ).one()
    row["open_problems"] = session.exec(
        select(func.count(Problem.id)).where(
            Problem.supervisor_id == person.id, col(Problem.status).in_(["open", "in-progress"])
        )
    ).one()
    row["assigned"] = [
        {"name": e.name, "credit_code": e.credit_code or ""}
        for e in session.exec(
            select(Enterprise)
            .where(Enterprise.supervisor_id == person.id)
            .order_by(Enterprise.name)
        ).all()
    ]
    return row
