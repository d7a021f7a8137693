"""The audit trail: every register change recorded once, hash-chained, tampering caught."""

from __future__ import annotations

import hashlib
import json

import pytest

from gridctl.ledger import audit
from gridctl.ledger.config import resolve
from gridctl.ledger.models import Grid
from gridctl.ledger.session import open_ledger


def _chain_by_hand(rows: list[tuple]) -> list[str]:
    """Recompute each hash from the stored columns: sha256(prev hash + canonical JSON)."""
    hashes, prev = [], "0" * 64
    for seq, at, actor, action, table, key, before, after, _prev, _hash in rows:
        stamp = at if isinstance(at, str) else at.isoformat(sep=" ")
        stamp = stamp.replace(" ", "T").split("+")[0] + "+00:00"
        body = json.dumps(
            [seq, stamp, actor, action, table, key, before, after],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        prev = hashlib.sha256((prev + body).encode()).hexdigest()
        hashes.append(prev)
    return hashes


def _all_entries(sql) -> list[tuple]:  # type: ignore[no-untyped-def]
    return sql(
        "SELECT seq, at, actor, action, table_name, row_key, before, after, prev_hash, hash "
        "FROM audit_entry ORDER BY seq"
    )


def test_register_changes_are_recorded_once_each(park, sql, actor):
    counts = dict(sql("SELECT table_name, count(*) FROM audit_entry GROUP BY table_name"))
    # The park fixture: 5 grids, 2 groups (+2 leader updates), 4 supervisors, 4 enterprises.
    assert counts == {"grid": 5, "guidance_group": 4, "supervisor": 4, "enterprise": 4}
    actions = sql(
        "SELECT action, count(*) FROM audit_entry WHERE table_name = 'guidance_group' "
        "GROUP BY action ORDER BY action"
    )
    assert actions == [("insert", 2), ("update", 2)]
    assert sql("SELECT DISTINCT actor FROM audit_entry") == [(actor,)]
    seqs = [r[0] for r in sql("SELECT seq FROM audit_entry ORDER BY seq")]
    assert seqs == list(range(1, 18))


def test_an_update_stores_the_row_before_and_after(park, sql):
    (before, after), *_ = sql(
        "SELECT before, after FROM audit_entry WHERE action = 'update' ORDER BY seq"
    )
    (group_id,) = sql("SELECT id FROM guidance_group WHERE name = '第一指导组'")[0]
    (leader_id,) = sql("SELECT id FROM supervisor WHERE code = 'S001'")[0]
    assert json.loads(before) == {
        "id": group_id,
        "name": "第一指导组",
        "grid_id": 1,
        "leader_id": None,
    }
    assert json.loads(after)["leader_id"] == leader_id


def test_hashes_chain_as_documented(park, sql):
    rows = _all_entries(sql)
    assert [r[9] for r in rows] == _chain_by_hand(rows)
    assert [r[8] for r in rows[1:]] == [r[9] for r in rows[:-1]]


def test_refused_and_read_only_commands_record_nothing(park, cli, sql):
    (before,) = sql("SELECT count(*) FROM audit_entry")[0]
    result = cli("grid", "add", "G1", "重复", ok=False)
    assert result.exit_code == 1
    cli("grid", "list")
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-09")
    assert sql("SELECT count(*) FROM audit_entry") == [(before,)]


def test_points_adjustments_are_recorded(park, cli, sql, actor):
    cli("points", "adjust", "S002", "-3", "--area", "problems", "--reason", "重复上报")
    rows = sql("SELECT action, after FROM audit_entry WHERE table_name = 'point_adjustment'")
    assert len(rows) == 1 and rows[0][0] == "adjust"
    after = json.loads(rows[0][1])
    assert (after["area"], after["reason"], after["recorded_by"]) == (
        "problems",
        "重复上报",
        actor,
    )
    assert after["points"] in ("-3", "-3.0", "-3.00")
    cli("audit", "verify")


def test_audit_log_lists_and_filters(park, cli, actor):
    entries = json.loads(cli("audit", "log", "--format", "json").stdout)
    assert len(entries) == 17
    # Newest first, as every list that grows.
    assert [e["seq"] for e in entries] == list(range(17, 0, -1))
    first = entries[-1]
    assert {k: first[k] for k in ("seq", "actor", "action", "table")} == {
        "seq": 1,
        "actor": actor,
        "action": "insert",
        "table": "grid",
    }
    assert first["after"]["code"] == "G1" and first["before"] is None
    only = json.loads(cli("audit", "log", "--table", "supervisor", "-f", "json").stdout)
    assert [e["after"]["code"] for e in only] == ["S004", "S003", "S002", "S001"]
    assert json.loads(cli("audit", "log", "--since", "2999-01-01", "-f", "json").stdout) == []
    table = cli("audit", "log", "--table", "guidance_group").stdout
    assert "leader_id: None → " in table


def test_audit_log_refuses_a_bad_date(ledger, cli):
    result = cli("audit", "log", "--since", "2026-13-01", ok=False)
    assert result.exit_code == 2
    assert "--since" in result.stderr


def test_verify_passes_on_an_untouched_trail(park, cli, sql):
    result = cli("audit", "verify")
    ((head,),) = sql("SELECT hash FROM audit_entry WHERE seq = 17")
    assert result.stdout == (
        "Audit trail intact: 17 entries, every link checked\n"
        f"Anchor (keep it outside the ledger; check with --anchor): 17:{head}\n"
    )


def test_the_database_refuses_to_edit_the_trail(park, sql, on_postgres, actor):
    with pytest.raises(Exception, match="append-only"):
        sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3")
    with pytest.raises(Exception, match="append-only"):
        sql("DELETE FROM audit_entry WHERE seq = 3")
    assert sql("SELECT actor FROM audit_entry WHERE seq = 3") == [(actor,)]


def _tamper(sql, on_postgres: bool, statement: str) -> None:  # type: ignore[no-untyped-def]
    """Edit the trail behind gridctl's back, as someone with the database's keys would."""
    if on_postgres:
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")
        sql(statement)
    else:
        sql("DROP TRIGGER audit_entry_no_update")
        sql("DROP TRIGGER audit_entry_no_delete")
        sql(statement)


def test_verify_catches_a_row_edited_behind_the_tools_back(park, cli, sql, on_postgres):
    # sql() is the sqlite3 module on the ledger file (or a plain connection on PostgreSQL).
    _tamper(
        sql,
        on_postgres,
        "UPDATE audit_entry SET after = replace(after, '\"S002\"', '\"S999\"') WHERE seq = 9",
    )
    assert sql("SELECT after FROM audit_entry WHERE seq = 9")[0][0].count("S999") == 1
    result = cli("audit", "verify", ok=False)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: audit trail broken at entry 9: its contents do not match its hash "
        "(changed behind gridctl's back)\n"
    )
    check = cli("db", "check", ok=False)
    assert check.exit_code == 1
    assert "audit_chain" in check.stderr


def test_verify_catches_a_rehashed_row(park, cli, sql, on_postgres):
    # Someone who edits a row and recomputes its hash still breaks the next link.
    rows = _all_entries(sql)
    seq, at, actor, action, table, key, before, after, prev, _ = rows[4]
    forged = (seq, at, "mallory", action, table, key, before, after, prev, "")
    new_hash = _chain_by_hand([*rows[:4], forged])[-1]
    _tamper(
        sql,
        on_postgres,
        f"UPDATE audit_entry SET actor = 'mallory', hash = '{new_hash}' WHERE seq = 5",
    )
    result = cli("audit", "verify", ok=False)
    assert "entry 6: it does not follow the entry before it" in result.stderr


def test_verify_catches_a_deleted_row(park, cli, sql, on_postgres):
    _tamper(sql, on_postgres, "DELETE FROM audit_entry WHERE seq = 12")
    result = cli("audit", "verify", ok=False)
    assert result.stderr == (
        "Error: audit trail broken at entry 13: entry 12 is missing "
        "(removed behind gridctl's back)\n"
    )


def test_an_anchor_catches_the_newest_entries_removed(park, cli, sql, on_postgres):
    # Cutting off the newest entries leaves a consistent chain; only an anchor kept elsewhere
    # (printed by an earlier verify) shows it.
    ((h17,),) = sql("SELECT hash FROM audit_entry WHERE seq = 17")
    assert cli("audit", "verify", "--anchor", f"17:{h17[:16]}").exit_code == 0
    _tamper(sql, on_postgres, "DELETE FROM audit_entry WHERE seq >= 15")
    assert cli("audit", "verify").exit_code == 0  # the chain alone still holds
    result = cli("audit", "verify", "--anchor", f"17:{h17}", ok=False)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: audit trail broken at entry 17: the trail ends at entry 14: "
        "newer entries were removed\n"
    )


def test_an_anchor_catches_a_rewritten_chain(park, cli, sql, on_postgres):
    ((h10,),) = sql("SELECT hash FROM audit_entry WHERE seq = 10")
    rows = _all_entries(sql)
    # Rewrite entry 10 and every entry after it with freshly computed hashes: the chain holds.
    forged = [(*r[:2], "mallory", *r[3:]) if r[0] >= 10 else r for r in rows]
    hashes = _chain_by_hand(forged)
    statements = [
        f"UPDATE audit_entry SET actor = 'mallory', prev_hash = '{hashes[i - 1]}', "
        f"hash = '{hashes[i]}' WHERE seq = {r[0]}"
        for i, r in enumerate(forged)
        if r[0] >= 10
    ]
    _tamper(sql, on_postgres, statements[0])
    for statement in statements[1:]:
        sql(statement)
    assert cli("audit", "verify").exit_code == 0
    result = cli("audit", "verify", "--anchor", f"10:{h10}", ok=False)
    assert result.stderr == (
        "Error: audit trail broken at entry 10: its hash is not the anchor's: "
        "the trail was rewritten from here or earlier\n"
    )


@pytest.mark.parametrize("anchor", ["17", "x:abc", "0:0123456789abcdef", "3:0123"])
def test_a_bad_anchor_is_refused(park, cli, anchor):
    result = cli("audit", "verify", "--anchor", anchor, ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: --anchor: '{anchor}' refused: SEQ:HASH")


def test_deletes_through_the_orm_are_recorded(park, sql, db_url):
    with open_ledger(resolve(db_url), write=True) as session:
        spare = Grid(code="G9", name="待撤销", level=1)
        session.add(spare)
        session.flush()
        session.delete(spare)
    rows = sql("SELECT action, before, after FROM audit_entry WHERE seq > 17 ORDER BY seq")
    assert [r[0] for r in rows] == ["insert", "delete"]
    assert json.loads(rows[1][1])["code"] == "G9" and rows[1][2] is None


def test_record_appends_one_entry_for_an_import_run(park, sql, db_url, cli):
    with open_ledger(resolve(db_url), write=True) as session:
        seq = audit.record(
            session, "import", "visit", "visits-2026-10.xlsx", None, {"inserted": 120}
        )
    assert seq == 18
    row = sql("SELECT action, table_name, row_key, after FROM audit_entry WHERE seq = 18")
    assert row == [("import", "visit", "visits-2026-10.xlsx", '{"inserted":120}')]
    cli("audit", "verify")


def test_actor_defaults_to_the_login_name(monkeypatch):
    monkeypatch.delenv("GRIDCTL_USER")
    import getpass

    assert audit.actor() == getpass.getuser()
    monkeypatch.setenv("GRIDCTL_USER", "  王芳 ")
    assert audit.actor() == "王芳"


def test_each_import_run_is_one_audit_entry(park, cli, sql, tmp_path):
    good = tmp_path / "grids.csv"
    good.write_text("code,name,parent\nG3,三区,\nG3-1,三区一网格,G3\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,parent\nG4,四区,G9\n", encoding="utf-8")
    cli("import", "grids", str(good))
    cli("import", "grids", str(bad), ok=False)
    rows = sql("SELECT action, after FROM audit_entry WHERE table_name = 'import_run' ORDER BY seq")
    assert [r[0] for r in rows] == ["import", "import"]
    runs = [json.loads(r[1]) for r in rows]
    assert [(r["kind"], r["status"], r["inserted"]) for r in runs] == [
        ("grids", "imported", 2),
        ("grids", "refused", 0),
    ]
    # The bulk rows themselves are not one entry each: the run stands for them.
    assert sql("SELECT count(*) FROM audit_entry WHERE table_name = 'grid'") == [(5,)]
    cli("audit", "verify")


def test_audit_log_refuses_a_table_it_does_not_watch(park, cli):
    result = cli("audit", "log", "--table", "企业", ok=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: --table: '企业' refused: allowed: ")
    assert "enterprise, grid, guidance_group" in result.stderr
