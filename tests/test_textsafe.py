"""The unsafe-character check: the compiled expression against the per-character rule it
replaced, kept here as the reference, over every code point there is."""

from __future__ import annotations

import pytest

from gridctl import textsafe
from gridctl.errors import Invalid

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def old_unsafe(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or char in BIDI_CONTROLS


def old_has_unsafe_chars(text: str) -> bool:
    return any(old_unsafe(c) for c in text)


def old_escaped(text: str, limit: int = 60) -> str:
    shown = "".join(f"\\u{ord(c):04x}" if old_unsafe(c) else c for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


ALL = [chr(code) for code in range(0x110000)]


def test_every_code_point_judged_as_before() -> None:
    differ = [hex(ord(c)) for c in ALL if textsafe.has_unsafe_chars(c) != old_has_unsafe_chars(c)]
    assert differ == []
    # Not vacuous: the rule's ranges by hand: 32 C0, 33 DEL+C1, 2,048 surrogates, 9 bidi.
    assert sum(textsafe.has_unsafe_chars(c) for c in ALL) == 32 + 33 + 2048 + 9


def test_every_code_point_escaped_as_before() -> None:
    # Safe text around each one, in runs of 50 (the message's cut at 60 falls inside some).
    for start in range(0, len(ALL), 50):
        text = "企业" + "".join(ALL[start : start + 50]) + "有限公司"
        assert textsafe.escaped(text) == old_escaped(text)
        assert textsafe.escaped(text, limit=500) == old_escaped(text, limit=500)
        assert textsafe.has_unsafe_chars(text) == old_has_unsafe_chars(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("合肥\x00芯联", "合肥\\u0000芯联"),
        ("a\u202eb", "a\\u202eb"),
        ("\ud800x", "\\ud800x"),
        ("\x9f", "\\u009f"),
        ("plain 名字", "plain 名字"),
    ],
)
def test_escaped_by_hand(text: str, shown: str) -> None:
    assert textsafe.escaped(text) == shown


def test_required_refuses_a_control_character() -> None:
    with pytest.raises(Invalid):
        textsafe.required("name", "芯联\t微电子")
    assert textsafe.required("name", "  芯联微电子 ") == "芯联微电子"
