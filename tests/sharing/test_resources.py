"""The resource map: shared venues with owner, grid, capacity and terms; uses by others."""

from __future__ import annotations

import json

TABLES = ("resource", "resource_use")


def _counts(sql) -> list[int]:
    return [sql(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES]


def _refused(cli, sql, args, field, value, code=1):
    before = _counts(sql)
    result = cli(*args, ok=False)
    assert result.exit_code == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert _counts(sql) == before


def _map(cli, sql):
    cli(
        "resource",
        "add",
        "园区党群服务中心",
        "--kind",
        "党群服务中心",
        "--grid",
        "G1",
        "--capacity",
        "200",
        "--terms",
        "全天开放",
    )
    cli(
        "resource",
        "add",
        "芯联直播间",
        "--kind",
        "live-stream",
        "--owner",
        "合肥芯联",
        "--capacity",
        "20",
        "--terms",
        "工作日预约",
    )
    cli("resource", "add", "江淮劳模工作室", "--kind", "studio", "--owner", "江淮")


def test_map_with_owner_grid_capacity_and_uses(cli, park, sql):
    _map(cli, sql)
    cli(
        "resource",
        "use",
        "芯联直播间",
        "-e",
        "江淮",
        "--date",
        "2026-09-12",
        "--purpose",
        "直播带岗",
        "--participants",
        "12",
    )
    cli("resource", "use", "2", "-e", "数智云", "--date", "2026-10-08", "--purpose", "直播党课")
    cli(
        "resource",
        "use",
        "园区党群服务中心",
        "-e",
        "合肥芯联",
        "--date",
        "2026-10-09",
        "--purpose",
        "主题党日",
        "--participants",
        "200",
    )
    rows = {r["name"]: r for r in json.loads(cli("resource", "list", "-f", "json").stdout)}
    assert rows["芯联直播间"]["owner"] == "合肥芯联微电子有限公司"
    assert rows["芯联直播间"]["grid"] == "G1-1"  # its owner's grid
    assert rows["江淮劳模工作室"]["grid"] == "G1-2"
    assert rows["园区党群服务中心"]["owner"] == ""
    assert (rows["芯联直播间"]["uses"], rows["园区党群服务中心"]["uses"]) == (2, 1)
    in_g1 = json.loads(cli("resource", "list", "--grid", "G1", "-f", "json").stdout)
    assert len(in_g1) == 3  # a level-1 grid includes its level-2 grids
    studios = json.loads(cli("resource", "list", "--kind", "工作室", "-f", "json").stdout)
    assert [r["name"] for r in studios] == ["江淮劳模工作室"]
    october = json.loads(cli("resource", "uses", "--month", "2026-10", "-f", "json").stdout)
    assert [u["enterprise"] for u in october] == [
        "数智云信息技术有限公司",
        "合肥芯联微电子有限公司",
    ]
    assert sql(
        "SELECT count(*) FROM resource_use WHERE date BETWEEN '2026-10-01' AND '2026-10-31'"
    ) == [(2,)]


def test_refusals_write_nothing(cli, park, sql):
    _map(cli, sql)
    _refused(
        cli,
        sql,
        ("resource", "add", "芯联直播间", "--kind", "studio", "--grid", "G1"),
        "NAME",
        "芯联直播间",
    )
    _refused(
        cli,
        sql,
        ("resource", "add", "x", "--kind", "swimming-pool", "--grid", "G1"),
        "--kind",
        "swimming-pool",
    )
    _refused(cli, sql, ("resource", "add", "x", "--kind", "studio"), "--grid", "")
    _refused(cli, sql, ("resource", "add", "x", "--kind", "studio", "--grid", "G9"), "--grid", "G9")
    _refused(
        cli,
        sql,
        ("resource", "add", "x", "--kind", "studio", "--owner", "无此企业"),
        "--owner",
        "无此企业",
    )
    _refused(
        cli,
        sql,
        ("resource", "add", "x", "--kind", "studio", "--grid", "G1", "--capacity", "0"),
        "--capacity",
        "0",
    )
    use = ("resource", "use", "芯联直播间", "--date", "2026-09-12", "--purpose", "直播")
    _refused(cli, sql, (*use, "-e", "合肥芯联"), "--enterprise", "合肥芯联")  # its owner
    _refused(cli, sql, (*use, "-e", "江淮", "--participants", "21"), "--participants", "21")
    _refused(
        cli,
        sql,
        ("resource", "use", "芯联直播间", "-e", "江淮", "--date", "2099-01-01", "--purpose", "x"),
        "--date",
        "2099-01-01",
    )
    _refused(
        cli, sql, ("resource", "use", "芯联直播间", "-e", "江淮", "--purpose", " "), "--purpose", ""
    )
    _refused(
        cli,
        sql,
        ("resource", "use", "无此资源", "-e", "江淮", "--purpose", "x"),
        "RESOURCE",
        "无此资源",
    )
