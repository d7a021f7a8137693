"""The enterprises import kind: enterprises by credit code (else by name), with their grid,
party organisation, members, contact supervisor, visiting class and grid networks.

A row's name and credit code must not point at two different enterprises. Members of an
existing enterprise are a dated change of the member history (gridctl.registers.members).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from gridctl import uscc, vocab
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.imports.cells import code as code_
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    choice,
    count,
    yes_no,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import current_rows, records, upsert
from gridctl.ledger.models import Enterprise, Grid, Supervisor
from gridctl.ledger.models.typed import table_of
from gridctl.registers.enterprises import (
    CreditCode,
    check_credit_code,
    check_enterprise_grid,
    parse_visit_class,
)
from gridctl.registers.members import history_on, members_today, record_changes

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
    if grid is not None:
        try:
            check_enterprise_grid(grid.code, grid.level)
        except Invalid:  # the rule as the file's reader is told it
            row.error("grid", t("imp.enterprise.grid_level"), grid.code)
    rec["grid_id"] = grid.id if grid else None
    org = row.get("party_org", "none")
    if row.has("party_org"):
        rec["party_org"] = org
    if row.has("class"):
        rec["visit_class"] = parse_visit_class(row.get("class"), org)
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
    (members.record_changes), and the register then shows it. One query for the history."""
    current = current_rows(session, Enterprise, "id", ENTERPRISE_FIELDS)
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
            "visit_class": parse_visit_class(None, rec.get("party_org", "none")),
            "created_at": ctx.now,
        }

    counts = upsert(
        session,
        table_of(Enterprise),
        recs,
        match=match,
        defaults=defaults,
        dry_run=ctx.dry_run,
    )
    if changes and not ctx.dry_run:
        record_changes(session, changes, day=day, history=history, now=ctx.now)
    return counts


def _export_enterprises(session: Session) -> Iterator[dict[str, object]]:
    grid = aliased(Grid, name="g")
    contact = aliased(Supervisor, name="contact")
    query = (
        select(Enterprise, col(grid.code), col(contact.code), members_today())
        .join(grid, col(grid.id) == Enterprise.grid_id)
        .outerjoin(contact, col(contact.id) == Enterprise.supervisor_id)
        .order_by(col(Enterprise.name))
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
        Column("credit_code", "统一社会信用代码", False, code_(40)),
        Column("grid", "网格", True, code_(32)),
        Column("chain", "产业链", False, choice(vocab.CHAIN), vocab=vocab.CHAIN),
        Column("party_org", "党组织类型", False, choice(vocab.PARTY_ORG), vocab=vocab.PARTY_ORG),
        Column("members", "党员人数", False, count),
        Column("supervisor", "联系指导员", False, ref_()),
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
        Column("safety_grid", "安全网格", False, code_(32)),
        Column("order_grid", "综治网格", False, code_(32)),
        Column("market_grid", "市场监管网格", False, code_(32)),
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
