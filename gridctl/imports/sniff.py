"""Which encoding a CSV is in: stated by the user, or decided from the bytes with evidence.

Traps: charset guessing reads short Chinese files as Korean, so a CSV is decoded strictly as
UTF-8 and as GB18030, both whole, and the readings compared:
- one decodes: that one; neither: refused (with a Big5 hint when Big5 decodes it);
- both, and the bytes are ASCII: the same text, UTF-8;
- both, with different text: GBK bytes can be valid UTF-8 (钱学森 reads as `Ǯѧɭ`), so the
  reading with Chinese and no Latin-Extended/Cyrillic mojibake is taken, and a file where the
  evidence does not decide is refused naming both readings;
- private-use characters in the text chosen (Big5 read as GB18030 gives them) are refused at
  their line: they show as nothing and would be stored as such.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from gridctl import textsafe
from gridctl.i18n import t

UTF8 = "utf-8-sig"
GB = "gb18030"
# A stated name read as the codec that covers what offices write under it.
ALIASES = {"gbk": GB, "gb2312": GB, "cp936": GB, "big5": "cp950", "utf8": UTF8, "utf-8": UTF8}
# CJK ideographs and punctuation, and the code points GBK bytes land on when read as UTF-8
# (two-byte sequences: U+0080-U+07FF, Latin-Extended, Greek, Cyrillic, ...).
_CHINESE = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# · × ° are common in Chinese text (阿不都·热合曼), so they are no evidence.
_MOJIBAKE = re.compile("[\u0080-\u00af\u00b1-\u00b6\u00b8-\u00d6\u00d8-\u07ff]")
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_CHUNK = 1 << 20


class Undecided(Exception):
    """The encoding cannot be decided; `key`, `line` and `params` name the i18n message."""

    def __init__(self, key: str, line: int = 0, **params: object) -> None:
        self.key = key
        self.line = line
        self.params = params
        super().__init__(key)


@dataclass
class _Reading:
    """What one strict decoding of the file found."""

    encoding: str
    decoder: codecs.IncrementalDecoder
    failed_line: int | None = None
    chinese: bool = False
    mojibake: bool = False
    private_line: int | None = None
    lines: int = 1
    first: str = field(default="")  # the first line that is not ASCII, as this reading shows it

    def feed(self, chunk: bytes, line_at: int, final: bool = False) -> None:
        if self.failed_line is not None:
            return
        try:
            text = self.decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            self.failed_line = line_at + chunk.count(b"\n", 0, max(0, exc.start))
            before = chunk[: max(0, exc.start)].decode(self.encoding, errors="ignore")
            self.chinese = self.chinese or _CHINESE.search(before) is not None
            return
        # Each piece of evidence is only whether it occurs: searched until found.
        self.chinese = self.chinese or _CHINESE.search(text) is not None
        self.mojibake = self.mojibake or _MOJIBAKE.search(text) is not None
        if self.private_line is None and (found := _PRIVATE.search(text)):
            self.private_line = self.lines + text.count("\n", 0, found.start())
        if not self.first and (odd := re.search(r"[^\x00-\x7f]", text)):
            start = text.rfind("\n", 0, odd.start()) + 1
            end = text.find("\n", odd.start())
            self.first = text[start : end if end >= 0 else None].strip()
        self.lines += text.count("\n")


def canonical(name: str) -> str:
    """The codec a stated encoding is read with; LookupError for an unknown name."""
    folded = name.strip().lower().replace("_", "-")
    codec = ALIASES.get(folded, folded)
    codecs.lookup(codec)
    return codec


def shown(encoding: str, raw: bytes) -> str:
    """How the summary names an encoding: as a person would state it with --encoding."""
    if encoding == UTF8:
        return "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
    return {"cp950": "big5"}.get(encoding, encoding)


def sniff(path: Path, stated: str | None = None) -> tuple[str, str, str]:
    """The file's sha256, the codec to read it with, and that encoding's name for the
    summary; raises Undecided."""
    h = hashlib.sha256()
    names = (stated,) if stated else (UTF8, GB)
    readings = [_Reading(n, codecs.getincrementaldecoder(n)("strict")) for n in names]
    ascii_only = True
    head = b""
    line = 1
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            head = head or chunk[:3]
            ascii_only = ascii_only and chunk.isascii()
            for reading in readings:
                reading.feed(chunk, line)
            line += chunk.count(b"\n")
    for reading in readings:
        reading.feed(b"", line, final=True)
    chosen = _choose(path, readings, ascii_only, stated)
    if chosen.private_line is not None:
        big5 = not stated and _big5_hint(path)
        hint = t("imp.file.private.big5") if big5 else ""
        raise Undecided("imp.file.private", line=chosen.private_line, hint=hint)
    return h.hexdigest(), chosen.encoding, shown(chosen.encoding, head)


def _choose(path: Path, readings: list[_Reading], ascii_only: bool, stated: str | None) -> _Reading:
    ok = [r for r in readings if r.failed_line is None]
    if stated:
        if not ok:
            raise Undecided(
                "imp.file.not_stated",
                line=readings[0].failed_line or 1,
                encoding=shown(stated, b""),
            )
        return ok[0]
    utf8, gb = readings
    if not ok:
        if _big5_hint(path):
            raise Undecided("imp.file.big5", line=utf8.failed_line or 1)
        if utf8.chinese and utf8.failed_line and _line_decodes(path, utf8.failed_line, GB):
            # UTF-8 Chinese, then a line that is not UTF-8 but is GB18030: rows pasted from
            # a GBK file. Read whole as GB18030 the UTF-8 part would be mojibake.
            raise Undecided("imp.file.mixed", line=utf8.failed_line)
        raise Undecided("imp.file.encoding", line=utf8.failed_line or 1)
    if len(ok) == 1:
        return ok[0] if ok[0] is utf8 else _not_big5(path, gb)
    if ascii_only or not utf8.mojibake:
        return utf8
    if gb.chinese and not gb.mojibake and not utf8.chinese:
        return _not_big5(path, gb)
    raise Undecided(
        "imp.file.two_readings",
        utf8=textsafe.escaped(utf8.first, limit=60),
        gb=textsafe.escaped(gb.first, limit=60),
    )


def _not_big5(path: Path, gb: _Reading) -> _Reading:
    """The GB18030 reading, unless the file reads as Big5 too and its GB18030 reading has
    characters outside GB2312 (the common simplified ones): Big5's second bytes 0x40-0x7E land
    there, so Big5 text read as GB18030 has them; GBK text rarely does (朱镕基's 镕)."""
    if not _big5_hint(path):
        return gb
    common = _gb2312()
    with path.open(encoding=GB) as fh:
        rare = any(c not in common for line in fh for c in _CHINESE.findall(line))
    if not rare:
        return gb
    with path.open(encoding="cp950") as fh:
        big5 = next((line.strip() for line in fh if not line.isascii()), "")
    raise Undecided(
        "imp.file.gb_or_big5",
        gb=textsafe.escaped(gb.first, limit=60),
        big5=textsafe.escaped(big5, limit=60),
    )


def _gb2312() -> frozenset[str]:
    """The characters of GB2312 (two bytes 0xA1-0xFE each), with CJK punctuation."""
    pairs = (bytes((a, b)) for a in range(0xA1, 0xF8) for b in range(0xA1, 0xFF))
    found = set()
    for pair in pairs:
        try:
            found.add(pair.decode("gb2312"))
        except UnicodeDecodeError:
            continue
    return frozenset(found)


def _big5_hint(path: Path) -> str:
    """'big5' when the whole file decodes as Big5 (Traditional Chinese): the user may state
    it; refusing is safer than guessing, as Big5 bytes often decode as GB18030 too."""
    decoder = codecs.getincrementaldecoder("cp950")("strict")
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return ""
    return "big5"


def _line_decodes(path: Path, number: int, encoding: str) -> bool:
    """Whether line `number` (1-based) of the file decodes strictly in `encoding`."""
    with path.open("rb") as fh:
        for current, raw in enumerate(fh, start=1):
            if current == number:
                try:
                    raw.decode(encoding)
                except UnicodeDecodeError:
                    return False
                return True
    return False
