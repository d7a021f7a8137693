"""Under GRIDCTL_LANG=zh every command's help is Chinese, the frame typer draws included.

English is allowed only where it is what the user types or reads back as code: flags, the
values of a choice (table, csv, routine), examples (lines that run gridctl), format names
(YYYY-MM-DD) and a few proper names (SQLite, Excel, URL)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import typer

from gridctl.cli.app import NOUNS, GridctlGroup, app

# Names and notations that are no English words to translate.
ALLOWED = {
    "gridctl",
    "SQLAlchemy",
    "URL",
    "SQLite",
    "PostgreSQL",
    "Excel",
    "CSV",
    "JSON",
    "UTF",
    "BOM",
    "xlsx",
    "csv",
    "json",
    "table",
    "xls",
    "xlsb",
    "ods",
    "GB",
    "GRIDCTL_DB",
    "GRIDCTL_LANG",
    "YYYY",
    "YYYY-MM",
    "YYYY-MM-DD",
    "MM",
    "DD",
    "YYYYQn",
    "Qn",
    "Q",
    "HH",
    "SEQ",
    "HASH",
    "WPS",
}
WORD = re.compile(r"(?<![-\w$./@])[A-Za-z][A-Za-z_-]*[A-Za-z]")
# Words the help texts of other domains still use for the value they name (从 FILE 导入): the
# metavar beside them is 文件 now; the texts are to say 文件 and 类别 too.
NAMED_IN_TEXT = {"FILE", "KIND"}


def _paths() -> list[tuple[str, ...]]:
    """Every command and group, as a user would name it."""
    root = typer.main.get_command(app)
    assert isinstance(root, GridctlGroup)
    ctx = root.make_context("gridctl", ["--help"], resilient_parsing=True)
    found: list[tuple[str, ...]] = [()]

    def walk(command, path):  # type: ignore[no-untyped-def]
        for name, sub in getattr(command, "commands", {}).items():
            found.append((*path, name))
            walk(sub, (*path, name))

    for name in root.list_commands(ctx):
        found.append((name,))
        if name in NOUNS:
            walk(root.get_command(ctx, name), (name,))
    return found


def _choices(text: str) -> set[str]:
    """Values a choice offers, as the help shows them: <a|b|c> and [默认：x]."""
    values: set[str] = set()
    for group in re.findall(r"<([^<>]*\|[^<>]*)>", text):
        values.update(group.split("|"))
    values.update(re.findall(r"\[默认：([^\]]+)\]", text))
    return values


def english_words(text: str) -> list[str]:
    allowed = ALLOWED | NAMED_IN_TEXT | _choices(text) | COMMAND_NAMES
    found = []
    for line in text.splitlines():
        # Examples, and the usage line (gridctl and the command names typed).
        if "gridctl " in line and ("示例" in line or "用法" in line or "$ " in line):
            continue
        # Code quoted in the help: `gridctl grid list`, 'x'.
        line = re.sub(r"`[^`]*`|'[^']*'|[\w.-]+\.(?:xlsx|csv|db)\b", "", line)
        # Values as typed, explained or listed in Chinese: full-time（专职）, 专职（full-time）,
        # open（未办结）, grid、supervisor; accepted column headers: supervisor/指导员.
        line = re.sub(r"[\w-]+(?=[（/、）])|(?<=[（、])[\w-]+", "", line)
        found.extend(w for w in WORD.findall(line) if w not in allowed)
    return found


PATHS = _paths()
COMMAND_NAMES = {name for path in PATHS for name in path}

# The help texts are made when the command modules are imported, in the language of that
# moment: a fresh interpreter under zh renders every help, as a user's shell would.
RENDER = """
import json, sys
from typer.testing import CliRunner
from gridctl.cli.app import app
runner = CliRunner()
out = {}
for path in json.loads(sys.stdin.read()):
    result = runner.invoke(app, [*path, "--help"], prog_name="gridctl")
    out[" ".join(path)] = [result.exit_code, result.stdout]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def helps() -> dict[str, list]:
    env = {
        **os.environ,
        "GRIDCTL_LANG": "zh",
        "TERMINAL_WIDTH": "400",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    done = subprocess.run(
        [sys.executable, "-c", RENDER],
        input=json.dumps(PATHS),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "gridctl" for p in PATHS])
def test_every_help_is_chinese(helps, path):
    code, text = helps[" ".join(path)]
    assert code == 0
    assert "用法：" in text and "选项" in text
    assert english_words(text) == [], text


def test_the_frame_speaks_chinese(helps):
    text = helps["visit add"][1]
    for word in (
        "用法：gridctl visit add [选项]",
        "选项",
        "[必填]",
        "[默认：routine]",
        "显示本帮助并退出。",
    ):
        assert word in text
    for word in ("Usage", "Options", "required", "default", "Show this message", "<str>", "<bool>"):
        assert word not in text
    assert "日期" in text and "文本" in text


def test_english_stays_english(cli):
    text = cli("visit", "add", "--help").stdout
    for word in ("Usage: ", "visit add [OPTIONS]", "Options", "[required]", "Show this message"):
        assert word in text
    assert "<str>" in text


def test_groups_list_their_commands_in_chinese(helps):
    text = helps[""][1]
    assert "用法：gridctl [选项] 命令 [参数]..." in text
    assert "命令" in text and "Commands" not in text


ERRORS = [
    (["visit", "ad"], "错误：没有这个命令：ad；是否要用 'add'？"),
    (["visit", "nope"], "错误：没有这个命令：nope"),
    (["visit", "add", "-e", "X"], "错误：缺少选项 '--supervisor' / '-s'。"),
    (["supervisor", "add"], "错误：缺少参数 '编号'。"),
    (["enterprise", "show"], "错误：缺少参数 '企业'。"),
    (["visit", "list", "--format", "xml"], None),
    (["visit", "list", "--month", "十月"], None),
    (["points", "show", "--quarter", "2026Q5"], None),
]


@pytest.mark.parametrize(("args", "expected"), ERRORS)
def test_usage_errors_in_chinese(cli, monkeypatch, args, expected):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    result = cli(*args, ok=False)
    assert result.exit_code == 2
    if expected is not None:
        assert result.stderr.strip() == expected
    # What the user typed comes back as typed.
    assert [w for w in english_words(result.stderr) if w not in args] == [], result.stderr


def test_english_usage_errors_unchanged(cli):
    result = cli("visit", "ad", ok=False)
    assert result.stderr.strip() == "Error: No such command 'ad'. Did you mean 'add'?"
