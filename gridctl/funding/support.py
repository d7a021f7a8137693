"""Extra support (补助) for an organisation whose own dues fall short, and spending (支出) from
a year's funds, never more than the year's balance left (allocation + support - spending).

The rules of a support and of a spending (check_support, check_spending, check_balance) are
the ones the commands and the funding import both apply.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.errors import Invalid
from gridctl.funding.money import cents, check_year, parse_money, yuan
from gridctl.i18n import t
from gridctl.ledger.models.funding import (
    FundingAllocation,
    FundingSpending,
    FundingSupport,
)
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise


def check_organisation(party_org: str, enterprise: str) -> None:
    """Only an enterprise with its own party organisation has work funds."""
    if party_org == "none":
        raise Invalid("enterprise", enterprise, t("detail.funding.no_org"))


def check_support(
    *, party_org: str, enterprise: str, amount: str | Decimal, year: int, reason: str | None
) -> tuple[Decimal, int, str]:
    """The rules of a support (the import checks each row with them): amount, year, reason."""
    check_organisation(party_org, enterprise)
    money = parse_money(amount, "amount")
    year = check_year(year)
    why = (reason or "").strip()
    if not why:
        raise Invalid("reason", reason, t("detail.funding.reason"))
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
    money = parse_money(amount, "amount")
    what = (purpose or "").strip()
    if not what:
        raise Invalid("purpose", purpose, t("detail.funding.purpose"))
    if day > (today or date.today()):
        raise Invalid("date", day.isoformat(), t("detail.funding.future"))
    return money, what


def check_balance(amount: str | Decimal, spend_cents: int, left_cents: int, year: int) -> None:
    """A spending is never more than the year's balance left."""
    if spend_cents > left_cents:
        raise Invalid(
            "amount",
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
    firm = find_enterprise(session, enterprise)
    money, year, why = check_support(
        party_org=firm.party_org, enterprise=enterprise, amount=amount, year=year, reason=reason
    )
    row = FundingSupport(
        enterprise_id=id_of(firm),
        year=year,
        amount_cents=cents(money),
        reason=why,
        granted_on=day or date.today(),
    )
    session.add(row)
    session.flush()
    return row


def balance_cents(session: Session, enterprise_id: int, year: int) -> int:
    """What an organisation has left of a year's funds, in cents."""
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
            col(FundingSpending.date) >= date(year, 1, 1),
            col(FundingSpending.date) < date(year + 1, 1, 1),
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
    firm = find_enterprise(session, enterprise)
    money, what = check_spending(
        party_org=firm.party_org,
        enterprise=enterprise,
        amount=amount,
        day=day,
        purpose=purpose,
        today=today,
    )
    left = balance_cents(session, id_of(firm), day.year)
    check_balance(amount, cents(money), left, day.year)
    row = FundingSpending(
        enterprise_id=id_of(firm), date=day, amount_cents=cents(money), purpose=what
    )
    session.add(row)
    session.flush()
    return row, yuan(left - cents(money))
