"""The funding import kind: support (补助) and spending (支出) of organisations' work funds.

One row per support or spending, as `gridctl funding support` and `gridctl funding spend`
record them, passing the same rules (funding.support: check_support, check_spending,
check_balance). Natural key type + enterprise + date + amount + text (说明: a support's
reason, a spending's purpose). 年度 is a support's year (empty: the year of its date); a
spending counts in the year of its date, so a 年度 given on a spending row must be that year.

An import does not allocate: a spending must fit the year's balance (allocation + support -
spending), and a year that is not allocated yet has only its support; the refusal says to
run `gridctl funding allocate --year Y` first. Across the file, per organisation and year:
the file's new support rows are recorded first (support only adds to a balance), then its
new spending rows in file order, each within the balance the rows before it leave. A support
already recorded for another year is refused (an import does not move money between years).
Rows already in the ledger are unchanged; nothing is ever updated. New rows are recorded
through the services, which check them again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import Session, col

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
from gridctl.imports.cells import ref as ref_
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
    cell_text,
    choice,
    count,
)
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import FundingAllocation, FundingSpending, FundingSupport


def money(value: object) -> Decimal:
    """An amount of yuan exact to the cent, more than 0 (money.parse_money's rules)."""
    try:
        return parse_money(cell_text(value), "amount")
    except Invalid as exc:
        raise CellError(exc.detail) from None


@dataclass(frozen=True, slots=True)
class FundingRecord:
    kind: str  # "support" or "spending"
    enterprise_id: int
    enterprise: str  # credit code, else name: how the services find it
    day: date
    amount: Decimal
    text: str  # a support's reason, a spending's purpose
    year: int  # the year it counts in

    @property
    def key(self) -> tuple[str, int, date, int, str]:
        return self.kind, self.enterprise_id, self.day, cents(self.amount), self.text


def _resolve_funding(row: Row, refs: Refs) -> FundingRecord | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    kind, day, year = row.get("type"), row.get("date"), row.get("year")
    party_org = refs.session.execute(
        select(col(Enterprise.party_org)).where(col(Enterprise.id) == firm.id)
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
        # Each field the rules refuse has its column; a support's year taken from its date
        # (no 年度 column) is still reported as `year`.
        row.blame(exc, default="year")
        return None
    if kind == "spending" and year is not None and year != day.year:
        row.error("year", t("imp.funding.spend_year", year=day.year), year)
        return None
    counted = year if kind == "support" else day.year
    return FundingRecord(kind, firm.id, firm.credit_code or firm.name, day, amount, text, counted)


def _recorded(session: Session, rec: FundingRecord) -> int | None:
    """The year a record with this natural key counts in, if the ledger has it."""
    amount = cents(rec.amount)
    if rec.kind == "support":
        found = session.execute(
            select(col(FundingSupport.year))
            .where(
                col(FundingSupport.enterprise_id) == rec.enterprise_id,
                col(FundingSupport.granted_on) == rec.day,
                col(FundingSupport.amount_cents) == amount,
                col(FundingSupport.reason) == rec.text,
            )
            .limit(1)
        ).scalar_one_or_none()
        return found
    spent = session.execute(
        select(col(FundingSpending.id))
        .where(
            col(FundingSpending.enterprise_id) == rec.enterprise_id,
            col(FundingSpending.date) == rec.day,
            col(FundingSpending.amount_cents) == amount,
            col(FundingSpending.purpose) == rec.text,
        )
        .limit(1)
    ).scalar_one_or_none()
    return None if spent is None else rec.day.year


def _support_first(pair: tuple[int, FundingRecord]) -> bool:
    return pair[1].kind != "support"


def _check_funding(
    pairs: list[tuple[int, FundingRecord]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """Support kept in its year; every organisation's spending within its balance, with the
    file's new support counted first and its new spending in file order."""
    errors: list[RowError] = []
    new: list[tuple[int, FundingRecord]] = []
    for line, rec in pairs:
        year = _recorded(refs.session, rec)
        if year is None:
            new.append((line, rec))
        elif year != rec.year:
            message = t("imp.funding.year_kept", year=year)
            errors.append(RowError(line, labels.get("year", "year"), message, str(rec.year)))
    left: dict[tuple[int, int], int] = {}
    for line, rec in sorted(new, key=_support_first):
        amount = cents(rec.amount)
        purse = (rec.enterprise_id, rec.year)
        if purse not in left:
            left[purse] = balance_cents(refs.session, *purse)
        if rec.kind == "support":
            left[purse] += amount
            continue
        try:
            check_balance(rec.amount, amount, left[purse], rec.year)
        except Invalid:
            message = _overdrawn(refs.session, rec.year, left[purse])
            shown = str(rec.amount)
            errors.append(RowError(line, labels.get("amount", "amount"), message, shown))
        else:
            left[purse] -= amount
    return sorted(errors)


def _overdrawn(session: Session, year: int, left: int) -> str:
    allocated = session.execute(
        select(col(FundingAllocation.id)).where(col(FundingAllocation.year) == year).limit(1)
    ).first()
    key = "imp.funding.over_balance" if allocated else "imp.funding.not_allocated"
    return t(key, year=year, balance=yuan(left))


def _write_funding(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    recs: list[FundingRecord] = records(chunks)
    # Support first (it only adds to a balance), then spending in file order.
    for rec in sorted(recs, key=lambda r: r.kind != "support"):
        if _recorded(session, rec) is not None:
            counts.unchanged += 1
            continue
        counts.inserted += 1
        if ctx.dry_run:
            continue
        if rec.kind == "support":
            add_support(
                session,
                enterprise=rec.enterprise,
                amount=rec.amount,
                year=rec.year,
                reason=rec.text,
                day=rec.day,
            )
        else:
            add_spending(
                session, enterprise=rec.enterprise, amount=rec.amount, day=rec.day, purpose=rec.text
            )
    return counts


def _export_funding(session: Session) -> Iterator[dict[str, object]]:
    """Support and spending by date, support first on a day, each in the order recorded."""
    support = select(
        col(FundingSupport.granted_on),
        col(FundingSupport.id),
        col(Enterprise.name),
        col(FundingSupport.amount_cents),
        col(FundingSupport.year),
        col(FundingSupport.reason),
    ).join(Enterprise, col(Enterprise.id) == FundingSupport.enterprise_id)
    spending = select(
        col(FundingSpending.date),
        col(FundingSpending.id),
        col(Enterprise.name),
        col(FundingSpending.amount_cents),
        col(FundingSpending.purpose),
    ).join(Enterprise, col(Enterprise.id) == FundingSpending.enterprise_id)
    rows: list[tuple[date, int, int | None, dict[str, object]]] = [
        (day, 0, ident, _exported("support", firm, amount, year, day, text))
        for day, ident, firm, amount, year, text in session.execute(support)
    ] + [
        (day, 1, ident, _exported("spending", firm, amount, day.year, day, text))
        for day, ident, firm, amount, text in session.execute(spending)
    ]
    for *_, row in sorted(rows, key=lambda r: r[:3]):
        yield row


def _exported(
    kind: str, enterprise: str, amount: int, year: int, day: date, text: str
) -> dict[str, object]:
    return {
        "type": kind,
        "enterprise": enterprise,
        "amount": yuan(amount),
        "year": year,
        "date": day,
        "text": text,
    }


FUNDING = Spec(
    kind="funding",
    columns=(
        Column("type", "类型", True, choice(vocab.FUNDING_KIND), vocab=vocab.FUNDING_KIND),
        Column("enterprise", "企业", True, ref_()),
        Column("amount", "金额", True, money),
        Column("year", "年度", False, count),
        Column("date", "日期", True, DATE),
        Column("text", "说明", True, text_(), aliases=("reason", "purpose")),
    ),
    resolve=_resolve_funding,
    keys=(("text", lambda r: r.key),),
    write=_write_funding,
    export=_export_funding,
    check_all=_check_funding,
    fields={"reason": "text", "purpose": "text"},
)
