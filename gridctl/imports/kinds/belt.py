"""Import kind `belt`: the demonstration belt's sites, in order along each belt.

Natural key: belt + enterprise (belt empty: the default belt, 党建示范带). A belt keeps its
positions 1, 2, 3, ... without gaps (as `gridctl belt add` does). Per belt, a file gives
either every row's position or none:
- positions given: they must be 1..n for the file's n sites of that belt (a gap or a repeat
  is refused at its line); those sites take these places, and the belt's other sites in the
  ledger follow them in their present order;
- no positions (or no position column): sites already on the belt keep their places, new
  ones are appended in file order.
New sites are added through belt.add_site, then every belt of the file is put in order with
belt.place_sites; a site's feature is updated where its file gives one (an empty cell in a
present column clears it). An export gives every site with its position, so importing it
reproduces the belt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session, col, select

from gridctl.i18n import t
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
    blank,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.organisation import BeltSite
from gridctl.organisation import belt as belts

T = TypeVar("T")


@dataclass(frozen=True)
class SiteRecord:
    """A checked row: the site (belt and enterprise), its position if the file gives one, and
    its feature where the file has that column."""

    belt: str
    enterprise_id: int
    position: int | None
    feature: str | None
    has_feature: bool

    @property
    def key(self) -> tuple[str, int]:
        return (self.belt, self.enterprise_id)


def _resolve_site(row: Row, refs: Refs) -> SiteRecord | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    position = row.get("position")
    if position is not None and position < 1:
        row.error("position", t("imp.belt.position_from_1"), position)
    if row.errors:
        return None
    return SiteRecord(
        belt=belts.belt_name(row.get("belt")),
        enterprise_id=firm.id,
        position=position,
        feature=blank(row.get("feature")),
        has_feature=row.has("feature"),
    )


def _by_belt(items: Iterable[T], belt_of: Callable[[T], str]) -> dict[str, list[T]]:
    """The items per belt, in file order."""
    by_belt: dict[str, list[T]] = {}
    for item in items:
        by_belt.setdefault(belt_of(item), []).append(item)
    return by_belt


def _check_belt(
    pairs: list[tuple[int, SiteRecord]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """Per belt: every row positioned or none; positions 1..n, no gaps, no repeats."""
    column = labels.get("position", "position")
    errors: list[RowError] = []
    for belt, rows in _by_belt(pairs, lambda pair: pair[1].belt).items():
        if all(rec.position is None for _, rec in rows):
            continue
        n = len(rows)
        seen: dict[int, int] = {}
        for line, rec in rows:
            pos = rec.position
            if pos is None:
                errors.append(RowError(line, column, t("imp.belt.all_or_none", belt=belt), ""))
            elif pos in seen:
                errors.append(
                    RowError(line, column, t("imp.belt.repeat", first=seen[pos]), str(pos))
                )
            elif pos > n:
                errors.append(RowError(line, column, t("imp.belt.gap", n=n, belt=belt), str(pos)))
            else:
                seen[pos] = line
    return sorted(errors)


def _write_belt(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    recs: list[SiteRecord] = records(chunks)
    for belt, rows in _by_belt(recs, lambda rec: rec.belt).items():
        current = {
            site.enterprise_id: site
            for site in session.exec(
                select(BeltSite).where(BeltSite.belt == belt).order_by(col(BeltSite.position))
            )
        }
        order = _order(rows, list(current))
        place = {e: n for n, e in enumerate(order, start=1)}
        positioned = rows[0].position is not None
        for rec in rows:
            old = current.get(rec.enterprise_id)
            if old is None:
                counts.inserted += 1
                if not ctx.dry_run:
                    _add_site(session, belt, rec.enterprise_id, rec.feature)
            elif (rec.has_feature and old.feature != rec.feature) or (
                positioned and old.position != place[rec.enterprise_id]
            ):
                counts.updated += 1
                if not ctx.dry_run and rec.has_feature:
                    old.feature = rec.feature
                    session.add(old)
            else:
                counts.unchanged += 1
        if not ctx.dry_run:
            session.flush()
            belts.place_sites(session, belt, order)
    return counts


def _order(rows: list[SiteRecord], old_order: list[int]) -> list[int]:
    """The belt's enterprise ids in their new order: the file's positions first, then the
    ledger's other sites; or, without positions, the ledger's sites, then the file's new."""
    if rows[0].position is not None:
        file_order = [r.enterprise_id for r in sorted(rows, key=lambda r: r.position or 0)]
        return file_order + [e for e in old_order if e not in set(file_order)]
    return old_order + [r.enterprise_id for r in rows if r.enterprise_id not in old_order]


def _add_site(session: Session, belt: str, firm_id: int, feature: str | None) -> None:
    """belt.add_site, given the enterprise resolved already (appended; placed afterwards)."""
    firm = session.get(Enterprise, firm_id)
    assert firm is not None
    belts.add_site(session, enterprise=firm.credit_code or firm.name, belt=belt, feature=feature)


def _export_belt(session: Session) -> Iterator[dict[str, object]]:
    for row in belts.belt_rows(session):
        yield {
            "belt": row.belt,
            "position": row.position,
            "enterprise": row.enterprise,
            "feature": row.feature,
        }


BELT = Spec(
    kind="belt",
    columns=(
        Column("belt", "示范带", False, name_(100)),
        Column("position", "顺序", False, count),
        Column("enterprise", "企业", True, ref_()),
        Column("feature", "特色", False, text_()),
    ),
    resolve=_resolve_site,
    keys=(("enterprise", lambda r: r.key),),
    write=_write_belt,
    export=_export_belt,
    check_all=_check_belt,
)
