"""Tables of work funding and the dated member history.

Money is kept as whole cents in integer columns: exact on SQLite (which has no decimal type
and would store NUMERIC as a float) and on PostgreSQL alike; services hand out Decimal.
"""

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _now


class MemberCount(SQLModel, table=True):
    """Registered party members of an enterprise's organisation from a date on.

    The row with no date is the baseline: the register's count before the first recorded
    change, in force since records began.
    """

    __tablename__ = "member_count"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "effective_from"),
        CheckConstraint("members >= 0", name="members_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    members: int
    effective_from: dt.date | None = Field(default=None)
    recorded_at: dt.datetime = Field(default_factory=_now)


class FundingAllocation(SQLModel, table=True):
    """The year's work funds of one organisation: members in force on 1 January x rate."""

    __tablename__ = "funding_allocation"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "year"),
        CheckConstraint("members >= 0", name="members_not_negative"),
        CheckConstraint("rate_cents > 0", name="rate_positive"),
        CheckConstraint("amount_cents = members * rate_cents", name="amount_is_members_x_rate"),
    )

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    year: int = Field(index=True)
    members: int
    rate_cents: int = Field(sa_type=BigInteger)
    amount_cents: int = Field(sa_type=BigInteger)
    allocated_at: dt.datetime = Field(default_factory=_now)


class FundingSupport(SQLModel, table=True):
    """Extra support granted to an organisation whose own dues fall short."""

    __tablename__ = "funding_support"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    year: int = Field(index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    reason: str = Field(sa_type=Text)
    granted_on: dt.date
    recorded_at: dt.datetime = Field(default_factory=_now)


class FundingSpending(SQLModel, table=True):
    """Money an organisation spent from its work funds."""

    __tablename__ = "funding_spending"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    date: dt.date = Field(index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    purpose: str = Field(sa_type=Text)
    recorded_at: dt.datetime = Field(default_factory=_now)
