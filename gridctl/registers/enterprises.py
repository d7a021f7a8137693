"""Enterprises (企业): identity, credit code, grid, party organisation, contact supervisor,
visiting class, the merged grid networks; and the enterprise register as listed.

Members are the dated member history's (gridctl.registers.members): a change of an
existing enterprise's count is a dated change there, and the register shows the count in
force today.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from gridctl import uscc, vocab
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid, Supervisor
from gridctl.ledger.models.typed import id_of, length_of
from gridctl.registers.lookup import find_enterprise, find_grid, find_supervisor
from gridctl.registers.members import check_members, members_today, set_members
from gridctl.textsafe import required


@dataclass(frozen=True)
class CreditCode:
    code: str | None
    bad_check_reason: str | None


def check_credit_code(raw: str | None, *, accept_bad_check: str | None = None) -> CreditCode:
    """A credit code as the ledger keeps it; a wrong check character only with a reason."""
    if raw is None or not raw.strip():
        return CreditCode(None, None)
    code = uscc.normalise(raw)
    why = uscc.problem(code)
    if why is None:
        return CreditCode(code, None)
    if uscc.is_bad_checksum_only(code) and accept_bad_check and accept_bad_check.strip():
        return CreditCode(code, accept_bad_check.strip())
    hint = t("detail.accept_hint")
    raise Invalid("credit_code", raw, why + (hint if uscc.is_bad_checksum_only(code) else ""))


NETWORK_GRIDS = ("safety_grid", "order_grid", "market_grid")


def _enterprise_values(
    session: Session,
    *,
    grid: str | None = None,
    chain: str | None = None,
    party_org: str | None = None,
    members: int | None = None,
    supervisor: str | None = None,
    visit_class: str | None = None,
    is_core: bool | None = None,
    status: str | None = None,
    networks: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """Column values for the fields given (None = not given; an empty text clears it)."""
    values: dict[str, Any] = {}
    if grid is not None:
        values["grid_id"] = _level2_grid(session, grid)
    if chain is not None:
        values["chain"] = vocab.parse(vocab.CHAIN, chain, "chain") if chain.strip() else None
    if party_org is not None:
        values["party_org"] = vocab.parse(vocab.PARTY_ORG, party_org, "party_org")
    if members is not None:
        values["members"] = check_members(members)
    if supervisor is not None:
        values["supervisor_id"] = (
            find_supervisor(session, supervisor).id if supervisor.strip() else None
        )
    if visit_class is not None:
        values["visit_class"] = vocab.parse(vocab.VISIT_CLASS, visit_class, "visit_class")
    if is_core is not None:
        values["is_core"] = is_core
    if status is not None:
        values["status"] = vocab.parse(vocab.ENTERPRISE_STATUS, status, "status")
    for key, text in (networks or {}).items():
        if text is not None:
            values[key] = text.strip() or None
    return values


def check_enterprise_grid(grid: str, level: int) -> None:
    """An enterprise belongs to a level-2 grid (`level`: the grid's)."""
    if level != 2:
        raise Invalid("grid", grid, t("detail.enterprise_level2"))


def _level2_grid(session: Session, grid: str) -> int:
    found = find_grid(session, grid)
    check_enterprise_grid(grid, found.level)
    return id_of(found)


def _check_unique_enterprise(
    session: Session, *, name: str | None, code: str | None, own_id: int | None = None
) -> None:
    if name is not None:
        other = session.exec(select(Enterprise).where(Enterprise.name == name)).first()
        if other is not None and other.id != own_id:
            raise Conflict("name", name, t("detail.enterprise_exists"))
    if code:
        other = session.exec(select(Enterprise).where(Enterprise.credit_code == code)).first()
        if other is not None and other.id != own_id:
            raise Conflict("credit_code", code, t("detail.code_taken", name=other.name))


def add_enterprise(
    session: Session,
    *,
    name: str,
    grid: str,
    credit_code: str | None = None,
    accept_bad_check_code: str | None = None,
    chain: str | None = None,
    party_org: str = "none",
    members: int = 0,
    supervisor: str | None = None,
    visit_class: str | None = None,
    is_core: bool = False,
    networks: dict[str, str | None] | None = None,
) -> Enterprise:
    name = required("name", name, length_of(Enterprise, "name"))
    code = check_credit_code(credit_code, accept_bad_check=accept_bad_check_code)
    _check_unique_enterprise(session, name=name, code=code.code)
    values = _enterprise_values(
        session,
        grid=grid,
        chain=chain,
        party_org=party_org,
        members=members,
        supervisor=supervisor,
        is_core=is_core,
        networks=networks,
    )
    values["visit_class"] = parse_visit_class(visit_class, values["party_org"])
    firm = Enterprise(
        name=name, credit_code=code.code, bad_check_reason=code.bad_check_reason, **values
    )
    session.add(firm)
    session.flush()
    return firm


def update_enterprise(
    session: Session,
    ref: str,
    *,
    name: str | None = None,
    credit_code: str | None = None,
    accept_bad_check_code: str | None = None,
    grid: str | None = None,
    chain: str | None = None,
    party_org: str | None = None,
    members: int | None = None,
    members_from: date | None = None,
    supervisor: str | None = None,
    visit_class: str | None = None,
    is_core: bool | None = None,
    status: str | None = None,
    networks: dict[str, str | None] | None = None,
    today: date | None = None,
) -> tuple[Enterprise, list[str]]:
    """Change the fields given; returns the enterprise and the names of what changed.

    `name` is the new name (refused as the field `new_name`: `ref` names the enterprise as
    it is). Members are a dated change of the member history (members.set_members),
    effective `members_from` (default today): the register shows the count in force today.
    """
    firm = find_enterprise(session, ref)
    new_name = required("new_name", name) if name is not None else None
    code = (
        check_credit_code(credit_code, accept_bad_check=accept_bad_check_code)
        if credit_code is not None
        else None
    )
    _check_unique_enterprise(
        session, name=new_name, code=code.code if code else None, own_id=firm.id
    )
    values = _enterprise_values(
        session,
        grid=grid,
        chain=chain,
        party_org=party_org,
        members=members,
        supervisor=supervisor,
        visit_class=visit_class,
        is_core=is_core,
        status=status,
        networks=networks,
    )
    if new_name is not None:
        values["name"] = new_name
    if code is not None:
        values["credit_code"] = code.code
        values["bad_check_reason"] = code.bad_check_reason
    order = list(values)
    values.pop("members", None)  # a dated change of the history, below
    changed = [k for k, v in values.items() if getattr(firm, k) != v]
    for key in changed:
        setattr(firm, key, values[key])
    session.add(firm)
    session.flush()
    if members is not None:
        change = set_members(
            session,
            enterprise=firm,
            members=members,
            effective_from=members_from or today or date.today(),
            today=today,
            skip_same=True,
        )
        if change.action != "unchanged":
            changed = sorted([*changed, "members"], key=order.index)
    return firm, changed


def parse_visit_class(text: str | None, party_org: str) -> str:
    """The class given, or the default: monthly with a party organisation, else quarterly."""
    if text and text.strip():
        return vocab.parse(vocab.VISIT_CLASS, text, "visit_class")
    return "quarterly" if party_org == "none" else "monthly"


@dataclass(frozen=True, slots=True)
class EnterpriseRow:
    """An enterprise as `enterprise list` shows it: `grid` and `supervisor` by code, `members`
    the count in force today (the member history's)."""

    name: str
    credit_code: str
    grid: str
    chain: str
    party_org: str
    members: int
    supervisor: str
    visit_class: str
    status: str


def _enterprise_filters(
    session: Session, grid: str | None, chain: str | None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if grid:
        g = find_grid(session, grid)
        # A level-1 grid lists the enterprises of all its level-2 grids.
        grids = select(Grid.id).where(or_(col(Grid.id) == g.id, col(Grid.parent_id) == g.id))
        where.append(col(Enterprise.grid_id).in_(grids))
    if chain:
        where.append(col(Enterprise.chain) == vocab.parse(vocab.CHAIN, chain, "chain"))
    return where


def enterprise_count(session: Session, *, grid: str | None = None, chain: str | None = None) -> int:
    where = _enterprise_filters(session, grid, chain)
    return int(session.exec(select(func.count()).select_from(Enterprise).where(*where)).one())


def enterprise_rows(
    session: Session,
    *,
    grid: str | None = None,
    chain: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[EnterpriseRow]:
    """The enterprises in park order (grid code, name, id), read in batches."""
    contact = aliased(Supervisor, name="contact")
    query = (
        select(Enterprise, Grid.code, col(contact.code), members_today())
        .join(Grid, col(Grid.id) == Enterprise.grid_id)
        .outerjoin(contact, col(contact.id) == Enterprise.supervisor_id)
        .where(*_enterprise_filters(session, grid, chain))
        .order_by(col(Grid.code), col(Enterprise.name), col(Enterprise.id))
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=1000)
    )
    for e, grid_code, supervisor_code, members in session.exec(query):
        yield EnterpriseRow(
            e.name,
            e.credit_code or "",
            grid_code,
            e.chain or "",
            e.party_org,
            members,
            supervisor_code or "",
            e.visit_class or "",
            e.status,
        )
