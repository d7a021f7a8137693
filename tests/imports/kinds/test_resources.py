"""The resources import: rows checked with plain SQL, re-import unchanged, every refusal names
FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


RES_HEAD = ["名称", "类型", "提供企业", "网格", "容纳人数", "开放方式", "地址"]


def test_resources(cli, park, sql, tmp_path, db_path):
    rows = [
        RES_HEAD,
        ["党群服务中心", "党群服务中心", "", "G1", "300", "工作日开放", ""],
        ["芯联直播间", "live-stream", "芯联", "", "20", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    assert counts(imported(cli, "resources", path)) == (2, 0, 0)
    query = (
        "SELECT r.name, r.kind, e.name, g.code, r.capacity, r.terms FROM resource r "
        "JOIN grid g ON g.id = r.grid_id LEFT JOIN enterprise e ON e.id = r.owner_id "
        "ORDER BY r.name"
    )
    # A resource without a grid of its own is where its owner is (芯联: G1-1).
    assert sql(query) == sorted(
        [
            ("党群服务中心", "service-centre", None, "G1", 300, "工作日开放"),
            ("芯联直播间", "live-stream", XL, "G1-1", 20, None),
        ]
    )
    assert counts(imported(cli, "resources", path)) == (0, 0, 2)
    rows[2][4] = "25"
    assert counts(imported(cli, "resources", write_csv(tmp_path / "s.csv", rows))) == (0, 1, 1)
    assert sql("SELECT capacity FROM resource WHERE name = '芯联直播间'") == [(25,)]
    out = tmp_path / "export.csv"
    cli("export", "resources", "-o", str(out))
    before = sql(query)
    wipe(db_path, "resource")
    assert counts(imported(cli, "resources", out)) == (2, 0, 0)
    assert sql(query) == before


def test_resource_refusals(cli, park, sql, tmp_path):
    rows = [
        RES_HEAD,
        ["甲", "党群服务中心", "", "", "", "", ""],
        ["乙", "食堂", "芯联", "", "", "", ""],
        ["丙", "展厅", "无此企业", "", "", "", ""],
        ["丁", "展厅", "", "G9", "0", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    lines = refused(cli, sql, "resources", path, "resource")
    assert lines[0] == f"{path}:2: 网格: a resource without an owner enterprise needs its grid"
    assert lines[1].startswith(f"{path}:3: 类型: allowed: service-centre (党群服务中心), ")
    assert lines[1].endswith("(食堂)")
    assert lines[2:] == [
        f"{path}:4: 提供企业: unknown enterprise (无此企业)",
        f"{path}:5: 网格: unknown grid (G9)",
        f"{path}:5: 容纳人数: at least 1 person (0)",
    ]
