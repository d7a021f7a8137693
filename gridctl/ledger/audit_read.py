"""Reading the audit trail: its entries, newest first, and walking its hash chain to verify
that no entry was changed, removed or added out of turn (see ledger.audit for how it is
written)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.audit import GENESIS, TABLE, WATCHED, entry_hash, stamp


@dataclass(frozen=True)
class Verdict:
    """The outcome of walking the chain: how many entries, the head, and the first bad one."""

    entries: int
    bad_seq: int | None = None
    problem: str = ""
    head: str = GENESIS

    @property
    def ok(self) -> bool:
        return self.bad_seq is None

    @property
    def anchor(self) -> str:
        """SEQ:HASH of the newest entry: kept outside the ledger, it shows a cut-off trail."""
        return f"{self.entries}:{self.head}"


def parse_anchor(text: str) -> tuple[int, str]:
    """An anchor as `audit verify` printed it: SEQ:HASH (at least 16 hex digits of it)."""
    seq, _, digest = text.strip().partition(":")
    digest = digest.lower()
    if not (
        seq.isdigit()
        and int(seq) > 0
        and 16 <= len(digest) <= 64
        and all(c in "0123456789abcdef" for c in digest)
    ):
        raise Invalid("anchor", text, t("detail.audit_anchor"))
    return int(seq), digest


def _rows(session: Session) -> Iterator[Any]:
    stmt = select(TABLE).order_by(TABLE.c.seq).execution_options(yield_per=2000)
    yield from session.execute(stmt)


def verify(session: Session, anchor: tuple[int, str] | None = None) -> Verdict:
    """Walk the chain from the first entry; stop at the first that does not hold.

    With an anchor (SEQ:HASH noted from an earlier run and kept elsewhere), also check that
    entry SEQ is still there with that hash: removing the newest entries, or rewriting the
    chain from some entry on, keeps the chain itself consistent, but not the anchor.
    """
    expected_seq, prev = 1, GENESIS
    count = 0
    anchored = None
    for row in _rows(session):
        values = row._asdict()
        seq = values["seq"]
        if seq != expected_seq:
            return Verdict(count, seq, f"missing:{expected_seq}", prev)
        if values["prev_hash"] != prev:
            return Verdict(count, seq, "link", prev)
        if entry_hash(prev, values) != values["hash"]:
            return Verdict(count, seq, "content", prev)
        if anchor is not None and seq == anchor[0]:
            anchored = values["hash"]
        prev, expected_seq, count = values["hash"], seq + 1, count + 1
    if anchor is not None:
        if anchored is None:
            return Verdict(count, anchor[0], f"cut:{count}", prev)
        if not anchored.startswith(anchor[1]):
            return Verdict(count, anchor[0], "anchor", prev)
    return Verdict(count, head=prev)


@dataclass(frozen=True, slots=True)
class AuditLine:
    """An entry of the trail: who changed which row how, the row before and after."""

    seq: int
    at: str
    actor: str
    action: str
    table: str
    key: str
    changes: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    hash: str


def _where(since: date | None, table: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(TABLE.c.at >= datetime(since.year, since.month, since.day, tzinfo=UTC))
    if table is not None:
        # A table the trail does not watch would only ever list nothing: say which it watches.
        if table not in WATCHED:
            raise Invalid("table", table, t("detail.allowed", allowed=", ".join(sorted(WATCHED))))
        where.append(TABLE.c.table_name == table)
    return where


def entry_count(session: Session, *, since: date | None = None, table: str | None = None) -> int:
    query = select(func.count()).select_from(TABLE).where(*_where(since, table))
    return int(session.execute(query).scalar_one())


def entries(
    session: Session,
    *,
    since: date | None = None,
    table: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[AuditLine]:
    """The trail, newest first, with before/after as objects (JSON keys are stable), read in
    batches."""
    stmt = (
        select(TABLE)
        .where(*_where(since, table))
        .order_by(TABLE.c.seq.desc())
        .limit(limit)
        .offset(offset or None)
        .execution_options(yield_per=1000)
    )
    for row in session.execute(stmt):
        before = json.loads(row.before) if row.before else None
        after = json.loads(row.after) if row.after else None
        yield AuditLine(
            seq=row.seq,
            at=stamp(row.at),
            actor=row.actor,
            action=row.action,
            table=row.table_name,
            key=row.row_key,
            changes=summary(before, after),
            before=before,
            after=after,
            hash=row.hash,
        )


def summary(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """One line for a table: the changed fields of an update, the row of an insert/delete."""
    if before is not None and after is not None:
        keys = sorted(k for k in after.keys() | before.keys() if before.get(k) != after.get(k))
        return "; ".join(f"{k}: {before.get(k)} → {after.get(k)}" for k in keys)
    shown = after if after is not None else before or {}
    return "; ".join(f"{k}={v}" for k, v in shown.items() if v not in (None, ""))
