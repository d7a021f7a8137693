"""Typer's own usage errors: one line, exit 2, in the user's language (gridctl/cli/usage.py)."""

from __future__ import annotations

import pytest

CASES = [
    (
        ["visit", "list", "--format", "xml"],
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of table, csv, json",
        "错误：'--format' / '-f' 的值无效：“xml”不在可选值之内，可选：table, csv, json",
    ),
    (
        ["activity", "add", "T", "-s", "S1", "--date", "2026-01-01", "--participants", "abc"],
        "Error: Invalid value for '--participants': a whole number is expected",
        "错误：'--participants' 的值无效：应为整数",
    ),
    (
        ["visit", "add", "--enterprise", "X"],
        "Error: Missing option '--supervisor' / '-s'.",
        "错误：缺少选项 '--supervisor' / '-s'。",
    ),
    (
        ["visit", "list", "--monht", "2026-01"],
        "Error: No such option: --monht (possible options: --month)",
        "错误：没有这个选项：--monht（可用的选项：--month）",
    ),
    (["visit", "nope"], "Error: No such command 'nope'.", "错误：没有这个命令：nope"),
    (
        ["visit", "list", "--month"],
        "Error: Option '--month' requires a value.",
        "错误：选项 --month 需要一个值。",
    ),
    (
        ["visit", "list", "extra"],
        "Error: Unexpected extra argument(s): extra",
        "错误：多余的参数：extra",
    ),
]


@pytest.mark.parametrize(("args", "english", "chinese"), CASES)
def test_usage_errors_speak_the_users_language(cli, monkeypatch, args, english, chinese):
    result = cli(*args, ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == english
    assert result.stdout == ""
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    result = cli(*args, ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == chinese


def test_an_unknown_message_passes_through_unchanged():
    from gridctl.cli.usage import usage_message

    assert usage_message("Something typer says one day.") == "Something typer says one day."
