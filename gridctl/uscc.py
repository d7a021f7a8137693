"""Unified social credit codes (统一社会信用代码), GB 32100-2015."""

from __future__ import annotations

import re
import unicodedata

from gridctl.i18n import t

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Weight of position i (1..17) is 3^(i-1) mod 31.
WEIGHTS = [pow(3, i, 31) for i in range(17)]
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


# Inside a code as offices type it: spaces of every width (NBSP, U+3000 among them; NFKC makes
# most of them plain), and hyphens grouping it ("91-110000-600037341L", as python-stdnum reads).
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def normalise(code: str) -> str:
    """The code as the ledger keeps it: full-width letters and digits made plain (NFKC),
    spaces and hyphens removed, upper case; codes are typed all of these ways."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", code)).upper()


def check_char(first17: str) -> str:
    """The 18th character that makes `first17` a valid code."""
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code, or None when it is."""
    if len(code) != 18:
        return t("detail.uscc_length", n=len(code))
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        return t("detail.uscc_chars", chars="".join(bad))
    if check_char(code[:17]) != code[17]:
        return t("detail.uscc_check", want=check_char(code[:17]), got=code[17])
    return None


def is_bad_checksum_only(code: str) -> bool:
    """True when the code is well formed but its check character is wrong."""
    return (
        len(code) == 18 and all(ch in _VALUE for ch in code) and check_char(code[:17]) != code[17]
    )
