"""The welfare_claims import: rows checked with plain SQL, re-import unchanged, an update, every
refusal names FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import JH, LY, SZ, XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


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
