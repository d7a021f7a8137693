"""One file per enterprise (一企一档): its facts and everything recorded about it, as data;
here its facts and organisation (chain, brands, places on the demonstration belts), the
other sections in reports.dossier_sections.

`enterprise show` prints it (cli/dossier_view.py) and `report dossier` writes it as a
workbook (reports/dossier_book.py). Every section reads only this enterprise's rows, through
an index on its enterprise column (or on the problem, meeting, resource or belt it leads
to): the dossier of one enterprise costs the same in a ledger of 100 or of 100,000
enterprises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.ledger.models import Enterprise, Grid, Supervisor
from gridctl.ledger.models.organisation import BeltSite, Brand, Chain
from gridctl.ledger.models.typed import id_of
from gridctl.organisation.chains import kind_of
from gridctl.registers.lookup import find_enterprise
from gridctl.registers.members import MemberStep, history_of, members_in_force
from gridctl.reports.dossier_sections import (
    ClaimLine,
    FundingYear,
    MeetingOnProblem,
    SharedResource,
    UseLine,
    funding_years,
    meetings_on_problems,
    resource_uses,
    resources_owned,
    welfare_claims,
)
from gridctl.work.activities import ActivityRow, activity_rows
from gridctl.work.problems import ProblemRow, problem_rows
from gridctl.work.visits import VisitRow, visit_rows


@dataclass(frozen=True, slots=True)
class BrandLine:
    """A party-building brand of the enterprise."""

    id: int
    name: str
    since: int | None
    description: str


@dataclass(frozen=True, slots=True)
class BeltPlace:
    """Its stop on a demonstration belt: how many stops the belt has, the sites either side."""

    belt: str
    position: int
    stops: int
    previous: str
    next: str
    feature: str


@dataclass(frozen=True, slots=True)
class ChainFacts:
    """The chain committee or alliance the enterprise is in, and whether it leads it."""

    chain_kind: str
    chain_lead: bool
    chain_lead_enterprise: str


@dataclass(frozen=True, slots=True)
class Dossier:
    """An enterprise's facts, then a list of rows per kind of record (empty when none)."""

    name: str
    credit_code: str
    bad_check_reason: str
    grid: str
    grid_name: str
    level1_grid: str
    chain: str
    chain_kind: str
    chain_lead: bool
    chain_lead_enterprise: str
    party_org: str
    members: int
    members_in_force: int
    supervisor: str
    supervisor_name: str
    visit_class: str
    core: bool
    safety_grid: str
    order_grid: str
    market_grid: str
    status: str
    visits: list[VisitRow]
    problems: list[ProblemRow]
    activities: list[ActivityRow]
    member_history: list[MemberStep]
    funding: list[FundingYear]
    meetings: list[MeetingOnProblem]
    welfare_claims: list[ClaimLine]
    resources: list[SharedResource]
    resource_uses: list[UseLine]
    brands: list[BrandLine]
    belt: list[BeltPlace]


def find(session: Session, ref: str) -> Enterprise:
    """The enterprise a dossier is asked for, by credit code or name."""
    return find_enterprise(session, ref)


def dossier(session: Session, ref: str, *, today: date | None = None) -> Dossier:
    """The dossier of the enterprise `ref` names; members as in force on `today`."""
    firm = find(session, ref)
    eid = id_of(firm)
    grid = session.get(Grid, firm.grid_id)
    parent = session.get(Grid, grid.parent_id) if grid and grid.parent_id else None
    contact = session.get(Supervisor, firm.supervisor_id) if firm.supervisor_id else None
    # The register's figure is a cache of the count in force today: read the history.
    in_force = members_today(session, firm, today or date.today())
    chain = chain_facts(session, firm)
    key = firm.credit_code or firm.name
    return Dossier(
        name=firm.name,
        credit_code=firm.credit_code or "",
        bad_check_reason=firm.bad_check_reason or "",
        grid=grid.code if grid else "",
        grid_name=grid.name if grid else "",
        level1_grid=parent.code if parent else "",
        chain=firm.chain or "",
        chain_kind=chain.chain_kind,
        chain_lead=chain.chain_lead,
        chain_lead_enterprise=chain.chain_lead_enterprise,
        party_org=firm.party_org,
        members=in_force,
        members_in_force=in_force,
        supervisor=contact.code if contact else "",
        supervisor_name=contact.name if contact else "",
        visit_class=firm.visit_class or "",
        core=firm.is_core,
        safety_grid=firm.safety_grid or "",
        order_grid=firm.order_grid or "",
        market_grid=firm.market_grid or "",
        status=firm.status,
        visits=visit_rows(session, enterprise=key),
        problems=problem_rows(session, enterprise_id=firm.id),
        activities=activity_rows(session, enterprise=key),
        member_history=history_of(session, firm),
        funding=funding_years(session, eid),
        meetings=meetings_on_problems(session, eid),
        welfare_claims=welfare_claims(session, eid),
        resources=resources_owned(session, eid),
        resource_uses=resource_uses(session, eid),
        brands=brands(session, eid),
        belt=belt_places(session, eid),
    )


def chain_facts(session: Session, firm: Enterprise) -> ChainFacts:
    """The chain committee or alliance the enterprise is in, and whether it leads it."""
    if not firm.chain:
        return ChainFacts(chain_kind="", chain_lead=False, chain_lead_enterprise="")
    found = session.exec(
        select(Chain.lead_enterprise_id, Enterprise.name)
        .outerjoin(Enterprise, col(Enterprise.id) == col(Chain.lead_enterprise_id))
        .where(col(Chain.code) == firm.chain)
    ).first()
    lead_id, lead_name = found or (None, None)
    return ChainFacts(
        chain_kind=kind_of(firm.chain),
        chain_lead=lead_id == firm.id,
        chain_lead_enterprise=lead_name or "",
    )


def members_today(session: Session, firm: Enterprise, today: date) -> int:
    """Its members in force on `today`, from the dated member history."""
    return int(
        session.exec(select(members_in_force(today)).where(col(Enterprise.id) == firm.id)).one()
    )


# --- organisation: brands and belts ---------------------------------------------------


def brands(session: Session, enterprise_id: int) -> list[BrandLine]:
    found = session.exec(
        select(Brand).where(col(Brand.enterprise_id) == enterprise_id).order_by(col(Brand.name))
    ).all()
    return [BrandLine(id_of(b), b.name, b.since_year, b.description or "") for b in found]


def belt_places(session: Session, enterprise_id: int) -> list[BeltPlace]:
    """Its place on each demonstration belt it is a site of: the stop, how many stops the
    belt has, and the sites before and after it."""
    rows = []
    for site in session.exec(
        select(BeltSite)
        .where(col(BeltSite.enterprise_id) == enterprise_id)
        .order_by(col(BeltSite.belt))
    ).all():
        stops = session.exec(
            select(func.count()).select_from(BeltSite).where(col(BeltSite.belt) == site.belt)
        ).one()
        rows.append(
            BeltPlace(
                belt=site.belt,
                position=site.position,
                stops=int(stops),
                previous=_site_at(session, site.belt, site.position - 1),
                next=_site_at(session, site.belt, site.position + 1),
                feature=site.feature or "",
            )
        )
    return rows


def _site_at(session: Session, belt: str, position: int) -> str:
    name = session.exec(
        select(Enterprise.name)
        .join(BeltSite, col(BeltSite.enterprise_id) == col(Enterprise.id))
        .where(col(BeltSite.belt) == belt, col(BeltSite.position) == position)
    ).first()
    return name or ""
