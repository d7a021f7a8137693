"""Import kinds of the park's ordered and dated records (issue 7): belt sites, welfare claims,
meetings. Each: import checked with plain SQL, re-import unchanged, an update, every refusal
names FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import counts, imported, refused, wipe, write_csv

park_file = import_helpers.park_file
park = import_helpers.park

XL = "合肥芯联微电子有限公司"
JH = "江淮新能源汽车零部件有限公司"
LY = "绿源环保装备有限公司"
SZ = "数智云信息技术有限公司"

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


# --- welfare claims -----------------------------------------------------------------------

CLAIM_HEAD = ["项目", "企业", "认领日期", "完成日期", "参与人数", "备注"]
CLAIMS = (
    "SELECT p.name, e.name, c.claimed_on, c.completed_on, c.participants, c.note "
    "FROM welfare_claim c JOIN welfare_project p ON p.id = c.project_id "
    "JOIN enterprise e ON e.id = c.enterprise_id ORDER BY c.claimed_on, e.name"
)


def projects(cli, tmp_path):
    rows = [["名称", "类别"], ["清洁家园", "环保"], ["无偿献血", "健康"]]
    cli("import", "welfare_projects", str(write_csv(tmp_path / "p.csv", rows)))


def test_welfare_claims_import_update_and_idempotence(cli, park, sql, tmp_path):
    projects(cli, tmp_path)
    rows = [
        CLAIM_HEAD,
        ["清洁家园", XL, "2026-03-05", "2026-03-12", "25", ""],
        ["清洁家园", XL, "2026-04-01", "", "", "第二次"],
        ["无偿献血", JH, "2026/4/1", "2026-04-20", "38", "约9500毫升"],
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    assert counts(imported(cli, "welfare_claims", path)) == (3, 0, 0)
    assert sql(CLAIMS) == [
        ("清洁家园", XL, "2026-03-05", "2026-03-12", 25, None),
        ("清洁家园", XL, "2026-04-01", None, None, "第二次"),
        ("无偿献血", JH, "2026-04-01", "2026-04-20", 38, "约9500毫升"),
    ]
    assert counts(imported(cli, "welfare_claims", path)) == (0, 0, 3)
    # The open claim completed, a note changed; a file without the completion columns
    # leaves completions alone.
    rows[2][3:5] = ["2026-04-30", "12"]
    rows[3][5] = "约1万毫升"
    assert counts(imported(cli, "welfare_claims", write_csv(tmp_path / "d.csv", rows))) == (
        0,
        2,
        1,
    )
    assert sql(CLAIMS)[1:] == [
        ("清洁家园", XL, "2026-04-01", "2026-04-30", 12, "第二次"),
        ("无偿献血", JH, "2026-04-01", "2026-04-20", 38, "约1万毫升"),
    ]
    only = [["project", "enterprise", "claimed"], ["清洁家园", XL, "2026-04-01"]]
    assert counts(imported(cli, "welfare_claims", write_csv(tmp_path / "e.csv", only))) == (
        0,
        0,
        1,
    )
    assert sql("SELECT count(*) FROM welfare_claim WHERE completed_on IS NULL") == [(0,)]


def test_welfare_claim_refusals(cli, park, sql, tmp_path):
    projects(cli, tmp_path)
    first = [CLAIM_HEAD, ["清洁家园", XL, "2026-03-05", "", "", ""]]
    cli("import", "welfare_claims", str(write_csv(tmp_path / "a.csv", first)))
    rows = [
        CLAIM_HEAD,
        ["无此项目", XL, "2026-03-05", "", "", ""],
        ["清洁家园", LY, "2026-03-05", "", "", ""],
        ["清洁家园", JH, "2099-01-01", "", "", ""],
        ["清洁家园", JH, "2026-03-05", "2026-03-01", "5", ""],
        ["清洁家园", JH, "2026-03-06", "2026-03-07", "0", ""],
        ["清洁家园", JH, "2026-03-08", "2026-03-09", "", ""],
        ["清洁家园", JH, "2026-03-10", "", "8", ""],
        ["清洁家园", SZ, "2026-03-10", "2026-03-11", "8", ""],
        ["清洁家园", SZ, "2026/3/10", "", "", ""],
        ["无偿献血", SZ, "2026-03-10", "2099-01-01", "8", ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "welfare_claims", path, "welfare_claim") == [
        f"{path}:2: 项目: unknown welfare project (无此项目)",
        f"{path}:3: 企业: has no party organisation to claim projects ({LY})",
        f"{path}:4: 认领日期: a claim cannot be in the future (2099-01-01)",
        f"{path}:5: 完成日期: must be on or after the claim (2026-03-05) (2026-03-01)",
        f"{path}:6: 参与人数: at least 1 (0)",
        f"{path}:7: 参与人数: at least 1",
        f"{path}:8: 参与人数: participants only with a completion date (8)",
        f"{path}:10: 认领日期: same record as line 9 (duplicate in this file)",
        f"{path}:11: 完成日期: cannot be in the future (2099-01-01)",
    ]
    # One open claim of a project at a time: in the ledger, and in the file.
    rows = [
        CLAIM_HEAD,
        ["清洁家园", XL, "2026-04-01", "", "", ""],
        ["无偿献血", JH, "2026-04-01", "", "", ""],
        ["无偿献血", JH, "2026-05-01", "2026-05-02", "3", ""],
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    assert refused(cli, sql, "welfare_claims", path, "welfare_claim") == [
        f"{path}:2: 项目: {XL} already holds claim 1 on it",
        f"{path}:4: 项目: {JH} already holds claim of line 3 on it",
    ]


def test_welfare_claims_round_trip(cli, park, sql, tmp_path, db_path):
    projects(cli, tmp_path)
    rows = [
        CLAIM_HEAD,
        ["清洁家园", XL, "2026-03-05", "2026-03-12", "25", "=1+1 备注"],
        ["清洁家园", XL, "2026-04-01", "", "", ""],
        ["无偿献血", SZ, "2026-04-01", "2026-04-20", "38", ""],
    ]
    cli("import", "welfare_claims", str(write_csv(tmp_path / "c.csv", rows)))
    before = sql(CLAIMS)
    out = tmp_path / "claims.xlsx"
    cli("export", "welfare_claims", "-o", str(out))
    assert counts(imported(cli, "welfare_claims", out)) == (0, 0, 3)
    wipe(db_path, "welfare_claim")
    assert counts(imported(cli, "welfare_claims", out)) == (3, 0, 0)
    assert sql(CLAIMS) == before


# --- meetings -----------------------------------------------------------------------------

MEET_HEAD = ["类型", "日期", "指导组", "名称", "参会人员", "议题", "议定事项"]
MEETINGS = (
    "SELECT m.id, m.kind, m.date, g.name, m.title, m.topics, m.decisions "
    "FROM meeting m LEFT JOIN guidance_group g ON g.id = m.group_id ORDER BY m.date"
)
ATTENDEES = (
    "SELECT a.meeting_id, s.code FROM meeting_attendee a "
    "JOIN supervisor s ON s.id = a.supervisor_id ORDER BY s.code"
)


def meetings(sql) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Each meeting with its attendees' codes joined by ',' (None without any), in plain SQL
    on either engine."""
    codes: dict[int, list[str]] = {}
    for meeting_id, code in sql(ATTENDEES):
        codes.setdefault(meeting_id, []).append(code)
    return [
        (*row[1:], ",".join(codes[row[0]]) if row[0] in codes else None) for row in sql(MEETINGS)
    ]


def test_meetings_import_update_and_idempotence(cli, park, sql, tmp_path):
    rows = [
        MEET_HEAD,
        [
            "指导组月度例会",
            "2026-10-08",
            "第一指导组",
            "十月例会",
            "S001、S002",
            "通报走访；研究招工",
            "",
        ],
        ["group-monthly", "2026-10-09", "第二指导组", "", "S003;S004", "", "补访"],
        ["组长季度工作例会", "2026-10-15", "", "季度会", "S001；S003", "比较积分", "排名单"],
        ["联席会议", "2026-11-18", "", "联席会", "", "融资\n住房", "对接银行"],
    ]
    path = write_csv(tmp_path / "m.csv", rows)
    assert counts(imported(cli, "meetings", path)) == (4, 0, 0)
    assert meetings(sql) == [
        (
            "group-monthly",
            "2026-10-08",
            "第一指导组",
            "十月例会",
            "通报走访\n研究招工",
            None,
            "S001,S002",
        ),
        ("group-monthly", "2026-10-09", "第二指导组", None, None, "补访", "S003,S004"),
        ("leader-quarterly", "2026-10-15", None, "季度会", "比较积分", "排名单", "S001,S003"),
        ("joint", "2026-11-18", None, "联席会", "融资\n住房", "对接银行", None),
    ]
    assert counts(imported(cli, "meetings", path)) == (0, 0, 4)
    rows[1][4] = "S001"  # attendees changed
    rows[4][6] = "对接银行；调剂房源"  # decisions changed
    assert counts(imported(cli, "meetings", write_csv(tmp_path / "n.csv", rows))) == (0, 2, 2)
    assert meetings(sql)[0][6] == "S001"
    assert meetings(sql)[3][5] == "对接银行\n调剂房源"
    only = [["kind", "date"], ["joint", "2026-11-18"]]
    assert counts(imported(cli, "meetings", write_csv(tmp_path / "o.csv", only))) == (0, 0, 1)
    assert meetings(sql)[3][3:] == ("联席会", "融资\n住房", "对接银行\n调剂房源", None)


def test_meeting_refusals(cli, park, sql, tmp_path):
    first = [MEET_HEAD, ["指导组月度例会", "2026-10-08", "第一指导组", "", "", "", ""]]
    cli("import", "meetings", str(write_csv(tmp_path / "a.csv", first)))
    rows = [
        MEET_HEAD,
        ["指导组月度例会", "2026-10-20", "第一指导组", "", "", "", ""],
        ["指导组月度例会", "2026-10-20", "", "", "", "", ""],
        ["联席会议", "2026-10-20", "第一指导组", "", "", "", ""],
        ["指导组月度例会", "2026-11-20", "第二指导组", "", "S001", "", ""],
        ["指导组月度例会", "2026-11-20", "第九指导组", "", "", "", ""],
        ["座谈会", "2026-11-20", "", "", "S999", "", ""],
        ["联席会议", "2026-11-31", "", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "meetings", path, "meeting") == [
        f"{path}:2: 日期: meeting 1 is already this group-monthly meeting of 2026-10 (2026-10-20)",
        f"{path}:3: 指导组: a monthly group meeting needs its group",
        f"{path}:4: 指导组: only a monthly group meeting belongs to a group (第一指导组)",
        f"{path}:5: 参会人员: not a supervisor of 第二指导组 (S001)",
        f"{path}:6: 指导组: unknown group (第九指导组)",
        f"{path}:7: 类型: allowed: group-monthly (指导组月度例会), leader-quarterly (组长季度工作例会), "
        "joint (联席会议) (座谈会)",
        f"{path}:7: 参会人员: unknown supervisor (S999)",
        f"{path}:8: 日期: no such day (2026-11-31)",
    ]
    rows = [
        MEET_HEAD,
        ["组长季度工作例会", "2026-10-15", "", "", "", "", ""],
        ["组长季度工作例会", "2026-11-15", "", "", "", "", ""],
        ["联席会议", "2026-11-18", "", "", "", "", ""],
        ["joint", "2026-11-18", "", "again", "", "", ""],
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    assert refused(cli, sql, "meetings", path, "meeting") == [
        f"{path}:5: 日期: same record as line 4 (duplicate in this file)",
    ]
    path = write_csv(tmp_path / "d.csv", rows[:4])
    assert refused(cli, sql, "meetings", path, "meeting") == [
        f"{path}:3: 日期: meeting on line 2 is already this leader-quarterly meeting of 2026Q4 "
        "(2026-11-15)",
    ]


def test_meetings_round_trip(cli, park, sql, tmp_path, db_path):
    rows = [
        MEET_HEAD,
        [
            "指导组月度例会",
            "2026-10-08",
            "第一指导组",
            "=1+1 例会",
            "S001、S002",
            "通报；研究",
            "补访",
        ],
        ["联席会议", "2026-11-18", "", "联席会", "S001、S003", "融资\n住房", ""],
    ]
    cli("import", "meetings", str(write_csv(tmp_path / "m.csv", rows)))
    before = meetings(sql)
    out = tmp_path / "meetings.csv"
    cli("export", "meetings", "-o", str(out))
    assert counts(imported(cli, "meetings", out)) == (0, 0, 2)
    wipe(db_path, "meeting_attendee", "meeting")
    assert counts(imported(cli, "meetings", out)) == (2, 0, 0)
    assert meetings(sql) == before


def test_templates_have_the_chinese_headers_of_the_sample_files(cli, park, tmp_path):
    from openpyxl import load_workbook

    expected = {
        "belt": ["示范带", "顺序", "企业", "特色"],
        "welfare_claims": CLAIM_HEAD,
        "meetings": MEET_HEAD,
    }
    for kind, head in expected.items():
        out = tmp_path / f"{kind}.xlsx"
        cli("import", "template", kind, "-o", str(out), "--lang", "zh")
        cells = [c.value for c in next(load_workbook(out).active.iter_rows())]
        assert [str(c).strip("*") for c in cells] == head
        assert cli("import", kind, str(out)).stdout.startswith(f"{out}: 0 rows")
