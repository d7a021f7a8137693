"""Load the sample park (sample_data/) through the import path: `gridctl init --sample`.

Order matters: groups name their leaders, who are supervisors, so groups are imported first
without the leader column, then supervisors, then the groups again to set the leaders.
Each file is imported all or nothing; the first refused file stops the load.
"""

from __future__ import annotations

from pathlib import Path

import gridctl
from gridctl.errors import Invalid, LedgerError
from gridctl.i18n import t
from gridctl.ledger.config import Target
from gridctl.ledger.session import open_ledger

# (kind, file, columns left out on this pass)
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("grids", "grids.csv", ()),
    ("groups", "groups.csv", ("leader",)),
    ("supervisors", "supervisors.csv", ()),
    ("groups", "groups.csv", ()),
    ("enterprises", "enterprises.csv", ()),
    ("visits", "visits.xlsx", ()),
    ("problems", "problems.csv", ()),
    ("activities", "activities.csv", ()),
)


def sample_dir() -> Path:
    return Path(gridctl.__file__).resolve().parent.parent / "sample_data"


def load_sample(target: Target, folder: Path | None = None) -> list[str]:
    """Import the sample files into the ledger at `target`; one summary line per file."""
    from gridctl.imports.loader import run_import

    where = folder or sample_dir()
    if not where.is_dir():
        raise LedgerError("sample_data", str(where), t("imp.sample.missing", path=where))
    # The sample is a whole park: into a ledger that already holds one it would mix with the
    # real records (and the park's own records, meetings and the like, have no natural key).
    present = enterprises_in(target)
    if present:
        return [t("imp.sample.not_empty", n=present)]
    lines = []
    for kind, name, skip in STEPS:
        result = run_import(
            lambda write: open_ledger(target, write=write),
            kind=kind,
            path=where / name,
            display=f"sample_data/{name}",
            skip=skip,
        )
        if result.errors:
            first = result.errors[0]
            raise Invalid(
                f"{result.file}:{first.line}",
                first.value,
                t("imp.row_error", column=first.column, message=first.message),
            )
        lines.append(result.summary_line())
    lines.extend(_load_park_extras(target, where / "park"))
    return lines


def _load_park_extras(target: Target, folder: Path) -> list[str]:
    """Meetings, funding, welfare, resources, chains, brands and the belt (issue 7)."""
    from gridctl.park_sample import load_park_extras

    with open_ledger(target, write=True) as session:
        return load_park_extras(session, folder)


def enterprises_in(target: Target) -> int:
    from sqlalchemy import func, select

    from gridctl.ledger.models import Enterprise

    with open_ledger(target, write=False) as session:
        return session.execute(select(func.count()).select_from(Enterprise)).scalar_one()
