"""RFC 8785 JSON Canonicalization Scheme (JCS) and a strict JSON reader.

:func:`canonicalize` turns a JSON-shaped Python value into the one byte string that is signed
and hashed; :func:`loads_strict` reads untrusted JSON bytes and refuses anything two parsers
could read differently (duplicate keys, NaN, non-UTF-8, unpaired surrogates, numbers that do
not fit an IEEE-754 double, very deep nesting).

The number formatting (ECMAScript ``Number.prototype.toString``) comes from the ``rfc8785``
package, which passes the published JCS vectors; this module checks the value first, so every
refusal is a :class:`~fieldkit.errors.ValidationError` that names where the problem is.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final, NoReturn, cast

import rfc8785

from fieldkit.errors import EnvelopeFormatError, ValidationError

#: Largest integer an IEEE-754 double holds exactly (RFC 8785 §3.2.2.3, I-JSON).
MAX_SAFE_INTEGER: Final = 2**53 - 1
#: Deepest nesting of arrays and objects that :func:`loads_strict` accepts.
MAX_DEPTH: Final = 64

#: Values of ``EnvelopeFormatError.details["reason"]`` raised by :func:`loads_strict`.
PARSE_REASONS: Final = frozenset({
    "not_bytes", "not_utf8", "bom", "syntax", "duplicate_key", "non_finite_number",
    "number_range", "surrogate", "too_deep",
})

_SURROGATE = re.compile("[\ud800-\udfff]")

_CANON_HINT = ("Only JSON values can be signed: strings, finite numbers, integers within "
               "±(2**53-1), booleans, null, lists and objects with string keys.")
_PARSE_HINT = ("The data is not strict JSON. Do not trust it; ask the sender for a fresh copy "
               "made by FieldKit.")


def _path_str(path: tuple[str | int, ...]) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f"[{json.dumps(part)}]"
    return out


def _check_string(s: str, path: tuple[str | int, ...], what: str) -> None:
    if _SURROGATE.search(s) is not None:
        raise ValidationError(
            f"Cannot canonicalize {what} at {_path_str(path)}: it contains an unpaired "
            "UTF-16 surrogate, which is not valid Unicode text.",
            hint=_CANON_HINT, path=_path_str(path))


def _check_value(value: object, *, strings: bool = True) -> bool:
    """Walk ``value`` (iteratively) and raise ValidationError at the first non-JCS part.

    Returns True when ``value`` has no float and no object key with a code point at or above
    U+D800: then JCS and ``json.dumps(sort_keys=True)`` agree byte for byte (same escapes,
    same key order), and the much faster C encoder can be used."""
    fast = True
    stack: list[tuple[object, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if item is None or isinstance(item, bool):
            continue
        if isinstance(item, int):
            if not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
                raise ValidationError(
                    f"Cannot canonicalize the integer at {_path_str(path)}: {item} is outside "
                    "the IEEE-754 safe range ±(2**53-1); store it as a string.",
                    hint=_CANON_HINT, path=_path_str(path))
        elif isinstance(item, float):
            fast = False
            if not math.isfinite(item):
                raise ValidationError(
                    f"Cannot canonicalize the number at {_path_str(path)}: {item!r} (NaN and "
                    "Infinity) has no JSON form.",
                    hint=_CANON_HINT, path=_path_str(path))
        elif isinstance(item, str):
            if strings:
                _check_string(item, path, "the string")
        elif isinstance(item, list | tuple):
            stack.extend((child, (*path, i)) for i, child in enumerate(item))
        elif isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise ValidationError(
                        f"Cannot canonicalize the object at {_path_str(path)}: key {key!r} is "
                        f"a {type(key).__name__}, and JSON object keys must be strings.",
                        hint=_CANON_HINT, path=_path_str(path))
                _check_string(key, (*path, key), "the object key")
                if fast and key and max(key) >= "\ud800":
                    fast = False
                stack.append((child, (*path, key)))
        else:
            raise ValidationError(
                f"Cannot canonicalize the value at {_path_str(path)}: a "
                f"{type(item).__name__} has no JSON form.",
                hint=_CANON_HINT, path=_path_str(path))
    return fast


def canonicalize(value: object) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of ``value``.

    ``value`` is built from ``dict`` (string keys), ``list``/``tuple``, ``str``, ``int``,
    ``float``, ``bool`` and ``None``. Raises :class:`ValidationError` naming the offending
    path for anything JCS cannot represent.
    """
    if _check_value(value, strings=False):
        try:
            return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                              allow_nan=False).encode("utf-8")
        except UnicodeEncodeError:
            _check_value(value)  # an unpaired surrogate: raise naming where it is
            raise  # pragma: no cover - _check_value always raises here
    try:
        out = rfc8785.dumps(cast(Any, value))  # checked by _check_value
    except RecursionError as exc:
        raise ValidationError("Cannot canonicalize the value: it is nested too deeply.",
                              hint=_CANON_HINT) from exc
    except (rfc8785.CanonicalizationError, UnicodeError) as exc:  # pragma: no cover
        # _check_value refuses everything rfc8785 refuses; kept so a gap fails closed.
        raise ValidationError(f"Cannot canonicalize the value: {exc}",
                              hint=_CANON_HINT) from exc
    if not isinstance(out, bytes):  # pragma: no cover - rfc8785 always returns bytes
        raise ValidationError("Canonicalization produced no bytes.", hint=_CANON_HINT)
    return out


# --- strict reading -------------------------------------------------------------------------

def _fail(message: str, reason: str) -> NoReturn:
    raise EnvelopeFormatError(message, hint=_PARSE_HINT, reason=reason)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, val in pairs:
        if key in obj:
            _fail(f"The JSON object has the key {key!r} twice; strict JSON allows each key once.",
                  "duplicate_key")
        obj[key] = val
    return obj


def _constant(name: str) -> NoReturn:
    _fail(f"The JSON contains the literal {name}, which is not valid JSON.", "non_finite_number")


def _float(text: str) -> float:
    val = float(text)
    if not math.isfinite(val):
        _fail(f"The JSON number {text[:40]} is too large for a 64-bit float.", "number_range")
    return val


def _int(text: str) -> int | float:
    if len(text) <= 22:  # longer integer literals are never a double's canonical form
        val = int(text)
        if -MAX_SAFE_INTEGER <= val <= MAX_SAFE_INTEGER:
            return val
        # JCS writes large integral doubles as digits (1e20 -> "100000000000000000000",
        # shortest round-trip digits padded with zeros): read such text back as that double,
        # but refuse an integer that a double would silently round (e.g. 2**53 + 1).
        as_float = float(val)
        if rfc8785.dumps(as_float) == text.encode("ascii"):
            return as_float
    _fail(f"The JSON integer {text[:40]} cannot be held exactly by a 64-bit float; "
          "large numbers must be sent as strings.", "number_range")


def _check_parsed(value: object) -> None:
    """Enforce the depth limit and refuse unpaired surrogates in strings and keys."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item) is not None:
                _fail("The JSON contains an unpaired UTF-16 surrogate escape (\\ud800-\\udfff).",
                      "surrogate")
        elif isinstance(item, list | dict):
            if depth >= MAX_DEPTH:
                _fail(f"The JSON is nested more than {MAX_DEPTH} levels deep.", "too_deep")
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)


def loads_strict(data: bytes) -> object:
    """Parse untrusted JSON ``data`` strictly; raise :class:`EnvelopeFormatError` on any problem.

    Refused: bytes that are not UTF-8 (a BOM included), duplicate object keys, ``NaN`` /
    ``Infinity`` literals, numbers outside a double's range or integers a double cannot hold
    exactly, unpaired surrogate escapes, nesting deeper than :data:`MAX_DEPTH`, trailing data.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        _fail(f"Expected JSON bytes, got {type(data).__name__}.", "not_bytes")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(f"The JSON is not valid UTF-8 (byte {exc.start}).", "not_utf8")
    if text.startswith("\ufeff"):
        _fail("The JSON starts with a byte-order mark; strict JSON has none.", "bom")
    try:
        value: object = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant,
                                   parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        _fail(f"The data is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.",
              "syntax")
    except RecursionError:
        _fail(f"The JSON is nested more than {MAX_DEPTH} levels deep.", "too_deep")
    _check_parsed(value)
    return value
