"""Import specs of the registers: grids, groups, supervisors, enterprises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import uscc, vocab
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
    choice,
    count,
    yes_no,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records, upsert
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Supervisor
from gridctl.registers.enterprises import CreditCode, check_credit_code, parse_visit_class
from gridctl.registers.groups import list_groups
from gridctl.registers.members import history_on, members_today, record_changes
from gridctl.registers.supervisors import supervisor_rows


def _current(session: Session, model: Any, key: str, fields: list[str]) -> dict[Any, dict]:
    """The ledger's rows of `model` by natural key, as dicts of `fields` (plus id)."""
    cols = [model.id, *(getattr(model, f) for f in fields)]
    names = ["id", *fields]
    out = {}
    for values in session.execute(select(*cols)):
        row = dict(zip(names, values, strict=True))
        out[row[key]] = row
    return out


# --- grids --------------------------------------------------------------------------------


def _resolve_grid(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"code": row.get("code"), "name": row.get("name")}
    if row.has("parent"):
        parent = row.get("parent")
        rec["_parent"] = parent
        rec["level"] = 2 if parent else 1
        known = refs.grid_or_none(parent) if parent else None
        if known is not None and known.level != 1:
            row.error("parent", t("imp.grid.parent_level"), parent)
        existing = refs.grid_or_none(rec["code"]) if rec["code"] else None
        if existing is not None and existing.level != rec["level"]:
            row.error("parent", t("imp.grid.level_change", level=existing.level), parent or "")
    return None if row.errors else rec


def _check_grids(recs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]) -> list[RowError]:
    """A parent named in the file must be a level-1 grid of the file or the ledger."""
    in_file = {rec["code"]: rec for _, rec in recs}
    column = labels.get("parent", "parent")
    errors = []
    for line, rec in recs:
        parent = rec.get("_parent")
        if not parent or refs.grid_or_none(parent) is not None:
            continue
        if parent == rec["code"] or parent not in in_file:
            errors.append(
                RowError(line, column, t("imp.ref.unknown", what=t("imp.what.grid")), parent)
            )
        elif in_file[parent].get("_parent"):
            errors.append(RowError(line, column, t("imp.grid.parent_level"), parent))
    return errors


def _write_grids(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    recs = records(chunks)
    total = Counts()
    # Level-1 grids first: level-2 grids of the same file point at them.
    for level_one in (True, False):
        current = _current(session, Grid, "code", ["code", "name", "level", "parent_id"])
        rows = []
        for rec in recs:
            if (not rec.get("_parent")) != level_one:
                continue
            row = {k: v for k, v in rec.items() if k != "_parent"}
            if "level" in rec:
                parent = current.get(rec["_parent"]) if rec["_parent"] else None
                row["parent_id"] = parent["id"] if parent else None
            rows.append(row)
        counts = upsert(
            session,
            Grid.__table__,  # type: ignore[arg-type]
            rows,
            match=lambda r, cur=current: cur.get(r["code"]),
            defaults=lambda r: {"level": 1, "parent_id": None},
            dry_run=ctx.dry_run,
        )
        _add(total, counts)
    return total


def _export_grids(session: Session) -> Iterator[dict[str, object]]:
    parent = Grid.__table__.alias("parent")  # type: ignore[attr-defined]
    query = (
        select(Grid.code, Grid.name, parent.c.code)
        .outerjoin(parent, parent.c.id == Grid.parent_id)
        .order_by(Grid.code)
    )
    for code, name, parent_code in session.execute(query):
        yield {"code": code, "name": name, "parent": parent_code or ""}


GRIDS = Spec(
    kind="grids",
    columns=(
        Column("code", "编码", True, name_(32)),
        Column("name", "名称", True, name_(100)),
        Column("parent", "上级网格", False, name_(32)),
    ),
    resolve=_resolve_grid,
    keys=(("code", lambda r: r["code"]),),
    write=_write_grids,
    export=_export_grids,
    check_all=_check_grids,
)


def _add(total: Counts, counts: Counts) -> None:
    total.inserted += counts.inserted
    total.updated += counts.updated
    total.unchanged += counts.unchanged


# --- groups -------------------------------------------------------------------------------


def _resolve_group(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"name": row.get("name")}
    if row.has("grid"):
        grid = row.ref("grid", refs.grid, "grid") if row.get("grid") else None
        if grid is not None and grid.level != 1:
            row.error("grid", t("imp.group.grid_level"), grid.code)
        rec["grid_id"] = grid.id if grid else None
    if row.has("leader"):
        leader = row.ref("leader", refs.supervisor, "supervisor") if row.get("leader") else None
        group = refs.group_or_none(rec["name"]) if rec["name"] else None
        if leader is not None and (group is None or leader.group_id != group.id):
            row.error("leader", t("imp.group.leader", group=rec["name"]), row.get("leader"))
        rec["leader_id"] = leader.id if leader else None
    return None if row.errors else rec


def _write_groups(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    current = _current(session, GuidanceGroup, "name", ["name", "grid_id", "leader_id"])
    return upsert(
        session,
        GuidanceGroup.__table__,  # type: ignore[arg-type]
        records(chunks),
        match=lambda r: current.get(r["name"]),
        defaults=lambda r: {},
        dry_run=ctx.dry_run,
    )


def _export_groups(session: Session) -> Iterator[dict[str, object]]:
    for rec in list_groups(session):
        yield {"name": rec["name"], "grid": rec["grid"], "leader": rec["leader"]}


GROUPS = Spec(
    kind="groups",
    columns=(
        Column("name", "名称", True, name_(100)),
        Column("grid", "网格", False, name_(32)),
        Column("leader", "组长", False, name_()),
    ),
    resolve=_resolve_group,
    keys=(("name", lambda r: r["name"]),),
    write=_write_groups,
    export=_export_groups,
)


# --- supervisors --------------------------------------------------------------------------


def _resolve_supervisor(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"code": row.get("code"), "name": row.get("name")}
    group = row.ref("group", refs.group, "group")
    if group is not None:
        rec["group_id"] = group.id
        existing = refs.supervisor_or_none(rec["code"]) if rec["code"] else None
        leads = [g for g in refs.group_by_id().values() if existing and g.leader_id == existing.id]
        if leads and leads[0].id != group.id:
            row.error("group", t("imp.supervisor.leads", group=leads[0].name), row.get("group"))
    if row.has("kind"):
        rec["kind"] = row.get("kind", "full-time")
    if row.has("phone"):
        rec["phone"] = row.get("phone")
    if row.has("active"):
        rec["active"] = row.get("active", True)
    return None if row.errors else rec


def _write_supervisors(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    fields = ["code", "name", "group_id", "kind", "phone", "active"]
    current = _current(session, Supervisor, "code", fields)
    return upsert(
        session,
        Supervisor.__table__,  # type: ignore[arg-type]
        records(chunks),
        match=lambda r: current.get(r["code"]),
        defaults=lambda r: {"kind": "full-time", "phone": None, "active": True},
        dry_run=ctx.dry_run,
    )


def _export_supervisors(session: Session) -> Iterator[dict[str, object]]:
    for rec in supervisor_rows(session):
        yield {k: rec[k] for k in ("code", "name", "group", "kind", "phone", "active")}


SUPERVISORS = Spec(
    kind="supervisors",
    columns=(
        Column("code", "编号", True, name_(32)),
        Column("name", "姓名", True, name_(100)),
        Column("group", "指导组", True, name_(100)),
        Column("kind", "类型", False, choice(vocab.SUPERVISOR_KIND), vocab=vocab.SUPERVISOR_KIND),
        Column("phone", "电话", False, name_(32)),
        Column("active", "在岗", False, yes_no),
    ),
    resolve=_resolve_supervisor,
    keys=(("code", lambda r: r["code"]),),
    write=_write_supervisors,
    export=_export_supervisors,
)


# --- enterprises --------------------------------------------------------------------------

ENTERPRISE_FIELDS = [
    "name",
    "credit_code",
    "bad_check_reason",
    "grid_id",
    "chain",
    "party_org",
    "members",
    "supervisor_id",
    "visit_class",
    "is_core",
    "safety_grid",
    "order_grid",
    "market_grid",
    "status",
]
# Optional columns stored as they are: column key -> model field.
_PLAIN = {
    "chain": "chain",
    "members": "members",
    "core": "is_core",
    "safety_grid": "safety_grid",
    "order_grid": "order_grid",
    "market_grid": "market_grid",
    "status": "status",
}
_EMPTY = {"members": 0, "is_core": False, "status": "active"}


def _credit_code(row: Row) -> CreditCode | None:
    raw = row.get("credit_code")
    try:
        return check_credit_code(raw, accept_bad_check=row.get("check_code_exception"))
    except Invalid:
        code = uscc.normalise(raw)
        hint = t("imp.enterprise.exception_hint") if uscc.is_bad_checksum_only(code) else ""
        row.error("credit_code", (uscc.problem(code) or "") + hint, raw)
        return None


def _resolve_enterprise(row: Row, refs: Refs) -> dict[str, Any] | None:
    name = row.get("name")
    rec: dict[str, Any] = {"name": name}
    cc = _credit_code(row)
    if cc is not None and cc.code:
        rec["credit_code"] = cc.code
        rec["bad_check_reason"] = cc.bad_check_reason
    grid = row.ref("grid", refs.grid, "grid")
    if grid is not None and grid.level != 2:
        row.error("grid", t("imp.enterprise.grid_level"), grid.code)
    rec["grid_id"] = grid.id if grid else None
    org = row.get("party_org", "none")
    if row.has("party_org"):
        rec["party_org"] = org
    if row.has("class"):
        rec["visit_class"] = parse_visit_class(row.get("class"), org)
    rec["_class_default"] = parse_visit_class(None, org)
    if row.has("supervisor"):
        person = (
            row.ref("supervisor", refs.supervisor, "supervisor") if row.get("supervisor") else None
        )
        rec["supervisor_id"] = person.id if person else None
    for key, field in _PLAIN.items():
        if row.has(key):
            rec[field] = row.get(key, _EMPTY.get(field))
    if name and cc is not None:
        _check_identity(row, refs, rec)
    return None if row.errors else rec


def _check_identity(row: Row, refs: Refs, rec: dict[str, Any]) -> None:
    """The row's name and credit code must not point at two different enterprises."""
    by_name = refs.enterprise_by_name(rec["name"])
    code = rec.get("credit_code")
    by_code = refs.enterprise_by_code(code) if code else None
    if by_code is not None and by_name is not None and by_code.id != by_name.id:
        row.error("name", t("imp.enterprise.name_taken", code=by_name.credit_code or "-"))
    elif by_code is None and code and by_name is not None and by_name.credit_code:
        row.error("credit_code", t("imp.enterprise.other_code", code=by_name.credit_code), code)


def _write_enterprises(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    """Members of an existing enterprise are compared with the count in force on the import
    day; a changed count is a dated change of the member history effective that day
    (funding.record_changes), and the register then shows it. One query for the history."""
    current = _current(session, Enterprise, "id", ENTERPRISE_FIELDS)
    recs = records(chunks)
    day = ctx.now.astimezone().date()
    history = history_on(session, day) if any("members" in r for r in recs) else {}
    for row in current.values():
        known = history.get(row["id"])
        if known is not None:
            row["members"] = known.members
    changes: list[tuple[int, int, int]] = []
    by_code = {r["credit_code"]: r for r in current.values() if r["credit_code"]}
    by_name = {r["name"]: r for r in current.values()}

    def find(rec: dict[str, Any]) -> dict[str, Any] | None:
        code = rec.get("credit_code")
        if code and code in by_code:
            return by_code[code]
        old = by_name.get(rec["name"])
        return old if old is not None and (not code or not old["credit_code"]) else None

    def match(rec: dict[str, Any]) -> dict[str, Any] | None:
        old = find(rec)
        if old is not None and "members" in rec and rec["members"] != old["members"]:
            changes.append((old["id"], old["members"], rec["members"]))
        return old

    def defaults(rec: dict[str, Any]) -> dict[str, Any]:
        base = {f: None for f in ENTERPRISE_FIELDS}
        return {
            **base,
            **_EMPTY,
            "party_org": "none",
            "visit_class": rec["_class_default"],
            "created_at": ctx.now,
        }

    counts = upsert(
        session,
        Enterprise.__table__,  # type: ignore[arg-type]
        recs,
        match=match,
        defaults=defaults,
        dry_run=ctx.dry_run,
    )
    if changes and not ctx.dry_run:
        record_changes(session, changes, day=day, history=history, now=ctx.now)
    return counts


def _export_enterprises(session: Session) -> Iterator[dict[str, object]]:
    grid = Grid.__table__.alias("g")  # type: ignore[attr-defined]
    contact = Supervisor.__table__.alias("contact")  # type: ignore[attr-defined]
    query = (
        select(Enterprise, grid.c.code, contact.c.code, members_today())
        .join(grid, grid.c.id == Enterprise.grid_id)
        .outerjoin(contact, contact.c.id == Enterprise.supervisor_id)
        .order_by(Enterprise.name)
    )
    # Members: the count in force today, what a re-import compares with.
    for firm, grid_code, supervisor_code, members in session.execute(query):
        yield {
            "name": firm.name,
            "credit_code": firm.credit_code or "",
            "grid": grid_code,
            "chain": firm.chain or "",
            "party_org": firm.party_org,
            "members": members,
            "supervisor": supervisor_code or "",
            "class": firm.visit_class or "",
            "check_code_exception": firm.bad_check_reason or "",
            "core": firm.is_core,
            "safety_grid": firm.safety_grid or "",
            "order_grid": firm.order_grid or "",
            "market_grid": firm.market_grid or "",
            "status": firm.status,
        }


ENTERPRISES = Spec(
    kind="enterprises",
    columns=(
        Column("name", "企业名称", True, name_(200)),
        Column("credit_code", "统一社会信用代码", False, name_(40)),
        Column("grid", "网格", True, name_(32)),
        Column("chain", "产业链", False, choice(vocab.CHAIN), vocab=vocab.CHAIN),
        Column("party_org", "党组织类型", False, choice(vocab.PARTY_ORG), vocab=vocab.PARTY_ORG),
        Column("members", "党员人数", False, count),
        Column("supervisor", "联系指导员", False, name_()),
        Column(
            "class",
            "企业类别",
            False,
            choice(vocab.VISIT_CLASS),
            aliases=("visit_class",),
            vocab=vocab.VISIT_CLASS,
        ),
        Column(
            "check_code_exception",
            "校验位例外说明",
            False,
            text_(500),
            aliases=("bad_check_reason",),
        ),
        Column("core", "核心企业", False, yes_no),
        Column("safety_grid", "安全网格", False, name_(32)),
        Column("order_grid", "综治网格", False, name_(32)),
        Column("market_grid", "市场监管网格", False, name_(32)),
        Column(
            "status",
            "状态",
            False,
            choice(vocab.ENTERPRISE_STATUS),
            vocab=vocab.ENTERPRISE_STATUS,
        ),
    ),
    resolve=_resolve_enterprise,
    keys=(
        ("credit_code", lambda r: r.get("credit_code")),
        ("name", lambda r: r["name"]),
    ),
    write=_write_enterprises,
    export=_export_enterprises,
)
