"""The member_changes import (a party organisation's members over time, through the funding
rules): rows checked with plain SQL, every refusal names FILE:LINE and writes nothing,
export -> import round trip."""

from __future__ import annotations

import json

from tests import import_helpers
from tests.import_helpers import JH, XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


MEM_HEAD = ["企业", "党员人数", "生效日期"]


def test_member_changes_through_funding_rules(cli, park, sql, tmp_path):
    rows = [MEM_HEAD, [XL, "15", "2025-12-01"], ["914403001922038216", "42", "2026-01-01"]]
    path = write_csv(tmp_path / "m.csv", rows)
    assert counts(imported(cli, "member_changes", path)) == (2, 0, 0)
    # As `gridctl funding members`: the register's count is kept as the baseline (no date),
    # and the enterprise shows the count in force today.
    assert sql(
        "SELECT e.name, m.members, m.effective_from FROM member_count m JOIN enterprise e "
        "ON e.id = m.enterprise_id ORDER BY e.name, m.effective_from IS NOT NULL"
    ) == sorted(
        [(XL, 12, None), (XL, 15, "2025-12-01"), (JH, 40, None), (JH, 42, "2026-01-01")],
        key=lambda r: (r[0], r[2] is not None),
    )  # ordered as SQLite orders the names: by code point, the same as Python
    assert sql("SELECT members FROM enterprise WHERE name = ?", XL) == [(15,)]
    assert sql("SELECT members FROM enterprise WHERE name = ?", JH) == [(42,)]
    assert counts(imported(cli, "member_changes", path)) == (0, 0, 2)
    rows[1][1] = "16"
    assert counts(imported(cli, "member_changes", write_csv(tmp_path / "n.csv", rows))) == (
        0,
        1,
        1,
    )
    assert sql(f"SELECT members FROM enterprise WHERE name = '{XL}'") == [(16,)]
    # The same as the command: funding members shows the history.
    history = json.loads(cli("funding", "members", XL, "--format", "json").stdout)
    assert [(h["from"], h["members"]) for h in history] == [("", 12), ("2025-12-01", 16)]


def test_member_change_refusals(cli, park, sql, tmp_path):
    rows = [
        MEM_HEAD,
        ["无此企业", "3", "2026-01-01"],
        [XL, "-1", "2026-01-01"],
        [XL, "3", "2026-13-01"],
        [JH, "3", "2026-01-01"],
        [JH, "4", "2026-01-01"],
    ]
    path = write_csv(tmp_path / "m.csv", rows)
    assert refused(cli, sql, "member_changes", path, "member_count") == [
        f"{path}:2: 企业: unknown enterprise (无此企业)",
        f"{path}:3: 党员人数: not a whole number of 0 or more (-1)",
        f"{path}:4: 生效日期: no such day (2026-13-01)",
        f"{path}:6: 生效日期: same record as line 5 (duplicate in this file)",
    ]
    assert sql("SELECT members FROM enterprise WHERE name = ?", JH) == [(40,)]


def test_member_changes_round_trip(cli, park, sql, tmp_path, db_path):
    rows = [MEM_HEAD, [XL, "15", "2025-12-01"], [XL, "9", "2026-06-01"]]
    cli("import", "member_changes", str(write_csv(tmp_path / "m.csv", rows)))
    # The dated changes travel; the undated baseline is the register's count at the first one.
    query = (
        "SELECT enterprise_id, members, effective_from FROM member_count "
        "WHERE effective_from IS NOT NULL ORDER BY 1, 3"
    )
    before = sql(query)
    out = tmp_path / "export.csv"
    cli("export", "member_changes", "-o", str(out))
    assert counts(imported(cli, "member_changes", out)) == (0, 0, 2)
    wipe(db_path, "member_count")
    assert counts(imported(cli, "member_changes", out)) == (2, 0, 0)
    assert sql(query) == before
