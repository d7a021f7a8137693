"""Every command has help with an example, and appears in the README."""

from pathlib import Path

import typer

from gridctl.cli.app import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def all_commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    found = []
    for name in root.list_commands(ctx):
        cmd = root.get_command(ctx, name)
        subs = getattr(cmd, "list_commands", None)
        if subs is None:
            found.append((name, cmd))
            continue
        for sub in subs(ctx):
            found.append((f"{name} {sub}", cmd.get_command(ctx, sub)))
    return found


# Help is translated when a command module is first imported: under GRIDCTL_LANG=zh by an
# earlier test, the example reads 示例：
EXAMPLE = ("Example: gridctl", "示例：gridctl")


def test_every_command_has_help_and_example():
    missing = [
        name
        for name, cmd in all_commands()
        if not cmd.help or not any(e in (cmd.epilog or "") for e in EXAMPLE)
    ]
    assert missing == []


def test_every_command_is_in_the_readme():
    missing = [
        name
        for name, _ in all_commands()
        if f"gridctl {name}" not in README and f"gridctl --db park.db {name}" not in README
    ]
    assert missing == []


def test_help_runs_for_every_command(cli):
    for name, _ in all_commands():
        result = cli(*name.split(), "--help")
        assert "Usage:" in result.stdout
