"""Visits (走访): the rules of a visit (the command and the import check them alike), record
one (each problem found on it opens a problem), list them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import lang, t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor

# Rows fetched from the database at a time when a list is streamed.
BATCH = 1000


@dataclass(frozen=True, slots=True)
class VisitRow:
    """A visit as the list shows it: who, where (with the supervisor's group), when, what."""

    id: int
    date: str
    supervisor: str
    supervisor_name: str
    enterprise: str
    credit_code: str
    group: str
    category: str
    notes: str
    source: str


def visit_refusals(
    *, day: date | None, supervisor: str, active: bool | None, today: date
) -> list[Invalid]:
    """The rules of a visit that need no query: not in the future, by a supervisor still
    active (`supervisor` is the reference given, shown in the refusal). Every rule broken, in
    that order: the command refuses with the first, an import reports each at its column.
    None: not known (a cell an import could not read), not checked. Cheap enough for every row
    of a million-row file."""
    broken = []
    if day is not None and day > today:
        broken.append(Invalid("date", day.isoformat(), t("detail.future_visit")))
    if active is False:
        broken.append(Invalid("supervisor", supervisor, t("detail.inactive")))
    return broken


def add_visit(
    session: Session,
    *,
    supervisor: str,
    enterprise: str,
    day: date,
    category: str = "routine",
    notes: str | None = None,
    problems: list[str] | None = None,
    source: str = "cli",
    today: date | None = None,
) -> tuple[Visit, list[Problem]]:
    person = find_supervisor(session, supervisor)
    firm = find_enterprise(session, enterprise)
    broken = visit_refusals(
        day=day, supervisor=supervisor, active=person.active, today=today or date.today()
    )
    if broken:
        raise broken[0]
    cat = vocab.parse(vocab.VISIT_CATEGORY, category, "category")
    clash = session.exec(
        select(Visit.id).where(
            Visit.supervisor_id == person.id,
            Visit.enterprise_id == firm.id,
            Visit.date == day,
            Visit.category == cat,
        )
    ).first()
    if clash is not None:
        shown = vocab.show(vocab.VISIT_CATEGORY, cat, lang())
        raise Conflict("date", day.isoformat(), t("detail.visit_exists", id=clash, category=shown))
    visit = Visit(
        supervisor_id=id_of(person),
        enterprise_id=id_of(firm),
        date=day,
        category=cat,
        notes=(notes or "").strip() or None,
        source=source,
    )
    session.add(visit)
    session.flush()
    opened = [open_problem_row(session, visit=visit, description=text) for text in (problems or [])]
    return visit, opened


def open_problem_row(session: Session, *, visit: Visit, description: str) -> Problem:
    text = description.strip()
    if not text:
        raise Invalid("problem", description, t("detail.empty"))
    problem = Problem(
        visit_id=visit.id,
        enterprise_id=visit.enterprise_id,
        supervisor_id=visit.supervisor_id,
        description=text,
        opened=visit.date,
    )
    session.add(problem)
    session.flush()
    return problem


def _visit_filters(
    session: Session,
    *,
    period: Period | None,
    supervisor: str | None,
    enterprise: str | None,
    group: str | None,
) -> list[ColumnElement[bool]]:
    """The filters as conditions on the visit alone, so the count needs no join."""
    where: list[ColumnElement[bool]] = []
    if period is not None:
        where += [col(Visit.date) >= period.start, col(Visit.date) < period.end]
    if supervisor:
        where.append(col(Visit.supervisor_id) == find_supervisor(session, supervisor).id)
    if enterprise:
        where.append(col(Visit.enterprise_id) == find_enterprise(session, enterprise).id)
    if group:
        members = select(Supervisor.id).where(Supervisor.group_id == find_group(session, group).id)
        where.append(col(Visit.supervisor_id).in_(members))
    return where


def visit_count(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    enterprise: str | None = None,
    group: str | None = None,
) -> int:
    where = _visit_filters(
        session, period=period, supervisor=supervisor, enterprise=enterprise, group=group
    )
    total: int = session.execute(
        select_columns(func.count()).select_from(Visit).where(*where)
    ).scalar_one()
    return total


def visit_rows(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    enterprise: str | None = None,
    group: str | None = None,
) -> list[VisitRow]:
    """The visits, oldest first, all of them (an enterprise's dossier)."""
    return list(
        visit_page(
            session,
            period=period,
            supervisor=supervisor,
            enterprise=enterprise,
            group=group,
            newest_first=False,
        )
    )


def visit_page(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    enterprise: str | None = None,
    group: str | None = None,
    newest_first: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[VisitRow]:
    """The visits, oldest first or newest first (date, then id: a stable order to page
    through), read in batches so a million rows never sit in memory at once."""
    where = _visit_filters(
        session, period=period, supervisor=supervisor, enterprise=enterprise, group=group
    )
    order = (
        (col(Visit.date).desc(), col(Visit.id).desc())
        if newest_first
        else (col(Visit.date), col(Visit.id))
    )
    query = (
        select_columns(
            col(Visit.id),
            col(Visit.date),
            col(Visit.category),
            col(Visit.notes),
            col(Visit.source),
            col(Supervisor.code),
            col(Supervisor.name),
            col(Enterprise.name),
            col(Enterprise.credit_code),
            col(GuidanceGroup.name),
        )
        .join(Supervisor, col(Supervisor.id) == col(Visit.supervisor_id))
        .join(Enterprise, col(Enterprise.id) == col(Visit.enterprise_id))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .where(*where)
        .order_by(*order)
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=BATCH)
    )
    # Columns, not Visit objects: building an ORM object per row costs more than the row.
    for vid, day, category, notes, source, scode, sname, ename, ccode, gname in session.execute(
        query
    ):
        yield VisitRow(
            id=vid,
            date=day.isoformat(),
            supervisor=scode,
            supervisor_name=sname,
            enterprise=ename,
            credit_code=ccode or "",
            group=gname,
            category=category,
            notes=notes or "",
            source=source,
        )
