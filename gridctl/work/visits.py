"""Visits (走访): record one, list them; each problem found on a visit opens a problem."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridctl import vocab
from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor


def add_visit(
    session: Session,
    *,
    supervisor: str,
    enterprise: str,
    day: date,
    category: str = "routine",
    notes: str | None = None,
    problems: list[str] | None = None,
    source: str = "cli",
    today: date | None = None,
) -> tuple[Visit, list[Problem]]:
    person = find_supervisor(session, supervisor)
    firm = find_enterprise(session, enterprise)
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.future_visit"))
    if not person.active:
        raise Invalid("--supervisor", supervisor, t("detail.inactive"))
    cat = vocab.parse(vocab.VISIT_CATEGORY, category, "--category")
    clash = session.exec(
        select(Visit.id).where(
            Visit.supervisor_id == person.id,
            Visit.enterprise_id == firm.id,
            Visit.date == day,
            Visit.category == cat,
        )
    ).first()
    if clash is not None:
        raise Conflict(
            "--date",
            day.isoformat(),
            t(
                "detail.visit_exists",
                id=clash,
                category=vocab.show(vocab.VISIT_CATEGORY, cat, lang()),
            ),
        )
    visit = Visit(
        supervisor_id=person.id,
        enterprise_id=firm.id,
        date=day,
        category=cat,
        notes=(notes or "").strip() or None,
        source=source,
    )
    session.add(visit)
    session.flush()
    opened = [open_problem_row(session, visit=visit, description=text) for text in (problems or [])]
    return visit, opened


def open_problem_row(session: Session, *, visit: Visit, description: str) -> Problem:
    text = description.strip()
    if not text:
        raise Invalid("--problem", description, t("detail.empty"))
    problem = Problem(
        visit_id=visit.id,
        enterprise_id=visit.enterprise_id,
        supervisor_id=visit.supervisor_id,
        description=text,
        opened=visit.date,
    )
    session.add(problem)
    session.flush()
    return problem


def visit_rows(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    enterprise: str | None = None,
    group: str | None = None,
) -> list[dict[str, object]]:
    query = (
        select(
            Visit,
            Supervisor.code,
            Supervisor.name,
            Enterprise.name,
            Enterprise.credit_code,
            GuidanceGroup.name,
        )
        .join(Supervisor, Supervisor.id == Visit.supervisor_id)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .order_by(Visit.date, Visit.id)
    )
    if period is not None:
        query = query.where(Visit.date >= period.start, Visit.date < period.end)
    if supervisor:
        query = query.where(Visit.supervisor_id == find_supervisor(session, supervisor).id)
    if enterprise:
        query = query.where(Visit.enterprise_id == find_enterprise(session, enterprise).id)
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    return [
        {
            "id": v.id,
            "date": v.date.isoformat(),
            "supervisor": scode,
            "supervisor_name": sname,
            "enterprise": ename,
            "credit_code": ccode or "",
            "group": gname,
            "category": v.category,
            "notes": v.notes or "",
            "source": v.source,
        }
        for v, scode, sname, ename, ccode, gname in session.exec(query).all()
    ]
