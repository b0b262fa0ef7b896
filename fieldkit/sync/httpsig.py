"""Request authentication: RFC 9421 HTTP Message Signatures over an RFC 9530 Content-Digest.

Every request a device sends to the registry carries three headers::

    Content-Digest: sha-256=:<base64 SHA-256 of the body>:
    Signature-Input: fk=("@method" "@path" "@query" "content-digest");created=<unix seconds>;\
nonce="<nonce>";keyid="ed25519:<64 hex>";alg="ed25519"
    Signature: fk=:<base64 64-byte Ed25519 signature>:

This is one fixed profile of RFC 9421: label ``fk``, those four covered components in that
order, those four parameters in that order, Ed25519 only. The parser accepts exactly this
profile and nothing looser (signatures under other labels are ignored, but only when an
``fk`` one is present). The signature base is built as RFC 9421 §2.5 says, by
:func:`signature_base`, which the RFC's own Ed25519 example (Appendix B.2.6) reproduces.

Component values:

* ``@method`` — the request method, upper-cased on both sides;
* ``@path`` — the raw, still percent-encoded path as sent on the wire (ASGI
  ``scope["raw_path"]``), never a decoded one;
* ``@query`` — ``"?"`` followed by the raw query string (ASGI ``scope["query_string"]``),
  or just ``"?"`` when there is none (RFC 9421 §2.2.7);
* ``content-digest`` — the header value as received.

The server verifies in this order: well-formed headers (:class:`MissingSignatureError`,
:class:`MalformedSignatureError`), the key id (:class:`BadSignatureError`), the clock
(:class:`StaleRequestError`), the signature (:class:`BadSignatureError`), and last the body
against the signed digest (:class:`ContentDigestMismatchError`, a
:class:`fieldkit.errors.DigestMismatchError`). Replayed nonces are the caller's job: it
remembers ``(keyid, nonce)`` for at least ``2 * max_skew`` seconds.

Errors (all carry ``http_status``)::

    FieldKitError
    ├── AuthError                    401 "unauthorized"
    │   ├── MissingSignatureError    401 "missing_signature"
    │   ├── BadSignatureError        401 "bad_signature"
    │   ├── StaleRequestError        401 "stale_request"
    │   └── MalformedSignatureError  400 "malformed_signature"
    └── IntegrityError
        └── DigestMismatchError
            └── ContentDigestMismatchError  400 "digest_mismatch"
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from fieldkit.crypto.keys import KEY_ID_PREFIX, SIGNATURE_SIZE, SigningKey, VerifyKey
from fieldkit.errors import (
    DigestMismatchError,
    FieldKitError,
    SignatureError,
    ValidationError,
)

__all__ = [
    "ALG",
    "COMPONENTS",
    "DEFAULT_MAX_SKEW",
    "LABEL",
    "MAX_HEADER_LENGTH",
    "MAX_NONCE_LENGTH",
    "AuthError",
    "BadSignatureError",
    "ContentDigestMismatchError",
    "MalformedSignatureError",
    "MissingSignatureError",
    "SignedRequestInfo",
    "StaleRequestError",
    "content_digest",
    "new_nonce",
    "parse_signature_headers",
    "serialize_signature_params",
    "sign_request",
    "signature_base",
    "verify_request",
]

COMPONENTS: Final = ("@method", "@path", "@query", "content-digest")
LABEL: Final = "fk"
ALG: Final = "ed25519"
PARAM_NAMES: Final = ("created", "nonce", "keyid", "alg")
DEFAULT_MAX_SKEW: Final = 300
MAX_NONCE_LENGTH: Final = 64
#: Longest Signature-Input / Signature / Content-Digest value we read (ours are ~250 chars).
MAX_HEADER_LENGTH: Final = 8192

HEADER_CONTENT_DIGEST: Final = "Content-Digest"
HEADER_SIGNATURE_INPUT: Final = "Signature-Input"
HEADER_SIGNATURE: Final = "Signature"

_NONCE_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KEYID_RE: Final = re.compile(re.escape(KEY_ID_PREFIX) + r"[0-9a-f]{64}")
_METHOD_RE: Final = re.compile(r"[A-Za-z]{1,32}")
_PATH_RE: Final = re.compile(r"/[\x21-\x22\x24-\x3e\x40-\x7e]*")   # visible ASCII but ? and #
_QUERY_RE: Final = re.compile(r"[\x21-\x22\x24-\x7e]*")              # visible ASCII but #
_DIGEST_RE: Final = re.compile(r"sha-256=:([A-Za-z0-9+/]{43}=):")
_SF_INT_MAX: Final = 999_999_999_999_999


# --- errors ---------------------------------------------------------------------------------

class AuthError(FieldKitError):
    """The registry cannot tell which enrolled device sent a request."""

    code = "unauthorized"
    exit_code = 1
    http_status: ClassVar[int] = 401
    default_hint = ("Make sure this device is enrolled with the registry and its clock is "
                    "right, then send again.")


class MissingSignatureError(AuthError):
    code = "missing_signature"
    default_hint = ("Requests to the registry must be signed by an enrolled device. Enrol this "
                    "device first (`fieldkit sync enroll`) and use FieldKit to send.")


class BadSignatureError(AuthError):
    code = "bad_signature"
    default_hint = ("The request was changed on the way or signed with another key. Check that "
                    "no proxy rewrites requests and that this device is still enrolled; if it "
                    "persists, enrol the device again.")


class StaleRequestError(AuthError):
    code = "stale_request"
    default_hint = ("Check the device clock, date and time zone (set it automatically if you "
                    "can), then send again.")


class MalformedSignatureError(AuthError):
    code = "malformed_signature"
    http_status: ClassVar[int] = 400
    default_hint = ("The request's signature headers are not in FieldKit's format. Send with an "
                    "up-to-date FieldKit and check that no proxy rewrites the headers.")


class ContentDigestMismatchError(DigestMismatchError):
    """The body received does not match the signed Content-Digest."""

    code = "digest_mismatch"
    http_status: ClassVar[int] = 400
    default_hint = ("The request body was changed or cut on the way. Send again; if it keeps "
                    "failing, check the network and any proxy between you and the registry.")


# --- public data ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SignedRequestInfo:
    """What a well-formed ``fk`` signature claims (not yet verified by :func:`parse_...`)."""

    keyid: str
    created: int
    nonce: str


def new_nonce() -> str:
    """A fresh random nonce: 22 URL-safe characters (128 bits)."""
    return secrets.token_urlsafe(16)


def content_digest(body: bytes) -> str:
    """The RFC 9530 ``Content-Digest`` value of ``body``: ``sha-256=:<base64>:``."""
    return "sha-256=:" + base64.b64encode(hashlib.sha256(bytes(body)).digest()).decode() + ":"


# --- RFC 9421 signature base ----------------------------------------------------------------

def _is_base_text(text: str) -> bool:
    """True if ``text`` may appear in a signature base line: printable ASCII and space only."""
    return all(0x20 <= ord(ch) <= 0x7E for ch in text)


def signature_base(components: Sequence[tuple[str, str]], params: str) -> bytes:
    """The RFC 9421 §2.5 signature base.

    ``components`` are ``(component name, value)`` pairs in covered order; ``params`` is the
    serialised ``@signature-params`` value (see :func:`serialize_signature_params`). Each line
    is ``"<name>": <value>``, the last one ``"@signature-params": <params>``, joined with
    ``"\\n"`` and no trailing newline.

    Raises :class:`MalformedSignatureError` if a name or value holds anything but printable
    ASCII (a line break would let one value forge another line), or a name repeats.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for name, value in components:
        if (not name or name != name.lower() or '"' in name or "\\" in name
                or not _is_base_text(name) or name == "@signature-params"):
            raise MalformedSignatureError(f"Invalid covered component name {name!r}.")
        if name in seen:
            raise MalformedSignatureError(f"The component {name!r} is covered twice.")
        seen.add(name)
        if not _is_base_text(value):
            raise MalformedSignatureError(
                f"The value of {name!r} holds a line break or a character outside printable "
                "ASCII, which a signature cannot cover.")
        lines.append(f'"{name}": {value}')
    if not _is_base_text(params):
        raise MalformedSignatureError("The signature parameters hold a non-printable character.")
    lines.append(f'"@signature-params": {params}')
    return "\n".join(lines).encode("ascii")


def _sf_string(value: str) -> str:
    if not _is_base_text(value):
        raise ValidationError(f"{value!r} cannot be sent as a structured-field string.")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def serialize_signature_params(components: Sequence[str],
                               params: Sequence[tuple[str, int | str]]) -> str:
    """RFC 8941 serialisation of an inner list of component names with parameters.

    ``serialize_signature_params(("@method",), [("created", 1), ("keyid", "k")])`` is
    ``'("@method");created=1;keyid="k"'``: the ``@signature-params`` value and the member
    value of ``Signature-Input``. Integers are serialised as integers, strings as strings.
    """
    out = "(" + " ".join(_sf_string(c) for c in components) + ")"
    for name, value in params:
        if not _SF_KEY_RE.fullmatch(name):
            raise ValidationError(f"{name!r} is not a structured-field parameter name.")
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError(f"Parameter {name!r} must be an integer or a string.")
        if isinstance(value, int):
            if abs(value) > _SF_INT_MAX:
                raise ValidationError(f"Parameter {name!r} is out of range: {value}.")
            out += f";{name}={value}"
        else:
            out += f";{name}={_sf_string(value)}"
    return out


def _our_params(*, created: int, nonce: str, keyid: str) -> str:
    return serialize_signature_params(
        COMPONENTS, [("created", created), ("nonce", nonce), ("keyid", keyid), ("alg", ALG)])


def _our_base(*, method: str, path: str, query: str, digest: str, params: str) -> bytes:
    return signature_base(
        [("@method", method.upper()), ("@path", path), ("@query", "?" + query),
         ("content-digest", digest)],
        params)


# --- signing (client side) ------------------------------------------------------------------

def sign_request(*, method: str, path: str, query: str, body: bytes, key: SigningKey,
                 created: int, nonce: str) -> dict[str, str]:
    """The three headers that authenticate one request as sent by ``key``'s device.

    ``path`` is the raw (percent-encoded) path, ``query`` the raw query string without the
    ``?`` ("" for none), ``created`` the device's Unix time in seconds, ``nonce`` a fresh
    :func:`new_nonce`. Raises :class:`~fieldkit.errors.ValidationError` on values the
    registry would refuse.
    """
    if not isinstance(method, str) or not _METHOD_RE.fullmatch(method):
        raise ValidationError(f"Invalid HTTP method {method!r}.")
    if not isinstance(path, str) or not _PATH_RE.fullmatch(path):
        raise ValidationError(
            f"Invalid request path {path!r}: it must start with '/' and be percent-encoded "
            "ASCII without '?' or '#'.")
    if not isinstance(query, str) or not _QUERY_RE.fullmatch(query):
        raise ValidationError(
            f"Invalid query string {query!r}: it must be percent-encoded ASCII without '#'.")
    if isinstance(created, bool) or not isinstance(created, int) or not (
            0 <= created <= _SF_INT_MAX):
        raise ValidationError(f"Invalid signature time {created!r}: use Unix seconds.")
    if not isinstance(nonce, str) or not _NONCE_RE.fullmatch(nonce):
        raise ValidationError(
            f"Invalid nonce {nonce!r}: 1 to {MAX_NONCE_LENGTH} characters of A-Z a-z 0-9 _ -.",
            hint="Use fieldkit.sync.httpsig.new_nonce().")
    if not isinstance(key, SigningKey):
        raise ValidationError("Requests are signed with the device's SigningKey.")
    digest = content_digest(body)
    params = _our_params(created=created, nonce=nonce, keyid=key.verify_key.key_id)
    signature = key.sign(_our_base(method=method, path=path, query=query, digest=digest,
                                   params=params))
    return {
        HEADER_CONTENT_DIGEST: digest,
        HEADER_SIGNATURE_INPUT: f"{LABEL}={params}",
        HEADER_SIGNATURE: f"{LABEL}=:{base64.b64encode(signature).decode()}:",
    }


# --- RFC 8941 structured-field parsing (strict) ---------------------------------------------

_SF_KEY_RE: Final = re.compile(r"[a-z*][a-z0-9_.*-]*")
_TCHAR: Final = frozenset("!#$%&'*+-.^_`|~:/" + "0123456789"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SF_NUMBER_RE: Final = re.compile(r"-?([0-9]{1,15})(\.[0-9]{1,3})?")
_B64CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


@dataclass(frozen=True)
class _Token:
    value: str


@dataclass(frozen=True)
class _Decimal:
    value: str


_Bare = int | _Decimal | str | _Token | bytes | bool
_Params = tuple[tuple[str, _Bare], ...]


@dataclass(frozen=True)
class _Item:
    value: _Bare
    params: _Params


@dataclass(frozen=True)
class _InnerList:
    items: tuple[_Item, ...]
    params: _Params


class _SFParser:
    """RFC 8941 §4.2 parser, stricter than the RFC: duplicate keys are errors, not overrides.

    Every failure raises :class:`MalformedSignatureError`; nothing else escapes.
    """

    def __init__(self, text: str, header: str) -> None:
        self.s = text
        self.i = 0
        self.header = header

    def fail(self, why: str) -> MalformedSignatureError:
        return MalformedSignatureError(
            f"The {self.header} header is malformed at character {self.i}: {why}.",
            header=self.header)

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def dictionary(self) -> dict[str, _Item | _InnerList]:
        self.s = self.s.strip(" ")
        if not self.s:
            raise self.fail("it is empty")
        out: dict[str, _Item | _InnerList] = {}
        while True:
            key = self.key()
            member: _Item | _InnerList
            if self.peek() == "=":
                self.i += 1
                member = self.inner_list() if self.peek() == "(" else self.item()
            else:
                member = _Item(True, self.parameters())
            if key in out:
                raise self.fail(f"the label {key!r} appears twice")
            out[key] = member
            self.ows()
            if self.i >= len(self.s):
                return out
            if self.peek() != ",":
                raise self.fail("expected ',' between members")
            self.i += 1
            self.ows()
            if self.i >= len(self.s):
                raise self.fail("trailing ','")

    def ows(self) -> None:
        while self.peek() and self.peek() in " \t":
            self.i += 1

    def key(self) -> str:
        m = _SF_KEY_RE.match(self.s, self.i)
        if not m:
            raise self.fail("expected a lowercase key")
        self.i = m.end()
        return m.group()

    def parameters(self) -> _Params:
        params: list[tuple[str, _Bare]] = []
        while self.peek() == ";":
            self.i += 1
            while self.peek() == " ":
                self.i += 1
            name = self.key()
            value: _Bare = True
            if self.peek() == "=":
                self.i += 1
                value = self.bare_item()
            if any(name == existing for existing, _ in params):
                raise self.fail(f"the parameter {name!r} appears twice")
            params.append((name, value))
        return tuple(params)

    def item(self) -> _Item:
        value = self.bare_item()
        return _Item(value, self.parameters())

    def inner_list(self) -> _InnerList:
        self.i += 1  # "("
        items: list[_Item] = []
        while True:
            while self.peek() == " ":
                self.i += 1
            if self.peek() == ")":
                self.i += 1
                return _InnerList(tuple(items), self.parameters())
            if not self.peek():
                raise self.fail("unterminated inner list")
            items.append(self.item())
            if self.peek() not in (" ", ")"):
                raise self.fail("expected ' ' or ')' in an inner list")

    def bare_item(self) -> _Bare:
        ch = self.peek()
        if ch and ch in "-0123456789":
            return self.number()
        if ch == '"':
            return self.string()
        if ch == ":":
            return self.byte_sequence()
        if ch == "?":
            return self.boolean()
        if ch == "*" or (ch.isascii() and ch.isalpha()):
            return self.token()
        raise self.fail("expected a value")

    def number(self) -> int | _Decimal:
        m = _SF_NUMBER_RE.match(self.s, self.i)
        if not m:
            raise self.fail("expected a number")
        text = m.group()
        if m.group(2) is None:
            self.i = m.end()
            if self.peek() and self.peek() in "0123456789":
                raise self.fail("integer too long")
            return int(text)
        if len(m.group(1)) > 12:
            raise self.fail("decimal too long")
        self.i = m.end()
        if self.peek() and self.peek() in "0123456789":
            raise self.fail("decimal too long")
        return _Decimal(text)

    def string(self) -> str:
        self.i += 1
        out: list[str] = []
        while self.i < len(self.s):
            ch = self.s[self.i]
            self.i += 1
            if ch == "\\":
                nxt = self.peek()
                if not nxt or nxt not in '"\\':
                    raise self.fail("bad escape in a string")
                out.append(nxt)
                self.i += 1
            elif ch == '"':
                return "".join(out)
            elif not 0x20 <= ord(ch) <= 0x7E:
                raise self.fail("a string holds a control or non-ASCII character")
            else:
                out.append(ch)
        raise self.fail("unterminated string")

    def token(self) -> _Token:
        start = self.i
        self.i += 1
        while self.peek() and self.peek() in _TCHAR:
            self.i += 1
        return _Token(self.s[start:self.i])

    def byte_sequence(self) -> bytes:
        self.i += 1
        end = self.s.find(":", self.i)
        if end < 0:
            raise self.fail("unterminated byte sequence")
        text = self.s[self.i:end]
        if not set(text) <= _B64CHARS:
            raise self.fail("a byte sequence holds a non-base64 character")
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise self.fail("a byte sequence is not valid base64") from None
        if base64.b64encode(data).decode() != text:
            raise self.fail("a byte sequence is not canonical padded base64")
        self.i = end + 1
        return data

    def boolean(self) -> bool:
        self.i += 1
        ch = self.peek()
        if not ch or ch not in "01":
            raise self.fail("expected ?0 or ?1")
        self.i += 1
        return ch == "1"


def _parse_dictionary(text: str, header: str) -> dict[str, _Item | _InnerList]:
    if len(text) > MAX_HEADER_LENGTH:
        raise MalformedSignatureError(
            f"The {header} header is {len(text)} characters long; at most "
            f"{MAX_HEADER_LENGTH} are accepted.", header=header)
    if not all(0x20 <= ord(ch) <= 0x7E or ch == "\t" for ch in text):
        raise MalformedSignatureError(
            f"The {header} header holds a control or non-ASCII character.", header=header)
    return _SFParser(text, header).dictionary()


# --- parsing our profile --------------------------------------------------------------------

@dataclass(frozen=True)
class _Parsed:
    info: SignedRequestInfo
    params: str
    signature: bytes


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """The one value of header ``name`` (any case); a header sent twice is malformed."""
    wanted = name.lower()
    found: list[str] = []
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == wanted:
            found.append(value)
    if not found:
        return None
    if len(found) > 1:
        raise MalformedSignatureError(
            f"The {name} header was sent more than once.", header=name)
    value = found[0]
    if not isinstance(value, str):
        raise MalformedSignatureError(f"The {name} header is not text.", header=name)
    return value


def _malformed(why: str) -> MalformedSignatureError:
    return MalformedSignatureError(f"The request signature is malformed: {why}.")


def _parse(headers: Mapping[str, str]) -> _Parsed:
    sig_input = _header(headers, HEADER_SIGNATURE_INPUT)
    sig = _header(headers, HEADER_SIGNATURE)
    if sig_input is None and sig is None:
        raise MissingSignatureError("The request is not signed.")
    if sig_input is None or sig is None:
        missing = HEADER_SIGNATURE_INPUT if sig_input is None else HEADER_SIGNATURE
        raise MissingSignatureError(f"The request has no {missing} header.")
    inputs = _parse_dictionary(sig_input, HEADER_SIGNATURE_INPUT)
    signatures = _parse_dictionary(sig, HEADER_SIGNATURE)
    if LABEL not in inputs or LABEL not in signatures:
        where = HEADER_SIGNATURE_INPUT if LABEL not in inputs else HEADER_SIGNATURE
        raise _malformed(f"no {LABEL!r} signature in the {where} header")

    member = inputs[LABEL]
    if not isinstance(member, _InnerList):
        raise _malformed(f"{LABEL!r} in Signature-Input is not a list of components")
    names: list[str] = []
    for item in member.items:
        if not isinstance(item.value, str) or item.params:
            raise _malformed("a covered component is not a plain string")
        names.append(item.value)
    if tuple(names) != COMPONENTS:
        raise _malformed(f"the covered components must be exactly {' '.join(COMPONENTS)}")
    if tuple(name for name, _ in member.params) != PARAM_NAMES:
        raise _malformed(
            f"the parameters must be exactly {', '.join(PARAM_NAMES)} in that order")
    values = dict(member.params)
    created, nonce, keyid, alg = (values[n] for n in PARAM_NAMES)
    if isinstance(created, bool) or not isinstance(created, int):
        raise _malformed("'created' is not an integer")
    if not isinstance(nonce, str) or not _NONCE_RE.fullmatch(nonce):
        raise _malformed(
            f"'nonce' must be a string of 1 to {MAX_NONCE_LENGTH} characters A-Z a-z 0-9 _ -")
    if not isinstance(keyid, str) or not _KEYID_RE.fullmatch(keyid):
        raise _malformed("'keyid' must be a string \"ed25519:<64 lowercase hex>\"")
    if alg != ALG:
        raise _malformed(f"'alg' must be the string {ALG!r}")

    sig_member = signatures[LABEL]
    if (not isinstance(sig_member, _Item) or not isinstance(sig_member.value, bytes)
            or sig_member.params):
        raise _malformed(f"{LABEL!r} in Signature is not a byte sequence")
    if len(sig_member.value) != SIGNATURE_SIZE:
        raise _malformed(f"the signature is {len(sig_member.value)} bytes, not {SIGNATURE_SIZE}")
    return _Parsed(
        info=SignedRequestInfo(keyid=keyid, created=created, nonce=nonce),
        params=_our_params(created=created, nonce=nonce, keyid=keyid),
        signature=sig_member.value,
    )


def parse_signature_headers(headers: Mapping[str, str]) -> tuple[SignedRequestInfo, ...]:
    """Read the ``fk`` signature's claims from request headers, without verifying anything.

    The server uses the key id to find the device's key, then calls :func:`verify_request`.
    Returns a one-element tuple. Raises :class:`MissingSignatureError` when the request is
    not signed and :class:`MalformedSignatureError` for anything that is not exactly our
    profile. Header names are matched in any case; pass every header line (a mapping whose
    ``items()`` repeats duplicates, like Starlette's ``Headers``) so that a header sent
    twice is refused.
    """
    return (_parse(headers).info,)


# --- verifying (server side) ----------------------------------------------------------------

def verify_request(*, method: str, path: str, query: str, body: bytes,
                   headers: Mapping[str, str], key: VerifyKey, now: int,
                   max_skew: int = DEFAULT_MAX_SKEW) -> SignedRequestInfo:
    """Return the signature's claims if ``key`` signed this very request recently; else raise.

    ``path`` is the raw path and ``query`` the raw query string without ``?``, exactly as
    received; ``now`` is the server's Unix time. Raises :class:`MissingSignatureError`,
    :class:`MalformedSignatureError`, :class:`BadSignatureError`,
    :class:`StaleRequestError` (``created`` more than ``max_skew`` seconds from ``now``,
    either way) or :class:`ContentDigestMismatchError`. Never returns a bool. The caller
    must still refuse a nonce it has seen from this key.
    """
    parsed = _parse(headers)
    info = parsed.info
    if info.keyid != key.key_id:
        raise BadSignatureError(
            "The request names a different key from the one it is checked against.",
            keyid=info.keyid)
    if abs(info.created - now) > max_skew:
        ahead = info.created > now
        raise StaleRequestError(
            f"The request was signed {abs(info.created - now)} seconds "
            f"{'ahead of' if ahead else 'behind'} the registry's clock; at most {max_skew} "
            "are allowed. Check the device clock.",
            created=info.created, now=now)
    digest = _header(headers, HEADER_CONTENT_DIGEST)
    if digest is None:
        raise _malformed("the Content-Digest header is missing")
    digest = digest.strip(" \t")
    if not _DIGEST_RE.fullmatch(digest):
        raise _malformed("Content-Digest must be exactly one sha-256 digest")
    if not isinstance(method, str) or not _METHOD_RE.fullmatch(method):
        raise _malformed("the request method is not a plain word")
    if not isinstance(path, str) or not _PATH_RE.fullmatch(path):
        raise _malformed("the request path is not percent-encoded ASCII")
    if not isinstance(query, str) or not _QUERY_RE.fullmatch(query):
        raise _malformed("the query string is not percent-encoded ASCII")
    base = _our_base(method=method, path=path, query=query, digest=digest,
                     params=parsed.params)
    try:
        key.verify(parsed.signature, base)
    except SignatureError:
        raise BadSignatureError(
            "The request signature does not match the request.", keyid=info.keyid) from None
    if not hmac.compare_digest(digest.encode(), content_digest(body).encode()):
        raise ContentDigestMismatchError(
            "The request body does not match its signed Content-Digest.")
    return info
