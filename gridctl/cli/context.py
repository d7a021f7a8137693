"""Open the ledger named by --db / GRIDCTL_DB / the default for the running command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlmodel import Session

from gridctl.ledger.config import Target, resolve
from gridctl.ledger.session import open_ledger


def target(ctx: typer.Context) -> Target:
    return resolve(ctx.find_root().params.get("db"))


@contextmanager
def ledger(ctx: typer.Context, *, write: bool = True) -> Iterator[Session]:
    """One session, one transaction: committed when the command's block ends cleanly."""
    with open_ledger(target(ctx), write=write) as session:
        yield session
