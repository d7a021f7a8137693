"""gridctl.outfile, the one writer of output files, called directly: what it leaves behind
when the writing fails, the modes it gives, and how it words each operating-system refusal
(the refusals a test cannot provoke as root are raised through a stand-in for os.open)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from gridctl import outfile
from gridctl.outfile import OutputFileError, destination, open_output, open_text, staged


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_failed_block_leaves_nothing_and_the_old_file_untouched(tmp_path):
    old = tmp_path / "r.xlsx"
    old.write_bytes(b"old")
    with pytest.raises(RuntimeError), open_output(old) as fh:
        fh.write(b"half")
        raise RuntimeError("the report failed")
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    with pytest.raises(KeyboardInterrupt), staged(tmp_path / "n.db") as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]


def test_nothing_is_visible_under_the_name_until_the_block_ends(tmp_path):
    out = tmp_path / "r.csv"
    with open_text(out, encoding="utf-8-sig") as fh:
        fh.write("a,b\n")
        assert not out.exists()
    assert out.read_bytes() == b"\xef\xbb\xbfa,b\n"


def test_modes_new_shared_replaced_kept_private_always(tmp_path):
    old = os.umask(0o027)
    try:
        with open_output(tmp_path / "new") as fh:
            fh.write(b"x")
        kept = tmp_path / "kept"
        kept.write_bytes(b"old")
        kept.chmod(0o604)
        with open_output(kept) as fh:
            fh.write(b"x")
        with staged(tmp_path / "private", private=True) as tmp:
            tmp.write_bytes(b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new") == 0o640
    assert _mode(kept) == 0o604 and kept.read_bytes() == b"x"
    assert _mode(tmp_path / "private") == 0o600


def test_a_device_is_written_in_place_through_staged(tmp_path):
    # staged() hands out a temporary file elsewhere and copies it into the device.
    with staged(Path("/dev/null")) as tmp:
        assert tmp.parent != Path("/dev")
        tmp.write_bytes(b"x" * 100_000)
    assert not tmp.exists() and not tmp.parent.exists()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_where_the_bytes_go(tmp_path):
    (tmp_path / "t").write_text("x")
    (tmp_path / "link").symlink_to("t")
    (tmp_path / "chain").symlink_to("link")
    assert destination(tmp_path / "chain").real == tmp_path / "t"
    assert destination(tmp_path / "chain").mode is not None
    assert destination(tmp_path / "new").mode is None
    assert destination(Path("/dev/null")).in_place
    assert not destination(tmp_path / "t").in_place
    # /dev/stdout leads through this process's descriptors: written in place, whatever it is.
    assert destination(Path("/dev/stdout")).in_place


def test_a_loop_of_links_is_one_refusal(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OutputFileError) as caught:
        destination(tmp_path / "a")
    assert "ELOOP" in caught.value.message()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "no permission to write there (folder {folder})"),
        (errno.EPERM, "no permission to write there (folder {folder})"),
        (errno.EROFS, "the file system of {folder} is read-only"),
        (errno.ENOSPC, "the disk is full (No space left on device (ENOSPC))"),
        (errno.EDQUOT, "the disk is full"),
        (errno.ENAMETOOLONG, "the file name is too long"),
        (errno.EIO, "the system refused: Input/output error (EIO)"),
    ],
)
def test_each_refusal_of_the_system_is_worded(tmp_path, monkeypatch, code, words):
    real_open = os.open

    def refusing(path, flags, mode=0o777):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(outfile.os, "open", refusing)
    out = tmp_path / "r.xlsx"
    with pytest.raises(OutputFileError) as caught, open_output(out, field="output") as fh:
        fh.write(b"never")
    err = caught.value
    assert (err.field, err.value) == ("output", str(out))
    assert err.message().startswith(f"output: cannot write '{out}': ")
    assert words.format(folder=tmp_path) in err.message()
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_half_way_leaves_nothing(tmp_path):
    out = tmp_path / "r.csv"
    with pytest.raises(OutputFileError) as caught, open_output(out) as fh:
        fh.write(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert "the disk is full" in caught.value.message()
    assert list(tmp_path.iterdir()) == []


def test_an_os_error_of_another_file_is_not_blamed_on_the_output(tmp_path):
    with pytest.raises(FileNotFoundError), open_output(tmp_path / "r.csv"):
        (tmp_path / "elsewhere" / "input.csv").read_text()
    assert list(tmp_path.iterdir()) == []
