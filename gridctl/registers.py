"""The registers: add and list grids, groups, supervisors and enterprises; resolve references.

Services take a session, never commit, never print. References follow CLI.md: a grid by
code, a group by name, a supervisor by code or unambiguous name, an enterprise by credit code
or unambiguous name (an exact name first, else a unique part of one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Column, func, or_
from sqlmodel import Session, col, select

from gridctl import textsafe, uscc, vocab
from gridctl.errors import Ambiguous, Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Problem, Supervisor, Visit


def _required(field: str, value: str | None, column: Column | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise Invalid(field, value or "", t("detail.empty"))
    if textsafe.has_unsafe_chars(text):
        raise Invalid(field, textsafe.escaped(text), t("detail.control_chars"))
    limit = getattr(column.type, "length", None) if column is not None else None
    if limit and len(text) > limit:
        raise Invalid(field, textsafe.escaped(text), t("detail.too_long", limit=limit))
    return text


# --- resolving references -------------------------------------------------------------


def find_grid(session: Session, code: str, field: str = "--grid") -> Grid:
    grid = session.exec(select(Grid).where(Grid.code == code.strip())).first()
    if grid is None:
        raise NotFound(field, code, t("detail.grid_ref"))
    return grid


def find_group(session: Session, name: str, field: str = "--group") -> GuidanceGroup:
    group = session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name.strip())).first()
    if group is None:
        raise NotFound(field, name, t("detail.group_ref"))
    return group


def find_supervisor(session: Session, ref: str, field: str = "--supervisor") -> Supervisor:
    ref = ref.strip()
    by_code = session.exec(select(Supervisor).where(Supervisor.code == ref)).first()
    if by_code is not None:
        return by_code
    matches = session.exec(select(Supervisor).where(Supervisor.name == ref)).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Ambiguous(field, ref, [f"{s.code} {s.name}" for s in matches])
    raise NotFound(field, ref, t("detail.supervisor_ref"))


def find_enterprise(session: Session, ref: str, field: str = "--enterprise") -> Enterprise:
    ref = ref.strip()
    code = uscc.normalise(ref)
    exact = session.exec(
        select(Enterprise).where(or_(Enterprise.credit_code == code, Enterprise.name == ref))
    ).first()
    if exact is not None:
        return exact
    pattern = "%" + ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    matches = session.exec(
        select(Enterprise).where(col(Enterprise.name).like(pattern, escape="\\")).limit(11)
    ).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Ambiguous(field, ref, [f"{e.name} ({e.credit_code or '-'})" for e in matches[:10]])
    raise NotFound(field, ref, t("detail.enterprise_ref"))


# --- grids ------------------------------------------------------------------------------


def add_grid(session: Session, *, code: str, name: str, parent: str | None = None) -> Grid:
    code = _required("code", code, Grid.__table__.c.code)
    name = _required("name", name, Grid.__table__.c.name)
    if session.exec(select(Grid).where(Grid.code == code)).first():
        raise Conflict("code", code, t("detail.grid_exists"))
    parent_grid = find_grid(session, parent, "--parent") if parent else None
    if parent_grid is not None and parent_grid.level != 1:
        raise Invalid("--parent", parent, t("detail.parent_level1"))
    grid = Grid(
        code=code,
        name=name,
        level=2 if parent_grid else 1,
        parent_id=parent_grid.id if parent_grid else None,
    )
    session.add(grid)
    session.flush()
    return grid


def list_grids(session: Session) -> list[dict[str, object]]:
    parent = Grid.__table__.alias("parent")
    enterprises = (
        select(func.count(Enterprise.id)).where(Enterprise.grid_id == Grid.id).scalar_subquery()
    )
    rows = session.exec(
        select(Grid.code, Grid.name, Grid.level, parent.c.code, enterprises)
        .outerjoin(parent, parent.c.id == Grid.parent_id)
        .order_by(func.coalesce(parent.c.code, Grid.code), Grid.level, Grid.code)
    ).all()
    return [
        {"code": c, "name": n, "level": lv, "parent": p or "", "enterprises": e}
        for c, n, lv, p, e in rows
    ]


# --- groups -----------------------------------------------------------------------------


def add_group(
    session: Session, *, name: str, grid: str | None = None, leader: str | None = None
) -> GuidanceGroup:
    name = _required("name", name, GuidanceGroup.__table__.c.name)
    if session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name)).first():
        raise Conflict("name", name, t("detail.group_exists"))
    grid_row = find_grid(session, grid) if grid else None
    if grid_row is not None and grid_row.level != 1:
        raise Invalid("--grid", grid, t("detail.group_level1"))
    group = GuidanceGroup(name=name, grid_id=grid_row.id if grid_row else None)
    session.add(group)
    session.flush()
    if leader:
        set_leader(session, group=group, leader=leader)
    return group


def set_leader(session: Session, *, group: GuidanceGroup, leader: str) -> None:
    """A group's leader must be one of its own supervisors."""
    person = find_supervisor(session, leader, "--leader")
    if person.group_id != group.id:
        raise Invalid("--leader", leader, t("detail.leader_own", group=group.name))
    group.leader_id = person.id
    session.add(group)
    session.flush()


def list_groups(session: Session) -> list[dict[str, object]]:
    leader = Supervisor.__table__.alias("leader")
    members = (
        select(func.count(Supervisor.id))
        .where(Supervisor.group_id == GuidanceGroup.id, Supervisor.active)
        .scalar_subquery()
    )
    rows = session.exec(
        select(GuidanceGroup.name, Grid.code, leader.c.code, leader.c.name, members)
        .outerjoin(Grid, Grid.id == GuidanceGroup.grid_id)
        .outerjoin(leader, leader.c.id == GuidanceGroup.leader_id)
        .order_by(GuidanceGroup.id)  # creation order: 第一, 第二, … not by code point
    ).all()
    return [
        {
            "name": n,
            "grid": g or "",
            "leader": lc or "",
            "leader_name": ln or "",
            "supervisors": m,
        }
        for n, g, lc, ln, m in rows
    ]


# --- supervisors ------------------------------------------------------------------------


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


# --- enterprises ------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditCode:
    code: str | None
    bad_check_reason: str | None


def check_credit_code(
    raw: str | None, *, accept_bad_check: str | None = None, field: str = "--credit-code"
) -> CreditCode:
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
    raise Invalid(field, raw, why + (hint if uscc.is_bad_checksum_only(code) else ""))


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
) -> dict[str, object]:
    """Column values for the fields given (None = not given; an empty text clears it)."""
    values: dict[str, object] = {}
    if grid is not None:
        grid_row = find_grid(session, grid)
        if grid_row.level != 2:
            raise Invalid("--grid", grid, t("detail.enterprise_level2"))
        values["grid_id"] = grid_row.id
    if chain is not None:
        values["chain"] = vocab.parse(vocab.CHAIN, chain, "--chain") if chain.strip() else None
    if party_org is not None:
        values["party_org"] = vocab.parse(vocab.PARTY_ORG, party_org, "--party-org")
    if members is not None:
        if members < 0:
            raise Invalid("--members", members, t("detail.not_negative"))
        values["members"] = members
    if supervisor is not None:
        values["supervisor_id"] = (
            find_supervisor(session, supervisor).id if supervisor.strip() else None
        )
    if visit_class is not None:
        values["visit_class"] = vocab.parse(vocab.VISIT_CLASS, visit_class, "--visit-class")
    if is_core is not None:
        values["is_core"] = is_core
    if status is not None:
        values["status"] = vocab.parse(vocab.ENTERPRISE_STATUS, status, "--status")
    for key, text in (networks or {}).items():
        if text is not None:
            values[key] = text.strip() or None
    return values


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
            raise Conflict("--credit-code", code, t("detail.code_taken", name=other.name))


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
    name = _required("name", name, Enterprise.__table__.c.name)
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
    values["visit_class"] = parse_visit_class(visit_class, str(values["party_org"]))
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
    members_from: date | None = None,
    today: date | None = None,
    **fields: object,
) -> tuple[Enterprise, list[str]]:
    """Change the fields given; returns the enterprise and the names of what changed.

    Members are a dated change of the member history (funding.set_members), effective
    `members_from` (default today): the register shows the count in force today.
    """
    firm = find_enterprise(session, ref, "ENTERPRISE")
    new_name = _required("--name", name) if name is not None else None
    code = (
        check_credit_code(credit_code, accept_bad_check=accept_bad_check_code)
        if credit_code is not None
        else None
    )
    _check_unique_enterprise(
        session, name=new_name, code=code.code if code else None, own_id=firm.id
    )
    values = _enterprise_values(session, **fields)  # type: ignore[arg-type]
    if new_name is not None:
        values["name"] = new_name
    if code is not None:
        values["credit_code"] = code.code
        values["bad_check_reason"] = code.bad_check_reason
    order = list(values)
    members = values.pop("members", None)
    changed = [k for k, v in values.items() if getattr(firm, k) != v]
    for key in changed:
        setattr(firm, key, values[key])
    session.add(firm)
    session.flush()
    if members is not None:
        from gridctl import funding

        change = funding.set_members(
            session,
            enterprise=firm,
            members=int(members),  # type: ignore[call-overload]
            effective_from=members_from or today or date.today(),
            today=today,
            field="--members",
            skip_same=True,
        )
        if change.action != "unchanged":
            changed = sorted([*changed, "members"], key=order.index)
    return firm, changed


def parse_visit_class(text: str | None, party_org: str) -> str:
    """The class given, or the default: monthly with a party organisation, else quarterly."""
    if text and text.strip():
        return vocab.parse(vocab.VISIT_CLASS, text, "--visit-class")
    return "quarterly" if party_org == "none" else "monthly"


def enterprise_rows(
    session: Session, *, grid: str | None = None, chain: str | None = None
) -> list[dict[str, object]]:
    from gridctl.funding import members_today

    contact = Supervisor.__table__.alias("contact")
    query = (
        select(Enterprise, Grid.code, contact.c.code, members_today())
        .join(Grid, Grid.id == Enterprise.grid_id)
        .outerjoin(contact, contact.c.id == Enterprise.supervisor_id)
        .order_by(Grid.code, Enterprise.name)
    )
    if grid:
        g = find_grid(session, grid)
        # A level-1 grid lists the enterprises of all its level-2 grids.
        query = query.where(or_(Grid.id == g.id, Grid.parent_id == g.id))
    if chain:
        query = query.where(Enterprise.chain == vocab.parse(vocab.CHAIN, chain, "--chain"))
    return [_enterprise_row(*row) for row in session.exec(query).all()]


def _enterprise_row(
    e: Enterprise, grid_code: str, supervisor_code: str | None, members: int
) -> dict[str, object]:
    """`members`: the count in force today (the member history's, see gridctl.funding)."""
    return {
        "name": e.name,
        "credit_code": e.credit_code or "",
        "grid": grid_code,
        "chain": e.chain or "",
        "party_org": e.party_org,
        "members": members,
        "supervisor": supervisor_code or "",
        "visit_class": e.visit_class or "",
        "status": e.status,
    }
