"""`gridctl meeting`: group, group-leader and joint meetings; `gridctl problem refer`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import Format, FormatOpt, GroupFilter, MonthOpt, parse_date, require_change
from gridctl.cli.output import Col
from gridctl.i18n import t
from gridctl.work import meeting_listing, meetings, referrals

NAME = "meeting"
app = typer.Typer(cls=NounGroup, help=t("help.meeting"), no_args_is_help=True)
COLUMNS = [
    Col("id", right=True),
    Col("date"),
    Col("kind", "meeting_kind"),
    Col("group"),
    Col("title", label="col.meeting_title"),
    Col("attendees", right=True),
    Col("problems", right=True, label="col.meeting_problems"),
]
PROBLEMS = [
    Col("id", right=True),
    Col("enterprise"),
    Col("description"),
    Col("status", "status"),
    Col("outcome"),
]
MeetingDate = Annotated[
    date,
    typer.Option(
        "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.meeting_date")
    ),
]


@app.command(help=t("help.meeting.add"), epilog=t("help.meeting.add.example"))
def add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option("--kind", help=t("help.opt.meeting_kind"))],
    day: MeetingDate,
    group: Annotated[str | None, typer.Option("--group", help=t("help.opt.meeting_group"))] = None,
    title: Annotated[str | None, typer.Option("--title", help=t("help.opt.title"))] = None,
    attendee: Annotated[
        list[str] | None, typer.Option("--attendee", "-a", help=t("help.opt.attendee"))
    ] = None,
    topic: Annotated[list[str] | None, typer.Option("--topic", help=t("help.opt.topic"))] = None,
    decision: Annotated[
        list[str] | None, typer.Option("--decision", help=t("help.opt.decision"))
    ] = None,
    problem: Annotated[
        list[int] | None, typer.Option("--problem", help=t("help.opt.meeting_problem"))
    ] = None,
) -> None:
    with ledger(ctx) as session:
        meeting = meetings.add_meeting(
            session,
            kind=kind,
            day=day,
            group=group,
            title=title,
            attendees=attendee,
            topics=topic,
            decisions=decision,
            problems=problem,
        )
    output.say(t("meeting.added", id=meeting.id, date=meeting.date.isoformat()))


@app.command("list", help=t("help.meeting.list"), epilog=t("help.meeting.list.example"))
def list_(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", help=t("help.opt.meeting_kind"))] = None,
    group: GroupFilter = None,
    month: MonthOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        records = meeting_listing.meeting_rows(session, kind=kind, group=group, period=month)
    output.rows(records, COLUMNS, fmt)


@app.command(help=t("help.meeting.show"), epilog=t("help.meeting.show.example"))
def show(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID", help=t("help.arg.meeting"))],
    fmt: FormatOpt = Format.table,
) -> None:
    with ledger(ctx, write=False) as session:
        rec = meeting_listing.meeting_detail(session, meeting_id)
    if fmt is not Format.table:
        output.record(rec, fmt)
        return
    flat = output.plain(rec) | {
        "topics": "\n".join(rec.topics),
        "decisions": "\n".join(rec.decisions),
        "attendees": "、".join(f"{a.code} {a.name}" for a in rec.attendees),
    }
    output.record(flat, fmt, [Col("kind", "meeting_kind")])
    if rec.problems:
        output.rows(rec.problems, PROBLEMS, fmt, title=t("meeting.problems"))


@app.command(help=t("help.meeting.outcome"), epilog=t("help.meeting.outcome.example"))
def outcome(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID", help=t("help.arg.meeting"))],
    problem_id: Annotated[int, typer.Argument(metavar="PROBLEM_ID", help=t("help.arg.problem_id"))],
    text: Annotated[str, typer.Option("--outcome", help=t("help.opt.outcome"))],
    solved: Annotated[bool, typer.Option("--solved", help=t("help.opt.solved"))] = False,
) -> None:
    with ledger(ctx) as session:
        referrals.record_outcome(
            session, meeting_id=meeting_id, problem_id=problem_id, outcome=text, solved=solved
        )
    key = "meeting.outcome_solved" if solved else "meeting.outcome"
    output.say(t(key, meeting=meeting_id, problem=problem_id))


MeetingId = Annotated[int, typer.Argument(metavar="MEETING_ID", help=t("help.arg.meeting"))]


@app.command(help=t("help.meeting.update"), epilog=t("help.meeting.update.example"))
def update(
    ctx: typer.Context,
    meeting_id: MeetingId,
    day: Annotated[
        date | None,
        typer.Option(
            "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.meeting_date")
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help=t("help.opt.title"))] = None,
    attendee: Annotated[
        list[str] | None, typer.Option("--attendee", "-a", help=t("help.opt.attendee_replace"))
    ] = None,
    topic: Annotated[
        list[str] | None, typer.Option("--topic", help=t("help.opt.topic_replace"))
    ] = None,
    decision: Annotated[
        list[str] | None, typer.Option("--decision", help=t("help.opt.decision_replace"))
    ] = None,
) -> None:
    require_change(day, title, attendee, topic, decision)
    with ledger(ctx) as session:
        meeting = meetings.update_meeting(
            session,
            meeting_id=meeting_id,
            day=day,
            title=title,
            attendees=attendee,
            topics=topic,
            decisions=decision,
        )
        when = meeting.date.isoformat()
    output.say(t("meeting.updated", id=meeting_id, date=when))


@app.command(help=t("help.meeting.delete"), epilog=t("help.meeting.delete.example"))
def delete(ctx: typer.Context, meeting_id: MeetingId) -> None:
    with ledger(ctx) as session:
        gone = meetings.delete_meeting(session, meeting_id=meeting_id)
    output.say(
        t("meeting.deleted", id=meeting_id, attendees=gone.attendees, problems=gone.problems)
    )


def refer(
    ctx: typer.Context,
    problem_id: Annotated[int, typer.Argument(metavar="ID", help=t("help.arg.problem_id"))],
    meeting_id: Annotated[int, typer.Option("--meeting", help=t("help.opt.joint_meeting"))],
    note: Annotated[str | None, typer.Option("--note", help=t("help.opt.refer_note"))] = None,
) -> None:
    with ledger(ctx) as session:
        problem, meeting = referrals.refer(
            session, problem_id=problem_id, meeting_id=meeting_id, note=note
        )
    output.say(t("problem.referred", id=problem.id, meeting=meeting.id, date=str(meeting.date)))


def register_problem_commands(problem_app: typer.Typer) -> None:
    """`gridctl problem refer`: lives here with the meetings it refers problems to."""
    problem_app.command(help=t("help.problem.refer"), epilog=t("help.problem.refer.example"))(refer)
