"""The registers through the CLI, as a user types them; figures checked with plain SQL."""

import json

import pytest


def one_error_line(result, *needles):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.output


def test_grid_levels_and_list(park, cli, sql):
    rows = json.loads(cli("grid", "list", "--format", "json").stdout)
    assert [r["code"] for r in rows] == ["G1", "G1-1", "G1-2", "G2", "G2-1"]
    g21 = next(r for r in rows if r["code"] == "G2-1")
    assert g21 == {
        "code": "G2-1",
        "name": "二区一网格",
        "level": 2,
        "parent": "G2",
        "enterprises": 2,
    }
    assert sql("SELECT count(*) FROM grid WHERE level = 2") == [(3,)]


def test_grid_refusals(park, cli, sql):
    r = cli("grid", "add", "G1", "重复", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "code", "G1", "exists")
    r = cli("grid", "add", "G9-1", "x", "--parent", "G9", ok=False)
    one_error_line(r, "--parent", "G9")
    r = cli("grid", "add", "G1-1-1", "x", "--parent", "G1-1", ok=False)
    one_error_line(r, "--parent", "level-1")
    assert sql("SELECT count(*) FROM grid") == [(5,)]


def test_group_list_with_leader(park, cli):
    rows = json.loads(cli("group", "list", "-f", "json").stdout)
    assert rows[0] == {
        "name": "第一指导组",
        "grid": "G1",
        "leader": "S001",
        "leader_name": "张伟",
        "supervisors": 2,
    }


def test_group_leader_must_be_own_supervisor(park, cli, sql):
    r = cli("group", "leader", "第一指导组", "S003", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "--leader", "S003", "第一指导组")
    assert sql(
        "SELECT s.code FROM guidance_group g JOIN supervisor s ON s.id = g.leader_id "
        "WHERE g.name = '第一指导组'"
    ) == [("S001",)]


def test_group_on_level2_grid_refused(park, cli):
    r = cli("group", "add", "第三指导组", "--grid", "G1-1", ok=False)
    one_error_line(r, "--grid", "G1-1", "level-1")


def test_supervisor_list_and_filter(park, cli):
    rows = json.loads(cli("supervisor", "list", "--group", "第二指导组", "-f", "json").stdout)
    assert [(r["code"], r["kind"], r["leader"]) for r in rows] == [
        ("S003", "full-time", True),
        ("S004", "part-time", False),
    ]


def test_supervisor_csv_has_english_keys(park, cli):
    out = cli("supervisor", "list", "--format", "csv").stdout.splitlines()
    assert out[0] == "code,name,group,kind,leader,phone,active,enterprises"
    assert out[1].startswith("S001,张伟,第一指导组,full-time,True,")


def test_supervisor_refusals(park, cli, sql):
    r = cli("supervisor", "add", "S009", "赵六", "--group", "第九组", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "--group", "第九组")
    r = cli(
        "supervisor", "add", "S009", "赵六", "--group", "第一指导组", "--kind", "临时", ok=False
    )
    one_error_line(r, "--kind", "临时", "full-time (专职)", "part-time (兼职)")
    r = cli("supervisor", "add", "S001", "赵六", "--group", "第一指导组", ok=False)
    one_error_line(r, "code", "S001", "exists")
    r = cli("supervisor", "add", "S009", "  ", "--group", "第一指导组", ok=False)
    one_error_line(r, "name", "must not be empty")
    r = cli("supervisor", "add", "S009", "赵六", ok=False)
    assert r.exit_code == 2
    one_error_line(r, "--group")
    assert sql("SELECT count(*) FROM supervisor") == [(4,)]


def test_supervisor_show_by_unique_name_and_ambiguous(park, cli):
    rec = json.loads(cli("supervisor", "show", "王芳", "-f", "json").stdout)
    assert rec["code"] == "S004"
    assert rec["assigned"] == [
        {"name": "数智云信息技术有限公司", "credit_code": "911101066976941872"}
    ]
    r = cli("supervisor", "show", "张伟", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "张伟", "S001 张伟", "S003 张伟")


def test_enterprise_list_by_level1_grid_and_chain(park, cli, sql):
    rows = json.loads(cli("enterprise", "list", "--grid", "G1", "-f", "json").stdout)
    expected = sql(
        "SELECT e.name FROM enterprise e JOIN grid g ON g.id = e.grid_id "
        "JOIN grid p ON p.id = g.parent_id WHERE p.code = 'G1' ORDER BY g.code, e.name"
    )
    assert [r["name"] for r in rows] == [n for (n,) in expected]
    rows = json.loads(cli("enterprise", "list", "--chain", "大数据信息技术", "-f", "json").stdout)
    assert [r["name"] for r in rows] == ["数智云信息技术有限公司"]
    assert rows[0]["party_org"] == "joint-branch"
    assert rows[0]["visit_class"] == "monthly"


def test_enterprise_default_visit_class_without_party_org(park, sql):
    assert sql("SELECT visit_class FROM enterprise WHERE name = '绿源环保装备有限公司'") == [
        ("quarterly",)
    ]


def test_credit_code_checked(park, cli, sql):
    r = cli(
        "enterprise",
        "add",
        "错码企业",
        "--grid",
        "G1-1",
        "--credit-code",
        "91440300708461136X",
        ok=False,
    )
    assert r.exit_code == 1
    one_error_line(r, "--credit-code", "91440300708461136X", "'T'", "--accept-bad-check-code")
    r = cli("enterprise", "add", "短码企业", "--grid", "G1-1", "--credit-code", "9144", ok=False)
    one_error_line(r, "--credit-code", "18 characters")
    assert sql("SELECT count(*) FROM enterprise") == [(4,)]


def test_bad_check_code_accepted_with_reason(park, cli, sql):
    cli(
        "enterprise",
        "add",
        "闽试点企业",
        "--grid",
        "G1-1",
        "--credit-code",
        "91350100m0001tgqxm",
        "--accept-bad-check-code",
        "早期试点地区代码，经市场监管局核实",
    )
    assert sql(
        "SELECT credit_code, bad_check_reason FROM enterprise WHERE name = '闽试点企业'"
    ) == [("91350100M0001TGQXM", "早期试点地区代码，经市场监管局核实")]


def test_malformed_code_not_rescued_by_reason(park, cli):
    r = cli(
        "enterprise",
        "add",
        "x",
        "--grid",
        "G1-1",
        "--credit-code",
        "91350100M0001TGQXI",
        "--accept-bad-check-code",
        "any",
        ok=False,
    )
    one_error_line(r, "not allowed")


def test_enterprise_refusals(park, cli, sql):
    cases = [
        (["合肥芯联微电子有限公司", "--grid", "G1-1"], ["name", "exists"]),
        (
            ["新企业", "--grid", "G1-1", "--credit-code", "91440300708461136T"],
            ["--credit-code", "合肥芯联微电子有限公司 has this credit code"],
        ),
        (["新企业", "--grid", "G1"], ["--grid", "level-2"]),
        (["新企业", "--grid", "G7-1"], ["--grid", "G7-1"]),
        (["新企业", "--grid", "G1-1", "--party-org", "党小组"], ["--party-org", "党小组"]),
        (["新企业", "--grid", "G1-1", "--chain", "纺织"], ["--chain", "纺织"]),
        (["新企业", "--grid", "G1-1", "--members", "-3"], ["--members", "-3"]),
        (["新企业", "--grid", "G1-1", "--supervisor", "张伟"], ["--supervisor", "S003 张伟"]),
    ]
    for args, needles in cases:
        r = cli("enterprise", "add", *args, ok=False)
        assert r.exit_code == 1, args
        one_error_line(r, *needles)
    assert sql("SELECT count(*) FROM enterprise") == [(4,)]


def test_enterprise_found_by_part_of_name_or_code(park, cli):
    rec = json.loads(cli("enterprise", "show", "芯联", "-f", "json").stdout)
    assert rec["credit_code"] == "91440300708461136T"
    rec = json.loads(cli("enterprise", "show", "914403001922038216", "-f", "json").stdout)
    assert rec["name"] == "江淮新能源汽车零部件有限公司"
    r = cli("enterprise", "show", "有限公司", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "ENTERPRISE", "有限公司", "matches several")


def test_chinese_messages_under_chinese_locale(park, cli, monkeypatch):
    monkeypatch.delenv("GRIDCTL_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    r = cli("grid", "add", "G3", "三区")
    assert r.stdout == "已添加网格 G3 三区（1级）\n"
    r = cli("supervisor", "show", "无此人", ok=False)
    assert r.stderr.startswith("错误：SUPERVISOR：找不到“无此人”")


@pytest.mark.sqlite_only  # a PostgreSQL database always "exists": its schema is empty
@pytest.mark.parametrize("args", [["grid", "list"], ["visit", "list"], ["problem", "list"]])
def test_missing_ledger_is_one_line(cli, args):
    r = cli(*args, ok=False)
    assert r.exit_code == 1
    one_error_line(r, "no ledger there", "gridctl init")


def test_enterprise_update_changes_only_given_fields(park, cli, sql):
    before = sql(
        "SELECT grid_id, chain, supervisor_id, credit_code FROM enterprise "
        "WHERE name = '合肥芯联微电子有限公司'"
    )
    r = cli(
        "enterprise",
        "update",
        "芯联",
        "--members",
        "15",
        "--party-org",
        "党总支",
        "--safety-grid",
        "AQ-07",
    )
    assert r.stdout == "Updated 合肥芯联微电子有限公司: party_org, members, safety_grid\n"
    assert sql(
        "SELECT members, party_org, safety_grid FROM enterprise "
        "WHERE name = '合肥芯联微电子有限公司'"
    ) == [(15, "general-branch", "AQ-07")]
    assert (
        sql(
            "SELECT grid_id, chain, supervisor_id, credit_code FROM enterprise "
            "WHERE name = '合肥芯联微电子有限公司'"
        )
        == before
    )
    r = cli("enterprise", "update", "芯联", "--members", "15")
    assert r.stdout == "Updated 合肥芯联微电子有限公司: nothing changed\n"


def test_enterprise_update_refusals_leave_it_unchanged(park, cli, sql):
    before = sql("SELECT * FROM enterprise ORDER BY id")
    for args, needles in [
        (["芯联", "--name", "江淮新能源汽车零部件有限公司"], ["name", "exists"]),
        (["芯联", "--credit-code", "914403001922038216"], ["--credit-code", "江淮"]),
        (["芯联", "--members", "-1"], ["--members"]),
        (["芯联", "--grid", "G2"], ["--grid", "level-2"]),
        (["芯联", "--status", "破产"], ["--status", "破产"]),
        (["无此企业", "--members", "3"], ["ENTERPRISE", "无此企业"]),
    ]:
        r = cli("enterprise", "update", *args, ok=False)
        assert r.exit_code == 1, args
        one_error_line(r, *needles)
    assert sql("SELECT * FROM enterprise ORDER BY id") == before


def test_supervisor_update_and_leader_guard(park, cli, sql):
    r = cli(
        "supervisor",
        "update",
        "S002",
        "--group",
        "第二指导组",
        "--phone",
        "13900000002",
        "--inactive",
    )
    assert r.stdout == "Updated S002: group_id, phone, active\n"
    assert sql(
        "SELECT g.name, s.phone, s.active FROM supervisor s "
        "JOIN guidance_group g ON g.id = s.group_id WHERE s.code = 'S002'"
    ) == [("第二指导组", "13900000002", 0)]
    r = cli("supervisor", "update", "S001", "--group", "第二指导组", ok=False)
    one_error_line(r, "--group", "S001 leads a group")
    r = cli("visit", "add", "-s", "S002", "-e", "江淮", ok=False)
    one_error_line(r, "--supervisor", "no longer active")


def test_refusal_details_in_chinese(park, cli, monkeypatch):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    r = cli(
        "enterprise",
        "add",
        "测试",
        "--grid",
        "G1-1",
        "--credit-code",
        "91440300708461136X",
        ok=False,
    )
    assert r.stderr == (
        "错误：--credit-code：“91440300708461136X”不被接受：校验位应为“T”，而不是“X”"
        "（如确需登记，请用 --accept-bad-check-code 说明原因）\n"
    )
    r = cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-02-31", ok=False)
    assert r.exit_code == 2
    assert "不是真实存在的日期" in r.stderr
