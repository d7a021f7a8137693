"""The belt import (the sites of a demonstration belt, in order): rows checked with plain SQL,
re-import unchanged, an update, every refusal names FILE:LINE and writes nothing, export ->
import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import JH, LY, SZ, XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


BELT_HEAD = ["示范带", "顺序", "企业", "特色"]
SITES = (
    "SELECT b.belt, b.position, e.name, b.feature FROM belt_site b "
    "JOIN enterprise e ON e.id = b.enterprise_id ORDER BY b.belt, b.position"
)


def test_belt_import_update_and_idempotence(cli, park, sql, tmp_path):
    rows = [
        BELT_HEAD,
        ["党建示范带", "2", JH, "劳模工作室"],
        ["", "1", XL, "展厅"],  # empty: the default belt, 党建示范带
        ["绿色带", "", LY, ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert counts(imported(cli, "belt", path)) == (3, 0, 0)
    assert sql(SITES) == [
        ("党建示范带", 1, XL, "展厅"),
        ("党建示范带", 2, JH, "劳模工作室"),
        ("绿色带", 1, LY, None),
    ]
    assert counts(imported(cli, "belt", path)) == (0, 0, 3)
    # New order given: an update; a site of the ledger not in the file follows.
    reorder = [BELT_HEAD, ["党建示范带", "1", JH, "劳模工作室"], ["党建示范带", "2", SZ, "直播间"]]
    assert counts(imported(cli, "belt", write_csv(tmp_path / "c.csv", reorder))) == (1, 1, 0)
    assert sql(SITES)[:3] == [
        ("党建示范带", 1, JH, "劳模工作室"),
        ("党建示范带", 2, SZ, "直播间"),
        ("党建示范带", 3, XL, "展厅"),
    ]
    # No positions: appended in file order; a feature changed; absent column left alone.
    append = [
        ["belt", "enterprise", "feature"],
        ["党建示范带", LY, "环保"],
        ["党建示范带", XL, "新展厅"],
    ]
    assert counts(imported(cli, "belt", write_csv(tmp_path / "d.csv", append))) == (1, 1, 0)
    assert sql(SITES)[:4] == [
        ("党建示范带", 1, JH, "劳模工作室"),
        ("党建示范带", 2, SZ, "直播间"),
        ("党建示范带", 3, XL, "新展厅"),
        ("党建示范带", 4, LY, "环保"),
    ]
    only = [["enterprise"], [JH]]
    assert counts(imported(cli, "belt", write_csv(tmp_path / "e.csv", only))) == (0, 0, 1)
    assert sql("SELECT feature FROM belt_site WHERE position = 1 AND belt = '党建示范带'") == [
        ("劳模工作室",)
    ]


def test_belt_refusals(cli, park, sql, tmp_path):
    rows = [
        BELT_HEAD,
        ["甲带", "1", XL, ""],
        ["甲带", "3", JH, ""],
        ["乙带", "1", LY, ""],
        ["乙带", "1", SZ, ""],
        ["丙带", "1", XL, ""],
        ["丙带", "", JH, ""],
        ["丁带", "1", "无此企业", ""],
        ["丁带", "0", LY, ""],
        ["甲带", "", XL, ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "belt", path, "belt_site") == [
        f"{path}:8: 企业: unknown enterprise (无此企业)",
        f"{path}:9: 顺序: positions count from 1 (0)",
        f"{path}:10: 企业: same record as line 2 (duplicate in this file)",
    ]
    path = write_csv(tmp_path / "c.csv", rows[:7])
    assert refused(cli, sql, "belt", path, "belt_site") == [
        f"{path}:3: 顺序: positions of 甲带 go 1 to 2 without gaps (3)",
        f"{path}:5: 顺序: position given twice (line 4) (1)",
        f"{path}:7: 顺序: give every site of 丙带 its position, or none",
    ]


def test_belt_round_trip(cli, park, sql, tmp_path, db_path):
    rows = [BELT_HEAD, ["党建示范带", "1", JH, "=1+1 工作室"], ["党建示范带", "2", XL, ""]]
    rows.append(["绿色带", "1", LY, "环保"])
    cli("import", "belt", str(write_csv(tmp_path / "b.csv", rows)))
    before = sql(SITES)
    out = tmp_path / "belt.csv"
    cli("export", "belt", "-o", str(out))
    assert counts(imported(cli, "belt", out)) == (0, 0, 3)
    wipe(db_path, "belt_site")
    assert counts(imported(cli, "belt", out)) == (3, 0, 0)
    assert sql(SITES) == before
