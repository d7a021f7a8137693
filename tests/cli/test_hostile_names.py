"""Hostile text typed into the registers: SQL metacharacters are stored as text, control
characters and over-long names are refused with one clean line, and nothing is written.

(The hostile file corpus for `gridctl import` joins once the import machinery lands.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SQL_METACHARACTERS = [
    "Robert'); DROP TABLE grid;--",
    '" OR 1=1 --',
    "100% 纯_天然 \\ 企业",
    "名称; DELETE FROM enterprise WHERE 1=1; --",
    "$1 :name ? %s {0}",
    "'; SELECT pg_sleep(5); --",
]


@pytest.mark.parametrize("text", SQL_METACHARACTERS)
def test_sql_metacharacters_are_just_text(park, cli, sql, text):
    cli("grid", "add", "G9", text)
    cli("group", "add", text, "--grid", "G9")
    cli("supervisor", "add", "S9", text, "--group", text)
    cli("enterprise", "add", text, "--grid", "G1-1", "--supervisor", "S9")
    assert json.loads(cli("grid", "list", "-f", "json").stdout)[-1]["name"] == text
    shown = json.loads(cli("supervisor", "show", "S9", "-f", "json").stdout)
    assert shown["name"] == text
    assert sql("SELECT name FROM enterprise WHERE name = ?", text) == [(text,)]
    # Found again by the same text, as a user would type it.
    cli("visit", "add", "-s", text, "-e", text, "--date", "2026-10-09", "--notes", text)
    assert sql("SELECT notes FROM visit") == [(text,)]
    assert sql("SELECT count(*) FROM grid") == [(6,)]
    assert sql("SELECT count(*) FROM enterprise") == [(5,)]


CONTROL = [
    ("nul", "a\x00b", "a\\u0000b"),
    ("escape", "红\x1b[31m色", "红\\u001b[31m色"),
    ("newline", "第一行\n第二行", "第一行\\u000a第二行"),
    ("carriage return", "x\ry", "x\\u000dy"),
    ("tab", "a\tb", "a\\u0009b"),
    ("delete", "a\x7fb", "a\\u007fb"),
    ("c1", "a\x85b", "a\\u0085b"),
    ("bidi override", "abc\u202edcba", "abc\\u202edcba"),
    ("bidi isolate", "a\u2066b", "a\\u2066b"),
]


COMMANDS = [
    ("name", ("grid", "add", "G9", "{}")),
    ("code", ("grid", "add", "{}", "网格")),
    ("name", ("group", "add", "{}")),
    ("name", ("supervisor", "add", "S9", "{}", "--group", "第一指导组")),
    ("code", ("supervisor", "add", "{}", "王五", "--group", "第一指导组")),
    ("name", ("enterprise", "add", "{}", "--grid", "G1-1")),
]


@pytest.mark.parametrize(("label", "text", "shown"), CONTROL, ids=[c[0] for c in CONTROL])
def test_control_characters_in_names_are_refused(park, cli, sql, label, text, shown):
    counts = "SELECT (SELECT count(*) FROM grid), (SELECT count(*) FROM guidance_group), " + (
        "(SELECT count(*) FROM supervisor), (SELECT count(*) FROM enterprise), "
        "(SELECT count(*) FROM audit_entry)"
    )
    before = sql(counts)
    for field, command in COMMANDS:
        result = cli(*[text if a == "{}" else a for a in command], ok=False)
        assert result.exit_code == 1, command
        assert result.stderr == (
            f"Error: {field}: '{shown}' refused: control characters are not allowed\n"
        )
    assert sql(counts) == before


@pytest.mark.parametrize(
    ("command", "limit"),
    [
        (("grid", "add", "G9", "{}"), 100),
        (("grid", "add", "{}", "网格"), 32),
        (("supervisor", "add", "S9", "{}", "--group", "第一指导组"), 100),
        (("enterprise", "add", "{}", "--grid", "G1-1"), 200),
    ],
)
def test_over_long_names_are_refused_on_both_engines(park, cli, sql, command, limit):
    args = [("企" * (limit + 1)) if a == "{}" else a for a in command]
    result = cli(*args, ok=False)
    assert result.exit_code == 1
    assert result.stderr.endswith(f"refused: at most {limit} characters\n")
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 200
    ok = [("企" * limit) if a == "{}" else a for a in command]
    cli(*ok)


def test_a_ten_megabyte_name_is_refused_quickly(park, cli, sql):
    result = cli("enterprise", "add", "x" * 10_000_000, "--grid", "G1-1", ok=False)
    assert result.exit_code == 1
    assert len(result.stderr) < 200
    assert sql("SELECT count(*) FROM enterprise") == [(4,)]


def test_bytes_that_are_not_utf8_in_arguments_are_refused(park, sql, tmp_path):
    # GBK bytes typed in a UTF-8 terminal: Python keeps them as lone surrogates.
    gbk = "合肥".encode("gbk")
    result = subprocess.run(
        [sys.executable, "-m", "gridctl", "grid", "add", b"G9", gbk],
        capture_output=True,
    )
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.startswith("Error: argument '\\udcba") and "is not valid UTF-8" in err
    assert err.count("\n") == 1
    assert sql("SELECT count(*) FROM grid") == [(5,)]
