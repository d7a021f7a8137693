"""Open the ledger named by --db / GRIDCTL_DB / the default for the running command."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import typer

from gridctl.i18n import t
from gridctl.ledger.config import Target, resolve

if TYPE_CHECKING:
    # The database layer loads when a command opens the ledger, not for --help or --version.
    from sqlmodel import Session

    from gridctl.ledger.writer import Holder

T = TypeVar("T")


def target(ctx: typer.Context) -> Target:
    return resolve(ctx.find_root().params.get("db"))


def _waiting(where: Target) -> Callable[[Holder | None], None]:
    def say(who: Holder | None) -> None:
        # Not through cli.output: that loads rich, and every writing command comes here.
        if who is None:
            line = t("scale.waiting_for_lock", where=where.display())
        else:
            since = who.started.time().isoformat(timespec="seconds")
            line = t(
                "scale.waiting_for_writer",
                command=who.command,
                pid=who.pid,
                since=since,
                where=where.display(),
            )
        print(line, file=sys.stderr, flush=True)

    return say


@contextmanager
def ledger(ctx: typer.Context, *, write: bool = True) -> Iterator[Session]:
    """One session, one transaction: committed when the command's block ends cleanly."""
    from gridctl.ledger.session import open_ledger

    where = target(ctx)
    with open_ledger(where, write=write, on_wait=_waiting(where)) as session:
        yield session


def transaction(ctx: typer.Context, fn: Callable[[Session], T]) -> T:
    """fn(session) as the command's one write transaction, committed once. On PostgreSQL a
    serialization failure or deadlock re-runs the whole of it (fn from the start, in a fresh
    transaction) a few times: fn must do all its writing through `session` and keep no state
    of its own between calls."""
    from gridctl.ledger.session import run_in_transaction

    where = target(ctx)
    return run_in_transaction(where, fn, on_wait=_waiting(where))
