"""Industry-chain committees (产业链党委) and the big-data / IT alliance (大数据信息技术联盟).

Membership is enterprise.chain (codes from vocab.CHAIN); the chain table keeps only what a
chain carries beyond it: the lead enterprise (of the alliance, or a committee's seat), the
committee's secretary and a note.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import Invalid
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.organisation import Chain
from gridctl.registers.lookup import find_enterprise
from gridctl.registers.members import members_today

ALLIANCES = {"big-data-it"}


def kind_of(code: str) -> str:
    return "alliance" if code in ALLIANCES else "committee"


@dataclass(frozen=True, slots=True)
class ChainRow:
    """A chain as `gridctl chain list` shows it: its members counted as of today."""

    code: str
    name: str
    kind: str
    enterprises: int
    organisations: int
    members: int
    lead: str
    secretary: str
    note: str


@dataclass(frozen=True, slots=True)
class ChainMember:
    """A member enterprise of a chain."""

    name: str
    credit_code: str
    grid: str
    party_org: str
    members: int
    core: bool


@dataclass(frozen=True, slots=True)
class ChainDetail(ChainRow):
    """A chain with its member enterprises (`gridctl chain show`)."""

    member_enterprises: list[ChainMember]


def _chain(text: str) -> str:
    return vocab.parse(vocab.CHAIN, text, "chain")


def _counts(session: Session) -> dict[str, tuple[int, int, int]]:
    """Per chain: enterprises, those with a party organisation, and party members today."""
    # Members: the count in force today (the member history's, see gridctl.registers.members).
    firms = (
        select(Enterprise.chain, Enterprise.party_org, members_today())
        .where(col(Enterprise.chain).is_not(None))
        .subquery("firms")
    )
    query = select(
        firms.c.chain,
        func.count(),
        func.sum(case((firms.c.party_org != "none", 1), else_=0)),
        func.coalesce(func.sum(firms.c.members), 0),
    ).group_by(firms.c.chain)
    return {
        code: (n, int(orgs or 0), int(members or 0))
        for code, n, orgs, members in session.execute(query).all()
    }


def chain_rows(session: Session) -> list[ChainRow]:
    counts = _counts(session)
    extras = {
        c.code: (c, lead)
        for c, lead in session.exec(
            select(Chain, Enterprise.name).outerjoin(
                Enterprise, col(Enterprise.id) == col(Chain.lead_enterprise_id)
            )
        ).all()
    }
    rows = []
    for code, zh in vocab.CHAIN.items():
        n, orgs, members = counts.get(code, (0, 0, 0))
        chain, lead = extras.get(code, (None, None))
        rows.append(
            ChainRow(
                code=code,
                name=zh,
                kind=kind_of(code),
                enterprises=n,
                organisations=orgs,
                members=members,
                lead=lead or "",
                secretary=(chain.secretary if chain else None) or "",
                note=(chain.note if chain else None) or "",
            )
        )
    return rows


def chain_detail(session: Session, ref: str) -> ChainDetail:
    code = _chain(ref)
    (row,) = [r for r in chain_rows(session) if r.code == code]
    firms = session.exec(
        select(Enterprise, Grid.code, members_today())
        .join(Grid, col(Grid.id) == col(Enterprise.grid_id))
        .where(Enterprise.chain == code)
        .order_by(col(Enterprise.name))
    ).all()
    members = [
        ChainMember(
            name=e.name,
            credit_code=e.credit_code or "",
            grid=gcode,
            party_org=e.party_org,
            members=count,
            core=e.is_core,
        )
        for e, gcode, count in firms
    ]
    return ChainDetail(**asdict(row), member_enterprises=members)


def check_lead(ref: str, name: str, member_of: str | None, code: str) -> None:
    """A chain's lead enterprise (field `lead`) is one of its members (set_chain's rule; the
    import's too)."""
    if member_of != code:
        raise Invalid(
            "lead",
            ref,
            t("detail.chain.lead_member", name=name, chain=vocab.show(vocab.CHAIN, code, lang())),
        )


def set_chain(
    session: Session,
    *,
    chain: str,
    lead: str | None = None,
    secretary: str | None = None,
    note: str | None = None,
) -> Chain:
    code = _chain(chain)
    row = session.exec(select(Chain).where(Chain.code == code)).first() or Chain(code=code)
    if lead is not None:
        firm = find_enterprise(session, lead, "lead")
        check_lead(lead, firm.name, firm.chain, code)
        row.lead_enterprise_id = firm.id
    if secretary is not None:
        row.secretary = secretary.strip() or None
    if note is not None:
        row.note = note.strip() or None
    session.add(row)
    session.flush()
    return row
