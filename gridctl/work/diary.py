"""The work diary (工作日记): a supervisor's dated entries, and the notes of their visits.

A supervisor's diary reads as one list: the entries written with `diary add` and every visit
they recorded (its notes are that day's diary entry), each row marked with where it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, String, cast, func, literal, null, select, union_all
from sqlmodel import Session, col

from gridctl.dates import Period
from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import DiaryEntry, Enterprise, Supervisor, Visit
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_supervisor


@dataclass(frozen=True, slots=True)
class DiaryRow:
    """A line of a diary: an entry (source "diary") or a visit's notes (source "visit")."""

    date: str
    source: str
    id: int
    supervisor: str
    enterprise: str
    category: str
    text: str


def check_entry(
    *, supervisor: str, active: bool, day: date, text: str, today: date | None = None
) -> str:
    """The rules of an entry (the import checks each row with them); the text to keep."""
    content = (text or "").strip()
    if not content:
        raise Invalid("text", text, t("detail.diary.text"))
    if day > (today or date.today()):
        raise Invalid("date", day.isoformat(), t("detail.diary.future"))
    if not active:
        raise Invalid("supervisor", supervisor, t("detail.inactive"))
    return content


def add_entry(
    session: Session, *, supervisor: str, day: date, text: str, today: date | None = None
) -> DiaryEntry:
    person = find_supervisor(session, supervisor)
    content = check_entry(
        supervisor=supervisor, active=person.active, day=day, text=text, today=today
    )
    entry = DiaryEntry(supervisor_id=id_of(person), date=day, content=content)
    session.add(entry)
    session.flush()
    return entry


def _diary_parts(
    session: Session, supervisor: str, period: Period | None
) -> tuple[Supervisor, Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
    """The supervisor, and the two halves of a diary: entries written, visits recorded."""
    person = find_supervisor(session, supervisor)
    entries: Select[*tuple[Any, ...]] = select(
        literal("diary", String).label("source"),
        col(DiaryEntry.id).label("id"),
        col(DiaryEntry.date).label("date"),
        cast(null(), String).label("enterprise"),
        cast(null(), String).label("category"),
        col(DiaryEntry.content).label("text"),
    ).where(col(DiaryEntry.supervisor_id) == person.id)
    visits: Select[*tuple[Any, ...]] = (
        select(
            literal("visit", String),
            col(Visit.id),
            col(Visit.date),
            col(Enterprise.name),
            col(Visit.category),
            func.coalesce(col(Visit.notes), ""),
        )
        .join(Enterprise, col(Enterprise.id) == col(Visit.enterprise_id))
        .where(col(Visit.supervisor_id) == person.id)
    )
    if period is not None:
        entries = entries.where(
            col(DiaryEntry.date) >= period.start, col(DiaryEntry.date) < period.end
        )
        visits = visits.where(col(Visit.date) >= period.start, col(Visit.date) < period.end)
    return person, entries, visits


def diary_count(session: Session, *, supervisor: str, period: Period | None = None) -> int:
    _, entries, visits = _diary_parts(session, supervisor, period)
    both = union_all(entries, visits).subquery()
    total: int = session.execute(select(func.count()).select_from(both)).scalar_one()
    return total


def diary_rows(
    session: Session,
    *,
    supervisor: str,
    period: Period | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[DiaryRow]:
    """Diary entries and visits of one supervisor, newest day first (on a day, entries before
    visits, then the latest recorded first), read in batches."""
    person, entries, visits = _diary_parts(session, supervisor, period)
    both = union_all(entries, visits).subquery()
    query = (
        select(both)
        .order_by(both.c.date.desc(), both.c.source, both.c.id.desc())
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=1000)
    )
    for row in session.execute(query):
        yield DiaryRow(
            # SQLite gives the union's dates back as text.
            date=row.date.isoformat() if hasattr(row.date, "isoformat") else str(row.date),
            source=row.source,
            id=row.id,
            supervisor=person.code,
            enterprise=row.enterprise or "",
            category=row.category or "",
            text=row.text,
        )
