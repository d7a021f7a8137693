"""PostgreSQL's write of a visits import: every record sent with COPY into a staging table,
then merged into visits by the natural key with one UPDATE (notes that differ) and one
INSERT … SELECT (keys not yet there, in file order); rows already there and equal stay as
they are. The same counts and rows as the executemany path, in the import's one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlmodel import Session

from gridctl.imports import bulk
from gridctl.imports.spec import Chunks, Counts, WriteCtx
from gridctl.ledger.models import Visit
from gridctl.ledger.models.typed import table_of

# Problems are opened after the merge, when their visits have ids, this many visits at a time.
PROBLEM_BATCH = 1000


def copy_visits(
    session: Session,
    chunks: Chunks,
    ctx: WriteCtx,
    key: Sequence[str],
    open_problems: Callable[[list[Any]], int],
) -> Counts:
    """Write checked visit records (key..., notes, problem texts); `open_problems(recs)` opens
    the problems found on a batch of them once their visits are in."""
    counts = Counts(extra={"problems_opened": 0})
    # Only the records that found problems are kept until the merge is done.
    with_problems: list[Any] = []
    total = 0

    def rows() -> Iterator[tuple[Any, ...]]:
        nonlocal total
        for chunk in chunks:
            for _, rec in chunk:
                total += 1
                if rec[len(key) + 1]:
                    with_problems.append(rec)
                yield rec[: len(key) + 1]

    conn = session.connection()
    table = table_of(Visit)
    staged = bulk.stage(conn, table, "gridctl_visit_in", (*key, "notes"), rows())
    changes = ("notes",) if "notes" in ctx.present else ()
    constants = {"source": ctx.source, "recorded_at": ctx.now}
    counts.updated, counts.inserted = bulk.merge(conn, table, staged, key, changes, constants)
    counts.unchanged = total - counts.updated - counts.inserted
    for start in range(0, len(with_problems), PROBLEM_BATCH):
        batch = with_problems[start : start + PROBLEM_BATCH]
        counts.extra["problems_opened"] += open_problems(batch)
    return counts
