"""Work funding (工作经费): members over time, the yearly allocation, support, spending.

The station's rule is so much per registered party member a year (200 yuan by default). The
count that decides a year's allocation is the count **in force on 1 January** of that year:
the allocation is known at the start of the year and does not move when members join or
leave during it (those changes count from the next year). An organisation set up during a
year gets its first allocation the next year; extra support bridges the gap.

One truth for registered members: the dated history in member_count. Every change of an
existing enterprise's count is a dated row, however it is made: `funding members N --from
D`, `enterprise update --members N [--members-from D]` (default today), the member_changes
import, and the enterprises import (a row whose count differs from the count in force on
the import day records a change effective that day; unchanged rows write nothing). The
first recorded change of an enterprise also keeps the register's count from before it as
the baseline row (no date: in force since records began). `enterprise add --members N` and
a new enterprise of an import set that baseline and write no history row; an enterprise
with no recorded change counts its register figure (enterprise.members).

enterprise.members is a cache of the count in force today, refreshed by every change. What
the register shows (enterprise list/show, the enterprises export, and what an import
compares with) is computed as the count in force today from the history, so a future-dated
change does not show until its day, and a cache that a future change has overtaken is never
shown or exported. Member changes are recorded in the audit trail (member_count is watched).

Who is allocated: active enterprises with their own party organisation (party_org other than
none). A joint branch's members are counted at each enterprise that carries them.

Money is Decimal, exact to the cent; the ledger keeps whole cents in integer columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Integer, cast, extract, func, literal, or_, union
from sqlmodel import Session, select

from gridctl import audit
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup
from gridctl.ledger.models.park import (
    FundingAllocation,
    FundingSpending,
    FundingSupport,
    MemberCount,
)
from gridctl.registers import find_enterprise

DEFAULT_RATE = Decimal("200.00")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000000")

# A change of registered members is a change of money: it goes into the audit trail.
audit.watch("member_count")


# --- money ------------------------------------------------------------------------------


def parse_money(text: str | Decimal, field: str) -> Decimal:
    """A positive amount of yuan, exact to the cent (no fractions of a cent, no floats)."""
    try:
        amount = text if isinstance(text, Decimal) else Decimal(str(text).strip())
    except InvalidOperation:
        raise Invalid(field, text, t("detail.funding.amount")) from None
    if not amount.is_finite():
        raise Invalid(field, text, t("detail.funding.amount"))
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(CENT):  # type: ignore[operator]
        raise Invalid(field, text, t("detail.funding.cents"))
    if amount <= 0:
        raise Invalid(field, text, t("detail.funding.positive"))
    if amount > MAX_AMOUNT:
        raise Invalid(field, text, t("detail.funding.max", max=MAX_AMOUNT))
    return amount.quantize(CENT)


def cents(amount: Decimal) -> int:
    return int(amount * 100)


def yuan(value: int | None) -> Decimal:
    return (Decimal(value or 0) / 100).quantize(CENT)


def _year(value: int, field: str = "--year") -> int:
    if not 1949 <= value <= 9999:
        raise Invalid(field, value, t("detail.funding.year"))
    return value


# --- members over time ------------------------------------------------------------------


def members_in_force(on: date):  # type: ignore[no-untyped-def]
    """SQL: an enterprise's members in force on a day (correlated on Enterprise.id)."""
    latest = (
        select(MemberCount.members)
        .where(
            MemberCount.enterprise_id == Enterprise.id,
            or_(
                MemberCount.effective_from <= on,  # type: ignore[operator]
                MemberCount.effective_from.is_(None),  # type: ignore[union-attr]
            ),
        )
        .order_by(MemberCount.effective_from.desc().nulls_last())  # type: ignore[union-attr]
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, Enterprise.members)


@dataclass(frozen=True)
class MemberChange:
    enterprise: str
    members: int
    effective_from: date
    action: str  # "recorded", "corrected" or "unchanged"
    in_force_today: int


def set_members(
    session: Session,
    *,
    enterprise: str | Enterprise,
    members: int,
    effective_from: date,
    today: date | None = None,
    field: str = "N",
    skip_same: bool = False,
) -> MemberChange:
    """Record the registered members of an enterprise's organisation from a date on.

    With `skip_same` (enterprise update), a count equal to the one already in force on that
    day writes nothing (action "unchanged") unless it corrects a row of that very day.
    """
    firm = (
        enterprise
        if isinstance(enterprise, Enterprise)
        else find_enterprise(session, enterprise, "ENTERPRISE")
    )
    if members < 0:
        raise Invalid(field, members, t("detail.not_negative"))
    today = today or date.today()
    rows = session.exec(select(MemberCount).where(MemberCount.enterprise_id == firm.id)).all()
    same_day = next((r for r in rows if r.effective_from == effective_from), None)
    if same_day is None and skip_same and members == _in_force(session, firm, effective_from):
        return MemberChange(
            firm.name, members, effective_from, "unchanged", _in_force(session, firm, today)
        )
    if not rows:
        session.add(MemberCount(enterprise_id=firm.id, members=firm.members, effective_from=None))
    if same_day is None:
        session.add(
            MemberCount(enterprise_id=firm.id, members=members, effective_from=effective_from)
        )
        action = "recorded"
    elif same_day.members == members:
        action = "unchanged"
    else:
        same_day.members = members
        session.add(same_day)
        action = "corrected"
    session.flush()
    now = _in_force(session, firm, today)
    # The register's cache: the count in force today.
    if firm.members != now:
        firm.members = now
        session.add(firm)
        session.flush()
    return MemberChange(firm.name, members, effective_from, action, now)


def _in_force(session: Session, firm: Enterprise, on: date) -> int:
    return int(session.exec(select(members_in_force(on)).where(Enterprise.id == firm.id)).one())


def members_today() -> Any:
    """SQL: the count the register shows, in force today (correlated on Enterprise.id)."""
    return members_in_force(date.today()).label("members")


@dataclass(frozen=True)
class InForce:
    """An enterprise's recorded history as it stands on a day."""

    members: int  # in force on the day
    same_day: int | None  # id of the row effective that very day, if any


def history_on(session: Session, on: date) -> dict[int, InForce]:
    """Every enterprise with a recorded history: its count in force on a day (one query).

    An enterprise missing from the result has no history: its register count is in force.
    """
    query = select(
        MemberCount.enterprise_id, MemberCount.effective_from, MemberCount.members, MemberCount.id
    ).where(
        or_(
            MemberCount.effective_from <= on,  # type: ignore[operator]
            MemberCount.effective_from.is_(None),  # type: ignore[union-attr]
        )
    )
    latest: dict[int, tuple[date, int, int]] = {}
    floor = date.min
    for firm_id, since, members, row_id in session.execute(query):
        key = since or floor
        kept = latest.get(firm_id)
        if kept is None or key >= kept[0]:
            latest[firm_id] = (key, members, row_id)
    return {
        firm_id: InForce(members, row_id if key == on else None)
        for firm_id, (key, members, row_id) in latest.items()
    }


def record_changes(
    session: Session,
    changes: list[tuple[int, int, int]],
    *,
    day: date,
    history: dict[int, InForce],
    now: Any,
) -> None:
    """Bulk form of set_members for an import: (enterprise id, register count, new count)
    changes effective `day`, each differing from the count in force that day. Core
    executemany; the import run is the audit trail's entry. The caller updates the register.
    """
    from sqlalchemy import bindparam, insert, update

    table = MemberCount.__table__  # type: ignore[attr-defined]
    new_rows: list[dict[str, Any]] = []
    corrected: list[dict[str, Any]] = []
    for firm_id, register, members in changes:
        known = history.get(firm_id)
        if known is None:  # the first change keeps the register's count as the baseline
            new_rows.append(
                {
                    "enterprise_id": firm_id,
                    "members": register,
                    "effective_from": None,
                    "recorded_at": now,
                }
            )
        if known is not None and known.same_day is not None:
            corrected.append({"b_id": known.same_day, "b_members": members})
        else:
            new_rows.append(
                {
                    "enterprise_id": firm_id,
                    "members": members,
                    "effective_from": day,
                    "recorded_at": now,
                }
            )
    if new_rows:
        session.execute(insert(table), new_rows)
    if corrected:
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(members=bindparam("b_members"))
        )
        session.execute(stmt, corrected)


def member_history(session: Session, *, enterprise: str) -> list[dict[str, object]]:
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    return [{"enterprise": firm.name, **row} for row in history_of(session, firm)]


def history_of(session: Session, firm: Enterprise) -> list[dict[str, object]]:
    """One enterprise's members over time, oldest first: `from` is "" for the baseline (in
    force since records began), else the day the count took effect."""
    rows = session.exec(
        select(MemberCount)
        .where(MemberCount.enterprise_id == firm.id)
        .order_by(MemberCount.effective_from.asc().nulls_first())  # type: ignore[union-attr]
    ).all()
    if not rows:
        return [{"from": "", "members": firm.members}]
    return [
        {"from": r.effective_from.isoformat() if r.effective_from else "", "members": r.members}
        for r in rows
    ]


# --- the yearly allocation --------------------------------------------------------------


@dataclass(frozen=True)
class Allocation:
    year: int
    rate: Decimal
    organisations: int
    members: int
    amount: Decimal
    inserted: int
    updated: int
    unchanged: int
    removed: int


def _year_rate(session: Session, year: int, rate: str | Decimal | None) -> int:
    if rate is not None:
        return cents(parse_money(rate, "--rate"))
    kept = session.exec(
        select(func.max(FundingAllocation.rate_cents)).where(FundingAllocation.year == year)
    ).one()
    return kept or cents(DEFAULT_RATE)


def allocate(session: Session, *, year: int, rate: str | Decimal | None = None) -> Allocation:
    """Compute the year's allocation for every organisation; running it again updates."""
    year = _year(year)
    rate_cents = _year_rate(session, year, rate)
    due = session.exec(
        select(Enterprise.id, members_in_force(date(year, 1, 1))).where(
            Enterprise.party_org != "none", Enterprise.status == "active"
        )
    ).all()
    existing = {
        a.enterprise_id: a
        for a in session.exec(select(FundingAllocation).where(FundingAllocation.year == year))
    }
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for enterprise_id, members in due:
        row = existing.pop(enterprise_id, None)
        amount = members * rate_cents
        if row is None:
            row = FundingAllocation(enterprise_id=enterprise_id, year=year)
            counts["inserted"] += 1
        elif (row.members, row.rate_cents) == (members, rate_cents):
            counts["unchanged"] += 1
            continue
        else:
            counts["updated"] += 1
        row.members, row.rate_cents, row.amount_cents = members, rate_cents, amount
        session.add(row)
    for stale in existing.values():  # no longer an organisation: its allocation goes
        session.delete(stale)
    session.flush()
    total_members = sum(m for _, m in due)
    return Allocation(
        year=year,
        rate=yuan(rate_cents),
        organisations=len(due),
        members=total_members,
        amount=yuan(total_members * rate_cents),
        removed=len(existing),
        **counts,
    )


# --- support and spending ---------------------------------------------------------------


def check_organisation(party_org: str, enterprise: str) -> None:
    if party_org == "none":
        raise Invalid("ENTERPRISE", enterprise, t("detail.funding.no_org"))


def check_support(
    *, party_org: str, enterprise: str, amount: str | Decimal, year: int, reason: str | None
) -> tuple[Decimal, int, str]:
    """The rules of a support (the import checks each row with them): amount, year, reason."""
    check_organisation(party_org, enterprise)
    money = parse_money(amount, "AMOUNT")
    year = _year(year)
    why = (reason or "").strip()
    if not why:
        raise Invalid("--reason", reason, t("detail.funding.reason"))
    return money, year, why


def check_spending(
    *,
    party_org: str,
    enterprise: str,
    amount: str | Decimal,
    day: date,
    purpose: str | None,
    today: date | None = None,
) -> tuple[Decimal, str]:
    """The rules of a spending that need no balance (the import checks each row with them)."""
    check_organisation(party_org, enterprise)
    money = parse_money(amount, "AMOUNT")
    what = (purpose or "").strip()
    if not what:
        raise Invalid("--purpose", purpose, t("detail.funding.purpose"))
    if day > (today or date.today()):
        raise Invalid("--date", day.isoformat(), t("detail.funding.future"))
    return money, what


def check_balance(amount: str | Decimal, spend_cents: int, left_cents: int, year: int) -> None:
    """A spending is never more than the year's balance left."""
    if spend_cents > left_cents:
        raise Invalid(
            "AMOUNT",
            amount,
            t("detail.funding.over_balance", year=year, balance=yuan(left_cents)),
        )


def add_support(
    session: Session,
    *,
    enterprise: str,
    amount: str | Decimal,
    year: int,
    reason: str,
    day: date | None = None,
) -> FundingSupport:
    """Extra support for an organisation whose own dues fall short."""
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    money, year, why = check_support(
        party_org=firm.party_org, enterprise=enterprise, amount=amount, year=year, reason=reason
    )
    row = FundingSupport(
        enterprise_id=firm.id,
        year=year,
        amount_cents=cents(money),
        reason=why,
        granted_on=day or date.today(),
    )
    session.add(row)
    session.flush()
    return row


def balance_cents(session: Session, enterprise_id: int, year: int) -> int:
    allocated = session.exec(
        select(func.coalesce(func.sum(FundingAllocation.amount_cents), 0)).where(
            FundingAllocation.enterprise_id == enterprise_id, FundingAllocation.year == year
        )
    ).one()
    support = session.exec(
        select(func.coalesce(func.sum(FundingSupport.amount_cents), 0)).where(
            FundingSupport.enterprise_id == enterprise_id, FundingSupport.year == year
        )
    ).one()
    spent = session.exec(
        select(func.coalesce(func.sum(FundingSpending.amount_cents), 0)).where(
            FundingSpending.enterprise_id == enterprise_id,
            FundingSpending.date >= date(year, 1, 1),
            FundingSpending.date < date(year + 1, 1, 1),
        )
    ).one()
    return int(allocated) + int(support) - int(spent)


def add_spending(
    session: Session,
    *,
    enterprise: str,
    amount: str | Decimal,
    day: date,
    purpose: str,
    today: date | None = None,
) -> tuple[FundingSpending, Decimal]:
    """Money spent from the year's funds; never more than the year's balance."""
    firm = find_enterprise(session, enterprise, "ENTERPRISE")
    money, what = check_spending(
        party_org=firm.party_org,
        enterprise=enterprise,
        amount=amount,
        day=day,
        purpose=purpose,
        today=today,
    )
    left = balance_cents(session, firm.id, day.year)  # type: ignore[arg-type]
    check_balance(amount, cents(money), left, day.year)
    row = FundingSpending(enterprise_id=firm.id, date=day, amount_cents=cents(money), purpose=what)
    session.add(row)
    session.flush()
    return row, yuan(left - cents(money))


# --- the list ---------------------------------------------------------------------------


def funding_rows(
    session: Session, *, year: int | None = None, enterprise: str | None = None
) -> list[dict[str, object]]:
    """Per organisation and year: members, rate, amount, support, spent and balance."""
    spend_year = cast(extract("year", FundingSpending.date), Integer)
    keys = union(
        select(FundingAllocation.enterprise_id, FundingAllocation.year),
        select(FundingSupport.enterprise_id, FundingSupport.year),
        select(FundingSpending.enterprise_id, spend_year),
    ).subquery("k")
    support = (
        select(
            FundingSupport.enterprise_id,
            FundingSupport.year,
            func.sum(FundingSupport.amount_cents).label("cents"),
        )
        .group_by(FundingSupport.enterprise_id, FundingSupport.year)
        .subquery("sup")
    )
    spent = (
        select(
            FundingSpending.enterprise_id,
            spend_year.label("year"),
            func.sum(FundingSpending.amount_cents).label("cents"),
        )
        .group_by(FundingSpending.enterprise_id, spend_year)
        .subquery("spe")
    )
    level1 = Grid.__table__.alias("level1")
    group_name = (
        select(func.min(GuidanceGroup.name))
        .where(GuidanceGroup.grid_id == func.coalesce(level1.c.id, Grid.id))
        .scalar_subquery()
    )
    k_ent, k_year = keys.c[0], keys.c[1]
    query = (
        select(
            k_year,
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.party_org,
            Enterprise.chain,
            Grid.code,
            level1.c.code,
            group_name,
            FundingAllocation.members,
            FundingAllocation.rate_cents,
            FundingAllocation.amount_cents,
            support.c.cents,
            spent.c.cents,
        )
        .select_from(keys)
        .join(Enterprise, Enterprise.id == k_ent)
        .join(Grid, Grid.id == Enterprise.grid_id)
        .outerjoin(level1, level1.c.id == Grid.parent_id)
        .outerjoin(
            FundingAllocation,
            (FundingAllocation.enterprise_id == k_ent) & (FundingAllocation.year == k_year),
        )
        .outerjoin(support, (support.c.enterprise_id == k_ent) & (support.c.year == k_year))
        .outerjoin(spent, (spent.c.enterprise_id == k_ent) & (spent.c.year == k_year))
        .order_by(k_year, Grid.code, Enterprise.name)
    )
    if year is not None:
        query = query.where(k_year == literal(_year(year)))
    if enterprise:
        query = query.where(k_ent == find_enterprise(session, enterprise, "--enterprise").id)
    return [_row(*r) for r in session.execute(query).all()]


def _row(  # type: ignore[no-untyped-def]
    year, name, code, org, chain, grid, level1, group, members, rate, amount, support, spent
) -> dict[str, object]:
    amount, support, spent = amount or 0, support or 0, spent or 0
    return {
        "year": int(year),
        "enterprise": name,
        "credit_code": code or "",
        "organisation": org,
        "grid": grid,
        "level1_grid": level1 or "",
        "group": group or "",
        "chain": chain or "",
        "members": members or 0,
        "rate": yuan(rate) if rate else None,
        "amount": yuan(amount),
        "support": yuan(support),
        "spent": yuan(spent),
        "balance": yuan(amount + support - spent),
    }
