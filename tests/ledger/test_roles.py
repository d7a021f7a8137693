"""Roles on the shared server: the database itself refuses what a login's role may not do
(plain SQL on a connection logged in as that role), gridctl says so in one line, and the
audit trail names the login. PostgreSQL tests run in a GRIDCTL_TEST_POSTGRES run; the
logins they create are cluster-wide, so each run names them with its own prefix and drops
them whatever happens."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest


@pytest.fixture
def logins(park, on_postgres, db_url, cli, sql) -> Iterator[dict[str, str]]:
    """Four logins, one per role, on the small park (S001 and S002 in 第一指导组)."""
    if not on_postgres:
        pytest.skip("needs GRIDCTL_TEST_POSTGRES")
    prefix = f"gt{secrets.token_hex(3)}_"
    names = {r: prefix + r for r in ("supervisor", "leader", "staff", "auditor")}
    try:
        cli("role", "grant", names["supervisor"], "supervisor", "--supervisor", "S001")
        cli("role", "grant", names["leader"], "leader", "--group", "第一指导组")
        cli("role", "grant", names["staff"], "staff")
        cli("role", "grant", names["auditor"], "auditor")
        cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-01")
        cli("visit", "add", "-s", "S003", "-e", "绿源", "--date", "2026-10-02")
        yield names
    finally:
        for name in names.values():
            sql(f"DROP ROLE IF EXISTS {name}")


def _as(db_url: str, login: str):  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    return psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=login, autocommit=True
    )


def _refused(conn, statement: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement, params)


def _ids(sql) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return dict(sql("SELECT code, id FROM supervisor"))


VISIT = (
    "INSERT INTO visit (supervisor_id, enterprise_id, date, category, source, recorded_at)"
    " VALUES (%s, (SELECT min(id) FROM enterprise), '2026-11-03', 'routine', 'psql', now())"
)


def test_a_supervisor_writes_only_their_own_records(logins, db_url, sql):
    ids = _ids(sql)
    with _as(db_url, logins["supervisor"]) as conn:
        conn.execute(VISIT, (ids["S001"],))
        _refused(conn, VISIT, ids["S002"])
        _refused(conn, "UPDATE grid SET name = 'x'")
        _refused(conn, "DELETE FROM enterprise")
        _refused(
            conn,
            "INSERT INTO point_adjustment (supervisor_id, date, area, points, reason,"
            " recorded_by, recorded_at) VALUES (%s, '2026-11-03', 'problems', 5, 'x', 'x', now())",
            ids["S001"],
        )
        _refused(conn, "DELETE FROM funding_support")
        # Their group's visits are visible; another group's are not even seen.
        seen = conn.execute("SELECT supervisor_id FROM visit ORDER BY id").fetchall()
    assert seen == [(ids["S001"],), (ids["S001"],)]
    assert sql("SELECT count(*) FROM visit WHERE source = 'psql'") == [(1,)]


def test_a_leader_reads_only_their_group_and_records_its_meetings(logins, db_url, sql, cli):
    from sqlalchemy.engine import make_url

    ids = _ids(sql)
    group = sql("SELECT id FROM guidance_group WHERE name = '第一指导组'")[0][0]
    other = sql("SELECT id FROM guidance_group WHERE name = '第二指导组'")[0][0]
    meeting = "INSERT INTO meeting (kind, date, group_id, recorded_at) VALUES ('group-monthly', %s, %s, now())"
    with _as(db_url, logins["leader"]) as conn:
        visits = conn.execute("SELECT supervisor_id FROM visit").fetchall()
        conn.execute(meeting, ("2026-11-05", group))
        _refused(conn, meeting, "2026-11-06", other)
        _refused(conn, VISIT, ids["S001"])
    assert visits == [(ids["S001"],)]
    assert sql("SELECT group_id FROM meeting") == [(group,)]
    # Through gridctl: a meeting of their group with its attendees (written as a whole list).
    lead = make_url(db_url).set(username=logins["leader"]).render_as_string(hide_password=False)
    args = ("meeting", "add", "--kind", "group-monthly", "--date", "2026-12-03")
    cli("--db", lead, *args, "--group", "第一指导组", "-a", "S001", "-a", "S002")
    r = cli("--db", lead, *args, "--group", "第二指导组", "-a", "S003", ok=False)
    assert r.exit_code == 1 and "group leader" in r.stderr
    assert sql("SELECT count(*) FROM meeting_attendee") == [(2,)]


def test_the_auditor_reads_everything_and_writes_nothing(logins, db_url, sql):
    ids = _ids(sql)
    with _as(db_url, logins["auditor"]) as conn:
        assert conn.execute("SELECT count(*) FROM visit").fetchone() == (2,)
        _refused(conn, VISIT, ids["S001"])
        _refused(conn, "UPDATE supervisor SET name = 'x'")
        _refused(conn, "DELETE FROM visit")
        _refused(conn, "DELETE FROM audit_entry")
    assert sql("SELECT count(*) FROM visit") == [(2,)]


def test_the_audit_trail_and_adjustments_name_the_login(logins, db_url, cli, sql, monkeypatch):
    from sqlalchemy.engine import make_url

    staff = make_url(db_url).set(username=logins["staff"]).render_as_string(hide_password=False)
    monkeypatch.setenv("GRIDCTL_USER", "someone-else")
    last = sql("SELECT max(seq) FROM audit_entry")[0][0]
    cli("--db", staff, "grid", "add", "G9", "九区")
    cli("--db", staff, "points", "adjust", "S001", "-2", "--area", "problems", "--reason", "核减")
    assert sql(f"SELECT actor FROM audit_entry WHERE seq > {last} ORDER BY seq") == [
        (logins["staff"],),
        (logins["staff"],),
    ]
    assert sql("SELECT recorded_by FROM point_adjustment") == [(logins["staff"],)]
    # A row written behind gridctl's back names the login too, whatever it claims.
    with _as(db_url, logins["staff"]) as conn:
        conn.execute(
            "INSERT INTO point_adjustment (supervisor_id, date, area, points, reason,"
            " recorded_by, recorded_at) VALUES (%s, '2026-11-03', 'problems', 1, 'x', 'boss', now())",
            (_ids(sql)["S001"],),
        )
    assert sql("SELECT DISTINCT recorded_by FROM point_adjustment") == [(logins["staff"],)]
    cli("audit", "verify")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_refused_command_is_one_line_naming_the_role(logins, db_url, cli, sql, lang, monkeypatch):
    from sqlalchemy.engine import make_url

    monkeypatch.setenv("GRIDCTL_LANG", lang)
    me = make_url(db_url).set(username=logins["supervisor"]).render_as_string(hide_password=False)
    before = sql("SELECT count(*) FROM visit")
    r = cli("--db", me, "visit", "add", "-s", "S002", "-e", "江淮", "--notes", "x", ok=False)
    assert r.exit_code == 1
    expected = {
        "en": f"Error: Permission denied ({logins['supervisor']}, supervisor): a supervisor may "
        "record only their own visits, diary, activities and problems, and read their group's\n",
        "zh": f"错误：权限不足（{logins['supervisor']}，指导员）：指导员只能录入本人的走访、"
        "工作日记、活动和问题，查看本组的记录\n",
    }
    assert r.stderr == expected[lang]
    assert sql("SELECT count(*) FROM visit") == before
    assert "Traceback" not in r.stdout


def test_whoami_names_the_login_its_role_and_its_supervisor(logins, db_url, cli):
    from sqlalchemy.engine import make_url

    me = make_url(db_url).set(username=logins["supervisor"]).render_as_string(hide_password=False)
    assert (
        cli("--db", me, "whoami").stdout
        == f"{logins['supervisor']}: supervisor (S001 · 第一指导组)\n"
    )
    lead = make_url(db_url).set(username=logins["leader"]).render_as_string(hide_password=False)
    assert '"group": "第一指导组"' in cli("--db", lead, "whoami", "--format", "json").stdout


def test_role_grant_is_checked_and_revoke_takes_the_role_away(logins, db_url, cli, sql):
    r = cli("role", "grant", logins["leader"], "leader", ok=False)
    assert r.exit_code == 1 and "--group" in r.stderr
    r = cli("role", "grant", logins["leader"], "boss", ok=False)
    assert r.exit_code == 1 and "supervisor, leader, staff, auditor" in r.stderr
    cli("role", "revoke", logins["auditor"])
    held = sql(f"SELECT pg_has_role('{logins['auditor']}', 'gridctl_auditor', 'MEMBER')")
    assert held == [(False,)]
    with _as(db_url, logins["auditor"]) as conn:
        _refused(conn, "SELECT count(*) FROM visit")


def test_a_login_without_a_role_is_told_so(logins, db_url, cli, sql):
    from sqlalchemy.engine import make_url

    cli("role", "revoke", logins["auditor"])
    me = make_url(db_url).set(username=logins["auditor"]).render_as_string(hide_password=False)
    assert cli("--db", me, "whoami").stdout == f"{logins['auditor']}: no gridctl role\n"
    r = cli("--db", me, "visit", "list", ok=False)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: Permission denied ({logins['auditor']}, no gridctl role)")


@pytest.mark.sqlite_only
def test_on_sqlite_the_owner_does_everything_and_roles_do_not_exist(ledger, cli):
    assert cli("whoami").stdout == "tester: owner of the ledger: may do everything\n"
    r = cli("role", "grant", "li_na", "auditor", ok=False)
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "SQLite" in r.stderr


def test_revision_0011_keeps_the_rows_and_adds_the_rules(park, on_postgres, db_url, cli, sql):
    if not on_postgres:
        pytest.skip("needs GRIDCTL_TEST_POSTGRES")
    from alembic import command

    from gridctl.ledger.config import resolve
    from gridctl.ledger.migrate import _config
    from gridctl.ledger.session import make_engine

    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-01")
    engine = make_engine(resolve(db_url))
    try:
        with engine.connect() as conn:
            command.downgrade(_config(conn), "0009")
            conn.commit()
    finally:
        engine.dispose()
    assert sql("SELECT count(*) FROM pg_policies WHERE tablename = 'visit'") == [(0,)]
    assert sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'gridctl_access'") == [(0,)]
    cli("init")
    assert sql("SELECT count(*), min(date) FROM visit") == [(1, "2026-10-01")]
    assert sql("SELECT count(*) FROM supervisor") == [(4,)]
    policies = sql("SELECT policyname FROM pg_policies WHERE tablename = 'visit' ORDER BY 1")
    assert policies == [
        ("auditor_read",),
        ("group_read",),
        ("own_insert",),
        ("own_update",),
        ("staff_all",),
    ]
    triggers = sql("SELECT count(*) FROM pg_trigger WHERE tgname = 'stamp_login'")
    assert triggers == [(4,)]
