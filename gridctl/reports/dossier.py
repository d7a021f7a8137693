"""One file per enterprise (一企一档): its facts and everything recorded about it.

Every section reads only this enterprise's rows, through an index on its enterprise column
(or on the problem, meeting, resource or belt it leads to): the dossier of one enterprise
costs the same in a ledger of 100 or of 100,000 enterprises.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Integer, cast, extract, func
from sqlmodel import Session, select

from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Problem, Supervisor
from gridctl.ledger.models.funding import FundingAllocation, FundingSpending, FundingSupport
from gridctl.ledger.models.meetings import Meeting, MeetingProblem
from gridctl.ledger.models.organisation import BeltSite, Brand, Chain
from gridctl.ledger.models.sharing import Resource, ResourceUse, WelfareClaim, WelfareProject
from gridctl.registers.lookup import find_enterprise
from gridctl.work.activities import activity_rows
from gridctl.work.problems import problem_rows
from gridctl.work.visits import visit_rows

Rows = list[dict[str, object]]


def dossier(session: Session, ref: str, *, today: date | None = None) -> dict[str, object]:
    firm = find_enterprise(session, ref, "ENTERPRISE")
    grid = session.get(Grid, firm.grid_id)
    parent = session.get(Grid, grid.parent_id) if grid and grid.parent_id else None
    contact = session.get(Supervisor, firm.supervisor_id) if firm.supervisor_id else None
    # The register's figure is a cache of the count in force today: read the history.
    in_force = members_today(session, firm, today or date.today())
    facts: dict[str, object] = {
        "name": firm.name,
        "credit_code": firm.credit_code or "",
        "bad_check_reason": firm.bad_check_reason or "",
        "grid": grid.code if grid else "",
        "grid_name": grid.name if grid else "",
        "level1_grid": parent.code if parent else "",
        "chain": firm.chain or "",
        **chain_facts(session, firm),
        "party_org": firm.party_org,
        "members": in_force,
        "members_in_force": in_force,
        "supervisor": contact.code if contact else "",
        "supervisor_name": contact.name if contact else "",
        "visit_class": firm.visit_class or "",
        "core": firm.is_core,
        "safety_grid": firm.safety_grid or "",
        "order_grid": firm.order_grid or "",
        "market_grid": firm.market_grid or "",
        "status": firm.status,
    }
    key = firm.credit_code or firm.name
    facts["visits"] = visit_rows(session, enterprise=key)
    facts["problems"] = problem_rows(session, enterprise_id=firm.id)
    facts["activities"] = activity_rows(session, enterprise=key)
    facts.update(park_sections(session, firm))
    return facts


def park_sections(session: Session, firm: Enterprise) -> dict[str, Rows]:
    """What the park's own work recorded about the enterprise (members, money, meetings,
    claims, resources, brands, belt), each a list of rows, empty when there is none."""
    from gridctl.registers.members import history_of

    eid: int = firm.id  # type: ignore[assignment]
    return {
        "member_history": history_of(session, firm),
        "funding": funding_years(session, eid),
        "meetings": meetings_on_problems(session, eid),
        "welfare_claims": welfare_claims(session, eid),
        "resources": resources_owned(session, eid),
        "resource_uses": resource_uses(session, eid),
        "brands": brands(session, eid),
        "belt": belt_places(session, eid),
    }


# --- organisation -----------------------------------------------------------------------


def chain_facts(session: Session, firm: Enterprise) -> dict[str, object]:
    """The chain committee or alliance the enterprise is in, and whether it leads it."""
    from gridctl.organisation.chains import kind_of

    if not firm.chain:
        return {"chain_kind": "", "chain_lead": False, "chain_lead_enterprise": ""}
    found = session.exec(
        select(Chain.lead_enterprise_id, Enterprise.name)
        .outerjoin(Enterprise, Enterprise.id == Chain.lead_enterprise_id)
        .where(Chain.code == firm.chain)
    ).first()
    lead_id, lead_name = found or (None, None)
    return {
        "chain_kind": kind_of(firm.chain),
        "chain_lead": lead_id == firm.id,
        "chain_lead_enterprise": lead_name or "",
    }


def members_today(session: Session, firm: Enterprise, today: date) -> int:
    from gridctl.registers.members import members_in_force

    return int(session.exec(select(members_in_force(today)).where(Enterprise.id == firm.id)).one())


# --- money ------------------------------------------------------------------------------


def funding_years(session: Session, enterprise_id: int) -> Rows:
    """Per year: the allocation (members on 1 January x rate), support, spending, balance."""
    from gridctl.funding.money import yuan

    allocated = {
        year: (members, rate, amount)
        for year, members, rate, amount in session.exec(
            select(
                FundingAllocation.year,
                FundingAllocation.members,
                FundingAllocation.rate_cents,
                FundingAllocation.amount_cents,
            ).where(FundingAllocation.enterprise_id == enterprise_id)
        ).all()
    }
    support = dict(
        session.exec(
            select(FundingSupport.year, func.sum(FundingSupport.amount_cents))
            .where(FundingSupport.enterprise_id == enterprise_id)
            .group_by(FundingSupport.year)
        ).all()
    )
    spend_year = cast(extract("year", FundingSpending.date), Integer)
    spent = {
        int(year): cents
        for year, cents in session.exec(
            select(spend_year, func.sum(FundingSpending.amount_cents))
            .where(FundingSpending.enterprise_id == enterprise_id)
            .group_by(spend_year)
        ).all()
    }
    rows: Rows = []
    for year in sorted(allocated.keys() | support.keys() | spent.keys()):
        members, rate, amount = allocated.get(year, (None, None, 0))
        got, out = int(support.get(year) or 0), int(spent.get(year) or 0)
        rows.append(
            {
                "year": year,
                "members": members,
                "rate": yuan(rate) if rate else None,
                "amount": yuan(amount),
                "support": yuan(got),
                "spent": yuan(out),
                "balance": yuan(amount + got - out),
            }
        )
    return rows


# --- meetings ---------------------------------------------------------------------------


def meetings_on_problems(session: Session, enterprise_id: int) -> Rows:
    """Each meeting that took up one of its problems (at a joint meeting: a referral), with
    the note, and the outcome once the meeting decided."""
    found = session.exec(
        select(MeetingProblem, Meeting, Problem.description, Problem.status, GuidanceGroup.name)
        .join(Meeting, Meeting.id == MeetingProblem.meeting_id)
        .join(Problem, Problem.id == MeetingProblem.problem_id)
        .outerjoin(GuidanceGroup, GuidanceGroup.id == Meeting.group_id)
        .where(Problem.enterprise_id == enterprise_id)
    ).all()
    rows = [
        {
            "meeting_id": m.id,
            "date": m.date.isoformat(),
            "kind": m.kind,
            "group": group or "",
            "title": m.title or "",
            "problem_id": link.problem_id,
            "problem": description,
            "problem_status": status,
            "note": link.note or "",
            "outcome": link.outcome or "",
            "outcome_on": link.outcome_on.isoformat() if link.outcome_on else "",
        }
        for link, m, description, status, group in found
    ]
    # Sorted here, not in SQL: an ORDER BY meeting.date invites the planner to walk every
    # meeting by date instead of starting from this enterprise's problems.
    return sorted(rows, key=lambda r: (r["date"], r["meeting_id"], r["problem_id"]))  # type: ignore[return-value]


# --- welfare, resources, brands, belt ---------------------------------------------------


def welfare_claims(session: Session, enterprise_id: int) -> Rows:
    found = session.exec(
        select(WelfareClaim, WelfareProject.name, WelfareProject.category)
        .join(WelfareProject, WelfareProject.id == WelfareClaim.project_id)
        .where(WelfareClaim.enterprise_id == enterprise_id)
        .order_by(WelfareClaim.claimed_on, WelfareClaim.id)
    ).all()
    return [
        {
            "id": c.id,
            "project": project,
            "category": category or "",
            "claimed": c.claimed_on.isoformat(),
            "completed": c.completed_on.isoformat() if c.completed_on else "",
            "participants": c.participants,
            "note": c.note or "",
        }
        for c, project, category in found
    ]


def resources_owned(session: Session, enterprise_id: int) -> Rows:
    """The shared venues it opens to others, with how often others used them."""
    uses = (
        select(func.count(ResourceUse.id))
        .where(ResourceUse.resource_id == Resource.id)
        .scalar_subquery()
    )
    found = session.exec(
        select(Resource, Grid.code, uses)
        .join(Grid, Grid.id == Resource.grid_id)
        .where(Resource.owner_id == enterprise_id)
        .order_by(Resource.name)
    ).all()
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "grid": gcode,
            "capacity": r.capacity,
            "terms": r.terms or "",
            "address": r.address or "",
            "uses": n,
        }
        for r, gcode, n in found
    ]


def resource_uses(session: Session, enterprise_id: int) -> Rows:
    """Its uses of others' resources (an owner's own use is never recorded)."""
    found = session.exec(
        select(ResourceUse, Resource.name, Enterprise.name)
        .join(Resource, Resource.id == ResourceUse.resource_id)
        .outerjoin(Enterprise, Enterprise.id == Resource.owner_id)
        .where(ResourceUse.enterprise_id == enterprise_id)
        .order_by(ResourceUse.date, ResourceUse.id)
    ).all()
    return [
        {
            "id": u.id,
            "date": u.date.isoformat(),
            "resource": rname,
            "owner": owner or "",
            "purpose": u.purpose,
            "participants": u.participants,
        }
        for u, rname, owner in found
    ]


def brands(session: Session, enterprise_id: int) -> Rows:
    found = session.exec(
        select(Brand).where(Brand.enterprise_id == enterprise_id).order_by(Brand.name)
    ).all()
    return [
        {"id": b.id, "name": b.name, "since": b.since_year, "description": b.description or ""}
        for b in found
    ]


def belt_places(session: Session, enterprise_id: int) -> Rows:
    """Its place on each demonstration belt it is a site of: the stop, how many stops the
    belt has, and the sites before and after it."""
    rows: Rows = []
    for site in session.exec(
        select(BeltSite).where(BeltSite.enterprise_id == enterprise_id).order_by(BeltSite.belt)
    ).all():
        stops = session.exec(
            select(func.count()).select_from(BeltSite).where(BeltSite.belt == site.belt)
        ).one()
        rows.append(
            {
                "belt": site.belt,
                "position": site.position,
                "stops": int(stops),
                "previous": _site_at(session, site.belt, site.position - 1),
                "next": _site_at(session, site.belt, site.position + 1),
                "feature": site.feature or "",
            }
        )
    return rows


def _site_at(session: Session, belt: str, position: int) -> str:
    name = session.exec(
        select(Enterprise.name)
        .join(BeltSite, BeltSite.enterprise_id == Enterprise.id)
        .where(BeltSite.belt == belt, BeltSite.position == position)
    ).first()
    return name or ""
