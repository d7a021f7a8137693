"""A fresh ledger per test, English messages, and a CLI runner that keeps stderr apart.

The suite runs on SQLite, and on PostgreSQL too when GRIDCTL_TEST_POSTGRES names a server
database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test): each test then gets its
own database, cloned from a template (empty, or migrated to head for tests that use the
`ledger` fixture), and GRIDCTL_DB points at it. Tests that only make sense on SQLite carry
`@pytest.mark.sqlite_only`; so does, implicitly, every test that takes `db_path` itself
(it works on the ledger file). Use `sql` and `db_url` for checks that hold on both.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import re
import secrets
import shutil
import signal
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gridctl.cli.app import app

PG_ENV = "GRIDCTL_TEST_POSTGRES"
# The names of this run's databases start with this prefix: .ci/run names it, so that its exit
# trap drops every database the run made even when the run is killed.
PREFIX_ENV = "GRIDCTL_TEST_DB_PREFIX"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test needs the SQLite ledger file")


def _sqlite_only(node: pytest.Item) -> bool:
    """Marked so, or taking `db_path` itself: the test works on the SQLite file."""
    if "sqlite_only" in node.keywords:
        return True
    function = getattr(node, "function", None)
    return function is not None and "db_path" in inspect.signature(function).parameters


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get(PG_ENV):
        return
    skip = pytest.mark.skip(reason="SQLite only (GRIDCTL_TEST_POSTGRES run)")
    for item in items:
        if _sqlite_only(item):
            item.add_marker(skip)


# --- PostgreSQL: a database per test, cloned from templates --------------------------------


class PgServer:
    """Creates and drops this run's databases on the server GRIDCTL_TEST_POSTGRES names."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self.prefix = f"{os.environ.get(PREFIX_ENV) or 'gridctl_t'}{secrets.token_hex(3)}"
        self.created: list[str] = []
        self.count = 0
        self.dropper = ThreadPoolExecutor(max_workers=1)
        self.dropping: list[Future[None]] = []
        self.empty = self.create(f"{self.prefix}_empty", None)
        self.head = self.create(f"{self.prefix}_head", None)
        self._migrate(self.head)

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None) -> str:
        from sqlalchemy import text

        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        self.created.append(name)
        return name

    def _migrate(self, name: str) -> None:
        from gridctl.ledger.config import resolve
        from gridctl.ledger.migrate import upgrade
        from gridctl.ledger.session import make_engine

        engine = make_engine(resolve(self.url(name)))
        try:
            upgrade(engine)
        finally:
            engine.dispose()

    def fresh(self, template: str) -> str:
        """A new database cloned from `template`, as a URL."""
        self.count += 1
        return self.url(self.create(f"{self.prefix}_{self.count}", template))

    def _drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def discard(self, url: str) -> None:
        """Drop a test's database in the background while the next test runs."""
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        assert name is not None
        self.created.remove(name)
        self.dropping.append(self.dropper.submit(self._drop, name))

    def drop_all(self) -> None:
        for future in self.dropping:
            future.result()
        self.dropper.shutdown()
        for name in reversed(self.created):
            self._drop(name)
        self.admin.dispose()


def _null_pool():  # type: ignore[no-untyped-def]
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    server = PgServer(url)
    # A run stopped with SIGTERM (a timeout, a CI stop) drops its databases as Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield server
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.drop_all()


@pytest.fixture(autouse=True)
def env_setup(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    pg_server: PgServer | None,
) -> Iterator[Path]:
    """Point GRIDCTL_DB at a fresh ledger: a file in tmp_path, or a new PostgreSQL database."""
    db = tmp_path / "ledger.db"
    monkeypatch.setenv("GRIDCTL_LANG", "en")
    monkeypatch.setenv("GRIDCTL_USER", "tester")
    if pg_server is None or _sqlite_only(request.node):
        monkeypatch.setenv("GRIDCTL_DB", str(db))
        yield db
    else:
        if "park" in request.fixturenames:
            template = request.getfixturevalue("park_templates").pg_database()
        elif "ledger" in request.fixturenames:
            template = pg_server.head
        else:
            template = pg_server.empty
        url = pg_server.fresh(template)
        monkeypatch.setenv("GRIDCTL_DB", url)
        yield db
        pg_server.discard(url)


@pytest.fixture
def on_postgres(pg_server: PgServer | None, request: pytest.FixtureRequest) -> bool:
    """True when this test's ledger is a PostgreSQL database."""
    return pg_server is not None and not _sqlite_only(request.node)


@pytest.fixture
def db_url() -> str:
    """The ledger this test works on, as GRIDCTL_DB names it (a file path or a URL)."""
    return os.environ["GRIDCTL_DB"]


@pytest.fixture
def actor(db_url: str, on_postgres: bool) -> str:
    """Who the ledger records as the user: GRIDCTL_USER on SQLite, the database login on
    PostgreSQL (set by the database itself, whatever GRIDCTL_USER says)."""
    if not on_postgres:
        return "tester"
    from sqlalchemy.engine import make_url

    return make_url(db_url).username or ""


@pytest.fixture
def db_path(env_setup: Path) -> Path:
    """The SQLite file of the test ledger (does not exist on a PostgreSQL run)."""
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
def ledger(db_path: Path, on_postgres: bool, park_templates: ParkTemplates) -> Path:
    """An initialised, empty ledger (as `gridctl init` leaves it; copied from one built once
    per run; on PostgreSQL env_setup already cloned it)."""
    if not on_postgres:
        _copy_private(park_templates.empty_file(), db_path)
    return db_path


def _copy_private(source: Path, dest: Path) -> None:
    """Copy a closed ledger file; the copy is readable by its owner only, as gridctl makes it."""
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out)


# The park of the `park` fixture, built once per run (per engine) and copied for each test.
PARK_COMMANDS: tuple[tuple[str, ...], ...] = (
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
)


class ParkTemplates:
    """The small park built once through the CLI: a SQLite file and a PostgreSQL database."""

    def __init__(self, folder: Path, server: PgServer | None) -> None:
        self.folder = folder
        self.server = server
        self._file: Path | None = None
        self._empty: Path | None = None
        self._database: str | None = None

    @staticmethod
    def _build(where: str, commands: tuple[tuple[str, ...], ...] = PARK_COMMANDS) -> None:
        runner = CliRunner()
        env = {"GRIDCTL_DB": where, "GRIDCTL_LANG": "en", "GRIDCTL_USER": "tester"}
        for args in (("init",), *commands):
            result = runner.invoke(app, list(args), env=env)
            assert result.exit_code == 0, (args, result.stderr, result.exception)

    def empty_file(self) -> Path:
        if self._empty is None:
            path = self.folder / "empty.db"
            self._build(str(path), ())
            self._empty = path
        return self._empty

    def sqlite_file(self) -> Path:
        if self._file is None:
            path = self.folder / "park.db"
            self._build(str(path))
            self._file = path
        return self._file

    def pg_database(self) -> str:
        assert self.server is not None
        if self._database is None:
            name = self.server.create(f"{self.server.prefix}_park", self.server.head)
            self._build(self.server.url(name))
            self._database = name
        return self._database


@pytest.fixture(scope="session")
def park_templates(
    tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer | None
) -> ParkTemplates:
    return ParkTemplates(tmp_path_factory.mktemp("park"), pg_server)


@pytest.fixture
def park(ledger: Path, on_postgres: bool, park_templates: ParkTemplates) -> Path:
    """A small park: two level-1 grids, three level-2 grids, two groups, four supervisors,
    four enterprises (one without a party organisation). Built once through the CLI
    (PARK_COMMANDS) and copied: on PostgreSQL env_setup already cloned it."""
    if not on_postgres:
        _copy_private(park_templates.sqlite_file(), ledger)
    return ledger


# --- plain SQL on either engine -------------------------------------------------------------

_QMARK = re.compile(r"\?")


def _named(statement: str, params: tuple[object, ...]) -> tuple[str, dict[str, object]]:
    """`?` placeholders (sqlite3 style) to SQLAlchemy's named ones (:p0, :p1, ...)."""
    names = iter(range(len(params)))
    converted = _QMARK.sub(lambda _m: f":p{next(names)}", statement)
    return converted, {f"p{i}": v for i, v in enumerate(params)}


def _plain(value: object) -> object:
    """Values as SQLite gives them back, so a test's expected rows hold on both engines."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


@pytest.fixture
def sql(db_path: Path, db_url: str, on_postgres: bool) -> Callable[..., list[tuple]]:
    """Plain SQL on the test ledger, to check figures another way than the code does.

    `sql("SELECT ... WHERE code = ?", "G1")` returns a list of tuples on SQLite and on
    PostgreSQL (dates come back as ISO text on both); a change is committed. PRAGMA
    statements are SQLite's own:
    on a PostgreSQL run the test is skipped at that point.
    """
    if not on_postgres:

        def query(statement: str, *params: object) -> list[tuple]:
            con = sqlite3.connect(db_path)
            try:
                rows = con.execute(statement, params).fetchall()
                con.commit()
                return rows
            finally:
                con.close()

        return query

    from sqlalchemy import create_engine, text

    from gridctl.ledger.config import resolve

    def pg_query(statement: str, *params: object) -> list[tuple]:
        if statement.lstrip().upper().startswith("PRAGMA"):
            pytest.skip("PRAGMA is SQLite's own (PostgreSQL run)")
        converted, bound = _named(statement, params)
        engine = create_engine(resolve(db_url).url, poolclass=_null_pool())
        try:
            with engine.begin() as conn:
                result = conn.execute(text(converted), bound)
                if not result.returns_rows:
                    return []
                return [tuple(_plain(v) for v in row) for row in result]
        finally:
            engine.dispose()

    return pg_query
