"""The diary import: rows land (checked with plain SQL), re-import unchanged, a dry run writes
nothing, every refusal names FILE:LINE and writes nothing, export -> import round trip,
Chinese and English headers. Runs on SQLite and PostgreSQL (the `park` of conftest)."""

from __future__ import annotations

from tests.import_helpers import counts, dry, imported, refused, write_csv

DIARY_HEAD = ["指导员", "日期", "内容"]
ENTRIES = (
    "SELECT s.code, d.date, d.content FROM diary_entry d "
    "JOIN supervisor s ON s.id = d.supervisor_id ORDER BY s.code, d.date, d.content"
)


def test_diary_import_dry_run_and_idempotence(cli, park, sql, tmp_path):
    rows = [
        DIARY_HEAD,
        ["S001", "2026-03-02", "参加街道党工委例会"],
        ["李娜", "2026/3/3", "整理走访台账"],  # a unique name resolves too
        ["S001", "2026年3月2日", "  报送月度小结  "],  # same day, other text: another entry
    ]
    path = write_csv(tmp_path / "d.csv", rows)
    assert counts(dry(cli, "diary", path)) == (3, 0, 0)
    assert sql("SELECT count(*) FROM diary_entry") == [(0,)]
    assert counts(imported(cli, "diary", path)) == (3, 0, 0)
    assert sql(ENTRIES) == [
        ("S001", "2026-03-02", "参加街道党工委例会"),
        ("S001", "2026-03-02", "报送月度小结"),
        ("S002", "2026-03-03", "整理走访台账"),
    ]
    assert counts(imported(cli, "diary", path)) == (0, 0, 3)
    result = cli("import", "diary", str(path))
    assert "0 inserted, 0 updated, 3 unchanged (nothing new: already imported)" in result.stdout
    # English headers ("content" is taken for text), a GB18030 file: one new, one already there.
    english = [["supervisor", "date", "content"], ["S002", "2026-03-03", "整理走访台账"]]
    english.append(["S004", "2026-03-04", "参加培训"])
    path = write_csv(tmp_path / "e.csv", english, "gb18030")
    assert counts(imported(cli, "diary", path)) == (1, 0, 1)
    assert sql("SELECT count(*) FROM diary_entry") == [(4,)]
    # Visits stay visits: `diary list` shows both, the import adds only entries.
    assert sql("SELECT count(*) FROM visit") == [(0,)]


def test_diary_refusals(cli, park, sql, tmp_path):
    cli("supervisor", "update", "S004", "--inactive")
    rows = [
        DIARY_HEAD,
        ["S001", "2026-03-02", "好的"],
        ["S999", "2026-03-02", "甲"],
        ["S001", "2026-02-30", "乙"],
        ["S001", "2099-01-01", "丙"],
        ["S001", "2026-03-02", ""],
        ["S004", "2026-03-02", "丁"],
        ["S001", "2026-03-02", "好的"],
    ]
    path = write_csv(tmp_path / "d.csv", rows)
    assert refused(cli, sql, "diary", path, "diary_entry") == [
        f"{path}:3: 指导员: unknown supervisor (S999)",
        f"{path}:4: 日期: no such day (2026-02-30)",
        f"{path}:5: 日期: a diary entry cannot be in the future (2099-01-01)",
        f"{path}:6: 内容: required, but empty",
        f"{path}:7: 指导员: this supervisor is no longer active (S004)",
        f"{path}:8: 内容: same record as line 2 (duplicate in this file)",
    ]
    # 张伟 is two supervisors (S001, S003): the code is needed.
    path = write_csv(tmp_path / "z.csv", [DIARY_HEAD, ["张伟", "2026-03-02", "例会"]])
    (line,) = refused(cli, sql, "diary", path, "diary_entry")
    assert line.startswith(f"{path}:2: 指导员: ") and "S001" in line and "S003" in line


def test_diary_round_trip(cli, park, sql, tmp_path):
    rows = [DIARY_HEAD, ["S001", "2026-03-02", "=1+1 不是公式"], ["S003", "2026-03-05", "例会"]]
    cli("import", "diary", str(write_csv(tmp_path / "d.csv", rows)))
    before = sql(ENTRIES)
    out = tmp_path / "diary.csv"
    cli("export", "diary", "-o", str(out))
    assert counts(imported(cli, "diary", out)) == (0, 0, 2)
    sql("DELETE FROM diary_entry")
    assert counts(imported(cli, "diary", out)) == (2, 0, 0)
    assert (
        sql(ENTRIES)
        == before
        == [
            ("S001", "2026-03-02", "=1+1 不是公式"),
            ("S003", "2026-03-05", "例会"),
        ]
    )
    english = tmp_path / "diary.xlsx"
    cli("export", "diary", "--lang", "en", "-o", str(english))
    assert counts(imported(cli, "diary", english)) == (0, 0, 2)
