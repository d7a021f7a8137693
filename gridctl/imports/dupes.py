"""Natural keys repeated inside one import file, found with memory that does not grow with it.

The first `in_memory` records' keys are kept in a dict (by their 64-bit hash) and a repeat is
found at once. Past that, each key's (slot, hash, line) is appended to one of PARTS temporary
files chosen by the hash, and at the end each file is read back alone into a dict: every
repeat of a key lands in the same file, so memory is one file's share of the keys
(1/PARTS), not all of them. The repeats found that way are by hash; the loader re-reads the
records of the ones it reports and compares their keys exactly (`Repeat` has the lines).
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Hashable, Sequence
from typing import IO, NamedTuple

PARTS = 64
# Numbers buffered per part before writing (3 per key: slot, hash, line).
BUFFER = 3 * 2048


class Repeat(NamedTuple):
    """Line `line` repeats the key (of key slot `slot`) first seen on line `first`."""

    line: int
    slot: int
    first: int


class Duplicates:
    """Keys of every record, one per key slot; each line's first repeated slot is reported."""

    def __init__(self, slots: int, in_memory: int) -> None:
        self._in_memory = in_memory
        self._seen: list[dict[int, int]] | None = [{} for _ in range(slots)]
        self._records = 0
        self._files: list[IO[bytes]] = []
        self._buffers: list[array[int]] = []

    def __enter__(self) -> Duplicates:
        return self

    def __exit__(self, *exc: object) -> None:
        for fh in self._files:
            fh.close()
        self._files = []

    def add(self, line: int, keys: Sequence[Hashable | None]) -> Repeat | None:
        """Record a line's keys (None: no key). While in memory a repeat is returned at once;
        afterwards repeats are found by `later()`."""
        if self._seen is None:
            buffers = self._buffers
            for slot, key in enumerate(keys):
                if key is not None:
                    h = hash(key)
                    part = h % PARTS
                    buf = buffers[part]
                    buf.extend((slot, h, line))
                    if len(buf) >= BUFFER:
                        self._write(part)
            return None
        self._records += 1
        repeat = self._in_dict(self._seen, line, keys)
        if self._records >= self._in_memory:
            self._spill(self._seen)
            self._seen = None
        return repeat

    @staticmethod
    def _in_dict(
        seen: list[dict[int, int]], line: int, keys: Sequence[Hashable | None]
    ) -> Repeat | None:
        for slot, (key, first) in enumerate(zip(keys, seen, strict=True)):
            if key is None:
                continue
            h = hash(key)
            if h in first:
                return Repeat(line, slot, first[h])
            first[h] = line
        return None

    def _spill(self, seen: list[dict[int, int]]) -> None:
        self._files = [tempfile.TemporaryFile(prefix="gridctl-keys-") for _ in range(PARTS)]
        self._buffers = [array("q") for _ in range(PARTS)]
        for slot, first in enumerate(seen):
            for h, line in first.items():  # in line order: a part's keys stay in line order
                self._buffers[h % PARTS].extend((slot, h, line))
            first.clear()
        for part in range(PARTS):
            self._write(part)

    def _write(self, part: int) -> None:
        self._files[part].write(self._buffers[part].tobytes())
        self._buffers[part] = array("q")

    def later(self) -> list[Repeat]:
        """Repeats among the lines past the in-memory part, in line order (one per line)."""
        if not self._files:
            return []
        found: list[Repeat] = []
        for part, fh in enumerate(self._files):
            self._write(part)
            fh.seek(0)
            numbers = array("q")
            numbers.frombytes(fh.read())
            fh.close()
            first: dict[tuple[int, int], int] = {}
            for i in range(0, len(numbers), 3):
                slot, h, line = numbers[i], numbers[i + 1], numbers[i + 2]
                seen_on = first.setdefault((slot, h), line)
                if seen_on != line:
                    found.append(Repeat(line, slot, seen_on))
        self._files = []
        found.sort()
        out: list[Repeat] = []
        for repeat in found:  # a line's first repeated slot only, as in memory
            if not out or out[-1].line != repeat.line:
                out.append(repeat)
        return out
