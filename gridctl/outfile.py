"""The one writer of output files: every `-o FILE` (reports, exports, templates) and backups.

A new path or an existing regular file is written under a temporary name in the same folder
and renamed over it when complete, so a reader never sees half a file and a failure leaves
nothing behind. A device, pipe or socket (`/dev/null`, `/dev/stdout`) is written in place and
never replaced; a symbolic link's target is written and the link stays. No folder is ever
created: a missing folder is usually a typo. Every failure is one `OutputFileError` naming the
path and the cause.

A new file follows the umask, as any file a user writes does; a replaced file keeps its mode;
`private=True` (the ledger's backups) makes it owner-only whatever the umask.

A leaf: imports only errors, i18n and the standard library.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from gridctl.errors import GridctlError
from gridctl.i18n import t

PRIVATE = 0o600
# What open(2) is given for a new file; the umask takes its bits away.
SHARED = 0o666
_LINK_HOPS = 40


class OutputFileError(GridctlError):
    """An output file cannot be written: `value` is the path as given, `detail` the cause."""

    key = "output_file"


@dataclass(frozen=True)
class Destination:
    """Where the bytes for a path go. `real` is the path with symbolic links followed;
    `in_place` is true for a device, pipe or socket (written directly, never replaced);
    `mode`, `uid`, `gid` describe the regular file being replaced (None for a new one)."""

    given: Path
    real: Path
    in_place: bool
    mode: int | None = None
    uid: int = -1
    gid: int = -1


def destination(path: Path, *, field: str = "output") -> Destination:
    """Where writing `path` puts the bytes; refuses a folder, a missing folder, a path
    through a file, before anything is written."""
    given = Path(path).expanduser()
    real, through_fd = _follow(given)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _failure(given, field, exc, real.parent) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputFileError(field, str(given), t("outfile.is_folder"))
    if st is not None and (through_fd or not stat.S_ISREG(st.st_mode)):
        return Destination(given, real, in_place=True)
    folder = real.parent
    if not folder.exists():
        raise OutputFileError(field, str(given), t("outfile.no_folder", folder=folder))
    if not folder.is_dir():
        raise OutputFileError(field, str(given), t("outfile.not_folder", folder=folder))
    if st is None:
        return Destination(given, real, in_place=False)
    return Destination(given, real, False, stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid)


def _follow(path: Path) -> tuple[Path, bool]:
    """`path` with its symbolic links followed, and whether one led through a process's file
    descriptors (/dev/stdout is /proc/self/fd/1): such a file is already open elsewhere and
    is written in place, as a shell's `>` would, not swapped for a new one."""
    current = Path(os.path.abspath(path))
    for _ in range(_LINK_HOPS):
        current = Path(os.path.realpath(current.parent)) / current.name
        parts = current.parts
        if len(parts) > 3 and parts[1] == "proc" and "fd" in parts[2:-1]:
            # Its link names what the descriptor holds ("pipe:[…]" for a pipe), no path.
            return current, True
        if not current.is_symlink():
            break
        current = current.parent / os.readlink(current)
    return current, False


@contextmanager
def open_output(path: Path, *, field: str = "output", private: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write `path` through; complete when the block ends without error."""
    dest = destination(path, field=field)
    if dest.in_place:
        with _guard(dest, field, None):
            with open(dest.real, "wb") as stream:
                yield stream
        return
    tmp, fh = _temporary(dest, field, private)
    with _guard(dest, field, tmp):
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest.real)


@contextmanager
def open_text(
    path: Path, *, encoding: str = "utf-8", field: str = "output", private: bool = False
) -> Iterator[TextIO]:
    """A text file to write `path` through (newlines written as given)."""
    with open_output(path, field=field, private=private) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        yield text
        text.flush()
        text.detach()  # the binary file is closed (and renamed) by open_output


@contextmanager
def staged(path: Path, *, field: str = "output", private: bool = False) -> Iterator[Path]:
    """A temporary file to write by name (SQLite's backup writes to a path, not a stream);
    moved to `path` when the block ends without error, or copied into a device or pipe."""
    dest = destination(path, field=field)
    if dest.in_place:
        folder = Path(tempfile.mkdtemp(prefix="gridctl-"))
        tmp = folder / dest.real.name
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
            yield tmp
            with _guard(dest, field, None), tmp.open("rb") as src, open(dest.real, "wb") as out:
                shutil.copyfileobj(src, out)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    tmp, fh = _temporary(dest, field, private)
    fh.close()
    with _guard(dest, field, tmp):
        yield tmp
        _fsync(tmp)
        os.replace(tmp, dest.real)


def _temporary(dest: Destination, field: str, private: bool) -> tuple[Path, BinaryIO]:
    """A new file beside the destination, with the mode the destination will have."""
    folder = dest.real.parent
    for _ in range(100):
        tmp = folder / f".{dest.real.name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE if private else SHARED)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _failure(dest.given, field, exc, folder) from None
        try:
            _set_mode(fd, dest, private)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        return tmp, os.fdopen(fd, "wb")
    raise OutputFileError(field, str(dest.given), t("outfile.no_temporary", folder=folder))


def _set_mode(fd: int, dest: Destination, private: bool) -> None:
    if private:
        os.fchmod(fd, PRIVATE)
        return
    if dest.mode is None:
        return  # a new file: open(2) applied the umask
    os.fchmod(fd, dest.mode)
    if (dest.uid, dest.gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, dest.uid if os.geteuid() == 0 else -1, dest.gid)
        except OSError:
            pass  # not ours to give away: the new file stays the writer's


@contextmanager
def _guard(dest: Destination, field: str, tmp: Path | None) -> Iterator[None]:
    """Removes the temporary file on any failure; an OS error writing the file becomes one
    OutputFileError (other errors, the caller's own, pass unchanged)."""
    try:
        yield
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if exc.filename not in (None, str(tmp), str(dest.real), str(dest.given)):
            raise
        raise _failure(dest.given, field, exc, dest.real.parent) from None
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_CAUSES = {
    errno.EACCES: "outfile.no_permission",
    errno.EPERM: "outfile.no_permission",
    errno.EROFS: "outfile.read_only",
    errno.ENOSPC: "outfile.disk_full",
    errno.EDQUOT: "outfile.disk_full",
    errno.EISDIR: "outfile.is_folder",
    errno.ENOTDIR: "outfile.not_folder",
    errno.ENAMETOOLONG: "outfile.name_too_long",
    # The folder is there (checked first), yet no file can be made in it: /proc, /sys.
    errno.ENOENT: "outfile.cannot_create",
}


def _failure(given: Path, field: str, exc: OSError, folder: Path) -> OutputFileError:
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    error = f"{exc.strerror or exc} ({code})"
    key = _CAUSES.get(exc.errno or 0, "outfile.os_error")
    return OutputFileError(field, str(given), t(key, folder=folder, error=error))
