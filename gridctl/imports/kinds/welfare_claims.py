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

from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
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
from gridctl.imports.upsert import records, update_record
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.sharing import welfare

CLAIM_FIELD = {"--enterprise": "enterprise", "--date": "claimed"}


DONE_FIELD = {"--participants": "participants", "--date": "completed"}


def _resolve_claim(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    project = _project(row, refs)
    day, done, people = row.get("claimed"), row.get("completed"), row.get("participants")
    if firm is None or project is None or day is None:
        return None
    old = refs.session.execute(
        select(WelfareClaim.id, WelfareClaim.completed_on, WelfareClaim.participants).where(
            WelfareClaim.project_id == project.id,
            WelfareClaim.enterprise_id == firm.id,
            WelfareClaim.claimed_on == day,
        )
    ).first()
    if old is None:
        party_org = refs.session.execute(
            select(Enterprise.party_org).where(Enterprise.id == firm.id)
        ).scalar_one()
        try:
            welfare.check_claim(
                party_org=party_org, enterprise=firm.name, day=day, today=refs.today
            )
        except GridctlError as exc:
            row.error(CLAIM_FIELD.get(exc.field, "claimed"), exc.detail, exc.value)
    done_given = row.has("completed") or row.has("participants")
    if done is None and old is not None and not done_given:
        done, people = old.completed_on, old.participants  # left alone: checked as it is
    if done is not None:
        try:
            welfare.check_completion(
                claimed_on=day, day=done, participants=people, today=refs.today
            )
        except GridctlError as exc:
            row.error(DONE_FIELD.get(exc.field, "completed"), exc.detail, exc.value)
    elif people is not None:
        row.error("participants", t("imp.claim.participants_when_done"), people)
    if row.errors:
        return None
    rec: dict[str, Any] = {
        "_key": (project.id, firm.id, day),
        "_project": project.name,
        "_enterprise": firm.credit_code or firm.name,
        "_firm_name": firm.name,
        "_done": done,
        "_people": people,
    }
    if done_given:
        rec["completed_on"], rec["participants"] = done, people
    if row.has("note"):
        rec["note"] = blank(row.get("note"))
    return rec


def _project(row: Row, refs: Refs) -> WelfareProject | None:
    name = row.get("project")
    if name is None:
        return None
    found = refs.session.execute(
        select(WelfareProject).where(WelfareProject.name == name)
    ).scalar_one_or_none()
    if found is None:
        row.error("project", t("imp.ref.unknown", what=t("imp.what.welfare_project")), name)
    return found


def _check_claims(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """One open claim of a project per organisation at a time (welfare.claim's rule), over
    the ledger's claims and the file's together: an open claim must be the latest."""
    groups: dict[tuple[int, int], dict[Any, dict[str, Any]]] = {}
    for line, rec in pairs:
        project_id, firm_id, day = rec["_key"]
        group = groups.get((project_id, firm_id))
        if group is None:
            group = groups[(project_id, firm_id)] = {}
            for claim_id, claimed, completed in refs.session.execute(
                select(WelfareClaim.id, WelfareClaim.claimed_on, WelfareClaim.completed_on).where(
                    WelfareClaim.project_id == project_id, WelfareClaim.enterprise_id == firm_id
                )
            ):
                group[claimed] = {"id": claim_id, "open": completed is None, "line": None}
        old = group.get(day)
        group[day] = {
            "id": old["id"] if old else None,
            "open": rec["_done"] is None,
            "line": line,
            "name": rec["_firm_name"],
        }
    errors = []
    column = labels.get("project", "project")
    for group in groups.values():
        name = next(c["name"] for c in group.values() if "name" in c)
        holding = None
        for day in sorted(group):
            claim = group[day]
            if holding is not None and (claim["line"] or holding["line"]):
                blamed = claim if claim["line"] else holding
                held = holding["id"] or t("imp.claim.of_line", line=holding["line"])
                message = welfare.open_claim_message(name, held)
                if claim["line"] is None:
                    message = welfare.open_claim_message(name, claim["id"])
                errors.append(RowError(blamed["line"], column, message, ""))
            if claim["open"]:
                holding = claim
    return sorted(errors)


def _write_claims(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in sorted(records(chunks), key=lambda r: r["_key"][2]):
        project_id, firm_id, day = rec["_key"]
        old = session.execute(
            select(WelfareClaim).where(
                WelfareClaim.project_id == project_id,
                WelfareClaim.enterprise_id == firm_id,
                WelfareClaim.claimed_on == day,
            )
        ).scalar_one_or_none()
        fields = {k: v for k, v in rec.items() if not k.startswith("_")}
        if old is None:
            counts.inserted += 1
            if ctx.dry_run:
                continue
            new = welfare.claim(
                session,
                project=rec["_project"],
                enterprise=rec["_enterprise"],
                day=day,
                note=fields.get("note"),
            )
            if rec["_done"] is not None:
                welfare.complete(
                    session, claim_id=new.id, day=rec["_done"], participants=rec["_people"]
                )  # type: ignore[arg-type]
        else:
            redated = "completed_on" in fields and fields["completed_on"] != old.completed_on
            changed = update_record(session, old, fields, counts, dry_run=ctx.dry_run)
            if changed and redated and not ctx.dry_run:
                welfare.forget_points(session, old.id)  # type: ignore[arg-type]
    return counts


def _export_claims(session: Session) -> Iterator[dict[str, object]]:
    for row in welfare.claim_rows(session):
        yield {
            "project": row["project"],
            "enterprise": row["enterprise"],
            "claimed": row["claimed"],
            "completed": row["completed"],
            "participants": "" if row["participants"] is None else row["participants"],
            "note": row["note"],
        }


WELFARE_CLAIMS = Spec(
    kind="welfare_claims",
    columns=(
        Column("project", "项目", True, name_(200)),
        Column("enterprise", "企业", True, name_()),
        Column("claimed", "认领日期", True, DATE),
        Column("completed", "完成日期", False, DATE),
        Column("participants", "参与人数", False, count),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_claim,
    keys=(("claimed", lambda r: r["_key"]),),
    write=_write_claims,
    export=_export_claims,
    check_all=_check_claims,
)
