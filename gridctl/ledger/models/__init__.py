"""The ledger's tables, one module per area.

Importing this package defines the core tables (registers and work records) that every
command needs; each area's service imports its own models module, so that `gridctl visit add`
does not pay for building tables it never touches. `load_all()` defines every table
(migrations, checks). The models import only sqlmodel and each other.

Every constraint is named: batch migrations on SQLite copy the table, and can neither target
an unnamed constraint nor keep an unnamed CHECK (it is silently dropped).
"""

from sqlmodel import SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

from gridctl.ledger.models.registers import Enterprise, Grid, GuidanceGroup, Supervisor  # noqa: E402
from gridctl.ledger.models.work import DiaryEntry, Problem, Visit  # noqa: E402

metadata = SQLModel.metadata

AREAS = ("imports", "points", "meetings", "funding", "sharing", "organisation", "audit")


def load_all() -> None:
    """Define every table of every area in `metadata`."""
    import importlib

    for area in AREAS:
        importlib.import_module(f"gridctl.ledger.models.{area}")


__all__ = [
    "DiaryEntry",
    "Enterprise",
    "Grid",
    "GuidanceGroup",
    "Problem",
    "Supervisor",
    "Visit",
    "load_all",
    "metadata",
]
