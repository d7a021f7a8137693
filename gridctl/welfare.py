"""The public-welfare claim list (公益项目认领清单): projects the station lists, claimed by
enterprises' party organisations and completed on a day with so many participants.

An organisation claims a project once at a time: a new claim of the same project waits until
its open claim is completed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.park import WelfareClaim, WelfareProject
from gridctl.registers import find_enterprise


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def add_project(
    session: Session, *, name: str, category: str | None = None, description: str | None = None
) -> WelfareProject:
    title = _text(name)
    if title is None:
        raise Invalid("NAME", name, "must not be empty")
    if session.exec(select(WelfareProject).where(WelfareProject.name == title)).first():
        raise Conflict("NAME", title, "a welfare project with this name exists")
    project = WelfareProject(name=title, category=_text(category), description=_text(description))
    session.add(project)
    session.flush()
    return project


def find_project(session: Session, ref: str, field: str = "PROJECT") -> WelfareProject:
    """A project by its ID or its exact name."""
    ref = ref.strip()
    project = session.get(WelfareProject, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    project = (
        project or session.exec(select(WelfareProject).where(WelfareProject.name == ref)).first()
    )
    if project is None:
        raise NotFound(field, ref, "welfare project id or name; see `gridctl welfare list`")
    return project


def check_claim(*, party_org: str, enterprise: str, day: date, today: date | None = None) -> None:
    """The rules of a new claim that need no ledger (the import checks each row with them)."""
    if party_org == "none":
        raise Invalid("--enterprise", enterprise, "has no party organisation to claim projects")
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), "a claim cannot be in the future")


def check_completion(
    *, claimed_on: date, day: date, participants: int | None, today: date | None = None
) -> None:
    """The rules of a completion (the import checks each completed row with them)."""
    if participants is None or participants < 1:
        raise Invalid("--participants", "" if participants is None else participants, "at least 1")
    if day < claimed_on:
        raise Invalid("--date", day.isoformat(), f"must be on or after the claim ({claimed_on})")
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), "cannot be in the future")


def open_claim_of(session: Session, project_id: int, enterprise_id: int) -> int | None:
    """The id of the organisation's open claim of the project, if it holds one."""
    return session.exec(
        select(WelfareClaim.id).where(
            WelfareClaim.project_id == project_id,
            WelfareClaim.enterprise_id == enterprise_id,
            WelfareClaim.completed_on.is_(None),  # type: ignore[union-attr]
        )
    ).first()


def open_claim_message(enterprise: str, claim_id: object) -> str:
    return f"{enterprise} already holds claim {claim_id} on it"


def claim(
    session: Session,
    *,
    project: str,
    enterprise: str,
    day: date,
    note: str | None = None,
    today: date | None = None,
) -> WelfareClaim:
    proj = find_project(session, project)
    firm = find_enterprise(session, enterprise)
    check_claim(party_org=firm.party_org, enterprise=enterprise, day=day, today=today)
    open_claim = open_claim_of(session, proj.id, firm.id)  # type: ignore[arg-type]
    if open_claim is not None:
        raise Conflict("PROJECT", project, open_claim_message(firm.name, open_claim))
    row = WelfareClaim(project_id=proj.id, enterprise_id=firm.id, claimed_on=day, note=_text(note))
    session.add(row)
    session.flush()
    return row


def complete(
    session: Session,
    *,
    claim_id: int,
    day: date,
    participants: int,
    note: str | None = None,
    today: date | None = None,
) -> WelfareClaim:
    row = session.get(WelfareClaim, claim_id)
    if row is None:
        raise NotFound("CLAIM_ID", claim_id, "claim id; see `gridctl welfare claims`")
    if row.completed_on is not None:
        raise Invalid("CLAIM_ID", claim_id, f"already completed on {row.completed_on}")
    check_completion(claimed_on=row.claimed_on, day=day, participants=participants, today=today)
    row.completed_on, row.participants = day, participants
    if _text(note):
        row.note = "\n".join(filter(None, [row.note, _text(note)]))
    session.add(row)
    session.flush()
    return row


def project_rows(session: Session) -> list[dict[str, object]]:
    claims = (
        select(func.count(WelfareClaim.id))
        .where(WelfareClaim.project_id == WelfareProject.id)
        .scalar_subquery()
    )
    done = (
        select(func.count(WelfareClaim.id))
        .where(WelfareClaim.project_id == WelfareProject.id, WelfareClaim.completed_on.is_not(None))  # type: ignore[union-attr]
        .scalar_subquery()
    )
    people = (
        select(func.coalesce(func.sum(WelfareClaim.participants), 0))
        .where(WelfareClaim.project_id == WelfareProject.id)
        .scalar_subquery()
    )
    query = select(WelfareProject, claims, done, people).order_by(WelfareProject.id)
    return [
        {
            "id": p.id,
            "name": p.name,
            "category": p.category or "",
            "description": p.description or "",
            "claims": n,
            "completed": d,
            "participants": ppl,
        }
        for p, n, d, ppl in session.exec(query).all()
    ]


def claim_rows(
    session: Session,
    *,
    project: str | None = None,
    enterprise: str | None = None,
    period: Period | None = None,
    open_only: bool = False,
) -> list[dict[str, object]]:
    query = (
        select(WelfareClaim, WelfareProject.name, Enterprise.name)
        .join(WelfareProject, WelfareProject.id == WelfareClaim.project_id)
        .join(Enterprise, Enterprise.id == WelfareClaim.enterprise_id)
        .order_by(WelfareClaim.claimed_on, WelfareClaim.id)
    )
    if project:
        query = query.where(
            WelfareClaim.project_id == find_project(session, project, "--project").id
        )
    if enterprise:
        query = query.where(WelfareClaim.enterprise_id == find_enterprise(session, enterprise).id)
    if period is not None:
        query = query.where(
            WelfareClaim.claimed_on >= period.start, WelfareClaim.claimed_on < period.end
        )
    if open_only:
        query = query.where(WelfareClaim.completed_on.is_(None))  # type: ignore[union-attr]
    return [
        {
            "id": c.id,
            "project": pname,
            "enterprise": ename,
            "claimed": c.claimed_on.isoformat(),
            "completed": c.completed_on.isoformat() if c.completed_on else "",
            "participants": c.participants,
            "note": c.note or "",
        }
        for c, pname, ename in session.exec(query).all()
    ]
