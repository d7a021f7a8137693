"""`gridctl activity add/list`, and the layers below."""

from __future__ import annotations

import json
from datetime import date

from tests.points.test_points_cli import refused


def test_add_and_list(cli, park, sql):
    out = cli(
        "activity", "add", "七一主题党日", "--supervisor", "S001", "--date", "2025-07-01",
        "--enterprise", "合肥芯联", "--enterprise", "91110000101623741K",
        "--kind", "主题党日", "--participants", "30",
    ).stdout  # fmt: skip
    assert out == "Recorded activity 1 on 2025-07-01\n"
    cli("activity", "add", "志愿服务", "-s", "S003", "--date", "2025-08-02", "--kind", "volunteer")
    rows = json.loads(cli("activity", "list", "--format", "json").stdout)
    # Newest first.
    assert [r["id"] for r in rows] == [2, 1]
    assert rows[1] == {
        "id": 1,
        "date": "2025-07-01",
        "supervisor": "S001",
        "supervisor_name": "张伟",
        "group": "第一指导组",
        "title": "七一主题党日",
        "kind": "theme-day",
        "participants": 30,
        "enterprises": ["合肥芯联微电子有限公司", "绿源环保装备有限公司"],
    }
    assert rows[0]["kind"] == "volunteer" and rows[0]["enterprises"] == []
    assert sql("SELECT count(*) FROM activity_enterprise") == [(2,)]
    by_month = json.loads(cli("activity", "list", "--month", "2025-08", "--format", "json").stdout)
    assert [r["id"] for r in by_month] == [2]
    by_who = json.loads(cli("activity", "list", "-s", "S001", "--format", "json").stdout)
    assert [r["id"] for r in by_who] == [1]
    table = cli("activity", "list").stdout
    assert "合肥芯联微电子有限公司, 绿源环保装备有限公司" in table
    csv = cli("activity", "list", "--format", "csv").stdout
    assert csv.splitlines()[0].startswith("id,date,supervisor")
    dossier = json.loads(cli("enterprise", "show", "绿源环保", "--format", "json").stdout)
    assert [a["title"] for a in dossier["activities"]] == ["七一主题党日"]


def test_refusals_write_nothing(cli, park, sql):
    base = ("activity", "add", "党课", "-s", "S001")
    assert "--kind" in refused(cli, *base, "--date", "2025-07-01", "--kind", "dance")
    assert "nowhere" in refused(cli, *base, "--date", "2025-07-01", "-e", "nowhere")
    assert "S999" in refused(cli, "activity", "add", "x", "-s", "S999", "--date", "2025-07-01")
    future = date(date.today().year + 1, 1, 1).isoformat()
    assert "--date" in refused(cli, *base, "--date", future)
    assert "--date" in refused(cli, *base, "--date", "2025-02-30", code=2)
    refused(cli, *base, code=2)  # --date is required
    refused(cli, *base, "--date", "2025-07-01", "--participants", "-1", code=2)
    assert "TITLE" in refused(cli, "activity", "add", " ", "-s", "S001", "--date", "2025-07-01")
    assert sql("SELECT count(*) FROM activity") == [(0,)]
    cli(*base, "--date", "2025-07-01", "-e", "合肥芯联")
    assert "TITLE" in refused(cli, *base, "--date", "2025-07-01")
    assert sql("SELECT count(*) FROM activity") == [(1,)]
    assert sql("SELECT count(*) FROM activity_enterprise") == [(1,)]
