"""The dossier's sections of the enterprise's money and shared work: its work funding by
year, the meetings that took up its problems, its welfare claims, the resources it shares and
its uses of others'.

Every query starts from this enterprise's rows, through an index on its enterprise column (or
on the problem it leads to). Days are ISO text, as the dossier prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Integer, cast, extract, func
from sqlalchemy import select as select_many
from sqlmodel import Session, col, select

from gridctl.funding.money import yuan
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Problem
from gridctl.ledger.models.funding import FundingAllocation, FundingSpending, FundingSupport
from gridctl.ledger.models.meetings import Meeting, MeetingProblem
from gridctl.ledger.models.sharing import Resource, ResourceUse, WelfareClaim, WelfareProject
from gridctl.ledger.models.typed import id_of


@dataclass(frozen=True, slots=True)
class FundingYear:
    """A year's allocation (members on 1 January x rate), support, spending and balance."""

    year: int
    members: int | None
    rate: Decimal | None
    amount: Decimal
    support: Decimal
    spent: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class MeetingOnProblem:
    """A meeting that took up one of the enterprise's problems, and what it decided."""

    meeting_id: int
    date: str
    kind: str
    group: str
    title: str
    problem_id: int
    problem: str
    problem_status: str
    note: str
    outcome: str
    outcome_on: str


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """A welfare project the enterprise claimed, and when it was completed."""

    id: int
    project: str
    category: str
    claimed: str
    completed: str
    participants: int | None
    note: str


@dataclass(frozen=True, slots=True)
class SharedResource:
    """A venue the enterprise opens to others, and how often others used it."""

    id: int
    name: str
    kind: str
    grid: str
    capacity: int | None
    terms: str
    address: str
    uses: int


@dataclass(frozen=True, slots=True)
class UseLine:
    """The enterprise's use of another's resource."""

    id: int
    date: str
    resource: str
    owner: str
    purpose: str
    participants: int | None


def funding_years(session: Session, enterprise_id: int) -> list[FundingYear]:
    """Per year: the allocation (members on 1 January x rate), support, spending, balance."""
    allocated = {
        year: (members, rate, amount)
        for year, members, rate, amount in session.exec(
            select(
                FundingAllocation.year,
                FundingAllocation.members,
                FundingAllocation.rate_cents,
                FundingAllocation.amount_cents,
            ).where(col(FundingAllocation.enterprise_id) == enterprise_id)
        ).all()
    }
    support: dict[int, int] = dict(
        session.exec(
            select(FundingSupport.year, func.sum(FundingSupport.amount_cents))
            .where(col(FundingSupport.enterprise_id) == enterprise_id)
            .group_by(col(FundingSupport.year))
        ).all()
    )
    spend_year = cast(extract("year", col(FundingSpending.date)), Integer)
    spent = {
        int(year): cents
        for year, cents in session.exec(
            select(spend_year, func.sum(FundingSpending.amount_cents))
            .where(col(FundingSpending.enterprise_id) == enterprise_id)
            .group_by(spend_year)
        ).all()
    }
    rows = []
    for year in sorted(allocated.keys() | support.keys() | spent.keys()):
        members, rate, amount = allocated.get(year, (None, None, 0))
        got, out = int(support.get(year) or 0), int(spent.get(year) or 0)
        rows.append(
            FundingYear(
                year=year,
                members=members,
                rate=yuan(rate) if rate else None,
                amount=yuan(amount),
                support=yuan(got),
                spent=yuan(out),
                balance=yuan(amount + got - out),
            )
        )
    return rows


def meetings_on_problems(session: Session, enterprise_id: int) -> list[MeetingOnProblem]:
    """Each meeting that took up one of its problems (at a joint meeting: a referral), with
    the note, and the outcome once the meeting decided."""
    # SQLAlchemy's select: sqlmodel types selects of at most four columns.
    found = session.execute(
        select_many(
            MeetingProblem,
            Meeting,
            col(Problem.description),
            col(Problem.status),
            col(GuidanceGroup.name),
        )
        .join(Meeting, col(Meeting.id) == col(MeetingProblem.meeting_id))
        .join(Problem, col(Problem.id) == col(MeetingProblem.problem_id))
        .outerjoin(GuidanceGroup, col(GuidanceGroup.id) == col(Meeting.group_id))
        .where(col(Problem.enterprise_id) == enterprise_id)
    ).all()
    rows = [
        MeetingOnProblem(
            meeting_id=id_of(m),
            date=m.date.isoformat(),
            kind=m.kind,
            group=group or "",
            title=m.title or "",
            problem_id=link.problem_id,
            problem=description,
            problem_status=status,
            note=link.note or "",
            outcome=link.outcome or "",
            outcome_on=link.outcome_on.isoformat() if link.outcome_on else "",
        )
        for link, m, description, status, group in found
    ]
    # Sorted here, not in SQL: an ORDER BY meeting.date invites the planner to walk every
    # meeting by date instead of starting from this enterprise's problems.
    return sorted(rows, key=lambda r: (r.date, r.meeting_id, r.problem_id))


def welfare_claims(session: Session, enterprise_id: int) -> list[ClaimLine]:
    found = session.exec(
        select(WelfareClaim, WelfareProject.name, WelfareProject.category)
        .join(WelfareProject, col(WelfareProject.id) == col(WelfareClaim.project_id))
        .where(col(WelfareClaim.enterprise_id) == enterprise_id)
        .order_by(col(WelfareClaim.claimed_on), col(WelfareClaim.id))
    ).all()
    return [
        ClaimLine(
            id=id_of(c),
            project=project,
            category=category or "",
            claimed=c.claimed_on.isoformat(),
            completed=c.completed_on.isoformat() if c.completed_on else "",
            participants=c.participants,
            note=c.note or "",
        )
        for c, project, category in found
    ]


def resources_owned(session: Session, enterprise_id: int) -> list[SharedResource]:
    """The shared venues it opens to others, with how often others used them."""
    uses = (
        select(func.count(col(ResourceUse.id)))
        .where(col(ResourceUse.resource_id) == col(Resource.id))
        .scalar_subquery()
    )
    found = session.exec(
        select(Resource, Grid.code, uses)
        .join(Grid, col(Grid.id) == col(Resource.grid_id))
        .where(col(Resource.owner_id) == enterprise_id)
        .order_by(col(Resource.name))
    ).all()
    return [
        SharedResource(
            id=id_of(r),
            name=r.name,
            kind=r.kind,
            grid=gcode,
            capacity=r.capacity,
            terms=r.terms or "",
            address=r.address or "",
            uses=n,
        )
        for r, gcode, n in found
    ]


def resource_uses(session: Session, enterprise_id: int) -> list[UseLine]:
    """Its uses of others' resources (an owner's own use is never recorded)."""
    found = session.exec(
        select(ResourceUse, Resource.name, Enterprise.name)
        .join(Resource, col(Resource.id) == col(ResourceUse.resource_id))
        .outerjoin(Enterprise, col(Enterprise.id) == col(Resource.owner_id))
        .where(col(ResourceUse.enterprise_id) == enterprise_id)
        .order_by(col(ResourceUse.date), col(ResourceUse.id))
    ).all()
    return [
        UseLine(
            id=id_of(u),
            date=u.date.isoformat(),
            resource=rname,
            owner=owner or "",
            purpose=u.purpose,
            participants=u.participants,
        )
        for u, rname, owner in found
    ]
