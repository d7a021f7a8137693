"""The brands import: rows checked with plain SQL, re-import unchanged, every refusal names
FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import JH, LY, XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


BRAND_HEAD = ["企业", "品牌名称", "创建年份", "说明"]


def test_brands(cli, park, sql, tmp_path, db_path):
    rows = [BRAND_HEAD, ["芯联", "芯火相传", "2019", "党员攻关"], [JH, "红色引擎", "", ""]]
    path = write_csv(tmp_path / "b.csv", rows)
    assert counts(imported(cli, "brands", path)) == (2, 0, 0)
    query = (
        "SELECT b.name, e.name, b.since_year, b.description FROM brand b JOIN enterprise e "
        "ON e.id = b.enterprise_id ORDER BY b.name"
    )
    assert sql(query) == sorted([("芯火相传", XL, 2019, "党员攻关"), ("红色引擎", JH, None, None)])
    assert counts(imported(cli, "brands", path)) == (0, 0, 2)
    rows[2][2] = "2020"
    assert counts(imported(cli, "brands", write_csv(tmp_path / "c.csv", rows))) == (0, 1, 1)
    assert sql("SELECT since_year FROM brand WHERE name = '红色引擎'") == [(2020,)]
    out = tmp_path / "export.csv"
    cli("export", "brands", "-o", str(out))
    before = sql(query)
    wipe(db_path, "brand")
    assert counts(imported(cli, "brands", out)) == (2, 0, 0)
    assert sql(query) == before


def test_brand_refusals(cli, park, sql, tmp_path):
    cli("brand", "add", "芯联", "芯火相传")
    rows = [
        BRAND_HEAD,
        ["无此企业", "甲", "", ""],
        [JH, "芯火相传", "", ""],
        [JH, "乙", "1800", ""],
        [JH, "乙", "", ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "brands", path, "brand") == [
        f"{path}:2: 企业: unknown enterprise (无此企业)",
        f"{path}:3: 品牌名称: a brand of this name belongs to {XL} (芯火相传)",
        f"{path}:4: 创建年份: a year, e.g. 2019 (1800)",
    ]
    # A name twice in one file (the bad rows above fixed) is refused too.
    dup = write_csv(tmp_path / "d.csv", [BRAND_HEAD, [JH, "乙", "", ""], [LY, "乙", "", ""]])
    assert refused(cli, sql, "brands", dup, "brand") == [
        f"{dup}:3: 品牌名称: same record as line 2 (duplicate in this file) (乙)"
    ]
