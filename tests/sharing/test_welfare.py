"""The public-welfare claim list: projects, claims by organisations, completion; refusals."""

from __future__ import annotations

import json

TABLES = ("welfare_project", "welfare_claim")


def _counts(sql) -> list[int]:
    return [sql(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES]


def _refused(cli, sql, args, field, value, code=1):
    before = _counts(sql)
    done = sql("SELECT id, completed_on, participants FROM welfare_claim ORDER BY id")
    result = cli(*args, ok=False)
    assert result.exit_code == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert _counts(sql) == before
    assert sql("SELECT id, completed_on, participants FROM welfare_claim ORDER BY id") == done


def test_projects_claimed_and_completed(cli, park, sql):
    cli("welfare", "project-add", "无偿献血", "--category", "志愿服务")
    cli("welfare", "project-add", "文明劝导")
    cli("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-05-04")
    cli("welfare", "claim", "1", "-e", "江淮", "--date", "2026-05-06")
    cli("welfare", "claim", "文明劝导", "-e", "数智云", "--date", "2026-06-01")
    cli("welfare", "complete", "1", "--date", "2026-06-14", "--participants", "26")
    cli("welfare", "complete", "2", "--date", "2026-06-14", "--participants", "31")
    projects = json.loads(cli("welfare", "list", "-f", "json").stdout)
    assert [(p["name"], p["claims"], p["completed"], p["participants"]) for p in projects] == [
        ("无偿献血", 2, 2, 57),  # 26 + 31
        ("文明劝导", 1, 0, 0),
    ]
    open_claims = json.loads(cli("welfare", "claims", "--open", "-f", "json").stdout)
    assert [(c["project"], c["enterprise"]) for c in open_claims] == [
        ("文明劝导", "数智云信息技术有限公司")
    ]
    assert sql("SELECT sum(participants) FROM welfare_claim") == [(57,)]
    # Once completed, the same organisation may claim the project again.
    cli("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-11-01")
    mine = json.loads(
        cli("welfare", "claims", "-e", "合肥芯联", "--year", "2026", "-f", "json").stdout
    )
    assert [(c["claimed"], c["completed"]) for c in mine] == [
        ("2026-05-04", "2026-06-14"),
        ("2026-11-01", ""),
    ]


def test_refusals_write_nothing(cli, park, sql):
    cli("welfare", "project-add", "无偿献血")
    cli("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-05-04")
    _refused(cli, sql, ("welfare", "project-add", "无偿献血"), "NAME", "无偿献血")
    _refused(cli, sql, ("welfare", "project-add", " "), "NAME", "")
    _refused(
        cli,
        sql,
        ("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-05-05"),
        "PROJECT",
        "无偿献血",
    )  # holds an open claim
    _refused(
        cli,
        sql,
        ("welfare", "claim", "无偿献血", "-e", "绿源", "--date", "2026-05-05"),
        "--enterprise",
        "绿源",
    )  # no party organisation
    _refused(cli, sql, ("welfare", "claim", "清扫社区", "-e", "江淮"), "PROJECT", "清扫社区")
    _refused(
        cli,
        sql,
        ("welfare", "claim", "无偿献血", "-e", "江淮", "--date", "2099-01-01"),
        "--date",
        "2099-01-01",
    )
    _refused(
        cli,
        sql,
        ("welfare", "complete", "1", "--date", "2026-05-01", "--participants", "5"),
        "--date",
        "2026-05-01",
    )  # before the claim
    _refused(
        cli,
        sql,
        ("welfare", "complete", "1", "--date", "2026-06-01", "--participants", "0"),
        "--participants",
        "0",
    )
    _refused(
        cli,
        sql,
        ("welfare", "complete", "9", "--date", "2026-06-01", "--participants", "5"),
        "CLAIM_ID",
        "9",
    )
    _refused(
        cli,
        sql,
        ("welfare", "complete", "1", "--date", "2026-06-31", "--participants", "5"),
        "--date",
        "2026-06-31",
        code=2,
    )
    cli("welfare", "complete", "1", "--date", "2026-06-01", "--participants", "5")
    _refused(
        cli,
        sql,
        ("welfare", "complete", "1", "--date", "2026-06-02", "--participants", "6"),
        "CLAIM_ID",
        "1",
    )  # already completed
