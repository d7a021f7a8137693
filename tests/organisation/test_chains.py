"""Chains and the alliance with their members; brands; the demonstration belt in order."""

from __future__ import annotations

import json


def _json(cli, *args: str):
    return json.loads(cli(*args, "-f", "json").stdout)


def _refused(cli, sql, args, field, value, tables, code=1):
    before = [sql(f"SELECT * FROM {t} ORDER BY 1") for t in tables]
    result = cli(*args, ok=False)
    assert result.exit_code == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert [sql(f"SELECT * FROM {t} ORDER BY 1") for t in tables] == before


def test_chains_count_their_members(cli, park, sql):
    cli(
        "enterprise",
        "add",
        "合肥晶合微电子",
        "--grid",
        "G2-1",
        "--chain",
        "microelectronics",
        "--party-org",
        "党总支",
        "--members",
        "30",
    )
    rows = {r["code"]: r for r in _json(cli, "chain", "list")}
    assert list(rows) == [
        "new-energy-vehicles",
        "microelectronics",
        "energy-saving-equipment",
        "big-data-it",
    ]
    micro = rows["microelectronics"]
    assert (micro["enterprises"], micro["organisations"], micro["members"]) == (2, 2, 42)  # 12+30
    assert rows["big-data-it"]["kind"] == "alliance"
    assert rows["new-energy-vehicles"]["kind"] == "committee"
    assert rows["energy-saving-equipment"]["enterprises"] == 0
    assert sql(
        "SELECT count(*), sum(members) FROM enterprise WHERE chain = 'microelectronics'"
    ) == [(2, 42)]
    shown = _json(cli, "chain", "show", "微电子")
    assert [e["name"] for e in shown["member_enterprises"]] == [
        "合肥晶合微电子",
        "合肥芯联微电子有限公司",
    ]


def test_alliance_lead_and_committee_secretary(cli, park, sql):
    cli("chain", "set", "大数据信息技术", "--lead", "数智云", "--note", "牵头企业带动上下游")
    cli("chain", "set", "new-energy-vehicles", "--secretary", "刘强")
    rows = {r["code"]: r for r in _json(cli, "chain", "list")}
    assert rows["big-data-it"]["lead"] == "数智云信息技术有限公司"
    assert rows["new-energy-vehicles"]["secretary"] == "刘强"
    cli("chain", "set", "new-energy-vehicles", "--lead", "江淮")  # keeps the secretary
    assert sql("SELECT code, secretary FROM chain ORDER BY code") == [
        ("big-data-it", None),
        ("new-energy-vehicles", "刘强"),
    ]


def test_chain_refusals(cli, park, sql):
    tables = ("chain",)
    _refused(
        cli,
        sql,
        ("chain", "set", "big-data-it", "--lead", "合肥芯联"),
        "--lead",
        "合肥芯联",
        tables,
    )  # not a member
    _refused(cli, sql, ("chain", "set", "钢铁", "--secretary", "x"), "CHAIN", "钢铁", tables)
    _refused(cli, sql, ("chain", "show", "钢铁"), "CHAIN", "钢铁", tables)


def test_brands(cli, park, sql):
    cli("brand", "add", "合肥芯联", "芯火相传", "--since", "2019", "--description", "党员攻关")
    cli("brand", "add", "江淮", "红色引擎")
    rows = _json(cli, "brand", "list")
    assert [(r["name"], r["enterprise"], r["since"]) for r in rows] == [
        ("芯火相传", "合肥芯联微电子有限公司", 2019),
        ("红色引擎", "江淮新能源汽车零部件有限公司", None),
    ]
    assert [r["name"] for r in _json(cli, "brand", "list", "-e", "江淮")] == ["红色引擎"]
    tables = ("brand",)
    _refused(cli, sql, ("brand", "add", "数智云", "芯火相传"), "NAME", "芯火相传", tables)
    _refused(cli, sql, ("brand", "add", "数智云", " "), "NAME", "", tables)
    _refused(cli, sql, ("brand", "add", "无此企业", "x"), "ENTERPRISE", "无此企业", tables)
    _refused(
        cli, sql, ("brand", "add", "数智云", "x", "--since", "1800"), "--since", "1800", tables
    )


def test_belt_keeps_its_order(cli, park, sql):
    cli("belt", "add", "合肥芯联", "--feature", "芯片攻关")
    cli("belt", "add", "江淮")
    cli("belt", "add", "数智云", "--position", "1")  # moves the others along
    cli("belt", "add", "绿源", "--position", "3")
    rows = _json(cli, "belt", "list")
    assert [(r["position"], r["enterprise"][:2]) for r in rows] == [
        (1, "数智"),
        (2, "合肥"),
        (3, "绿源"),
        (4, "江淮"),
    ]
    assert rows[1]["feature"] == "芯片攻关" and rows[0]["belt"] == "党建示范带"
    assert sql("SELECT min(position), max(position), count(*) FROM belt_site") == [(1, 4, 4)]
    cli("belt", "add", "江淮", "--belt", "新能源汽车示范带")
    assert len(_json(cli, "belt", "list", "--belt", "新能源汽车示范带")) == 1
    tables = ("belt_site",)
    _refused(cli, sql, ("belt", "add", "江淮"), "ENTERPRISE", "江淮", tables)
    cli("enterprise", "add", "新企业", "--grid", "G1-1")
    _refused(cli, sql, ("belt", "add", "新企业", "--position", "6"), "--position", "6", tables)
    _refused(cli, sql, ("belt", "add", "新企业", "--position", "0"), "--position", "0", tables)
    _refused(cli, sql, ("belt", "list", "--belt", "无此示范带"), "--belt", "无此示范带", tables)
