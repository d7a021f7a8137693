"""The sample park, one loader: `gridctl init --sample` imports sample_data/ through the
import path, as a station would load its own files.

The registers and visits come first, each file in its own transaction. Order matters:
groups name their leaders, who are supervisors, so groups are imported first without the
leader column, then supervisors, then the groups again to set the leaders.
Each file is imported all or nothing; the first refused file stops the load.

Then the park's own work, from the small CSV files in sample_data/park/ (UTF-8, Chinese
headers): member changes, funding, meetings and referrals, welfare claims, the resource map,
chains, brands, the belt and diary entries. `load_park_extras(session, directory)` imports
them in one session, in the order of PARK_FILES (a referral needs its meeting, a use its
resource), and does not commit. The years funding.csv spends in are allocated before it is
imported, as a station allocates a year at its start. A refused row raises an error whose
field starts with FILE:LINE.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from sqlmodel import Session

import gridctl
from gridctl.errors import Invalid, LedgerError
from gridctl.funding.allocation import allocate
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
        raise LedgerError.about("sample_data", str(where), t("imp.sample.missing", path=where))
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
    """Meetings, funding, welfare, resources, chains, brands, the belt and the diary."""
    with open_ledger(target, write=True) as session:
        return load_park_extras(session, folder)


def enterprises_in(target: Target) -> int:
    from sqlalchemy import func, select

    from gridctl.ledger.models import Enterprise

    with open_ledger(target, write=False) as session:
        return session.execute(select(func.count()).select_from(Enterprise)).scalar_one()


# The sample's files in loading order: file -> import kind.
PARK_FILES = {
    "member_changes.csv": "member_changes",
    "funding.csv": "funding",
    "meetings.csv": "meetings",
    "referrals.csv": "referrals",
    "welfare_projects.csv": "welfare_projects",
    "welfare_claims.csv": "welfare_claims",
    "resources.csv": "resources",
    "resource_uses.csv": "resource_uses",
    "chains.csv": "chains",
    "brands.csv": "brands",
    "belt.csv": "belt",
    "diary.csv": "diary",
}


def _import(session: Session, path: Path, kind: str) -> int:
    """Import one file as `kind` in this session (the caller commits); refused: Invalid."""
    from gridctl.imports.loader import run_import

    result = run_import(lambda write: nullcontext(session), kind=kind, path=path)
    if result.errors:
        first = result.errors[0]
        raise Invalid(f"{path.name}:{first.line}: {first.column}", first.value, first.message)
    return result.rows


def _allocate_years(session: Session, path: Path) -> None:
    """The years funding.csv spends in are allocated first (an import does not allocate; it
    refuses spending beyond the balance)."""
    from gridctl.imports.readers import open_source
    from gridctl.imports.registry import SPECS
    from gridctl.imports.spec import find_header, parse_row

    source = open_source(path, None)
    rows = source.rows()
    # The header as the importer finds it, so the two read the file alike.
    found = find_header(SPECS["funding"], rows, (), source.epoch)
    if found is None:
        return
    header, _ = found
    years: set[int] = set()
    for line, cells in rows:
        row = parse_row(line, cells, header)
        if row is not None and row.get("date") is not None:
            years.add(row.get("year") or row.get("date").year)
    for year in sorted(years):
        allocate(session, year=year)


def load_park_extras(session: Session, directory: Path | str) -> list[str]:
    """Load every file of sample_data/park/ that is there; one summary line per file."""
    folder = Path(directory)
    lines = []
    for name, kind in PARK_FILES.items():
        path = folder / name
        if not path.exists():
            continue
        if kind == "funding":
            _allocate_years(session, path)
        count = _import(session, path, kind)
        lines.append(t("imp.sample.file_loaded", file=f"{folder.name}/{name}", count=count))
    return lines
