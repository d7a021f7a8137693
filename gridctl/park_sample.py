"""The sample park's own work: member changes, funding, meetings and referrals, welfare
claims, the resource map, chains, brands, the belt and diary entries, from the small CSV files
in sample_data/park/ (UTF-8, Chinese headers).

`load_park_extras(session, directory)` runs after the registers, visits and problems of the
sample are in; it does not commit. Every file goes through the importer (gridctl/imports) as
its import kind, in the same session, in the order below (a referral needs its meeting, a use
its resource). The years funding.csv spends in are allocated before it is imported, as a
station allocates a year at its start. A refused row raises an error whose field starts with
FILE:LINE.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from sqlmodel import Session

from gridctl.errors import Invalid
from gridctl.funding.allocation import allocate
from gridctl.i18n import t

# The sample's files in loading order: file -> import kind.
FILES = {
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
    from gridctl.imports.spec import match_header, parse_row

    source = open_source(path, None)
    rows = source.rows()
    first = next(rows, None)
    if first is None:
        return
    header, _ = match_header(SPECS["funding"], first[1], (), source.epoch)
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
    for name, kind in FILES.items():
        path = folder / name
        if not path.exists():
            continue
        if kind == "funding":
            _allocate_years(session, path)
        count = _import(session, path, kind)
        lines.append(t("park_sample.loaded", file=f"{folder.name}/{name}", count=count))
    return lines
