"""The public-welfare claim list (公益项目认领清单): projects the station lists, claimed by
enterprises' party organisations and completed on a day with so many participants.

An organisation claims a project once at a time: a new claim of the same project waits until
its open claim is completed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.registers.lookup import find_enterprise


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def check_project_name(
    session: Session, name: str, field: str = "NAME", exclude: int | None = None
) -> str:
    """A project's name: not empty, and no other project's (the rule of add and update)."""
    title = _text(name)
    if title is None:
        raise Invalid(field, name, t("detail.empty"))
    query = select(WelfareProject.id).where(WelfareProject.name == title)
    if exclude is not None:
        query = query.where(WelfareProject.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict(field, title, t("detail.welfare.project_exists"))
    return title


def add_project(
    session: Session, *, name: str, category: str | None = None, description: str | None = None
) -> WelfareProject:
    title = check_project_name(session, name)
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
        raise NotFound(field, ref, t("detail.welfare.project_ref"))
    return project


def check_claim(*, party_org: str, enterprise: str, day: date, today: date | None = None) -> None:
    """The rules of a new claim that need no ledger (the import checks each row with them)."""
    if party_org == "none":
        raise Invalid("--enterprise", enterprise, t("detail.welfare.no_org"))
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.welfare.claim_future"))


def check_completion(
    *, claimed_on: date, day: date, participants: int | None, today: date | None = None
) -> None:
    """The rules of a completion (the import checks each completed row with them)."""
    if participants is None or participants < 1:
        given = "" if participants is None else participants
        raise Invalid("--participants", given, t("detail.at_least_one"))
    if day < claimed_on:
        raise Invalid(
            "--date", day.isoformat(), t("detail.welfare.after_claim", claimed=claimed_on)
        )
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.not_future"))


def open_claim_of(
    session: Session, project_id: int, enterprise_id: int, exclude: int | None = None
) -> int | None:
    """The id of the organisation's open claim of the project, if it holds one (other than
    claim `exclude`, the one being corrected)."""
    query = select(WelfareClaim.id).where(
        WelfareClaim.project_id == project_id,
        WelfareClaim.enterprise_id == enterprise_id,
        WelfareClaim.completed_on.is_(None),  # type: ignore[union-attr]
    )
    if exclude is not None:
        query = query.where(WelfareClaim.id != exclude)
    return session.exec(query).first()


def open_claim_message(enterprise: str, claim_id: object) -> str:
    """An organisation's open claim of a project: `claim_id` is a claim's id, or says which
    line of an import holds it."""
    claim = t("detail.welfare.claim_no", id=claim_id) if isinstance(claim_id, int) else claim_id
    return t("detail.welfare.holds_claim", enterprise=enterprise, claim=claim)


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
    row = find_claim(session, claim_id)
    if row.completed_on is not None:
        raise Invalid("CLAIM_ID", claim_id, t("detail.welfare.completed", day=row.completed_on))
    check_completion(claimed_on=row.claimed_on, day=day, participants=participants, today=today)
    row.completed_on, row.participants = day, participants
    if _text(note):
        row.note = "\n".join(filter(None, [row.note, _text(note)]))
    session.add(row)
    session.flush()
    return row


def find_claim(session: Session, claim_id: int) -> WelfareClaim:
    row = session.get(WelfareClaim, claim_id)
    if row is None:
        raise NotFound("CLAIM_ID", claim_id, t("detail.welfare.claim_ref"))
    return row


# --- correcting and removing ------------------------------------------------------------


def update_project(
    session: Session,
    *,
    project: str,
    name: str | None = None,
    category: str | None = None,
    description: str | None = None,
) -> WelfareProject:
    """Correct a project: each given field replaces what is recorded (empty clears it)."""
    row = find_project(session, project)
    if name is not None:
        row.name = check_project_name(session, name, "--name", exclude=row.id)
    if category is not None:
        row.category = _text(category)
    if description is not None:
        row.description = _text(description)
    session.add(row)
    session.flush()
    return row


def delete_project(session: Session, *, project: str) -> WelfareProject:
    """Remove a project from the list; refused while any claim of it is recorded."""
    row = find_project(session, project)
    claims = session.exec(
        select(func.count(WelfareClaim.id)).where(WelfareClaim.project_id == row.id)
    ).one()
    if claims:
        raise Conflict("PROJECT", project, t("detail.project_has_claims", n=claims))
    session.delete(row)
    session.flush()
    return row


@contextmanager
def _named(fields: dict[str, str]) -> Iterator[None]:
    """Refusals of the add path's checks, named by the options of the update path."""
    try:
        yield
    except Invalid as exc:
        raise Invalid(fields.get(exc.field, exc.field), exc.value, exc.detail) from None


def update_claim(
    session: Session,
    *,
    claim_id: int,
    project: str | None = None,
    enterprise: str | None = None,
    claimed_on: date | None = None,
    completed_on: date | None = None,
    participants: int | None = None,
    note: str | None = None,
    reopen: bool = False,
    today: date | None = None,
) -> WelfareClaim:
    """Correct a claim (each given field replaces what is recorded), or `reopen` it: undo its
    completion. The result must keep the rules of claim and complete: a claim by an
    organisation with a party organisation, not in the future; one open claim of a project
    per organisation; a completion on or after the claim with at least one participant."""
    row = find_claim(session, claim_id)
    earned_by = (row.enterprise_id, row.completed_on)
    if reopen and row.completed_on is None:
        raise Invalid("--reopen", claim_id, t("detail.claim_not_completed"))
    proj = find_project(session, project, "--project") if project else None
    firm = find_enterprise(session, enterprise) if enterprise else None
    if firm is not None or claimed_on is not None:
        who = firm or session.get(Enterprise, row.enterprise_id)
        with _named({"--date": "--claimed"}):
            check_claim(
                party_org=who.party_org,  # type: ignore[union-attr]
                enterprise=enterprise or who.name,  # type: ignore[union-attr]
                day=claimed_on or row.claimed_on,
                today=today,
            )
    if proj is not None:
        row.project_id = proj.id  # type: ignore[assignment]
    if firm is not None:
        row.enterprise_id = firm.id  # type: ignore[assignment]
    if claimed_on is not None:
        row.claimed_on = claimed_on
    if reopen:
        row.completed_on, row.participants = None, None
    if row.completed_on is None and completed_on is None and participants is not None:
        raise Invalid("--participants", participants, t("detail.claim_open"))
    if completed_on is not None or participants is not None or row.completed_on is not None:
        done = completed_on or row.completed_on
        people = participants if participants is not None else row.participants
        with _named({"--date": "--completed"}):
            check_completion(
                claimed_on=row.claimed_on,
                day=done,  # type: ignore[arg-type]
                participants=people,
                today=today,
            )
        row.completed_on, row.participants = done, people
    if row.completed_on is None:
        held = open_claim_of(session, row.project_id, row.enterprise_id, exclude=row.id)
        if held is not None:
            firm = firm or session.get(Enterprise, row.enterprise_id)
            raise Conflict(
                "CLAIM_ID",
                claim_id,
                open_claim_message(firm.name, held),  # type: ignore[union-attr]
            )
    if note is not None:
        row.note = _text(note)
    session.add(row)
    session.flush()
    if (row.enterprise_id, row.completed_on) != earned_by:
        forget_points(session, row.id)  # type: ignore[arg-type]
    return row


def forget_points(session: Session, claim_id: int) -> None:
    """A completion's points (the rules' `welfare` rule) follow the claim: dropped when it is
    reopened, re-dated, moved to another enterprise or deleted; derived again on the next
    read if it still qualifies."""
    from gridctl.points.scoring import forget

    forget(session, rule="welfare", record_id=claim_id)


def delete_claim(session: Session, *, claim_id: int) -> WelfareClaim:
    """Remove a claim recorded in error, completed or not (and the points it earned)."""
    row = find_claim(session, claim_id)
    forget_points(session, claim_id)
    session.delete(row)
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
