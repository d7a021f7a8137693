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

import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.kinds_activities import resolve_list, split_list
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
    cell_text,
    choice,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records, update_record
from gridctl.ledger.models import Enterprise, GuidanceGroup, Supervisor
from gridctl.ledger.models.meetings import Meeting, MeetingAttendee
from gridctl.ledger.models.organisation import BeltSite
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.organisation import brands
from gridctl.sharing import welfare
from gridctl.work import meetings

# --- the demonstration belt -------------------------------------------------------------


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


# --- welfare claims ---------------------------------------------------------------------

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


# --- meetings ---------------------------------------------------------------------------

MEETING_FIELD = {"--group": "group", "--attendee": "attendees", "--date": "date"}
TEXT_SEP = re.compile(r"[；;\r\n]+")


def text_list(value: object) -> tuple[str, ...]:
    """Topics or decisions: one per line, or separated by ；/;."""
    return tuple(p.strip() for p in TEXT_SEP.split(cell_text(value)) if p.strip())


def _lines(items: tuple[str, ...] | None) -> str | None:
    return "\n".join(items or ()) or None


def _resolve_meeting(row: Row, refs: Refs) -> dict[str, Any] | None:
    code, day, group_ref = row.get("kind"), row.get("date"), row.get("group")
    group = None
    if code is not None:
        try:
            meetings.check_group(code, group_ref)
        except GridctlError as exc:
            row.error("group", exc.detail, exc.value)
        else:
            if group_ref:
                group = row.ref("group", refs.group, "group")
    people = resolve_list(row, "attendees", refs.supervisor, "supervisor") or []
    refs_given = row.get("attendees") or ()
    if group is not None and len(people) == len(refs_given):
        for ref, person in zip(refs_given, people, strict=True):
            try:
                meetings.check_attendee(ref, person.group_id, group.id, group.name)
            except GridctlError as exc:
                row.error("attendees", exc.detail, exc.value)
    if row.errors or code is None or day is None:
        return None
    group_id = group.id if group else None
    same = refs.session.execute(
        select(Meeting.id).where(
            Meeting.kind == code,
            Meeting.date == day,
            Meeting.group_id == group_id if group_id else Meeting.group_id.is_(None),  # type: ignore[union-attr]
        )
    ).scalar_one_or_none()
    if same is None:
        clash = meetings.find_clash(refs.session, code, day, group_id)
        if clash is not None:
            row.error("date", meetings.clash_message(clash, code, day), day.isoformat())
            return None
    rec: dict[str, Any] = {
        "_key": (code, day, group_id),
        "_group": group.name if group else None,
        "_period": (code, group_id, meetings.period_of(code, day)),
    }
    if row.has("title"):
        rec["title"] = blank(row.get("title"))
    for key in ("topics", "decisions"):
        if row.has(key):
            rec[key] = _lines(row.get(key))
    if row.has("attendees"):
        rec["_attendees"] = {p.id: p.code for p in people}
    return rec


def _check_meetings(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """One meeting of a kind (and group) per period in the file too (add_meeting's rule)."""
    first: dict[Any, int] = {}
    errors = []
    for line, rec in pairs:
        code, day, _ = rec["_key"]
        if rec["_period"] in first:
            what = t("imp.meeting.on_line", line=first[rec["_period"]])
            message = meetings.clash_message(what, code, day)
            errors.append(RowError(line, labels.get("date", "date"), message, day.isoformat()))
        else:
            first[rec["_period"]] = line
    return errors


def _write_meetings(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in records(chunks):
        code, day, group_id = rec["_key"]
        old = session.execute(
            select(Meeting).where(
                Meeting.kind == code,
                Meeting.date == day,
                Meeting.group_id == group_id if group_id else Meeting.group_id.is_(None),  # type: ignore[union-attr]
            )
        ).scalar_one_or_none()
        fields = {k: v for k, v in rec.items() if not k.startswith("_")}
        people = rec.get("_attendees")
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                meetings.add_meeting(
                    session,
                    kind=code,
                    day=day,
                    group=rec["_group"],
                    title=fields.get("title"),
                    attendees=list((people or {}).values()),
                    topics=(fields.get("topics") or "").splitlines(),
                    decisions=(fields.get("decisions") or "").splitlines(),
                )
            continue
        had = set(
            session.execute(
                select(MeetingAttendee.supervisor_id).where(MeetingAttendee.meeting_id == old.id)
            ).scalars()
        )
        new_people = people is not None and set(people) != had
        if not new_people and all(getattr(old, k) == v for k, v in fields.items()):
            counts.unchanged += 1
            continue
        counts.updated += 1
        if ctx.dry_run:
            continue
        for k, v in fields.items():
            setattr(old, k, v)
        session.add(old)
        if new_people:
            session.execute(delete(MeetingAttendee).where(MeetingAttendee.meeting_id == old.id))
            for person_id in people:
                session.add(MeetingAttendee(meeting_id=old.id, supervisor_id=person_id))
        session.flush()
    return counts


def _export_meetings(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Meeting, GuidanceGroup.name)
        .outerjoin(GuidanceGroup, GuidanceGroup.id == Meeting.group_id)
        .order_by(Meeting.date, Meeting.id)
    )
    attended: dict[int, list[str]] = {}
    for meeting_id, code in session.execute(
        select(MeetingAttendee.meeting_id, Supervisor.code)
        .join(Supervisor, Supervisor.id == MeetingAttendee.supervisor_id)
        .order_by(Supervisor.code)
    ):
        attended.setdefault(meeting_id, []).append(code)
    for m, group in session.execute(query):
        yield {
            "kind": m.kind,
            "date": m.date,
            "group": group or "",
            "title": m.title or "",
            "attendees": "、".join(attended.get(m.id, [])),
            "topics": m.topics or "",
            "decisions": m.decisions or "",
        }


MEETINGS = Spec(
    kind="meetings",
    columns=(
        Column("kind", "类型", True, choice(vocab.MEETING_KIND), vocab=vocab.MEETING_KIND),
        Column("date", "日期", True, DATE),
        Column("group", "指导组", False, name_()),
        Column("title", "名称", False, text_(200)),
        Column("attendees", "参会人员", False, split_list),
        Column("topics", "议题", False, text_list),
        Column("decisions", "议定事项", False, text_list),
    ),
    resolve=_resolve_meeting,
    keys=(("date", lambda r: r["_key"]),),
    write=_write_meetings,
    export=_export_meetings,
    check_all=_check_meetings,
)
