"""Completed welfare claims feed the activities area where the rules say so."""

from __future__ import annotations

import json

XL = "合肥芯联"  # contact supervisor S001 in the `park` fixture


def _claims(cli, *days: str) -> None:
    for n, day in enumerate(days, start=1):
        cli("welfare", "project-add", f"项目{n}")
        cli("welfare", "claim", f"项目{n}", "-e", XL, "--date", "2026-06-01")
        cli("welfare", "complete", str(n), "--date", day, "--participants", "10")


def _explain(cli) -> list[dict]:
    rows = json.loads(cli("points", "explain", "S001", "--month", "2026-06", "-f", "json").stdout)
    return [r for r in rows if r["rule"] == "welfare"]


def test_the_default_rules_cap_welfare_points_at_four_a_month(park, cli, sql):
    _claims(cli, "2026-06-02", "2026-06-03", "2026-06-04")
    entries = _explain(cli)
    # 2 points each, at most 4 a month: the third completion (in date order) is capped.
    assert [(r["date"], str(r["points"])) for r in entries] == [
        ("2026-06-02", "2"),
        ("2026-06-03", "2"),
        ("2026-06-04", "0"),
    ]
    assert entries[0]["detail"] == "项目1: 合肥芯联微电子有限公司"
    assert "capped" in entries[2]["note"]
    shown = json.loads(cli("points", "show", "--month", "2026-06", "-f", "json").stdout)
    s001 = next(r for r in shown if r["supervisor"] == "S001")
    (by_sql,) = sql(
        "SELECT sum(points) FROM point_entry pe JOIN supervisor s ON s.id = pe.supervisor_id "
        "WHERE s.code = 'S001' AND pe.area = 'activities' AND pe.date >= '2026-06-01' "
        "AND pe.date < '2026-07-01'"
    )[0]
    assert float(s001["activities"]) == float(by_sql) == 4.0


def test_no_welfare_rule_no_points(park, cli, sql, tmp_path, monkeypatch):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[ruleset]]\neffective = 2021-01-01\n\n[ruleset.rules.visit]\narea = "problems"\n'
        "points = 1\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GRIDCTL_RULES", str(rules))
    _claims(cli, "2026-06-02")
    assert _explain(cli) == []
    assert sql("SELECT count(*) FROM point_entry WHERE rule = 'welfare'") == [(0,)]


def test_a_rules_file_may_not_give_welfare_kinds(park, cli, tmp_path, monkeypatch):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[ruleset]]\neffective = 2021-01-01\n\n[ruleset.rules.welfare]\narea = "activities"\n'
        "points = 1\nkinds = { lecture = 2 }\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GRIDCTL_RULES", str(rules))
    result = cli("points", "show", ok=False)
    assert result.exit_code == 1
    assert "kinds" in result.stderr and result.stderr.count("\n") == 1


def test_an_import_that_redates_a_completion_moves_its_points(park, cli, sql, tmp_path):
    _claims(cli, "2026-06-02")
    assert [r["date"] for r in _explain(cli)] == ["2026-06-02"]
    path = tmp_path / "claims.csv"
    path.write_text(
        "项目,企业,认领日期,完成日期,参与人数\n项目1,合肥芯联微电子有限公司,2026-06-01,2026-06-09,10\n",
        encoding="utf-8",
    )
    cli("import", "welfare_claims", str(path))
    # The import moves the entry itself, before any read.
    assert sql("SELECT date FROM point_entry WHERE rule = 'welfare'") == [("2026-06-09",)]
    assert [(r["date"], str(r["points"])) for r in _explain(cli)] == [("2026-06-09", "2")]
    cli("import", "welfare_claims", str(path))  # unchanged: the entry stays
    assert sql("SELECT date FROM point_entry WHERE rule = 'welfare'") == [("2026-06-09",)]
