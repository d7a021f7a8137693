"""Lists that grow: a page by default (newest first), --limit/--offset/--all to see more, a
count on stderr; tables printed plainly when piped, JSON and CSV with every row. The rows are
written with plain SQL and the expected pages read back with plain SQL."""

import csv
import io
import json

import pytest

VISITS = 130
DAYS = 20
LONG_NOTE = "长" * 300
ODD_NOTE = "一\t二\n三"


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def visits(park, sql):
    """VISITS visits over DAYS days (several a day, so the id orders a day's visits), their
    ids newest first as plain SQL orders them."""
    sups = [r[0] for r in sql("SELECT id FROM supervisor ORDER BY id")]
    firms = [r[0] for r in sql("SELECT id FROM enterprise ORDER BY id")]
    params = []
    for i in range(VISITS):
        k = i // DAYS
        notes = LONG_NOTE if i == 7 else ODD_NOTE if i == 8 else f"第{i}次"
        params += [sups[k % 4], firms[k // 4], f"2026-10-{i % DAYS + 1:02d}", notes]
    values = ", ".join(["(?, ?, ?, 'routine', ?, 'test', '2026-11-30 08:00:00')"] * VISITS)
    sql(
        "INSERT INTO visit (supervisor_id, enterprise_id, date, category, notes, source, "
        f"recorded_at) VALUES {values}",
        *params,
    )
    return [r[0] for r in sql("SELECT id FROM visit ORDER BY date DESC, id DESC")]


def ids_of_plain(stdout):
    lines = stdout.splitlines()
    assert lines[0].split("\t")[0] == "ID"
    return [int(line.split("\t")[0]) for line in lines[1:]]


def test_default_page_is_the_newest_50_with_the_count_on_stderr(visits, cli):
    r = cli("visit", "list")
    assert ids_of_plain(r.stdout) == visits[:50]
    assert r.stderr == f"showing 50 of {VISITS}; --all or --limit N\n"


def test_pages_follow_each_other_without_gaps_or_repeats(visits, cli):
    seen = []
    for offset in range(0, VISITS, 40):
        r = cli("visit", "list", "--limit", "40", "--offset", str(offset))
        page = ids_of_plain(r.stdout)
        assert page == visits[offset : offset + 40]
        seen += page
        last = offset + len(page)
        if not offset:
            assert r.stderr == f"showing 40 of {VISITS}; --all or --limit N\n"
        elif last < VISITS:
            assert r.stderr == (
                f"showing {offset + 1}-{last} of {VISITS}; next page: --offset {last}\n"
            )
        else:
            assert r.stderr == f"showing {offset + 1}-{last} of {VISITS} (the end)\n"
    assert seen == visits
    r = cli("visit", "list", "--offset", "500")
    assert r.stdout.splitlines()[1:] == ["(none)"]
    assert r.stderr == f"nothing at --offset 500: the list has {VISITS}\n"


def test_all_shows_every_row_and_no_count(visits, cli):
    r = cli("visit", "list", "--all")
    assert ids_of_plain(r.stdout) == visits
    assert r.stderr == ""


def test_json_and_csv_give_every_row_unless_limited(visits, cli):
    rows = json.loads(cli("visit", "list", "-f", "json").stdout)
    assert [r["id"] for r in rows] == visits
    r = cli("visit", "list", "-f", "csv")
    assert [int(row["id"]) for row in csv_rows(r.stdout)] == visits
    assert r.stderr == ""
    r = cli("visit", "list", "-f", "csv", "--limit", "5", "--offset", "3")
    assert [int(row["id"]) for row in csv_rows(r.stdout)] == visits[3:8]
    rows = json.loads(cli("visit", "list", "-f", "json", "--limit", "2").stdout)
    assert [r["id"] for r in rows] == visits[:2]


def test_streamed_json_is_the_json_of_the_whole_list(visits, cli):
    text = cli("visit", "list", "-f", "json", "--limit", "3").stdout
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    r = cli("visit", "list", "-f", "json", "--offset", "999")
    assert r.stdout == "[]\n"
    r = cli("visit", "list", "-f", "csv", "--offset", "999")
    assert r.stdout.startswith("id,date,")
    assert len(r.stdout.splitlines()) == 1


def test_count_and_page_follow_the_filters(visits, cli, sql):
    ((total,),) = sql(
        "SELECT count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "JOIN guidance_group g ON g.id = s.group_id WHERE g.name = '第一指导组'"
    )
    expected = [
        r[0]
        for r in sql(
            "SELECT v.id FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id WHERE g.name = '第一指导组' "
            "ORDER BY v.date DESC, v.id DESC LIMIT 10"
        )
    ]
    r = cli("visit", "list", "--group", "第一指导组", "--limit", "10")
    assert ids_of_plain(r.stdout) == expected
    assert r.stderr == f"showing 10 of {total}; --all or --limit N\n"
    assert total == 80  # S001 and S002: k = 0, 1, 4, 5 of the visits fixture, 20 each


def test_plain_table_is_tab_separated_and_cuts_nothing(visits, cli, sql):
    r = cli("visit", "list", "--all")
    lines = r.stdout.splitlines()
    assert lines[0] == "ID\tDate\tSupervisor\tSupervisor name\tEnterprise\tCategory\tNotes"
    assert not set("┃│━─┏┗") & set(r.stdout)
    ((long_id,),) = sql("SELECT id FROM visit WHERE notes = ?", LONG_NOTE)
    ((odd_id,),) = sql("SELECT id FROM visit WHERE notes = ?", ODD_NOTE)
    by_id = {int(line.split("\t")[0]): line.split("\t") for line in lines[1:]}
    assert len(by_id) == VISITS == len(lines) - 1
    assert by_id[long_id][-1] == LONG_NOTE
    # A tab or line break inside a value would split the record: shown as spaces.
    assert by_id[odd_id][-1] == "一 二 三"


def test_format_table_forces_the_box(visits, cli):
    r = cli("visit", "list", "--limit", "3", "--format", "table")
    assert "┃" in r.stdout and "\t" not in r.stdout
    assert r.stderr == f"showing 3 of {VISITS}; --all or --limit N\n"


def test_count_line_in_chinese(visits, cli, monkeypatch):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    r = cli("visit", "list")
    assert r.stderr == f"显示 50 / {VISITS} 条；--all 或 --limit N\n"


def test_thousands_are_grouped():
    from gridctl.i18n import t

    assert (
        t("lists.shown", "zh", shown=50, total=200000) == "显示 50 / 200,000 条；--all 或 --limit N"
    )
    assert (
        t("lists.shown", "en", shown=50, total=200000)
        == "showing 50 of 200,000; --all or --limit N"
    )


def test_refusals_write_nothing(visits, cli):
    r = cli("visit", "list", "--all", "--limit", "3", ok=False)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == (
        "Error: Invalid value for --all: cannot be given with --limit: give one of them\n"
    )
    for bad in (("--limit", "0"), ("--offset", "-1")):
        r = cli("visit", "list", *bad, ok=False)
        assert r.exit_code == 2 and r.stdout == ""
    # A filter naming nothing: one error line, not a table header followed by it.
    for fmt in ("table", "csv", "json"):
        r = cli("visit", "list", "-s", "S999", "-f", fmt, ok=False)
        assert r.exit_code == 1 and r.stdout == ""
        assert len(r.stderr.strip().splitlines()) == 1


def test_visit_page_is_read_lazily(visits, park):
    """The rows come from a generator reading the database in batches, not a built list."""
    from collections.abc import Iterator

    from sqlmodel import Session

    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import make_engine
    from gridctl.work.visits import visit_count, visit_page

    engine = make_engine(resolve(None))
    try:
        with Session(engine) as session:
            page = visit_page(session)
            assert isinstance(page, Iterator) and not isinstance(page, list)
            assert [v.id for v in page] == visits
            assert visit_count(session) == VISITS
    finally:
        engine.dispose()


# --- the other lists that grow --------------------------------------------------------------


@pytest.fixture
def records(visits, park, cli, sql):
    """Problems, activities, diary entries and import runs enough to page through."""
    for i, vid in enumerate(sorted(visits)[:12]):
        sql(
            "INSERT INTO problem (visit_id, enterprise_id, supervisor_id, description, status, "
            "opened, recorded_at) SELECT id, enterprise_id, supervisor_id, ?, ?, date, "
            "'2026-11-30 08:00:00' FROM visit WHERE id = ?",
            f"问题{i}",
            "open" if i % 3 else "in-progress",
            vid,
        )
    ((s1,),) = sql("SELECT id FROM supervisor WHERE code = 'S001'")
    for i in range(7):
        sql(
            "INSERT INTO activity (title, supervisor_id, date, kind, source, recorded_at) "
            "VALUES (?, ?, ?, 'lecture', 'test', '2026-11-30 08:00:00')",
            f"活动{i}",
            s1,
            f"2026-09-{i % 3 + 1:02d}",
        )
        sql(
            "INSERT INTO diary_entry (supervisor_id, date, content, recorded_at) "
            "VALUES (?, ?, ?, '2026-11-30 08:00:00')",
            s1,
            f"2026-10-{i % 4 + 1:02d}",
            f"日记{i}",
        )
        sql(
            "INSERT INTO import_run (file_name, sha256, kind, status, dry_run, rows, inserted, "
            "updated, unchanged, errors, run_by, started_at, finished_at) VALUES "
            "(?, 'x', 'visits', 'imported', ?, 1, 1, 0, 0, 0, 'tester', ?, ?)",
            f"f{i}.xlsx",
            False,
            f"2026-11-0{i % 3 + 1} 08:00:00",
            f"2026-11-0{i % 3 + 1} 08:00:01",
        )


# (command, its key column in CSV, plain SQL of the keys in the list's order)
OTHER_LISTS = [
    (
        ("problem", "list"),
        "id",
        "SELECT id FROM problem ORDER BY opened DESC, id DESC",
    ),
    (
        ("problem", "list", "--status", "in-progress"),
        "id",
        "SELECT id FROM problem WHERE status = 'in-progress' ORDER BY opened DESC, id DESC",
    ),
    (
        ("activity", "list"),
        "id",
        "SELECT id FROM activity ORDER BY date DESC, id DESC",
    ),
    (
        ("diary", "list", "-s", "S001"),
        "text",
        "SELECT text FROM (SELECT date, 'diary' AS source, id, content AS text "
        "FROM diary_entry WHERE supervisor_id = (SELECT id FROM supervisor WHERE code = 'S001') "
        "UNION ALL SELECT date, 'visit', id, coalesce(notes, '') FROM visit "
        "WHERE supervisor_id = (SELECT id FROM supervisor WHERE code = 'S001')) AS d "
        "ORDER BY date DESC, source, id DESC",
    ),
    (
        ("enterprise", "list"),
        "name",
        "SELECT e.name FROM enterprise e JOIN grid g ON g.id = e.grid_id "
        "ORDER BY g.code, e.name, e.id",
    ),
    (
        ("import", "log"),
        "id",
        "SELECT id FROM import_run ORDER BY started_at DESC, id DESC",
    ),
    (
        ("audit", "log"),
        "seq",
        "SELECT seq FROM audit_entry ORDER BY seq DESC",
    ),
]


@pytest.mark.parametrize(("command", "key", "query"), OTHER_LISTS, ids=lambda v: str(v)[:40])
def test_every_growing_list_pages(records, cli, sql, command, key, query):
    expected = [str(r[0]) for r in sql(query)]
    total = len(expected)
    assert total >= 4
    every = csv_rows(cli(*command, "-f", "csv").stdout)
    assert [row[key] for row in every] == expected
    r = cli(*command, "--limit", "2", "-f", "csv")
    assert [row[key] for row in csv_rows(r.stdout)] == expected[:2]
    r = cli(*command, "--limit", "2", "--offset", "2", "-f", "csv")
    assert [row[key] for row in csv_rows(r.stdout)] == expected[2:4]
    r = cli(*command, "--limit", "2")
    assert len(r.stdout.splitlines()) == 3  # the header and two rows
    assert r.stderr == f"showing 2 of {total}; --all or --limit N\n"
    r = cli(*command, "--all")
    assert len(r.stdout.splitlines()) == total + 1
    assert r.stderr == ""
