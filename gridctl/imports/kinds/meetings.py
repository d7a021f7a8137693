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
from gridctl.imports.cells import resolve_list, split_list
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
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import GuidanceGroup, Supervisor
from gridctl.ledger.models.meetings import Meeting, MeetingAttendee
from gridctl.work import meetings

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
