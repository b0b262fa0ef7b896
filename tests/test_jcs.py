"""RFC 8785 canonicalization against the published vectors, and the strict JSON reader."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import pytest
from conftest import VECTORS_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.crypto.jcs import (
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    PARSE_REASONS,
    canonicalize,
    loads_strict,
)
from fieldkit.errors import EnvelopeFormatError, ValidationError

# Parametrizing by file name needs the path at collection time (conftest checked it).
JCS_DIR = VECTORS_DIR / "jcs"
JCS_FILES = sorted(p.name for p in (JCS_DIR / "input").iterdir())


def test_vector_folders_match(vectors_dir: Path) -> None:
    assert vectors_dir / "jcs" == JCS_DIR
    assert JCS_FILES
    assert sorted(p.name for p in (JCS_DIR / "output").iterdir()) == JCS_FILES


@pytest.mark.parametrize("name", JCS_FILES)
def test_published_vector(name: str) -> None:
    value = json.loads((JCS_DIR / "input" / name).read_bytes())
    assert canonicalize(value) == (JCS_DIR / "output" / name).read_bytes()


@pytest.mark.parametrize("name", JCS_FILES)
def test_published_output_reads_back_strictly(name: str) -> None:
    expected = (JCS_DIR / "output" / name).read_bytes()
    assert canonicalize(loads_strict(expected)) == expected


# RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical (ECMAScript) text.
RFC8785_NUMBERS = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


@pytest.mark.parametrize(("bits", "text"), RFC8785_NUMBERS)
def test_rfc8785_appendix_b_numbers(bits: str, text: str) -> None:
    (number,) = struct.unpack(">d", bytes.fromhex(bits))
    assert canonicalize(number) == text.encode()
    assert canonicalize([number]) == b"[" + text.encode() + b"]"


@pytest.mark.parametrize("bits", ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
def test_rfc8785_appendix_b_non_finite_refused(bits: str) -> None:
    (number,) = struct.unpack(">d", bytes.fromhex(bits))
    with pytest.raises(ValidationError, match="NaN and Infinity"):
        canonicalize({"n": number})


def test_keys_sort_by_utf16_code_units() -> None:
    # U+1F602 is D83D DE02 in UTF-16, so it sorts before U+E000 (by code point it is after).
    assert canonicalize({"\ue000": 1, "😂": 2, "a": 3}) == '{"a":3,"😂":2,"\ue000":1}'.encode()


def test_safe_integer_bounds_are_accepted() -> None:
    assert canonicalize([MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER]) == (
        b"[9007199254740991,-9007199254740991]")


@pytest.mark.parametrize(("value", "words", "path"), [
    (float("nan"), "NaN", "$"),
    ({"a": [1, float("inf")]}, "Infinity", '$["a"][1]'),
    ({"a": -math.inf}, "Infinity", '$["a"]'),
    ({1: "one"}, "keys must be strings", "$"),
    ({"x": {(1, 2): 0}}, "keys must be strings", '$["x"]'),
    ([2**53], "safe range", "$[0]"),
    ([-(2**53)], "safe range", "$[0]"),
    ({"t": "ok \ud800"}, "unpaired", '$["t"]'),
    ({"\udc00": 1}, "unpaired", "$"),
    (b"bytes", "bytes has no JSON form", "$"),
    ({"s": {1, 2}}, "set has no JSON form", '$["s"]'),
    (object(), "object has no JSON form", "$"),
])
def test_canonicalize_refuses_and_names_the_problem(value: object, words: str,
                                                    path: str) -> None:
    with pytest.raises(ValidationError, match=words) as info:
        canonicalize(value)
    assert info.value.code == "invalid"
    assert info.value.details["path"].startswith(path)


@pytest.mark.parametrize(("data", "reason"), [
    (b'{"a":1,"a":1}', "duplicate_key"),
    (b'{"x":{"k":1,"j":2,"k":3}}', "duplicate_key"),
    (b"[NaN]", "non_finite_number"),
    (b"[Infinity]", "non_finite_number"),
    (b"[-Infinity]", "non_finite_number"),
    (b"[1e400]", "number_range"),
    (b"[-1e400]", "number_range"),
    (b"9007199254740993", "number_range"),
    (b"1" + b"0" * 400, "number_range"),
    (b'["\\ud800"]', "surrogate"),
    (b'{"\\udfff":1}', "surrogate"),
    (b'"\xff"', "not_utf8"),
    (b'"\xed\xa0\x80"', "not_utf8"),  # a surrogate encoded as UTF-8 (CESU-8)
    (b'"\xc0\xaf"', "not_utf8"),  # overlong encoding of "/"
    ('"x"'.encode("utf-16"), "not_utf8"),
    (b"\xef\xbb\xbf{}", "bom"),
    (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "too_deep"),
    (b'{"a":' * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), "too_deep"),
    (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    (b"", "syntax"),
    (b"{} {}", "syntax"),
    (b"[1,]", "syntax"),
    (b"{'a':1}", "syntax"),
    (b'"tab\tinside"', "syntax"),
])
def test_loads_strict_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(EnvelopeFormatError) as info:
        loads_strict(data)
    assert info.value.code == "envelope_format"
    assert info.value.details["reason"] == reason
    assert reason in PARSE_REASONS


def test_loads_strict_refuses_text() -> None:
    with pytest.raises(EnvelopeFormatError) as info:
        loads_strict("{}")  # type: ignore[arg-type]
    assert info.value.details["reason"] == "not_bytes"


def test_loads_strict_accepts_the_depth_limit() -> None:
    nested = loads_strict(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    for _ in range(MAX_DEPTH - 1):
        assert isinstance(nested, list)
        nested = nested[0]
    assert nested == []


def test_loads_strict_reads_large_integral_doubles_as_floats() -> None:
    # JCS writes 1e20 as plain digits; reading them back must give the double again.
    assert canonicalize(1e20) == b"100000000000000000000"
    value = loads_strict(b"100000000000000000000")
    assert isinstance(value, float) and value == 1e20
    assert canonicalize(value) == b"100000000000000000000"
    # Shortest round-trip digits are not the exact value (4.309749174438345e16 is ...448).
    assert loads_strict(canonicalize(4.309749174438345e16)) == 4.309749174438345e16


# --- properties -----------------------------------------------------------------------------

json_scalars = (
    st.none() | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children,
                                                                      max_size=5),
    max_leaves=30,
)


@settings(max_examples=300)
@given(json_values)
def test_round_trip_and_idempotent(value: object) -> None:
    canonical = canonicalize(value)
    parsed = loads_strict(canonical)
    assert parsed == value
    assert canonicalize(parsed) == canonical
    canonical.decode("utf-8")  # always valid UTF-8


@given(st.dictionaries(st.text(), st.integers(-1000, 1000), max_size=8))
def test_key_order_does_not_matter(value: dict[str, int]) -> None:
    reversed_order = dict(reversed(list(value.items())))
    assert canonicalize(reversed_order) == canonicalize(value)


float_free_values = st.recursive(
    st.none() | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(
        st.text(st.characters(exclude_categories=["Cs"])), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=500)
@given(float_free_values)
def test_fast_path_equals_the_reference_implementation(value: object) -> None:
    """canonicalize() uses json.dumps for float-free values; it must equal rfc8785 exactly,
    including keys beyond the BMP (sorted by UTF-16 code units) and control characters."""
    import rfc8785

    assert canonicalize(value) == rfc8785.dumps(value)


def test_fast_path_key_order_across_the_bmp_boundary() -> None:
    value = {"\U0001f600": 1, "\ufb33": 2, "a": 3, "\x7f": 4, "\u2028": 5}
    import rfc8785

    assert canonicalize(value) == rfc8785.dumps(value)
