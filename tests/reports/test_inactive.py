"""One rule for supervisors who left: in a period's report only if they worked in it.

The park: S001 and S002 in 第一指导组 (S002 looks after 江淮新能源), S003 and S004 in 第二指导组.
S002 visits in October 2026, leaves a problem open, then is marked inactive; in November
S002 did nothing. Figures by plain SQL.
"""

from __future__ import annotations

import json

import openpyxl

from tests.reports.test_reports import _table


def _summary(cli, tmp_path, month: str) -> dict[str, dict]:
    out = tmp_path / f"{month}.xlsx"
    rows = json.loads(
        cli("report", "monthly", "--month", month, "-o", str(out), "--format", "json").stdout
    )
    return {r["group"]: r for r in rows}


def _listed(tmp_path, month: str) -> list[str]:
    wb = openpyxl.load_workbook(tmp_path / f"{month}.xlsx")
    header = [c for c in _table(wb["指导员"])[0] if c]
    code = header[0] if "指导员" not in header else "指导员"
    return sorted(str(r[code]) for r in _table(wb["指导员"]) if str(r[code]).startswith("S"))


def test_a_supervisor_who_left_counts_only_in_months_they_worked(cli, park, sql, tmp_path):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-05")
    cli(
        "visit",
        "add",
        "-s",
        "S002",
        "-e",
        "江淮新能源",
        "--date",
        "2026-10-06",
        "--problem",
        "消防通道",
    )
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-11-05")
    cli("supervisor", "update", "S002", "--inactive")

    october = _summary(cli, tmp_path, "2026-10")["第一指导组"]
    listed_oct = _listed(tmp_path, "2026-10")
    november = _summary(cli, tmp_path, "2026-11")["第一指导组"]
    listed_nov = _listed(tmp_path, "2026-11")

    def visits(month: str) -> int:
        return sql(
            "SELECT count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id WHERE g.name = '第一指导组' "
            "AND substr(CAST(v.date AS TEXT), 1, 7) = ?",
            month,
        )[0][0]

    # October: S002 worked, so is counted, listed and their visit in the group's.
    assert "S002" in listed_oct and "S001" in listed_oct
    assert october["supervisors"] == 2
    assert october["visits"] == visits("2026-10") == 2
    # November: S002 did nothing: not counted, not listed; the problem they left open and
    # the enterprise in their care still count for the group.
    assert "S002" not in listed_nov and "S001" in listed_nov
    assert november["supervisors"] == 1
    assert november["visits"] == visits("2026-11") == 1
    (still_open,) = sql(
        "SELECT count(*) FROM problem p JOIN supervisor s ON s.id = p.supervisor_id "
        "JOIN guidance_group g ON g.id = s.group_id WHERE g.name = '第一指导组' "
        "AND p.status IN ('open', 'in-progress')"
    )[0]
    assert november["problems_open"] == still_open == 1
    (cared_for,) = sql(
        "SELECT count(*) FROM enterprise e JOIN supervisor s ON s.id = e.supervisor_id "
        "JOIN guidance_group g ON g.id = s.group_id WHERE g.name = '第一指导组' "
        "AND e.status = 'active'"
    )[0]
    assert november["enterprises"] == cared_for
    # The points standings agree: S002 ranked in October only.
    oct_points = json.loads(cli("points", "show", "--month", "2026-10", "-f", "json").stdout)
    nov_points = json.loads(cli("points", "show", "--month", "2026-11", "-f", "json").stdout)
    assert "S002" in {r["supervisor"] for r in oct_points}
    assert "S002" not in {r["supervisor"] for r in nov_points}
