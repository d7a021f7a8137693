"""Tables of the imports area: one row per batch import run (the import log)."""

import datetime as dt

from sqlalchemy import CheckConstraint, Column, Text
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in

# imported: rows written (or, with dry_run, would be); refused: a bad row or file, nothing
# written; failed: the ledger refused the write (rolled back, nothing written).
IMPORT_STATUSES = ["imported", "refused", "failed"]


class ImportRun(SQLModel, table=True):
    """One `gridctl import` run, kept even when it was refused or only a dry run."""

    __tablename__ = "import_run"
    __table_args__ = (CheckConstraint(_in("status", IMPORT_STATUSES), name="status"),)

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=500)
    # sha256 of the file's bytes: the same file imported twice shows the same digest.
    sha256: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=32)
    # How the file was read (revision 0010): a CSV's encoding, or an xlsx's sheet.
    encoding: str | None = Field(default=None, max_length=32)
    sheet: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=16)
    dry_run: bool = Field(default=False)
    rows: int = Field(default=0)
    inserted: int = Field(default=0)
    updated: int = Field(default=0)
    unchanged: int = Field(default=0)
    errors: int = Field(default=0)
    # The first error, so the log says why a run was refused without the whole report.
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    run_by: str = Field(max_length=100)
    started_at: dt.datetime = Field(index=True)
    finished_at: dt.datetime
