"""Correcting and removing the organisation's records: brands and the demonstration belt.

Each update changes exactly what was asked (checked with plain SQL); each delete removes the
row and its dependants as documented; every refusal is one line on stderr, exit 1 (data) or
2 (usage), and leaves every table these corrections touch as it was.
"""

from __future__ import annotations

import pytest

from tests.correction_helpers import firm_id, refused

# --- brands and the belt ------------------------------------------------------------------


def test_brand_update_and_delete(cli, park, sql):
    cli("brand", "add", "合肥芯联", "芯火相传", "--since", "2019", "--description", "芯片攻关")
    cli("brand", "add", "江淮", "红色引擎")
    cli("brand", "update", "芯火相传", "--since", "2018", "-e", "数智云", "--description", "")
    assert sql("SELECT name, enterprise_id, since_year, description FROM brand ORDER BY id") == [
        ("芯火相传", firm_id(sql, "数智云"), 2018, None),
        ("红色引擎", firm_id(sql, "江淮"), None, None),
    ]
    cli("brand", "update", "2", "--name", "红色引擎2.0")
    assert sql("SELECT name FROM brand WHERE id = 2") == [("红色引擎2.0",)]
    refused(cli, sql, ("brand", "update", "2", "--name", "芯火相传"), "--name", "芯火相传")
    refused(cli, sql, ("brand", "update", "2", "--since", "1800"), "--since", "1800")
    refused(cli, sql, ("brand", "update", "9", "--since", "2020"), "BRAND", "9")
    refused(cli, sql, ("brand", "update", "2", "-e", "不存在"), "--enterprise", "不存在")
    refused(cli, sql, ("brand", "update", "2"), "nothing to change", "", 2)
    cli("brand", "delete", "芯火相传")
    assert sql("SELECT id FROM brand") == [(2,)]
    refused(cli, sql, ("brand", "delete", "芯火相传"), "BRAND", "芯火相传")


@pytest.fixture
def belt(cli, park):
    """党建示范带: 1 芯联, 2 江淮, 3 数智云, 4 绿源; 科创带: 1 江淮."""
    for firm in ("合肥芯联", "江淮", "数智云", "绿源"):
        cli("belt", "add", firm)
    cli("belt", "add", "江淮", "--belt", "科创带")
    return park


def _belt(sql, name="党建示范带"):
    return sql(
        "SELECT b.position, e.name FROM belt_site b JOIN enterprise e ON e.id = b.enterprise_id "
        "WHERE b.belt = ? ORDER BY b.position",
        name,
    )


def _short(rows):
    return [(p, n[:2]) for p, n in rows]


def test_belt_move_and_remove_keep_positions_one_to_n(cli, belt, sql):
    cli("belt", "move", "绿源", "--position", "1")
    assert _short(_belt(sql)) == [(1, "绿源"), (2, "合肥"), (3, "江淮"), (4, "数智")]
    cli("belt", "move", "绿源", "--position", "3")
    assert _short(_belt(sql)) == [(1, "合肥"), (2, "江淮"), (3, "绿源"), (4, "数智")]
    cli("belt", "move", "合肥芯联", "--position", "4")
    assert _short(_belt(sql)) == [(1, "江淮"), (2, "绿源"), (3, "数智"), (4, "合肥")]
    out = cli("belt", "remove", "绿源")
    assert "3 site" in out.stdout
    assert _short(_belt(sql)) == [(1, "江淮"), (2, "数智"), (3, "合肥")]
    # The other belt is its own: 江淮 is removed from 科创带 only when it is named.
    assert _short(_belt(sql, "科创带")) == [(1, "江淮")]
    cli("belt", "remove", "江淮", "--belt", "科创带")
    assert _belt(sql, "科创带") == []
    assert _short(_belt(sql)) == [(1, "江淮"), (2, "数智"), (3, "合肥")]


def test_belt_refusals_leave_the_ledger_as_it_was(cli, belt, sql):
    line = refused(cli, sql, ("belt", "move", "江淮", "--position", "5"), "--position", "5")
    assert "between 1 and 4" in line
    refused(cli, sql, ("belt", "move", "江淮", "--position", "0"), "--position", "0")
    refused(
        cli, sql, ("belt", "move", "江淮", "--position", "2", "--belt", "科创带"), "--position", "2"
    )
    refused(
        cli,
        sql,
        ("belt", "move", "绿源", "--position", "1", "--belt", "科创带"),
        "ENTERPRISE",
        "绿源",
    )
    refused(cli, sql, ("belt", "remove", "不存在"), "ENTERPRISE", "不存在")
    refused(cli, sql, ("belt", "remove", "绿源", "--belt", "无此带"), "ENTERPRISE", "绿源")
    refused(cli, sql, ("belt", "move", "江淮"), "--position", "", 2)
