"""Import spec of meetings: group, group-leader and joint meetings, with their attendees,
topics and decisions.

The natural key is kind + date + group (a group only for a monthly group meeting). Attendees
are supervisor codes separated by ；, ; or 、; topics and decisions one per line or separated
by ；/; (an export writes one per line). Each row passes the rules of `gridctl meeting add`
(meetings.check_group, check_attendee): only a monthly group meeting has a group, and its
attendees are the group's supervisors. One meeting per period of its kind
(meetings.find_clash, clash_message): a second one in the file, or one in the ledger on
another day of the period, is refused. New meetings are recorded through
meetings.add_meeting; a meeting already in the ledger is updated in the columns its file
gives (an absent column leaves the field alone; an empty cell clears it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlmodel import Session, col

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.cells import resolve_list, split_list
from gridctl.imports.refs import GroupRef, Refs
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

TEXT_SEP = re.compile(r"[；;\r\n]+")


def text_list(value: object) -> tuple[str, ...]:
    """Topics or decisions: one per line, or separated by ；/;."""
    return tuple(p.strip() for p in TEXT_SEP.split(cell_text(value)) if p.strip())


def _lines(items: tuple[str, ...] | None) -> str | None:
    return "\n".join(items or ()) or None


MeetingKey = tuple[str, dt.date, int | None]


@dataclass(frozen=True, slots=True)
class MeetingRec:
    """A checked row: the meeting's natural key, and what the file gives of it."""

    kind: str
    date: dt.date
    group_id: int | None
    group: str | None  # the group's name, as add_meeting takes it
    period: str  # the period it is the one meeting of (meetings.period_of)
    changes: dict[str, str | None]  # title, topics, decisions: those the file has a column of
    attendees: dict[int, str] | None  # supervisor id -> code; None: no attendees column

    @property
    def key(self) -> MeetingKey:
        return (self.kind, self.date, self.group_id)


def _same_key(kind: str, day: dt.date, group_id: int | None) -> ColumnElement[bool]:
    group = col(Meeting.group_id) == group_id if group_id else col(Meeting.group_id).is_(None)
    return (col(Meeting.kind) == kind) & (col(Meeting.date) == day) & group


def _group(row: Row, refs: Refs, code: str) -> GroupRef | None:
    """The meeting's group, if it has one; a group on any other kind is refused."""
    group_ref = row.get("group")
    try:
        meetings.check_group(code, group_ref)
    except GridctlError as exc:
        row.blame(exc, default="group")
        return None
    return row.ref("group", refs.group, "group") if group_ref else None


def _resolve_meeting(row: Row, refs: Refs) -> MeetingRec | None:
    code, day = row.get("kind"), row.get("date")
    group = _group(row, refs, code) if code is not None else None
    people = resolve_list(row, "attendees", refs.supervisor, "supervisor") or []
    refs_given = row.get("attendees") or ()
    if group is not None and len(people) == len(refs_given):
        for ref, person in zip(refs_given, people, strict=True):
            try:
                meetings.check_attendee(ref, person.group_id, group.id, group.name)
            except GridctlError as exc:
                row.blame(exc, default="attendees")
    if row.errors or code is None or day is None:
        return None
    group_id = group.id if group else None
    same = refs.session.execute(
        select(col(Meeting.id)).where(_same_key(code, day, group_id))
    ).scalar_one_or_none()
    if same is None:
        clash = meetings.find_clash(refs.session, code, day, group_id)
        if clash is not None:
            row.error("date", meetings.clash_message(clash, code, day), day.isoformat())
            return None
    changes: dict[str, str | None] = {}
    if row.has("title"):
        changes["title"] = blank(row.get("title"))
    for key in ("topics", "decisions"):
        if row.has(key):
            changes[key] = _lines(row.get(key))
    return MeetingRec(
        kind=code,
        date=day,
        group_id=group_id,
        group=group.name if group else None,
        period=meetings.period_of(code, day),
        changes=changes,
        attendees={p.id: p.code for p in people} if row.has("attendees") else None,
    )


def _check_meetings(
    pairs: list[tuple[int, Any]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """One meeting of a kind (and group) per period in the file too (add_meeting's rule)."""
    first: dict[tuple[str, int | None, str], int] = {}
    errors = []
    for line, rec in pairs:
        period = (rec.kind, rec.group_id, rec.period)
        if period in first:
            what = t("imp.meeting.on_line", line=first[period])
            message = meetings.clash_message(what, rec.kind, rec.date)
            errors.append(RowError(line, labels.get("date", "date"), message, rec.date.isoformat()))
        else:
            first[period] = line
    return errors


def _write_meetings(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in records(chunks):
        old = session.execute(
            select(Meeting).where(_same_key(rec.kind, rec.date, rec.group_id))
        ).scalar_one_or_none()
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                _add(session, rec)
            continue
        had = set(
            session.execute(
                select(col(MeetingAttendee.supervisor_id)).where(
                    col(MeetingAttendee.meeting_id) == old.id
                )
            ).scalars()
        )
        people = rec.attendees
        new_people = people is not None and set(people) != had
        if not new_people and all(getattr(old, k) == v for k, v in rec.changes.items()):
            counts.unchanged += 1
            continue
        counts.updated += 1
        if ctx.dry_run:
            continue
        for k, v in rec.changes.items():
            setattr(old, k, v)
        session.add(old)
        if people is not None and new_people:
            meeting_id = old.id
            session.execute(
                delete(MeetingAttendee).where(col(MeetingAttendee.meeting_id) == meeting_id)
            )
            for person_id in people:
                session.add(MeetingAttendee(meeting_id=meeting_id, supervisor_id=person_id))
        session.flush()
    return counts


def _add(session: Session, rec: MeetingRec) -> None:
    """`meeting add`, with the row's fields."""
    meetings.add_meeting(
        session,
        kind=rec.kind,
        day=rec.date,
        group=rec.group,
        title=rec.changes.get("title"),
        attendees=list((rec.attendees or {}).values()),
        topics=(rec.changes.get("topics") or "").splitlines(),
        decisions=(rec.changes.get("decisions") or "").splitlines(),
    )


def _export_meetings(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Meeting, col(GuidanceGroup.name))
        .outerjoin(GuidanceGroup, col(GuidanceGroup.id) == col(Meeting.group_id))
        .order_by(col(Meeting.date), col(Meeting.id))
    )
    attended: dict[int, list[str]] = {}
    for meeting_id, code in session.execute(
        select(col(MeetingAttendee.meeting_id), col(Supervisor.code))
        .join(Supervisor, col(Supervisor.id) == col(MeetingAttendee.supervisor_id))
        .order_by(col(Supervisor.code))
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
    keys=(("date", lambda r: r.key),),
    write=_write_meetings,
    export=_export_meetings,
    check_all=_check_meetings,
    fields={"attendee": "attendees"},
)
