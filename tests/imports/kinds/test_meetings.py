"""The meetings import (with their attendees): rows checked with plain SQL, re-import
unchanged, an update, every refusal names FILE:LINE and writes nothing, export -> import
round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


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
