"""Import specs of the park's records kept in order or by date (issue 7): the demonstration
belt's sites, welfare claims and meetings.

Each row passes the rules of the command that records one (gridctl.brands, welfare,
meetings: their check functions), checked per row and across the file first, so a bad file
is refused whole with FILE:LINE reports. New records are created through the services; a
changed record is updated in the fields its file gives (an absent column leaves the field
alone; an empty cell in a present column clears an optional field).

belt: natural key belt + enterprise (belt empty: the service's default, 党建示范带). A belt
keeps its positions 1, 2, 3, ... without gaps (as `gridctl belt add` does). Per belt, a file
gives either every row's position or none:
- positions given: they must be 1..n for the file's n sites of that belt (a gap or a repeat
  is refused at its line); those sites take these places, and the belt's other sites in the
  ledger follow them in their present order;
- no positions (or no position column): sites already on the belt keep their places, new
  ones are appended in file order.
An export gives every site with its position, so importing it reproduces the belt.

welfare_claims: natural key project + enterprise + claimed date. A completion date needs the
participants and the reverse (welfare.check_completion); a new claim follows welfare.claim's
rules (check_claim): an organisation holds one open claim of a project at a time, in the
ledger and in the file.

meetings: natural key kind + date + group (group only for a monthly group meeting).
Attendees are supervisor codes separated by ；, ; or 、; topics and decisions one per line
or separated by ；/; (an export writes one per line). One meeting per period of its kind
(meetings.clash_message): a second one in the file or in the ledger on another day is
refused. Attendees of a group meeting must be the group's supervisors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl.i18n import t
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
from gridctl.organisation import brands


def _resolve_site(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    position = row.get("position")
    if position is not None and position < 1:
        row.error("position", t("imp.belt.position_from_1"), position)
    if row.errors:
        return None
    belt = (row.get("belt") or "").strip() or brands.DEFAULT_BELT
    rec: dict[str, Any] = {
        "_key": (belt, firm.id),
        "_belt": belt,
        "_enterprise": firm.name,
        "_position": position,
    }
    if row.has("feature"):
        rec["feature"] = blank(row.get("feature"))
    return rec


def _check_belt(pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]) -> list[RowError]:
    """Per belt: every row positioned or none; positions 1..n, no gaps, no repeats."""
    column = labels.get("position", "position")
    errors: list[RowError] = []
    by_belt: dict[str, list[tuple[int, Any]]] = {}
    for line, rec in pairs:
        by_belt.setdefault(rec["_belt"], []).append((line, rec))
    for belt, rows in by_belt.items():
        given = [(line, rec["_position"]) for line, rec in rows if rec["_position"] is not None]
        if not given:
            continue
        n = len(rows)
        seen: dict[int, int] = {}
        for line, rec in rows:
            pos = rec["_position"]
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
    recs = records(chunks)
    by_belt: dict[str, list[dict[str, Any]]] = {}
    for rec in recs:
        by_belt.setdefault(rec["_belt"], []).append(rec)
    for belt, rows in by_belt.items():
        current = {
            r.enterprise_id: r
            for (r,) in session.execute(
                select(BeltSite).where(BeltSite.belt == belt).order_by(BeltSite.position)
            )
        }
        old_order = list(current)
        positioned = rows[0]["_position"] is not None
        if positioned:
            file_order = [r["_key"][1] for r in sorted(rows, key=lambda r: r["_position"])]
            order = file_order + [e for e in old_order if e not in set(file_order)]
        else:
            order = old_order + [r["_key"][1] for r in rows if r["_key"][1] not in current]
        place = {e: n for n, e in enumerate(order, start=1)}
        for rec in rows:
            firm_id = rec["_key"][1]
            old = current.get(firm_id)
            if old is None:
                counts.inserted += 1
                if not ctx.dry_run:
                    _add_site(session, belt, firm_id, rec.get("feature"))
            elif ("feature" in rec and old.feature != rec["feature"]) or (
                positioned and old.position != place[firm_id]
            ):
                counts.updated += 1
                if not ctx.dry_run and "feature" in rec:
                    old.feature = rec["feature"]
                    session.add(old)
            else:
                counts.unchanged += 1
        if not ctx.dry_run:
            session.flush()
            brands.place_sites(session, belt, order)
    return counts


def _add_site(session: Session, belt: str, firm_id: int, feature: str | None) -> None:
    """brands.add_site, given the enterprise resolved already (appended; placed afterwards)."""
    firm = session.get(Enterprise, firm_id)
    assert firm is not None
    brands.add_site(session, enterprise=firm.credit_code or firm.name, belt=belt, feature=feature)


def _export_belt(session: Session) -> Iterator[dict[str, object]]:
    for row in brands.belt_rows(session):
        yield {k: row[k] for k in ("belt", "position", "enterprise", "feature")}


BELT = Spec(
    kind="belt",
    columns=(
        Column("belt", "示范带", False, name_(100)),
        Column("position", "顺序", False, count),
        Column("enterprise", "企业", True, name_()),
        Column("feature", "特色", False, text_()),
    ),
    resolve=_resolve_site,
    keys=(("enterprise", lambda r: r["_key"]),),
    write=_write_belt,
    export=_export_belt,
    check_all=_check_belt,
)
