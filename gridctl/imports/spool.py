"""The validated records of one import, held until they are written: the first `in_memory`
in memory, the rest pickled to a temporary file, so memory stays flat whatever the file's
size. Read back in chunks as often as needed (a retried write transaction reads them again)."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

# (phase, rows done): "check" while reading, "write" while writing.
Progress = Callable[[str, int], None]
CHUNK = 5_000
# Records kept in memory (spooled records and their keys); past this they go to temporary files.
IN_MEMORY = 100_000


class Spool:
    """Records in chunks: the first `in_memory` in memory, the rest pickled to a temporary file."""

    def __init__(self, chunk: int = CHUNK, in_memory: int = IN_MEMORY) -> None:
        self._chunk = max(1, min(chunk, in_memory))
        self._in_memory = in_memory // self._chunk  # whole chunks
        self._memory: list[list[tuple[int, Any]]] = []
        self._current: list[tuple[int, Any]] = []
        self._file: IO[bytes] | None = None
        self._spilled = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()

    def add(self, line: int, rec: Any) -> None:
        self._current.append((line, rec))
        if len(self._current) >= self._chunk:
            self._flush()

    def _flush(self) -> None:
        if not self._current:
            return
        if len(self._memory) < self._in_memory:
            self._memory.append(self._current)
        else:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="gridctl-import-")
            pickle.dump(self._current, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._spilled += 1
        self._current = []

    def chunks(self, progress: Progress | None = None) -> Iterator[list[tuple[int, Any]]]:
        self._flush()
        done = 0
        for chunk in self._chunks():
            yield chunk
            done += len(chunk)
            if progress is not None:
                progress("write", done)

    def _chunks(self) -> Iterator[list[tuple[int, Any]]]:
        yield from self._memory
        if self._file is not None:
            self._file.seek(0)
            for _ in range(self._spilled):
                chunk: list[tuple[int, Any]] = pickle.load(self._file)
                yield chunk
