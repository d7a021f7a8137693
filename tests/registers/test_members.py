"""One truth for registered party members: the dated history (member_count). enterprise
update --members and the enterprises import record dated changes; the register shows the
count in force today; funding counts the history. Figures checked by hand and plain SQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from tests.registers.test_registers_cli import one_error_line

XINLIAN = "合肥芯联微电子有限公司"  # branch, 12 members in the sample park
JIANGHUAI = "江淮新能源汽车零部件有限公司"  # committee, 40 members


def _history(sql, name: str) -> list[tuple[str, int]]:
    rows = sql(
        "SELECT m.effective_from, m.members FROM member_count m "
        "JOIN enterprise e ON e.id = m.enterprise_id WHERE e.name = ?",
        name,
    )
    # SQLite gives ISO text, PostgreSQL a date: compare as text; the baseline ("") first.
    return sorted((str(d) if d is not None else "", n) for d, n in rows)


def _listed(cli, name: str) -> int:
    rows = json.loads(cli("enterprise", "list", "--format", "json").stdout)
    return next(r["members"] for r in rows if r["name"] == name)


def _shown(cli, name: str) -> int:
    return json.loads(cli("enterprise", "show", name, "--format", "json").stdout)["members"]


def _register(sql, name: str) -> int:
    return sql("SELECT members FROM enterprise WHERE name = ?", name)[0][0]


def test_update_members_after_history_records_a_dated_change(cli, park, sql):
    today = date.today()
    cli("funding", "members", XINLIAN, "14", "--from", "2025-06-01")
    out = cli("enterprise", "update", XINLIAN, "--members", "20").stdout
    assert out == f"Updated {XINLIAN}: members\n"
    assert _history(sql, XINLIAN) == [("", 12), ("2025-06-01", 14), (today.isoformat(), 20)]
    # The register: the count in force today, wherever it is shown.
    assert _register(sql, XINLIAN) == 20
    assert _listed(cli, XINLIAN) == 20
    assert _shown(cli, XINLIAN) == 20
    # Next year's allocation counts it: 20 x 200.00.
    cli("funding", "allocate", "--year", str(today.year + 1))
    assert sql(
        "SELECT a.members, a.amount_cents FROM funding_allocation a "
        "JOIN enterprise e ON e.id = a.enterprise_id WHERE e.name = ? AND a.year = ?",
        XINLIAN,
        today.year + 1,
    ) == [(20, 20 * 20000)]
    # The same count again is no change and writes no row.
    again = cli("enterprise", "update", XINLIAN, "--members", "20").stdout
    assert again == f"Updated {XINLIAN}: nothing changed\n"
    assert len(_history(sql, XINLIAN)) == 3
    # The change is in the audit trail.
    trail = json.loads(cli("audit", "log", "--table", "member_count", "-f", "json").stdout)
    # Newest first: the last change heads the trail.
    assert [(e["action"], e["after"]["members"]) for e in trail][0] == ("insert", 20)
    cli("audit", "verify")


def test_first_change_by_update_keeps_the_register_as_baseline(cli, park, sql):
    today = date.today()
    cli("enterprise", "update", JIANGHUAI, "--members", "42")
    assert _history(sql, JIANGHUAI) == [("", 40), (today.isoformat(), 42)]
    history = json.loads(cli("funding", "members", JIANGHUAI, "-f", "json").stdout)
    assert [(h["from"], h["members"]) for h in history] == [("", 40), (today.isoformat(), 42)]
    cli("funding", "allocate", "--year", str(today.year + 1))
    rows = json.loads(cli("funding", "list", "--year", str(today.year + 1), "-f", "json").stdout)
    assert next(r for r in rows if r["enterprise"] == JIANGHUAI)["amount"] == "8400.00"  # 42x200


def test_future_members_from_leaves_todays_count(cli, park, sql):
    today = date.today()
    later = today + timedelta(days=30)
    out = cli(
        "enterprise", "update", XINLIAN, "--members", "30", "--members-from", later.isoformat()
    ).stdout
    assert out == f"Updated {XINLIAN}: members\n"
    assert _history(sql, XINLIAN) == [("", 12), (later.isoformat(), 30)]
    assert _register(sql, XINLIAN) == 12
    assert _listed(cli, XINLIAN) == 12
    assert _shown(cli, XINLIAN) == 12
    # The year after the change's day counts it: 30 x 200.00.
    cli("funding", "allocate", "--year", str(later.year + 1))
    assert sql(
        "SELECT a.amount_cents FROM funding_allocation a "
        "JOIN enterprise e ON e.id = a.enterprise_id WHERE e.name = ? AND a.year = ?",
        XINLIAN,
        later.year + 1,
    ) == [(30 * 20000,)]


def _export(cli) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(cli("export", "enterprises").stdout)))


def _write(path, rows: list[dict[str, str]]):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_import_with_a_changed_count_records_a_change_effective_the_import_day(
    cli, park, sql, tmp_path
):
    today = date.today()
    rows = _export(cli)
    members = "党员人数"
    for row in rows:
        if row["企业名称"] == XINLIAN:
            row[members] = "16"
    path = _write(tmp_path / "enterprises.csv", rows)
    out = cli("import", "enterprises", str(path), "--json").stdout
    counts = json.loads(out)
    assert (counts["updated"], counts["unchanged"]) == (1, len(rows) - 1), out
    assert _history(sql, XINLIAN) == [("", 12), (today.isoformat(), 16)]
    assert _history(sql, JIANGHUAI) == []  # unchanged rows write nothing
    assert _register(sql, XINLIAN) == 16
    # The same file again: unchanged, no new row.
    before = sql("SELECT count(*) FROM member_count")
    again = json.loads(cli("import", "enterprises", str(path), "--json").stdout)
    assert (again["updated"], again["inserted"]) == (0, 0)
    assert sql("SELECT count(*) FROM member_count") == before
    # A different count the same day corrects that day's row.
    for row in rows:
        if row["企业名称"] == XINLIAN:
            row[members] = "17"
    cli("import", "enterprises", str(_write(tmp_path / "e2.csv", rows)))
    assert _history(sql, XINLIAN) == [("", 12), (today.isoformat(), 17)]


def test_export_reimport_round_trip_is_unchanged_with_history(cli, park, sql, tmp_path):
    later = date.today() + timedelta(days=30)
    yesterday = date.today() - timedelta(days=1)
    cli("funding", "members", XINLIAN, "30", "--from", later.isoformat())  # not yet in force
    cli("funding", "members", JIANGHUAI, "41", "--from", "2025-06-01")
    # A change whose day has come since it was recorded: the register's cached figure is
    # behind (as when a future-dated change reaches its day); what is shown is in force.
    firm = sql("SELECT id FROM enterprise WHERE name = ?", JIANGHUAI)[0][0]
    sql(
        "INSERT INTO member_count (enterprise_id, members, effective_from, recorded_at) "
        "VALUES (?, ?, ?, ?)",
        firm,
        44,
        yesterday,
        "2026-01-01 00:00:00",
    )
    assert _register(sql, JIANGHUAI) == 41  # the stale cache
    assert _listed(cli, JIANGHUAI) == 44 and _shown(cli, JIANGHUAI) == 44
    exported = {r["企业名称"]: r["党员人数"] for r in _export(cli)}
    assert (exported[XINLIAN], exported[JIANGHUAI]) == ("12", "44")
    before = sql("SELECT count(*) FROM member_count")
    path = _write(tmp_path / "round.csv", _export(cli))
    result = json.loads(cli("import", "enterprises", str(path), "--json").stdout)
    assert (result["inserted"], result["updated"]) == (0, 0)
    assert sql("SELECT count(*) FROM member_count") == before


def test_refusals_write_nothing(cli, park, sql):
    before = (sql("SELECT * FROM member_count"), sql("SELECT * FROM enterprise ORDER BY id"))
    r = cli("enterprise", "update", XINLIAN, "--members", "-1", ok=False)
    assert r.exit_code == 1
    one_error_line(r, "--members", "-1", "0 or more")
    r = cli(
        "enterprise", "update", XINLIAN, "--members", "3", "--members-from", "2026-13-01", ok=False
    )
    assert r.exit_code == 2
    one_error_line(r, "--members-from", "2026-13-01")
    r = cli("enterprise", "update", XINLIAN, "--members-from", "2026-01-01", ok=False)
    assert r.exit_code == 2
    one_error_line(r, "--members-from", "--members")
    assert (
        sql("SELECT * FROM member_count"),
        sql("SELECT * FROM enterprise ORDER BY id"),
    ) == before
