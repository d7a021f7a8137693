"""Import specs of the park's dated work records (issue 7): work diary entries, funding
support and spending, uses of shared resources.

Each row passes the rules of the command that records one (gridctl.diary, funding,
resources: their check functions), checked per row and across the file first, so a bad file
is refused whole with FILE:LINE reports. New funding rows and resource uses are created
through the services (which check them again); diary entries, which may be many, are added
in one batch per chunk after diary.check_entry passed on every row.

diary: natural key supervisor + date + text (内容). An entry is its text: an entry whose text
changed is a new entry. Visits appear in a diary by being visits (import them as visits);
the diary's own rows are the entries written with `gridctl diary add`.

funding: one row per support (补助) or spending (支出), as `gridctl funding support` and
`gridctl funding spend` record them. Natural key type + enterprise + date + amount + text
(说明: a support's reason, a spending's purpose). 年度 is a support's year (empty: the year of
its date); a spending counts in the year of its date, so a 年度 given on a spending row must be
that year. An import does not allocate: a spending must fit the year's balance (allocation +
support - spending), and a year that is not allocated yet has only its support; the refusal
says to run `gridctl funding allocate --year Y` first. Across the file, per organisation and
year: the file's new support rows are recorded first (support only adds to a balance), then
its new spending rows in file order, each within the balance the rows before it leave. A
support already recorded for another year is refused (an import does not move money between
years). Rows already in the ledger are unchanged; nothing is ever updated.

resource_uses: natural key resource + enterprise + date + purpose (用途); 参与人数 is the one
field an import updates. The rules of `gridctl resource use` (resources.check_use): not by the
resource's owner, not in the future, participants at least 1 and within the capacity.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import GridctlError, Invalid
from gridctl.funding.money import cents, parse_money, yuan
from gridctl.funding.support import (
    add_spending,
    add_support,
    balance_cents,
    check_balance,
    check_spending,
    check_support,
)
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    CellError,
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
    blame,
    cell_text,
    choice,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import FundingAllocation, FundingSpending, FundingSupport

FUNDING_FIELD = {
    "ENTERPRISE": "enterprise",
    "AMOUNT": "amount",
    "--year": "year",
    "--reason": "text",
    "--purpose": "text",
    "--date": "date",
}


def money(value: object) -> Decimal:
    """An amount of yuan exact to the cent, more than 0 (funding.parse_money's rules)."""
    try:
        return parse_money(cell_text(value), "")
    except Invalid as exc:
        raise CellError(exc.detail) from None


def _resolve_funding(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    kind, day, year = row.get("type"), row.get("date"), row.get("year")
    party_org = refs.session.execute(
        select(Enterprise.party_org).where(Enterprise.id == firm.id)
    ).scalar_one()
    given = {
        "party_org": party_org,
        "enterprise": row.get("enterprise"),
        "amount": row.get("amount"),
    }
    try:
        if kind == "support":
            amount, year, text = check_support(
                **given, year=day.year if year is None else year, reason=row.get("text")
            )
        else:
            amount, text = check_spending(
                **given, day=day, purpose=row.get("text"), today=refs.today
            )
    except GridctlError as exc:
        blame(row, FUNDING_FIELD, "amount", exc)
        return None
    if kind == "spending" and year is not None and year != day.year:
        row.error("year", t("imp.funding.spend_year", year=day.year), year)
        return None
    return {
        "_key": (kind, firm.id, day, cents(amount), text),
        "_enterprise": firm.credit_code or firm.name,
        "_year": year if kind == "support" else day.year,
        "_amount": amount,
    }


def _recorded(session: Session, key: tuple[Any, ...]) -> int | None:
    """The year a record with this natural key counts in, if the ledger has it."""
    kind, firm_id, day, amount, text = key
    if kind == "support":
        query = select(FundingSupport.year).where(
            FundingSupport.enterprise_id == firm_id,
            FundingSupport.granted_on == day,
            FundingSupport.amount_cents == amount,
            FundingSupport.reason == text,
        )
    else:
        query = select(FundingSpending.id).where(
            FundingSpending.enterprise_id == firm_id,
            FundingSpending.date == day,
            FundingSpending.amount_cents == amount,
            FundingSpending.purpose == text,
        )
    found = session.execute(query.limit(1)).scalar_one_or_none()
    return None if found is None else day.year if kind == "spending" else found


def _check_funding(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """Support kept in its year; every organisation's spending within its balance, with the
    file's new support counted first and its new spending in file order."""
    errors: list[RowError] = []
    new: list[tuple[int, Any]] = []
    for line, rec in pairs:
        year = _recorded(refs.session, rec["_key"])
        if year is None:
            new.append((line, rec))
        elif year != rec["_year"]:
            message = t("imp.funding.year_kept", year=year)
            errors.append(RowError(line, labels.get("year", "year"), message, str(rec["_year"])))
    left: dict[tuple[int, int], int] = {}
    for line, rec in sorted(new, key=lambda p: p[1]["_key"][0] != "support"):
        kind, firm_id, _, amount, _ = rec["_key"]
        purse = (firm_id, rec["_year"])
        if purse not in left:
            left[purse] = balance_cents(refs.session, *purse)
        if kind == "support":
            left[purse] += amount
            continue
        try:
            check_balance(rec["_amount"], amount, left[purse], rec["_year"])
        except Invalid:
            message = _overdrawn(refs.session, rec["_year"], left[purse])
            shown = str(rec["_amount"])
            errors.append(RowError(line, labels.get("amount", "amount"), message, shown))
        else:
            left[purse] -= amount
    return sorted(errors)


def _overdrawn(session: Session, year: int, left: int) -> str:
    allocated = session.execute(
        select(FundingAllocation.id).where(FundingAllocation.year == year).limit(1)
    ).first()
    key = "imp.funding.over_balance" if allocated else "imp.funding.not_allocated"
    return t(key, year=year, balance=yuan(left))


def _write_funding(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    # Support first (it only adds to a balance), then spending in file order.
    for rec in sorted(records(chunks), key=lambda r: r["_key"][0] != "support"):
        kind, _, day, _, text = rec["_key"]
        if _recorded(session, rec["_key"]) is not None:
            counts.unchanged += 1
            continue
        counts.inserted += 1
        if ctx.dry_run:
            continue
        if kind == "support":
            add_support(
                session,
                enterprise=rec["_enterprise"],
                amount=rec["_amount"],
                year=rec["_year"],
                reason=text,
                day=day,
            )
        else:
            add_spending(
                session, enterprise=rec["_enterprise"], amount=rec["_amount"], day=day, purpose=text
            )
    return counts


def _export_funding(session: Session) -> Iterator[dict[str, object]]:
    support = select(
        FundingSupport.granted_on,
        FundingSupport.id,
        Enterprise.name,
        FundingSupport.amount_cents,
        FundingSupport.year,
        FundingSupport.reason,
    ).join(Enterprise, Enterprise.id == FundingSupport.enterprise_id)
    spending = select(
        FundingSpending.date,
        FundingSpending.id,
        Enterprise.name,
        FundingSpending.amount_cents,
        FundingSpending.purpose,
    ).join(Enterprise, Enterprise.id == FundingSpending.enterprise_id)
    rows = [
        (
            day,
            0,
            ident,
            {
                "type": "support",
                "enterprise": firm,
                "amount": yuan(cents),
                "year": year,
                "date": day,
                "text": text,
            },
        )
        for day, ident, firm, cents, year, text in session.execute(support)
    ] + [
        (
            day,
            1,
            ident,
            {
                "type": "spending",
                "enterprise": firm,
                "amount": yuan(cents),
                "year": day.year,
                "date": day,
                "text": text,
            },
        )
        for day, ident, firm, cents, text in session.execute(spending)
    ]
    for *_, row in sorted(rows, key=lambda r: r[:3]):
        yield row


FUNDING = Spec(
    kind="funding",
    columns=(
        Column("type", "类型", True, choice(vocab.FUNDING_KIND), vocab=vocab.FUNDING_KIND),
        Column("enterprise", "企业", True, name_()),
        Column("amount", "金额", True, money),
        Column("year", "年度", False, count),
        Column("date", "日期", True, DATE),
        Column("text", "说明", True, text_(), aliases=("reason", "purpose")),
    ),
    resolve=_resolve_funding,
    keys=(("text", lambda r: r["_key"]),),
    write=_write_funding,
    export=_export_funding,
    check_all=_check_funding,
)
