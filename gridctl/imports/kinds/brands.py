"""Import kind `brands`: enterprises' party-building brands, one row per brand.

Natural key: the brand's name, unique in the park. A new brand is added through
brands.add_brand (the rules of `gridctl brand add`); a brand already recorded is updated in
the fields its file gives (an absent column leaves the field alone). A row whose name is
another enterprise's brand is refused: a file moves no brand between enterprises.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.organisation import Brand
from gridctl.ledger.models.typed import table_of
from gridctl.organisation import brands


@dataclass(frozen=True)
class BrandRecord:
    """A checked row: the brand's name, add_brand's arguments for a new brand, and the
    fields of the brand table the file gives for one already recorded."""

    name: str
    new: dict[str, Any]
    fields: dict[str, Any]


def _resolve_brand(row: Row, refs: Refs) -> BrandRecord | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    name, since = row.get("name"), row.get("since")
    try:
        brands.check_since(since)
    except GridctlError as exc:
        row.blame(exc, default="since")
    if firm is not None and name:
        owner = refs.session.exec(
            select(Enterprise.name)
            .join(Brand, col(Brand.enterprise_id) == col(Enterprise.id))
            .where(Brand.name == name, Enterprise.id != firm.id)
        ).one_or_none()
        if owner is not None:
            row.error("name", t("imp.brand.taken", enterprise=owner), name)
    if row.errors:
        return None
    fields: dict[str, Any] = {"enterprise_id": firm.id}
    if row.has("since"):
        fields["since_year"] = since
    if row.has("description"):
        fields["description"] = row.get("description") or None
    new = {
        "enterprise": firm.name,
        "name": name,
        "since_year": since,
        "description": row.get("description"),
    }
    return BrandRecord(name, new, fields)


def _write_brands(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = sa_select(
        col(Brand.id),
        col(Brand.name),
        col(Brand.enterprise_id),
        col(Brand.since_year),
        col(Brand.description),
    )
    return apply_changes(
        session,
        table_of(Brand),
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
        lambda s, new: brands.add_brand(s, **new),
        ctx,
    )


def _export_brands(session: Session) -> Iterator[dict[str, object]]:
    for row in brands.brand_rows(session):
        yield {
            "enterprise": row.enterprise,
            "name": row.name,
            "since": "" if row.since is None else row.since,
            "description": row.description,
        }


BRANDS = Spec(
    kind="brands",
    columns=(
        Column("enterprise", "企业", True, ref_()),
        Column("name", "品牌名称", True, name_(200)),
        Column("since", "创建年份", False, count),
        Column("description", "说明", False, text_()),
    ),
    resolve=_resolve_brand,
    keys=(("name", lambda r: r.name),),
    write=_write_brands,
    export=_export_brands,
)
