"""Write records of a small register: insert the new, update the changed, count the rest.

Core executemany on the model's table (the models stay the one description of the tables).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol

from sqlalchemy import Table, bindparam, insert, select, update
from sqlmodel import Session

from gridctl.imports.spec import Chunks, Counts, WriteCtx


def records(chunks: Chunks) -> list[Any]:
    """Every record of the chunks, for a small register written at once."""
    return [rec for chunk in chunks for _, rec in chunk]


def update_record(
    session: Session, old: Any, fields: dict[str, Any], counts: Counts, *, dry_run: bool
) -> bool:
    """Count an ORM record that the file gives again: updated (its `fields` set, unless a dry
    run) when any differs, else unchanged. True when it changed."""
    if all(getattr(old, k) == v for k, v in fields.items()):
        counts.unchanged += 1
        return False
    counts.updated += 1
    if not dry_run:
        for k, v in fields.items():
            setattr(old, k, v)
        session.add(old)
        session.flush()
    return True


def upsert(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    match: Callable[[dict[str, Any]], dict[str, Any] | None],
    defaults: Callable[[dict[str, Any]], dict[str, Any]],
    dry_run: bool,
) -> Counts:
    """`match(row)` is the ledger's current values of the row's record (with "id"), or None.

    A row carries only the fields whose column the file has; those are compared and updated.
    """
    counts = Counts()
    inserts: list[dict[str, Any]] = []
    updates: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in rows:
        fields = row
        old = match(row)
        if old is None:
            inserts.append({**defaults(row), **fields})
        elif any(old.get(k) != v for k, v in fields.items()):
            updates.setdefault(frozenset(fields), []).append(
                {"b_id": old["id"], **{f"b_{k}": v for k, v in fields.items()}}
            )
            counts.updated += 1
        else:
            counts.unchanged += 1
    counts.inserted = len(inserts)
    if dry_run:
        return counts
    for group in _same_keys(inserts):
        session.execute(insert(table), group)
    for keys, params in updates.items():
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in keys})
        )
        session.execute(stmt, params)
    return counts


def _same_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """executemany needs the same keys in every row: group them."""
    groups: dict[frozenset[Hashable], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(frozenset(row), []).append(row)
    return list(groups.values())


Current = dict[Any, dict[str, Any]]


class Change(Protocol):
    """A checked row of a small register named by its name: the service's arguments if the
    record is new, and the table fields the file gives if it is recorded already."""

    @property
    def name(self) -> str: ...
    @property
    def new(self) -> dict[str, Any]: ...
    @property
    def fields(self) -> dict[str, Any]: ...


def apply_changes(
    session: Session,
    table: Table,
    recs: Sequence[Change],
    current: Current,
    create: Callable[[Session, dict[str, Any]], object],
    ctx: WriteCtx,
) -> Counts:
    """Create the new records through their service, update the changed fields of the rest
    (compared with `current`: the ledger's rows by name, with "id")."""
    counts = Counts()
    for rec in recs:
        old = current.get(rec.name)
        fields = rec.fields
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                create(session, rec.new)
        elif any(old.get(k) != v for k, v in fields.items()):
            counts.updated += 1
            if not ctx.dry_run:
                session.execute(update(table).where(table.c.id == old["id"]).values(fields))
        else:
            counts.unchanged += 1
    return counts


def rows_by(session: Session, query: Any, key: Callable[[dict[str, Any]], Any]) -> Current:
    out = {}
    for row in session.execute(query).mappings():
        out[key(dict(row))] = dict(row)
    return out


def current_rows(session: Session, model: Any, key: str, fields: list[str]) -> Current:
    """The ledger's rows of `model` by natural key, as dicts of `fields` (plus id)."""
    cols = [model.id, *(getattr(model, f) for f in fields)]
    names = ["id", *fields]
    out = {}
    for values in session.execute(select(*cols)):
        row = dict(zip(names, values, strict=True))
        out[row[key]] = row
    return out


def add_counts(total: Counts, counts: Counts) -> None:
    total.inserted += counts.inserted
    total.updated += counts.updated
    total.unchanged += counts.unchanged
