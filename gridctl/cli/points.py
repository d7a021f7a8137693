"""`gridctl points`: standings, explain, adjust, award, rules, recompute, subsidy, notice.

JSON: points are numbers (ints when whole, e.g. 3 or 2.5); money is a string with two
decimals ("1234.50"), exact to the cent (gridctl.cli.points_output shows both). Every points
command that reads points first brings the derived entries up to date
(gridctl/points/derive.py says why), so they open the ledger for writing. Services are
imported inside the commands (start-up time of `visit add`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from gridctl.cli import output
from gridctl.cli.context import ledger, transaction
from gridctl.cli.fields import NounGroup
from gridctl.cli.options import (
    EnterpriseFilter,
    Format,
    FormatOpt,
    GroupFilter,
    MonthOpt,
    QuarterOpt,
    parse_date,
)
from gridctl.cli.output import Col
from gridctl.cli.points_output import (
    EXPLAIN_COLUMNS,
    SHOW_COLUMNS,
    SUBSIDY_COLUMNS,
    for_output,
    number,
    reward_rows,
    rule_row,
    rules_document,
)
from gridctl.dates import Period
from gridctl.i18n import t
from gridctl.ledger.audit import actor

if TYPE_CHECKING:
    from sqlmodel import Session

    from gridctl.ledger.models import Supervisor
    from gridctl.ledger.models.points import PointAdjustment

NAME = "points"
app = typer.Typer(cls=NounGroup, help=t("help.points"), no_args_is_help=True)
GroupOpt = GroupFilter


def _period(month: Period | None, quarter: Period | None, required: bool = False) -> Period | None:
    if month is not None and quarter is not None:
        raise typer.BadParameter(t("error.period_one"))
    if required and month is None and quarter is None:
        raise typer.BadParameter(t("error.period_needed"))
    return month or quarter


@app.command(help=t("help.points.show"), epilog=t("help.points.show.example"))
def show(
    ctx: typer.Context,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    group: GroupOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.points.standings import standings

    period = _period(month, quarter)
    with ledger(ctx) as session:
        records = standings(session, period=period, group=group)
    output.rows(for_output(records), SHOW_COLUMNS, fmt)


@app.command(help=t("help.points.explain"), epilog=t("help.points.explain.example"))
def explain(
    ctx: typer.Context,
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.points.explain import explain as run

    period = _period(month, quarter)
    with ledger(ctx) as session:
        records = run(session, supervisor=supervisor, period=period)
    total = sum((r.points for r in records), Decimal("0"))
    output.rows(for_output(records), EXPLAIN_COLUMNS, fmt)
    if fmt is Format.table:
        output.say(t("points.explain_total", total=number(total)))


@app.command(
    help=t("help.points.adjust"),
    epilog=t("help.points.adjust.example"),
    # So that a negative POINTS (-2) is read as the argument, not as an option.
    context_settings={"ignore_unknown_options": True},
)
def adjust(
    ctx: typer.Context,
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
    points: Annotated[str, typer.Argument(metavar="POINTS", help=t("help.arg.points"))],
    area: Annotated[str, typer.Option("--area", help=t("help.opt.area"))],
    reason: Annotated[str, typer.Option("--reason", help=t("help.opt.reason"))],
    day: Annotated[
        date | None,
        typer.Option(
            "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.adjust_date")
        ),
    ] = None,
) -> None:
    from gridctl.points import grants
    from gridctl.registers.lookup import find_supervisor

    try:
        value = grants.parse_points(points)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="POINTS") from None

    def write(session: Session) -> tuple[PointAdjustment, Supervisor]:
        row = grants.adjust(
            session,
            supervisor=supervisor,
            points=value,
            area=area,
            reason=reason,
            by=actor(),
            day=day or date.today(),
        )
        return row, find_supervisor(session, supervisor, "supervisor")

    row, person = transaction(ctx, write)
    output.say(
        t(
            "points.adjusted",
            code=person.code,
            name=person.name,
            points=f"{number(value):+}",
            area=row.area,
            id=row.id,
        )
    )


@app.command(help=t("help.points.award"), epilog=t("help.points.award.example"))
def award(
    ctx: typer.Context,
    supervisor: Annotated[str, typer.Argument(help=t("help.arg.supervisor"))],
    kind: Annotated[str, typer.Option("--kind", help=t("help.opt.award_kind"))],
    day: Annotated[
        date,
        typer.Option(
            "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.activity_date")
        ),
    ],
    reason: Annotated[str, typer.Option("--reason", help=t("help.opt.award_reason"))],
    enterprise: EnterpriseFilter = None,
) -> None:
    from gridctl import vocab
    from gridctl.i18n import lang
    from gridctl.points import grants
    from gridctl.registers.lookup import find_supervisor

    with ledger(ctx) as session:
        row = grants.award(
            session,
            supervisor=supervisor,
            kind=kind,
            day=day,
            reason=reason,
            by=actor(),
            enterprise=enterprise,
        )
        person = find_supervisor(session, supervisor, "supervisor")
    kind_shown = vocab.show(vocab.AWARD_KIND, row.kind, lang())
    output.say(
        t(
            "points.awarded",
            kind=kind_shown,
            code=person.code,
            name=person.name,
            date=row.date.isoformat(),
            id=row.id,
        )
    )


@app.command(help=t("help.points.rules"), epilog=t("help.points.rules.example"))
def rules(
    ctx: typer.Context,
    day: Annotated[
        date | None,
        typer.Option(
            "--date", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.rules_date")
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.cli.context import target
    from gridctl.points import rules as rules_mod

    found = rules_mod.load(rules_mod.rules_path(target(ctx).path))
    day = day or date.today()
    current = found.in_force(day)
    rule_rows = [rule_row(r) for r in current.rules.values()] if current else []
    if fmt is Format.json:
        output.record(rules_document(found, current, day, rule_rows), fmt)
        return
    if fmt is Format.csv:
        output.rows(rule_rows, [Col(k) for k in ("rule", "area", "points")], fmt)
        return
    output.say(t("points.rules_from", source=found.source))
    output.rows(
        [{"effective": s.effective.isoformat(), "name": s.name} for s in found.sets],
        [Col("effective"), Col("name")],
        fmt,
        title=t("points.rules_sets"),
    )
    if current is None:
        output.say(t("points.rules_none", day=day.isoformat()))
        return
    output.say(
        t(
            "points.rules_in_force",
            day=day.isoformat(),
            name=current.name,
            effective=current.effective.isoformat(),
        )
    )
    rule_cols = [Col("rule"), Col("area", "area"), Col("points", right=True), Col("kinds")]
    rule_cols += [Col("cap", right=True), Col("cap_per")]
    output.rows(rule_rows, rule_cols, fmt)
    output.record(current.subsidy, fmt)
    reward_cols = [Col("tier"), Col("up_to_rank", right=True), Col("amount", right=True)]
    reward_cols.append(Col("min_points", right=True))
    output.rows(reward_rows(current), reward_cols, fmt, title=t("points.rewards_title"))
    classes = [{"class": k, "months": v} for k, v in found.visit_classes.items()]
    output.rows(classes, [Col("class"), Col("months")], fmt, title=t("points.visit_classes_title"))


@app.command(help=t("help.points.recompute"), epilog=t("help.points.recompute.example"))
def recompute(
    ctx: typer.Context,
    since: Annotated[
        date,
        typer.Option("--from", parser=parse_date, metavar="YYYY-MM-DD", help=t("help.opt.from")),
    ],
) -> None:
    from gridctl.points.derive import recompute as run

    with ledger(ctx) as session:
        done = run(session, since=since)
    output.say(
        t("points.recomputed", day=since.isoformat(), removed=done.removed, inserted=done.inserted)
    )


@app.command(help=t("help.points.subsidy"), epilog=t("help.points.subsidy.example"))
def subsidy(
    ctx: typer.Context,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    from gridctl.points.subsidy import subsidy_rows, totals

    period = _period(month, quarter, required=True)
    assert period is not None
    with ledger(ctx) as session:
        records = subsidy_rows(session, period=period)
    shown = for_output(records)
    if fmt is Format.table:
        sums = totals(records)
        shown.append({"supervisor": t("points.total"), **for_output([sums])[0]})
    output.rows(shown, SUBSIDY_COLUMNS, fmt, title=t("points.subsidy_title", period=period.label))


@app.command(help=t("help.points.notice"), epilog=t("help.points.notice.example"))
def notice(ctx: typer.Context, month: MonthOpt = None) -> None:
    from gridctl.points.notice import notice as build

    period = _period(month, None, required=True)
    assert period is not None
    with ledger(ctx) as session:
        text = build(session, month=period)
    output.say(text.rstrip("\n"))
