"""`gridctl init`: create the ledger or bring it to the newest schema."""

from __future__ import annotations

from typing import Annotated

import typer

from gridctl.cli.context import target
from gridctl.cli.output import say
from gridctl.i18n import t


def init(
    ctx: typer.Context,
    sample: Annotated[bool, typer.Option("--sample", help=t("help.init.sample"))] = False,
) -> None:
    """Create the ledger, or upgrade it to the newest schema; safe to run again."""
    from gridctl.ledger.migrate import upgrade
    from gridctl.ledger.session import make_engine

    where = target(ctx)
    engine = make_engine(where)
    try:
        result = upgrade(engine)
    finally:
        engine.dispose()
    if result.before is None:
        say(t("init.created", where=where.display(), rev=result.after))
    elif result.before == result.after:
        say(t("init.current", where=where.display(), rev=result.after))
    else:
        say(t("init.upgraded", where=where.display(), before=result.before, rev=result.after))
    if sample:
        from gridctl.sample import load_sample

        for line in load_sample(where):
            say(line)


def register(app: typer.Typer) -> None:
    app.command(help=t("help.init"), epilog=t("help.init.example"))(init)
