"""The resource_uses import: rows land (checked with plain SQL), re-import unchanged, a dry
run writes nothing, every refusal names FILE:LINE and writes nothing, export -> import round
trip, Chinese and English headers. Runs on SQLite and PostgreSQL (the `park` of conftest)."""

from __future__ import annotations

from tests.import_helpers import JH, SZ, XL, counts, dry, imported, refused, write_csv

USE_HEAD = ["资源", "使用企业", "日期", "用途", "参与人数"]
USES = (
    "SELECT r.name, e.name, u.date, u.purpose, u.participants FROM resource_use u "
    "JOIN resource r ON r.id = u.resource_id JOIN enterprise e ON e.id = u.enterprise_id "
    "ORDER BY u.date, r.name"
)


def resources_(cli):
    cli("resource", "add", "芯联直播间", "--kind", "直播间", "--owner", XL, "--capacity", "20")
    cli("resource", "add", "党群服务中心", "--kind", "党群服务中心", "--grid", "G1")


def test_resource_uses_import_update_and_idempotence(cli, park, sql, tmp_path):
    resources_(cli)
    rows = [
        USE_HEAD,
        ["芯联直播间", "江淮", "2026-05-12", "直播带岗", "12"],
        ["党群服务中心", XL, "2026/7/1", "七一主题党日", "45"],  # no capacity: any number
        ["芯联直播间", "911101066976941872", "2026-07-02", "产品直播", ""],
    ]
    path = write_csv(tmp_path / "u.csv", rows)
    assert counts(dry(cli, "resource_uses", path)) == (3, 0, 0)
    assert sql("SELECT count(*) FROM resource_use") == [(0,)]
    assert counts(imported(cli, "resource_uses", path)) == (3, 0, 0)
    assert sql(USES) == [
        ("芯联直播间", JH, "2026-05-12", "直播带岗", 12),
        ("党群服务中心", XL, "2026-07-01", "七一主题党日", 45),
        ("芯联直播间", SZ, "2026-07-02", "产品直播", None),
    ]
    assert counts(imported(cli, "resource_uses", path)) == (0, 0, 3)
    # 参与人数 is updated; a file without the column leaves it alone.
    english = [
        ["resource", "enterprise", "date", "purpose", "participants"],
        ["芯联直播间", JH, "2026-05-12", "直播带岗", "15"],
    ]
    path = write_csv(tmp_path / "e.csv", english, "gb18030")
    assert counts(imported(cli, "resource_uses", path)) == (0, 1, 0)
    only = [
        ["resource", "enterprise", "date", "purpose"],
        ["芯联直播间", JH, "2026-05-12", "直播带岗"],
    ]
    assert counts(imported(cli, "resource_uses", write_csv(tmp_path / "o.csv", only))) == (0, 0, 1)
    assert sql("SELECT participants FROM resource_use WHERE purpose = '直播带岗'") == [(15,)]


def test_resource_use_refusals(cli, park, sql, tmp_path):
    resources_(cli)
    rows = [
        USE_HEAD,
        ["芯联直播间", JH, "2026-05-12", "直播带岗", "12"],
        ["无此资源", JH, "2026-05-12", "甲", ""],
        ["芯联直播间", "无此企业", "2026-05-12", "乙", ""],
        ["芯联直播间", XL, "2026-05-12", "丙", ""],
        ["芯联直播间", JH, "2026-05-12", "丁", "21"],
        ["芯联直播间", JH, "2026-05-12", "戊", "0"],
        ["芯联直播间", JH, "2026-13-12", "己", ""],
        ["芯联直播间", JH, "2099-05-12", "庚", ""],
        ["芯联直播间", JH, "2026-05-13", "", ""],
        ["芯联直播间", JH, "2026-05-12", "直播带岗", "3"],
    ]
    path = write_csv(tmp_path / "u.csv", rows)
    assert refused(cli, sql, "resource_uses", path, "resource_use") == [
        f"{path}:3: 资源: unknown resource (无此资源)",
        f"{path}:4: 使用企业: unknown enterprise (无此企业)",
        f"{path}:5: 使用企业: owns this resource; record uses by others ({XL})",
        f"{path}:6: 参与人数: 芯联直播间 holds 20 (21)",
        f"{path}:7: 参与人数: at least 1 (0)",
        f"{path}:8: 日期: no such day (2026-13-12)",
        f"{path}:9: 日期: a use cannot be in the future (2099-05-12)",
        f"{path}:10: 用途: required, but empty",
        f"{path}:11: 用途: same record as line 2 (duplicate in this file)",
    ]


def test_resource_uses_round_trip(cli, park, sql, tmp_path):
    resources_(cli)
    rows = [
        USE_HEAD,
        ["芯联直播间", JH, "2026-05-12", "+直播带岗", "12"],
        ["党群服务中心", SZ, "2026-07-01", "七一", ""],
    ]
    cli("import", "resource_uses", str(write_csv(tmp_path / "u.csv", rows)))
    before = sql(USES)
    out = tmp_path / "uses.csv"
    cli("export", "resource_uses", "-o", str(out))
    assert counts(imported(cli, "resource_uses", out)) == (0, 0, 2)
    sql("DELETE FROM resource_use")
    assert counts(imported(cli, "resource_uses", out)) == (2, 0, 0)
    assert sql(USES) == before
    english = tmp_path / "uses.xlsx"
    cli("export", "resource_uses", "--lang", "en", "-o", str(english))
    assert counts(imported(cli, "resource_uses", english)) == (0, 0, 2)
