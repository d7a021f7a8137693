"""Money and years of work funding: Decimal yuan exact to the cent (the ledger keeps whole
cents in integer columns), and the years funds are counted in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from gridctl.errors import Invalid
from gridctl.i18n import t

CENT = Decimal("0.01")


MAX_AMOUNT = Decimal("1000000000")


def parse_money(text: str | Decimal, field: str) -> Decimal:
    """A positive amount of yuan, exact to the cent (no fractions of a cent, no floats);
    a refusal names `field` (`amount`, `rate`)."""
    try:
        amount = text if isinstance(text, Decimal) else Decimal(str(text).strip())
    except InvalidOperation:
        raise Invalid(field, text, t("detail.funding.amount")) from None
    if not amount.is_finite():
        raise Invalid(field, text, t("detail.funding.amount"))
    exponent = amount.as_tuple().exponent  # an int: the amount is finite
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(CENT):
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


def check_year(value: int) -> int:
    """A year funds can be counted in."""
    if not 1949 <= value <= 9999:
        raise Invalid("year", value, t("detail.funding.year"))
    return value
