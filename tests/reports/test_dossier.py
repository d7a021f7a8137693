"""The dossier (一企一档) of one enterprise: the park's own work beside its visits, problems and
activities, in `enterprise show` (terminal and JSON) and in the `report dossier` workbook.

The figures are checked by hand (allocation = members on 1 January x 200.00; balance =
allocation + support - spending) or by plain SQL, not by the code's own output fed back.
"""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest

XINLIAN = "91440300708461136T"  # 合肥芯联微电子有限公司, branch, 12 members, chain 微电子
JIANGHUAI = "914403001922038216"  # 江淮新能源汽车零部件有限公司, committee, 40 members
LVYUAN = "91110000101623741K"  # 绿源环保装备有限公司, no party organisation, no chain

KEYS = [
    "name",
    "credit_code",
    "bad_check_reason",
    "grid",
    "grid_name",
    "level1_grid",
    "chain",
    "chain_kind",
    "chain_lead",
    "chain_lead_enterprise",
    "party_org",
    "members",
    "members_in_force",
    "supervisor",
    "supervisor_name",
    "visit_class",
    "core",
    "safety_grid",
    "order_grid",
    "market_grid",
    "status",
    "visits",
    "problems",
    "activities",
    "member_history",
    "funding",
    "meetings",
    "welfare_claims",
    "resources",
    "resource_uses",
    "brands",
    "belt",
]
SECTIONS = KEYS[KEYS.index("member_history") :]


def _one(sql, query: str, *params: object) -> object:
    return sql(query, *params)[0][0]


@pytest.fixture
def rich(park, cli, sql):
    """The small park with all of 芯联's park work recorded, and some of 江淮's."""
    cli("funding", "members", XINLIAN, "10", "--from", "2025-03-01")
    cli("funding", "members", XINLIAN, "14", "--from", "2026-06-01")
    cli("funding", "allocate", "--year", "2025")
    cli("funding", "allocate", "--year", "2026")
    cli("funding", "support", XINLIAN, "500", "--year", "2026", "--reason", "党费收缴不足")
    cli("funding", "spend", XINLIAN, "800.50", "--date", "2026-07-01", "--purpose", "主题党日")
    cli("visit", "add", "-s", "S001", "-e", XINLIAN, "--date", "2026-10-01")
    cli("visit", "add", "-s", "S001", "-e", XINLIAN, "--date", "2026-10-02", "--problem", "融资难")
    cli("visit", "add", "-s", "S001", "-e", XINLIAN, "--date", "2026-10-03", "--problem", "缺场地")
    cli(
        "visit", "add", "-s", "S002", "-e", JIANGHUAI, "--date", "2026-10-03", "--problem", "招工难"
    )
    problems = dict(sql("SELECT description, id FROM problem"))
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-10-08",
        "--group", "第一指导组", "-a", "S001", "--title", "十月例会",
        "--problem", str(problems["融资难"]), "--problem", str(problems["招工难"]),
    )  # fmt: skip
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-20", "--title", "联席会议")
    joint = _one(sql, "SELECT id FROM meeting WHERE kind = 'joint'")
    cli("problem", "refer", str(problems["缺场地"]), "--meeting", str(joint), "--note", "多部门")
    cli("meeting", "outcome", str(joint), str(problems["缺场地"]), "--outcome", "协调场地")
    cli(
        "meeting",
        "outcome",
        str(joint),
        str(problems["缺场地"]),
        "--outcome",
        "已协调场地",
        "--solved",
    )
    cli("welfare", "project-add", "无偿献血", "--category", "志愿服务")
    cli("welfare", "project-add", "清洁家园")
    cli("welfare", "claim", "无偿献血", "-e", XINLIAN, "--date", "2026-04-01")
    claim = _one(sql, "SELECT id FROM welfare_claim")
    cli("welfare", "complete", str(claim), "--date", "2026-04-20", "--participants", "38")
    cli("welfare", "claim", "清洁家园", "-e", XINLIAN, "--date", "2026-09-01")
    cli("welfare", "claim", "清洁家园", "-e", JIANGHUAI, "--date", "2026-09-02")
    cli(
        "resource",
        "add",
        "芯联直播间",
        "--kind",
        "live-stream",
        "--owner",
        XINLIAN,
        "--capacity",
        "20",
    )
    cli("resource", "add", "江淮工作室", "--kind", "studio", "--owner", JIANGHUAI)
    cli(
        "resource",
        "use",
        "芯联直播间",
        "-e",
        JIANGHUAI,
        "--date",
        "2026-09-12",
        "--purpose",
        "直播带岗",
        "--participants",
        "12",
    )
    cli(
        "resource",
        "use",
        "江淮工作室",
        "-e",
        XINLIAN,
        "--date",
        "2026-09-15",
        "--purpose",
        "技能交流",
        "--participants",
        "8",
    )
    cli("chain", "set", "微电子", "--lead", XINLIAN, "--secretary", "孙立")
    cli("brand", "add", XINLIAN, "芯火相传", "--since", "2019", "--description", "党员攻关")
    cli("brand", "add", JIANGHUAI, "红色引擎")
    cli("belt", "add", JIANGHUAI)
    cli("belt", "add", XINLIAN, "--feature", "党建引领芯片攻关")
    cli("belt", "add", "数智云")
    return problems


def _show(cli, ref: str) -> dict:
    return json.loads(cli("enterprise", "show", ref, "--format", "json").stdout)


def test_json_keys_are_stable(rich, cli):
    rec = _show(cli, XINLIAN)
    assert list(rec) == KEYS
    assert list(rec["funding"][0]) == [
        "year", "members", "rate", "amount", "support", "spent", "balance",
    ]  # fmt: skip
    assert list(rec["meetings"][0]) == [
        "meeting_id", "date", "kind", "group", "title", "problem_id", "problem",
        "problem_status", "note", "outcome", "outcome_on",
    ]  # fmt: skip
    assert list(rec["welfare_claims"][0]) == [
        "id", "project", "category", "claimed", "completed", "participants", "note",
    ]  # fmt: skip
    assert list(rec["resources"][0]) == [
        "id", "name", "kind", "grid", "capacity", "terms", "address", "uses",
    ]  # fmt: skip
    assert list(rec["resource_uses"][0]) == [
        "id", "date", "resource", "owner", "purpose", "participants",
    ]  # fmt: skip
    assert list(rec["brands"][0]) == ["id", "name", "since", "description"]
    assert list(rec["belt"][0]) == ["belt", "position", "stops", "previous", "next", "feature"]
    assert list(rec["member_history"][0]) == ["from", "members"]


def test_members_over_time(rich, cli, sql):
    rec = _show(cli, XINLIAN)
    # The first recorded change keeps the register's 12 as the baseline.
    assert rec["member_history"] == [
        {"from": "", "members": 12},
        {"from": "2025-03-01", "members": 10},
        {"from": "2026-06-01", "members": 14},
    ]
    stored = sql(
        "SELECT m.effective_from, m.members FROM member_count m JOIN enterprise e "
        "ON e.id = m.enterprise_id WHERE e.credit_code = ? ORDER BY m.effective_from",
        XINLIAN,
    )
    dated = [(str(d), n) for d, n in stored if d is not None]
    assert dated == [(r["from"], r["members"]) for r in rec["member_history"][1:]]
    assert rec["members_in_force"] == 14


def test_funding_per_year(rich, cli, sql):
    rec = _show(cli, XINLIAN)
    # 2025: 12 members on 1 Jan (the baseline); 2026: 10 (the change of 2025-03-01).
    assert rec["funding"] == [
        {
            "year": 2025,
            "members": 12,
            "rate": "200.00",
            "amount": "2400.00",
            "support": "0.00",
            "spent": "0.00",
            "balance": "2400.00",
        },
        {
            "year": 2026,
            "members": 10,
            "rate": "200.00",
            "amount": "2000.00",
            "support": "500.00",
            "spent": "800.50",
            "balance": "1699.50",
        },
    ]
    for row in rec["funding"]:
        assert Decimal(row["amount"]) == row["members"] * Decimal("200.00")
        assert Decimal(row["balance"]) == (
            Decimal(row["amount"]) + Decimal(row["support"]) - Decimal(row["spent"])
        )
    cents = _one(
        sql,
        "SELECT amount_cents FROM funding_allocation a JOIN enterprise e ON e.id = a.enterprise_id"
        " WHERE e.credit_code = ? AND a.year = 2026",
        XINLIAN,
    )
    assert Decimal(cents) / 100 == Decimal(rec["funding"][1]["amount"])


def test_meetings_on_its_problems(rich, cli, sql):
    rec = _show(cli, XINLIAN)
    problems = rich
    assert [(m["date"], m["kind"], m["problem"]) for m in rec["meetings"]] == [
        ("2026-10-08", "group-monthly", "融资难"),
        ("2026-10-20", "joint", "缺场地"),
    ]
    group, joint = rec["meetings"]
    assert group["group"] == "第一指导组" and group["title"] == "十月例会"
    assert group["outcome"] == "" and group["problem_id"] == problems["融资难"]
    assert joint["note"] == "多部门" and joint["outcome"] == "已协调场地"
    assert joint["outcome_on"] == "2026-10-20" and joint["problem_status"] == "solved"
    # 江淮's problem at the same monthly meeting is in its own dossier, not in 芯联's.
    links = sql(
        "SELECT count(*) FROM meeting_problem mp JOIN problem p ON p.id = mp.problem_id "
        "JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code = ?",
        XINLIAN,
    )[0][0]
    assert len(rec["meetings"]) == links == 2
    assert [m["problem"] for m in _show(cli, JIANGHUAI)["meetings"]] == ["招工难"]


def test_claims_resources_chain_brands_belt(rich, cli):
    rec = _show(cli, XINLIAN)
    assert [
        (c["project"], c["category"], c["claimed"], c["completed"], c["participants"])
        for c in rec["welfare_claims"]
    ] == [
        ("无偿献血", "志愿服务", "2026-04-01", "2026-04-20", 38),
        ("清洁家园", "", "2026-09-01", "", None),
    ]
    assert [
        (r["name"], r["kind"], r["grid"], r["capacity"], r["uses"]) for r in rec["resources"]
    ] == [("芯联直播间", "live-stream", "G1-1", 20, 1)]
    assert [(u["resource"], u["owner"], u["participants"]) for u in rec["resource_uses"]] == [
        ("江淮工作室", "江淮新能源汽车零部件有限公司", 8)
    ]
    assert (rec["chain"], rec["chain_kind"], rec["chain_lead"]) == (
        "microelectronics",
        "committee",
        True,
    )
    assert rec["chain_lead_enterprise"] == "合肥芯联微电子有限公司"
    assert rec["brands"][0]["name"] == "芯火相传" and rec["brands"][0]["since"] == 2019
    assert rec["belt"] == [
        {
            "belt": "党建示范带",
            "position": 2,
            "stops": 3,
            "previous": "江淮新能源汽车零部件有限公司",
            "next": "数智云信息技术有限公司",
            "feature": "党建引领芯片攻关",
        }
    ]
    other = _show(cli, JIANGHUAI)
    assert other["chain_lead"] is False and other["chain_lead_enterprise"] == ""
    assert [u["resource"] for u in other["resource_uses"]] == ["芯联直播间"]
    assert [(c["project"], c["completed"]) for c in other["welfare_claims"]] == [("清洁家园", "")]


def test_enterprise_with_none_of_it(rich, cli):
    rec = _show(cli, LVYUAN)
    assert list(rec) == KEYS
    assert rec["member_history"] == [{"from": "", "members": 0}]
    for key in SECTIONS[1:]:
        assert rec[key] == [], key
    assert (rec["chain_kind"], rec["chain_lead"], rec["chain_lead_enterprise"]) == ("", False, "")
    shown = cli("enterprise", "show", LVYUAN)
    assert shown.stderr == ""
    out = shown.stdout
    headings = [
        "Visits",
        "Problems",
        "Activities",
        "Members over time",
        "Work funding by year",
        "Meetings on its problems",
        "Welfare claims",
        "Resources it shares",
        "Its uses of others' resources",
        "Brands",
        "Demonstration belt",
    ]
    lines = out.splitlines()
    at = [lines.index(h) for h in headings]
    assert at == sorted(at)
    # Every empty section says so under its heading; members over time has the baseline.
    for h in headings:
        if h != "Members over time":
            assert lines[lines.index(h) + 1] == "(none)", h


def test_terminal_sections(rich, cli):
    out = cli("enterprise", "show", XINLIAN).stdout
    for heading in ("Members over time", "Work funding by year", "Meetings on its problems"):
        assert heading in out.splitlines()
    assert "(baseline)" in out and "1699.50" in out and "已协调场地" in out
    assert "芯联直播间" in out and "江淮工作室" in out and "芯火相传" in out
    assert "Leads its chain" in out


def _table(ws) -> list[dict]:
    """The rows under the header, up to the first blank row (a note may follow)."""
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    body = []
    for r in rows[1:]:
        if all(v is None for v in r):
            break
        body.append(dict(zip(rows[0], r, strict=True)))
    return body


def _note(ws) -> object:
    return list(ws.iter_rows(values_only=True))[-1][0]


def test_workbook_sheets(rich, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("report", "dossier", XINLIAN, "-o", "zh.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "zh.xlsx")
    assert wb.sheetnames[4:] == [
        "党员人数变化",
        "工作经费",
        "会议研究问题",
        "公益认领",
        "共享资源",
        "资源使用",
        "党建品牌",
    ]
    facts = {r[0]: r[1] for r in wb["企业概况"].iter_rows(min_row=4, values_only=True)}
    assert facts["当前在册党员"] == 14
    assert facts["产业链组织"] == "产业链党委" and facts["是否产业链牵头企业"] == "是"
    assert facts["示范带站点"] == "党建示范带第 2 站（共 3 站）：党建引领芯片攻关"
    assert facts["党建品牌"] == "芯火相传（2019）"
    members = _table(wb["党员人数变化"])
    assert [r["党员人数"] for r in members] == [12, 10, 14]
    assert members[0]["起始日期"] == "（初始）"
    assert [r["起始日期"].date().isoformat() for r in members[1:]] == ["2025-03-01", "2026-06-01"]
    money = _table(wb["工作经费"])
    assert [(r["年度"], r["1月1日在册党员"], r["下拨经费（元）"]) for r in money[:-1]] == [
        (2025, 12, 2400),
        (2026, 10, 2000),
    ]
    total = money[-1]
    assert total["年度"] == "合计" and total["结余（元）"] == pytest.approx(2400 + 1699.50)
    assert total["支出（元）"] == pytest.approx(800.50)
    meetings = _table(wb["会议研究问题"])
    assert [(r["会议类型"], r["问题描述"], r["研究结果"]) for r in meetings[:-1]] == [
        ("指导组月度例会", "融资难", None),
        ("联席会议", "缺场地", "已协调场地"),
    ]
    assert meetings[-1]["日期"] == "合计" and meetings[-1]["会议类型"] == 2
    claims = _table(wb["公益认领"])
    assert [(r["编号"], r["公益项目"], r["参加人数"]) for r in claims] == [
        (claims[0]["编号"], "无偿献血", 38),
        (claims[1]["编号"], "清洁家园", None),
        ("合计", 2, 38),  # two claims, 38 participants
    ]
    assert [r["资源"] for r in _table(wb["共享资源"])[:-1]] == ["芯联直播间"]
    assert [r["资源"] for r in _table(wb["资源使用"])[:-1]] == ["江淮工作室"]
    assert [r["品牌名称"] for r in _table(wb["党建品牌"])] == ["芯火相传"]


def test_workbook_english_and_empty(rich, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("report", "dossier", LVYUAN, "--lang", "en", "-o", "en.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert wb.sheetnames == [
        "Enterprise",
        "Visits",
        "Problems",
        "Activities",
        "Members",
        "Funding",
        "Meetings",
        "Welfare claims",
        "Resources",
        "Resource uses",
        "Brands",
    ]
    labels = [r[0] for r in wb["Enterprise"].iter_rows(min_row=4, values_only=True)]
    assert len(labels) == len(set(labels)) and "Supervisor name" in labels
    assert [(r["From"], r["Members"]) for r in _table(wb["Members"])] == [("(baseline)", 0)]
    assert _table(wb["Funding"]) == [
        {
            "Year": "Total",
            "Members on 1 Jan": None,
            "Rate (yuan/member)": None,
            "Allocated (yuan)": 0,
            "Support (yuan)": 0,
            "Spent (yuan)": 0,
            "Balance (yuan)": 0,
        }
    ]
    for name in ("Meetings", "Welfare claims", "Resources", "Resource uses"):
        rows = _table(wb[name])
        assert len(rows) == 1 and list(rows[0].values())[:2] == ["Total", 0], name
    assert _table(wb["Brands"]) == [] and _note(wb["Brands"]) == "(none)"
    assert _note(wb["Meetings"]) == "(none)" and _note(wb["Members"]) != "(none)"


@pytest.mark.sqlite_only
def test_every_section_reads_through_indexes(rich, db_path):
    """No statement of the dossier walks a whole table (SQLite's plan says SCAN): each
    section starts from this enterprise's rows through an index."""
    import sqlite3

    from sqlalchemy import event
    from sqlmodel import Session

    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import make_engine
    from gridctl.reports.dossier import dossier

    engine = make_engine(resolve(str(db_path)))
    statements: list[tuple[str, object]] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, params, context, many: statements.append(
            (statement, params)
        ),
    )
    try:
        with Session(engine) as session:
            dossier(session, XINLIAN)
    finally:
        engine.dispose()
    con = sqlite3.connect(db_path)
    try:
        selects = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) > 15
        for statement, params in selects:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + statement, params)]
            assert not [step for step in plan if step.startswith("SCAN")], (statement, plan)
    finally:
        con.close()
