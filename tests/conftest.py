"""A fresh ledger per test, English messages, and a CLI runner that keeps stderr apart."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gridctl.cli.app import app


@pytest.fixture(autouse=True)
def env_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "ledger.db"
    monkeypatch.setenv("GRIDCTL_DB", str(db))
    monkeypatch.setenv("GRIDCTL_LANG", "en")
    monkeypatch.setenv("GRIDCTL_USER", "tester")
    return db


@pytest.fixture
def db_path(env_setup: Path) -> Path:
    return env_setup


@pytest.fixture
def cli() -> Callable[..., object]:
    """Run gridctl as a user would; returns typer's Result (stdout and stderr apart)."""
    runner = CliRunner()

    def run(*args: str, ok: bool = True):  # type: ignore[no-untyped-def]
        result = runner.invoke(app, list(args))
        if ok and result.exit_code != 0:
            raise AssertionError(
                f"gridctl {' '.join(args)} exited {result.exit_code}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
            )
        return result

    return run


@pytest.fixture
def ledger(cli, db_path: Path) -> Path:
    """An initialised, empty ledger."""
    cli("init")
    return db_path


@pytest.fixture
def park(cli, ledger: Path) -> Path:
    """A small park: two level-1 grids, three level-2 grids, two groups, four supervisors,
    four enterprises (one without a party organisation)."""
    for args in (
        ("grid", "add", "G1", "一区"),
        ("grid", "add", "G2", "二区"),
        ("grid", "add", "G1-1", "一区一网格", "--parent", "G1"),
        ("grid", "add", "G1-2", "一区二网格", "--parent", "G1"),
        ("grid", "add", "G2-1", "二区一网格", "--parent", "G2"),
        ("group", "add", "第一指导组", "--grid", "G1"),
        ("group", "add", "第二指导组", "--grid", "G2"),
        ("supervisor", "add", "S001", "张伟", "--group", "第一指导组"),
        ("supervisor", "add", "S002", "李娜", "--group", "第一指导组", "--kind", "兼职"),
        ("supervisor", "add", "S003", "张伟", "--group", "第二指导组"),
        ("supervisor", "add", "S004", "王芳", "--group", "第二指导组", "--kind", "part-time"),
        ("group", "leader", "第一指导组", "S001"),
        ("group", "leader", "第二指导组", "S003"),
        (
            "enterprise",
            "add",
            "合肥芯联微电子有限公司",
            "--grid",
            "G1-1",
            "--credit-code",
            "91440300708461136T",
            "--party-org",
            "branch",
            "--members",
            "12",
            "--supervisor",
            "S001",
            "--chain",
            "微电子",
            "--core",
        ),
        (
            "enterprise",
            "add",
            "江淮新能源汽车零部件有限公司",
            "--grid",
            "G1-2",
            "--credit-code",
            "914403001922038216",
            "--party-org",
            "党委",
            "--members",
            "40",
            "--supervisor",
            "S002",
            "--chain",
            "new-energy-vehicles",
        ),
        (
            "enterprise",
            "add",
            "绿源环保装备有限公司",
            "--grid",
            "G2-1",
            "--credit-code",
            "91110000101623741K",
            "--supervisor",
            "S003",
        ),
        (
            "enterprise",
            "add",
            "数智云信息技术有限公司",
            "--grid",
            "G2-1",
            "--credit-code",
            "911101066976941872",
            "--party-org",
            "joint-branch",
            "--members",
            "5",
            "--supervisor",
            "S004",
            "--chain",
            "big-data-it",
        ),
    ):
        cli(*args)
    return ledger


@pytest.fixture
def sql(db_path: Path) -> Callable[..., list[tuple]]:
    """Plain SQL on the test ledger, to check figures another way than the code does."""

    def query(statement: str, *params: object) -> list[tuple]:
        con = sqlite3.connect(db_path)
        try:
            return con.execute(statement, params).fetchall()
        finally:
            con.close()

    return query
