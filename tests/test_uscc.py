import pytest

from gridctl import uscc

PUBLISHED = [
    "914403001922038216",
    "91440300708461136T",
    "91110000101623741K",
    "911101066976941872",
    "91110000600037341L",
]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_pass(code):
    assert uscc.problem(code) is None


def test_check_character_by_hand():
    # 91440300708461136T: sum of value * 3^(i-1) mod 31 over the first 17 characters.
    values = [9, 1, 4, 4, 0, 3, 0, 0, 7, 0, 8, 4, 6, 1, 1, 3, 6]
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(v * w for v, w in zip(values, weights, strict=True))
    assert uscc.ALPHABET[(31 - total % 31) % 31] == "T"
    assert uscc.WEIGHTS == weights


def test_wrong_check_character_is_named():
    assert uscc.problem("91440300708461136X") == "check character should be 'T', not 'X'"


def test_pilot_code_fails_the_check_only():
    code = "91350100M0001TGQXM"
    assert uscc.problem(code) is not None
    assert uscc.is_bad_checksum_only(code)


@pytest.mark.parametrize(
    "code, why",
    [
        ("9144030070846113", "must be 18 characters, got 16"),
        ("91440300708461136I", "characters 'I' not allowed (0-9, A-Z without I O Z S V)"),
        ("9144030070846113OT", "characters 'O' not allowed (0-9, A-Z without I O Z S V)"),
    ],
)
def test_malformed_codes(code, why):
    assert uscc.problem(code) == why
    assert not uscc.is_bad_checksum_only(code)


def test_made_up_code_gets_the_right_check_character():
    body = "91340100MA2N0XYZ1"[:17].replace("Z", "3")
    code = body + uscc.check_char(body)
    assert uscc.problem(code) is None
    assert uscc.normalise(" " + code.lower() + " ") == code
