"""Activities (组织开展活动): the rules of one (the command and the import check them alike),
record one with the enterprises taking part, list them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.dates import Period
from gridctl.errors import Conflict, Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Supervisor
from gridctl.ledger.models.points import Activity, ActivityEnterprise
from gridctl.ledger.models.typed import id_of
from gridctl.registers.lookup import find_enterprise, find_group, find_supervisor

# Activities read at a time when a list is streamed (their enterprises are read per batch).
BATCH = 500


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """An activity as the list shows it, with the names of the enterprises taking part."""

    id: int
    date: str
    supervisor: str
    supervisor_name: str
    group: str
    title: str
    kind: str
    participants: int | None
    enterprises: list[str]


def check_activity(
    *, title: str, day: date, kind: str, participants: int | None, today: date | None = None
) -> tuple[str, str]:
    """The rules of an activity that need no ledger (the import checks each row with them):
    the title stripped and the kind's code, or Invalid naming the title, date, kind or
    participants."""
    text = (title or "").strip()
    if not text:
        raise Invalid("title", title or "", t("detail.empty"))
    if day > (today or date.today()):
        raise Invalid("date", day.isoformat(), t("detail.activity_future"))
    code = vocab.parse(vocab.ACTIVITY_KIND, kind, "kind")
    if participants is not None and participants < 0:
        raise Invalid("participants", participants, t("detail.zero_or_more"))
    return text, code


def add_activity(
    session: Session,
    *,
    title: str,
    supervisor: str,
    day: date,
    enterprises: list[str] | None = None,
    kind: str = "other",
    participants: int | None = None,
    source: str = "cli",
    today: date | None = None,
) -> Activity:
    text, code = check_activity(
        title=title, day=day, kind=kind, participants=participants, today=today
    )
    person = find_supervisor(session, supervisor)
    # Each enterprise once, in the order given.
    firm_ids = dict.fromkeys(id_of(find_enterprise(session, ref)) for ref in enterprises or [])
    clash = session.exec(
        select(Activity.id).where(
            Activity.supervisor_id == person.id, Activity.date == day, Activity.title == text
        )
    ).first()
    if clash is not None:
        raise Conflict("title", text, t("detail.activity_exists", id=clash, day=day))
    activity = Activity(
        title=text,
        supervisor_id=id_of(person),
        date=day,
        kind=code,
        participants=participants,
        source=source,
        recorded_at=datetime.now(UTC),
    )
    session.add(activity)
    session.flush()
    for firm_id in firm_ids:
        session.add(ActivityEnterprise(activity_id=id_of(activity), enterprise_id=firm_id))
    session.flush()
    return activity


def _enterprises_of(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for i in range(0, len(ids), 500):
        rows = session.exec(
            select(ActivityEnterprise.activity_id, Enterprise.name)
            .join(Enterprise, col(Enterprise.id) == col(ActivityEnterprise.enterprise_id))
            .where(col(ActivityEnterprise.activity_id).in_(ids[i : i + 500]))
            .order_by(col(Enterprise.name))
        ).all()
        for aid, name in rows:
            out[aid].append(name)
    return out


def _activity_filters(
    session: Session,
    *,
    period: Period | None,
    supervisor: str | None,
    group: str | None,
    enterprise: str | None,
) -> list[ColumnElement[bool]]:
    """The filters as conditions on the activity alone, so the count needs no join."""
    where: list[ColumnElement[bool]] = []
    if period is not None:
        where += [col(Activity.date) >= period.start, col(Activity.date) < period.end]
    if supervisor:
        where.append(col(Activity.supervisor_id) == find_supervisor(session, supervisor).id)
    if group:
        members = select(Supervisor.id).where(Supervisor.group_id == find_group(session, group).id)
        where.append(col(Activity.supervisor_id).in_(members))
    if enterprise:
        firm = find_enterprise(session, enterprise)
        taking_part = select(ActivityEnterprise.activity_id).where(
            ActivityEnterprise.enterprise_id == firm.id
        )
        where.append(col(Activity.id).in_(taking_part))
    return where


def activity_count(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    group: str | None = None,
    enterprise: str | None = None,
) -> int:
    where = _activity_filters(
        session, period=period, supervisor=supervisor, group=group, enterprise=enterprise
    )
    total: int = session.exec(select(func.count()).select_from(Activity).where(*where)).one()
    return total


def activity_rows(session: Session, *, enterprise: str) -> list[ActivityRow]:
    """The activities an enterprise took part in, oldest first, all of them (its dossier)."""
    return list(activity_page(session, enterprise=enterprise, newest_first=False))


def activity_page(
    session: Session,
    *,
    period: Period | None = None,
    supervisor: str | None = None,
    group: str | None = None,
    enterprise: str | None = None,
    newest_first: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[ActivityRow]:
    """The activities by date then id (newest first unless told), read in batches, each batch
    with the names of its enterprises."""
    where = _activity_filters(
        session, period=period, supervisor=supervisor, group=group, enterprise=enterprise
    )
    order = (col(Activity.date), col(Activity.id))
    query = (
        select(Activity, Supervisor.code, Supervisor.name, GuidanceGroup.name)
        .join(Supervisor, col(Supervisor.id) == col(Activity.supervisor_id))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .where(*where)
        .order_by(*(c.desc() for c in order) if newest_first else order)
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=BATCH)
    )
    for found in session.exec(query).partitions(BATCH):
        names = _enterprises_of(session, [id_of(a) for a, *_ in found])
        for a, scode, sname, gname in found:
            yield ActivityRow(
                id=id_of(a),
                date=a.date.isoformat(),
                supervisor=scode,
                supervisor_name=sname,
                group=gname,
                title=a.title,
                kind=a.kind,
                participants=a.participants,
                enterprises=names.get(id_of(a), []),
            )
