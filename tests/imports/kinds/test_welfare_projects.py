"""The welfare_projects import: rows checked with plain SQL, re-import unchanged, a change is
an update, a record twice in one file refused, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


def test_welfare_projects(cli, park, sql, tmp_path, db_path):
    rows = [["名称", "类别", "说明"], ["无偿献血", "志愿服务", ""], ["清洁家园", "", "清扫"]]
    path = write_csv(tmp_path / "w.csv", rows)
    assert counts(imported(cli, "welfare_projects", path)) == (2, 0, 0)
    query = "SELECT name, category, description FROM welfare_project ORDER BY name"
    assert sql(query) == sorted([("无偿献血", "志愿服务", None), ("清洁家园", None, "清扫")])
    assert counts(imported(cli, "welfare_projects", path)) == (0, 0, 2)
    rows[2][1] = "环境整治"
    assert counts(imported(cli, "welfare_projects", write_csv(tmp_path / "x.csv", rows))) == (
        0,
        1,
        1,
    )
    dup = write_csv(tmp_path / "d.csv", [["name"], ["甲"], ["甲"]])
    assert refused(cli, sql, "welfare_projects", dup, "welfare_project") == [
        f"{dup}:3: name: same record as line 2 (duplicate in this file) (甲)"
    ]
    out = tmp_path / "export.csv"
    cli("export", "welfare_projects", "-o", str(out))
    before = sql(query)
    wipe(db_path, "welfare_project")
    assert counts(imported(cli, "welfare_projects", out)) == (2, 0, 0)
    assert sql(query) == before
