"""Claims of the public-welfare claim list (公益项目认领清单): a project claimed by an
enterprise's party organisation on a day, completed on a later day with so many participants.

An organisation claims a project once at a time: a new claim of the same project waits until
its open claim is completed. A completion earns points (the rules' `welfare` rule), which
follow the claim when it is corrected or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise
from gridctl.sharing.welfare_projects import find_project


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim as `gridctl welfare claims` shows it (dates in ISO, empty while open)."""

    id: int
    project: str
    enterprise: str
    claimed: str
    completed: str
    participants: int | None
    note: str


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


# --- the rules ------------------------------------------------------------------------------


def check_claim(*, party_org: str, enterprise: str, day: date, today: date | None = None) -> None:
    """The rules of a new claim that need no ledger (the import checks each row with them):
    refuses the field `enterprise` (no party organisation) or `claimed` (the day)."""
    if party_org == "none":
        raise Invalid("enterprise", enterprise, t("detail.welfare.no_org"))
    if day > (today or date.today()):
        raise Invalid("claimed", day.isoformat(), t("detail.welfare.claim_future"))


def check_completion(
    *, claimed_on: date, day: date, participants: int | None, today: date | None = None
) -> None:
    """The rules of a completion (the import checks each completed row with them): refuses
    the field `participants` or `completed` (the day)."""
    if participants is None or participants < 1:
        given = "" if participants is None else participants
        raise Invalid("participants", given, t("detail.at_least_one"))
    if day < claimed_on:
        raise Invalid(
            "completed", day.isoformat(), t("detail.welfare.after_claim", claimed=claimed_on)
        )
    if day > (today or date.today()):
        raise Invalid("completed", day.isoformat(), t("detail.not_future"))


def open_claim_of(
    session: Session, project_id: int, enterprise_id: int, exclude: int | None = None
) -> int | None:
    """The id of the organisation's open claim of the project, if it holds one (other than
    claim `exclude`, the one being corrected)."""
    query = select(WelfareClaim.id).where(
        WelfareClaim.project_id == project_id,
        WelfareClaim.enterprise_id == enterprise_id,
        col(WelfareClaim.completed_on).is_(None),
    )
    if exclude is not None:
        query = query.where(WelfareClaim.id != exclude)
    return session.exec(query).first()


def open_claim_message(enterprise: str, claim_id: object) -> str:
    """An organisation's open claim of a project: `claim_id` is a claim's id, or says which
    line of an import holds it."""
    claim = t("detail.welfare.claim_no", id=claim_id) if isinstance(claim_id, int) else claim_id
    return t("detail.welfare.holds_claim", enterprise=enterprise, claim=claim)


# --- claiming and completing ----------------------------------------------------------------


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
    firm = find_enterprise(session, enterprise, "enterprise")
    check_claim(party_org=firm.party_org, enterprise=enterprise, day=day, today=today)
    open_claim = open_claim_of(session, id_of(proj), id_of(firm))
    if open_claim is not None:
        raise Conflict("project", project, open_claim_message(firm.name, open_claim))
    row = WelfareClaim(
        project_id=id_of(proj), enterprise_id=id_of(firm), claimed_on=day, note=_text(note)
    )
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
        raise Invalid("claim_id", claim_id, t("detail.welfare.completed", day=row.completed_on))
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
        raise NotFound("claim_id", claim_id, t("detail.welfare.claim_ref"))
    return row


# --- correcting and removing ------------------------------------------------------------


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
        raise Invalid("reopen", claim_id, t("detail.claim_not_completed"))
    proj = find_project(session, project) if project else None
    firm = find_enterprise(session, enterprise, "enterprise") if enterprise else None
    if firm is not None or claimed_on is not None:
        who = firm or _enterprise(session, row.enterprise_id)
        check_claim(
            party_org=who.party_org,
            enterprise=enterprise or who.name,
            day=claimed_on or row.claimed_on,
            today=today,
        )
    if proj is not None:
        row.project_id = id_of(proj)
    if firm is not None:
        row.enterprise_id = id_of(firm)
    if claimed_on is not None:
        row.claimed_on = claimed_on
    if reopen:
        row.completed_on, row.participants = None, None
    _complete_as_corrected(row, completed_on, participants, today)
    if row.completed_on is None:
        held = open_claim_of(session, row.project_id, row.enterprise_id, exclude=row.id)
        if held is not None:
            holder = firm or _enterprise(session, row.enterprise_id)
            raise Conflict("claim_id", claim_id, open_claim_message(holder.name, held))
    if note is not None:
        row.note = _text(note)
    session.add(row)
    session.flush()
    if (row.enterprise_id, row.completed_on) != earned_by:
        forget_points(session, id_of(row))
    return row


def _complete_as_corrected(
    row: WelfareClaim, completed_on: date | None, participants: int | None, today: date | None
) -> None:
    """The completion after a correction: a new day or number of participants replaces the
    recorded one, and the whole is checked again (a claim moved after its completion too)."""
    if row.completed_on is None and completed_on is None and participants is not None:
        raise Invalid("participants", participants, t("detail.claim_open"))
    done = completed_on or row.completed_on
    if done is None:
        return
    people = participants if participants is not None else row.participants
    check_completion(claimed_on=row.claimed_on, day=done, participants=people, today=today)
    row.completed_on, row.participants = done, people


def _enterprise(session: Session, enterprise_id: int) -> Enterprise:
    """A claim's enterprise (it exists: the claim refers to it)."""
    firm = session.get(Enterprise, enterprise_id)
    if firm is None:
        raise NotFound("enterprise", enterprise_id, t("detail.enterprise_ref"))
    return firm


def forget_points(session: Session, claim_id: int) -> None:
    """A completion's points (the rules' `welfare` rule) follow the claim: dropped when it is
    reopened, re-dated, moved to another enterprise or deleted; derived again on the next
    read if it still qualifies."""
    from gridctl.points.derive import forget

    forget(session, rule="welfare", record_id=claim_id)


def delete_claim(session: Session, *, claim_id: int) -> WelfareClaim:
    """Remove a claim recorded in error, completed or not (and the points it earned)."""
    row = find_claim(session, claim_id)
    forget_points(session, claim_id)
    session.delete(row)
    session.flush()
    return row


def claim_rows(
    session: Session,
    *,
    project: str | None = None,
    enterprise: str | None = None,
    period: Period | None = None,
    open_only: bool = False,
) -> list[ClaimRow]:
    query = (
        select(WelfareClaim, WelfareProject.name, Enterprise.name)
        .join(WelfareProject, col(WelfareProject.id) == col(WelfareClaim.project_id))
        .join(Enterprise, col(Enterprise.id) == col(WelfareClaim.enterprise_id))
        .order_by(col(WelfareClaim.claimed_on), col(WelfareClaim.id))
    )
    if project:
        query = query.where(WelfareClaim.project_id == find_project(session, project).id)
    if enterprise:
        firm = find_enterprise(session, enterprise, "enterprise")
        query = query.where(WelfareClaim.enterprise_id == firm.id)
    if period is not None:
        query = query.where(
            WelfareClaim.claimed_on >= period.start, WelfareClaim.claimed_on < period.end
        )
    if open_only:
        query = query.where(col(WelfareClaim.completed_on).is_(None))
    return [
        ClaimRow(
            id=id_of(c),
            project=pname,
            enterprise=ename,
            claimed=c.claimed_on.isoformat(),
            completed=c.completed_on.isoformat() if c.completed_on else "",
            participants=c.participants,
            note=c.note or "",
        )
        for c, pname, ename in session.exec(query).all()
    ]
