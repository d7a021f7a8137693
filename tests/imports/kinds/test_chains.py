"""The chains import (the chain committees and the IT alliance): checked with plain SQL,
re-import unchanged, updates, dry runs, every refusal names FILE:LINE and writes nothing,
export -> import round trip."""

from __future__ import annotations

import json

from tests.import_helpers import JH, SZ, XL, counts, imported, refused, write_csv, write_xlsx

CHAIN_HEAD = ["产业链", "牵头企业", "书记", "备注"]
CHAINS = (
    "SELECT c.code, e.name, c.secretary, c.note FROM chain c "
    "LEFT JOIN enterprise e ON e.id = c.lead_enterprise_id ORDER BY c.code"
)


def test_chains_import_update_and_idempotence(cli, park, sql, tmp_path):
    rows = [
        CHAIN_HEAD,
        ["大数据信息技术", "数智云", "", "联盟牵头企业"],
        ["new-energy-vehicles", "914403001922038216", "周建国", ""],
        ["微电子", "", "", ""],  # nothing set, nothing to set
    ]
    path = write_xlsx(tmp_path / "c.xlsx", rows)
    assert counts(imported(cli, "chains", path)) == (2, 0, 1)
    assert sql(CHAINS) == [
        ("big-data-it", SZ, None, "联盟牵头企业"),
        ("new-energy-vehicles", JH, "周建国", None),
    ]
    assert counts(imported(cli, "chains", path)) == (0, 0, 3)
    # English headers; an absent column is left alone, an empty cell clears.
    upd = [["chain", "secretary"], ["big-data-it", "王强"], ["new-energy-vehicles", ""]]
    assert counts(imported(cli, "chains", write_csv(tmp_path / "d.csv", upd))) == (0, 2, 0)
    assert sql(CHAINS) == [
        ("big-data-it", SZ, "王强", "联盟牵头企业"),
        ("new-energy-vehicles", JH, None, None),
    ]
    clear = [["chain", "lead"], ["big-data-it", ""], ["microelectronics", "合肥芯联"]]
    assert counts(imported(cli, "chains", write_csv(tmp_path / "e.csv", clear))) == (1, 1, 0)
    assert sql(CHAINS) == [
        ("big-data-it", None, "王强", "联盟牵头企业"),
        ("microelectronics", XL, None, None),
        ("new-energy-vehicles", JH, None, None),
    ]


def test_chains_dry_run_and_refusals(cli, park, sql, tmp_path):
    rows = [CHAIN_HEAD, ["微电子", "合肥芯联", "孙立", ""]]
    out = cli("import", "chains", str(write_csv(tmp_path / "c.csv", rows)), "--dry-run", "--json")
    assert counts(json.loads(out.stdout)) == (1, 0, 0)
    assert sql("SELECT count(*) FROM chain") == [(0,)]
    bad = [
        CHAIN_HEAD,
        ["钢铁", "", "", ""],
        ["大数据信息技术", "无此企业", "", ""],
        ["big-data-it", "合肥芯联", "", ""],
        ["微电子", "", "孙立", ""],
        ["microelectronics", "", "", ""],
        ["节能环保装备", "", "x" * 101, ""],
    ]
    path = write_csv(tmp_path / "d.csv", bad)
    lines = refused(cli, sql, "chains", path, "chain")
    assert lines[0].startswith(f"{path}:2: 产业链: ") and lines[0].endswith(" (钢铁)")
    assert lines[1:] == [
        f"{path}:3: 牵头企业: unknown enterprise (无此企业)",
        f"{path}:4: 牵头企业: {XL} is not a member of big-data-it (合肥芯联)",
        f"{path}:6: 产业链: same record as line 5 (duplicate in this file) (microelectronics)",
        f"{path}:7: 书记: longer than 100 characters ({'x' * 101})",
    ]


def test_chains_round_trip(cli, park, sql, tmp_path):
    rows = [CHAIN_HEAD, ["大数据信息技术", SZ, "", "+带动上下游"], ["微电子", XL, "孙立", ""]]
    cli("import", "chains", str(write_csv(tmp_path / "c.csv", rows)))
    before = sql(CHAINS)
    for lang, name in (("zh", "c.xlsx"), ("en", "c.csv")):
        out = tmp_path / f"export-{name}"
        cli("export", "chains", "--lang", lang, "-o", str(out))
        assert counts(imported(cli, "chains", out)) == (0, 0, 4)  # every chain listed
    assert sql(CHAINS) == before
    assert cli("export", "chains").stdout.splitlines()[1:3] == [
        "新能源汽车,,,",
        f"微电子,{XL},孙立,",
    ]
