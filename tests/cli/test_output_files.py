"""Every command that writes a file (`-o FILE`, `db backup FILE`) writes it through one writer:
a new or regular file is replaced whole, a device or pipe is written in place and stays what
it was, a symbolic link stays a link, every refusal is one line and leaves nothing behind.

Checked through the command line, as a user runs it; the files are opened with zipfile,
sqlite3 and plain reads, and their modes read with os.stat.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def report(out: str) -> tuple[str, ...]:
    return ("report", "monthly", "--month", "2026-10", "-o", out)


def funding(out: str) -> tuple[str, ...]:
    return ("funding", "report", "--year", "2026", "-o", out)


def export(out: str) -> tuple[str, ...]:
    return ("export", "visits", "-o", out)


def template(out: str) -> tuple[str, ...]:
    return ("import", "template", "visits", "-o", out)


def backup(out: str) -> tuple[str, ...]:
    return ("db", "backup", out, "--force")


Command = Callable[[str], tuple[str, ...]]
BACKUP = pytest.param(backup, ".db", "FILE", id="backup", marks=pytest.mark.sqlite_only)
# (command, a file name's suffix it accepts, how its refusals name the file)
WRITERS = [
    pytest.param(report, ".xlsx", "--output", id="report"),
    pytest.param(funding, ".xlsx", "--output", id="funding"),
    pytest.param(export, ".csv", "--output", id="export-csv"),
    pytest.param(export, ".xlsx", "--output", id="export-xlsx"),
    pytest.param(template, ".xlsx", "--output", id="template"),
    pytest.param(template, ".csv", "--output", id="template-csv"),
    BACKUP,
]
# The commands that check no suffix (a device has none).
ANY_NAME = [
    pytest.param(report, id="report"),
    pytest.param(funding, id="funding"),
    pytest.param(backup, id="backup", marks=pytest.mark.sqlite_only),
]


def complete(path: Path, suffix: str) -> None:
    """The file is whole: a workbook that opens, a ledger that checks, a CSV with its header."""
    if suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None and "xl/workbook.xml" in z.namelist()
    elif suffix == ".db":
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*) FROM grid").fetchone()[0] > 0
        con.close()
    else:
        head = path.read_bytes()[:64]
        assert head.startswith(b"\xef\xbb\xbf") and b"," in head


def one_line(result, *parts: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(("Error: ", "错误：")), (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr, (part, result.stderr)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def null_stays() -> Iterator[None]:
    """/dev/null is still the null device after the test; if a broken writer replaced it with
    a file (as root can), it is put back so the machine is not left broken, and the test
    fails."""
    yield
    st = os.lstat("/dev/null")
    if stat.S_ISCHR(st.st_mode):
        return
    if ROOT:
        os.unlink("/dev/null")
        os.mknod("/dev/null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.chmod("/dev/null", 0o666)
    pytest.fail("/dev/null was replaced by a regular file")


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """An empty folder for the files (the SQLite ledger sits in tmp_path)."""
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


# --- the files written ---------------------------------------------------------------------


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_new_file_follows_the_umask_and_an_old_one_is_replaced_whole(
    cli, park, here, command, suffix, label
):
    out = here / f"out{suffix}"
    old = os.umask(0o022)
    try:
        cli(*command(str(out)))
        shared = stat.S_IMODE(out.stat().st_mode)
        out.unlink()
        os.umask(0o077)
        cli(*command(str(out)))
        private = stat.S_IMODE(out.stat().st_mode)
    finally:
        os.umask(old)
    if command is backup:
        # The ledger's copies stay owner-only whatever the umask.
        assert (shared, private) == (0o600, 0o600)
    else:
        assert (shared, private) == (0o644, 0o600)
    complete(out, suffix)
    # Written again over an old file: whole, keeping the old file's mode, no temporary left.
    out.write_bytes(b"old")
    out.chmod(0o640)
    cli(*command(str(out)))
    complete(out, suffix)
    assert stat.S_IMODE(out.stat().st_mode) == (0o600 if command is backup else 0o640)
    assert listing(here) == [out.name]


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_symbolic_link_stays_and_its_target_is_written(
    cli, park, tmp_path, command, suffix, label
):
    target = tmp_path / "real" / f"target{suffix}"
    target.parent.mkdir()
    link = tmp_path / f"link{suffix}"
    link.symlink_to(target)  # dangling: the target is made
    cli(*command(str(link)))
    assert link.is_symlink() and os.readlink(link) == str(target)
    complete(target, suffix)
    target.write_bytes(b"old")  # and an existing target is replaced, the link kept
    cli(*command(str(link)))
    assert link.is_symlink()
    complete(target, suffix)
    assert listing(target.parent) == [target.name]


@pytest.mark.parametrize("command", ANY_NAME)
def test_dev_null_is_written_and_stays_a_device(cli, park, null_stays, command):
    result = cli(*command("/dev/null"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    # The confirmation goes to stderr: stdout may be the file itself (/dev/stdout).
    assert result.stdout == ""
    assert "/dev/null" in result.stderr


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_link_to_a_device_writes_the_device(cli, park, null_stays, here, command, suffix, label):
    # `export` and `import template` choose CSV or xlsx by the file's suffix; a link named
    # so reaches the device through them.
    link = here / f"null{suffix}"
    link.symlink_to("/dev/null")
    cli(*command(str(link)))
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert listing(here) == [link.name]


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_pipe_is_written_in_place(cli, park, tmp_path, command, suffix, label):
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    cli(*command(str(fifo)))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    copy = tmp_path / f"copy{suffix}"
    copy.write_bytes(got[0])
    complete(copy, suffix)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(report("/dev/stdout"), id="report"),
        pytest.param(backup("/dev/stdout"), id="backup", marks=pytest.mark.sqlite_only),
    ],
)
def test_dev_stdout_carries_the_file_alone(park, tmp_path, args):
    # A real process: /dev/stdout is its file descriptor 1, here a pipe.
    done = subprocess.run(
        [sys.executable, "-m", "gridctl", *args], capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    suffix = ".db" if "backup" in args else ".xlsx"
    copy = tmp_path / f"copy{suffix}"
    copy.write_bytes(done.stdout)
    complete(copy, suffix)
    assert "/dev/stdout" in done.stderr.decode()


# --- refusals: one line, exit 1, nothing left behind ----------------------------------------


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_missing_folder_is_refused_not_created(cli, park, here, command, suffix, label):
    out = here / "报表" / "子目录" / f"十月{suffix}"
    result = cli(*command(str(out)), ok=False)
    one_line(result, label, str(out), "its folder does not exist", str(out.parent))
    assert listing(here) == []


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_folder_as_the_file_is_refused(cli, park, here, command, suffix, label):
    folder = here / f"folder{suffix}"
    folder.mkdir()
    result = cli(*command(str(folder)), ok=False)
    one_line(result, label, str(folder), "it is a folder")
    assert listing(folder) == []
    assert listing(here) == [folder.name]


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_path_under_proc_is_refused(cli, park, command, suffix, label):
    # The kernel's folder takes no new file, for root too.
    out = f"/proc/gridctl-test{suffix}"
    result = cli(*command(out), ok=False)
    one_line(result, label, out, "no file can be created in /proc")
    assert not os.path.exists(out)


@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_path_through_a_file_is_refused(cli, park, tmp_path, command, suffix, label):
    (tmp_path / "plain").write_text("x")
    out = tmp_path / "plain" / f"out{suffix}"
    result = cli(*command(str(out)), ok=False)
    one_line(result, label, str(out), "is a file, not a folder")


@pytest.mark.skipif(ROOT, reason="root writes in read-only folders: modes do not bind it")
@pytest.mark.parametrize(("command", "suffix", "label"), WRITERS)
def test_a_read_only_folder_is_refused(cli, park, tmp_path, command, suffix, label):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / f"old{suffix}").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        for name in (f"new{suffix}", f"old{suffix}"):
            result = cli(*command(str(folder / name)), ok=False)
            one_line(result, label, str(folder / name), "no permission to write there")
        assert listing(folder) == [f"old{suffix}"]
        assert (folder / f"old{suffix}").read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ANY_NAME)
def test_a_full_device_is_one_line(cli, park, command):
    result = cli(*command("/dev/full"), ok=False)
    one_line(result, "/dev/full", "the disk is full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_refusals_in_chinese(cli, park, tmp_path, monkeypatch):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    out = tmp_path / "没有" / "十月.xlsx"
    result = cli(*report(str(out)), ok=False)
    one_line(result, f"--output：无法写入“{out}”：所在文件夹不存在")
    result = cli(*report(str(tmp_path)), ok=False)
    one_line(result, "这是一个文件夹")


# `export` and `import template` take a device or pipe whatever its name's suffix (CSV for an
# export, a workbook for a template).
@pytest.mark.parametrize("command", [export, template])
def test_dev_null_for_export_and_template(cli, park, null_stays, command):
    cli(*command("/dev/null"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


SETPRIV = shutil.which("setpriv")


@pytest.mark.skipif(not (ROOT and SETPRIV), reason="needs root and setpriv(1)")
@pytest.mark.parametrize(
    ("args", "name", "label"),
    [
        pytest.param(report, "new.csv", "--output", id="report-new"),
        pytest.param(export, "old.csv", "--output", id="export-old"),
        pytest.param(backup, "old.csv", "FILE", id="backup-old", marks=pytest.mark.sqlite_only),
    ],
)
def test_a_read_only_folder_is_refused_for_root_without_its_override(
    park, tmp_path, args, name, label
):
    # Root minus the capabilities that let it ignore modes is bound by them as anyone is.
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "old.csv").write_bytes(b"old")
    folder.chmod(0o555)
    drop = [str(SETPRIV), "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    out = str(folder / name)
    try:
        done = subprocess.run(
            [*drop, sys.executable, "-m", "gridctl", *args(out)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert label in done.stderr and out in done.stderr
        assert "no permission to write there" in done.stderr
        assert listing(folder) == ["old.csv"] and (folder / "old.csv").read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


@pytest.mark.sqlite_only
def test_a_backup_that_fills_the_disk_is_one_line_and_leaves_nothing(cli, park, here, monkeypatch):
    from gridctl.ledger import backup as backups

    def filling(source: Path, dest: Path) -> None:
        dest.write_bytes(b"half a ledger")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "_copy", filling)
    out = here / "b.db"
    result = cli("db", "backup", str(out), ok=False)
    one_line(result, "FILE", str(out), "the disk is full (database or disk is full)")
    assert listing(here) == []
