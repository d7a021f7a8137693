"""The ledger's tables, one module per area; importing this package defines them all.

Every constraint is named (batch migrations on SQLite cannot target unnamed ones and silently
drop unnamed CHECKs: PITFALLS.md).
"""

from sqlmodel import SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

from gridctl.ledger.models import audit, imports, park, points  # noqa: E402,F401
from gridctl.ledger.models.registers import Enterprise, Grid, GuidanceGroup, Supervisor  # noqa: E402
from gridctl.ledger.models.work import DiaryEntry, Problem, Visit  # noqa: E402

metadata = SQLModel.metadata

__all__ = [
    "DiaryEntry",
    "Enterprise",
    "Grid",
    "GuidanceGroup",
    "Problem",
    "Supervisor",
    "Visit",
    "metadata",
]
