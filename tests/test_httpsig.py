"""RFC 9421 request signatures and RFC 9530 Content-Digest (fieldkit.sync.httpsig)."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import Headers

from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.errors import DigestMismatchError, FieldKitError, ValidationError
from fieldkit.sync.httpsig import (
    COMPONENTS,
    AuthError,
    BadSignatureError,
    ContentDigestMismatchError,
    MalformedSignatureError,
    MissingSignatureError,
    SignedRequestInfo,
    StaleRequestError,
    content_digest,
    new_nonce,
    parse_signature_headers,
    serialize_signature_params,
    sign_request,
    signature_base,
    verify_request,
)

KEY = SigningKey.from_bytes(bytes(range(32)))
OTHER_KEY = SigningKey.from_bytes(bytes(range(1, 33)))
NOW = 1_760_000_000
NONCE = "dGhpcy1pcy1hLW5vbmNl"
BODY = '{"records": ["مرحبا"]}'.encode()
PATH = "/v1/records/%D8%A7"
QUERY = "since=12&limit=50"


def signed(*, method: str = "POST", path: str = PATH, query: str = QUERY, body: bytes = BODY,
           key: SigningKey = KEY, created: int = NOW, nonce: str = NONCE) -> dict[str, str]:
    return sign_request(method=method, path=path, query=query, body=body, key=key,
                        created=created, nonce=nonce)


def verify(headers: object, *, method: str = "POST", path: str = PATH, query: str = QUERY,
           body: bytes = BODY, key: VerifyKey = KEY.verify_key, now: int = NOW,
           max_skew: int = 300) -> SignedRequestInfo:
    return verify_request(method=method, path=path, query=query, body=body,
                          headers=headers,  # type: ignore[arg-type]
                          key=key, now=now, max_skew=max_skew)


def input_with(**changes: str) -> str:
    """Our Signature-Input value with some parameters' serialised values replaced."""
    params = {"created": str(NOW), "nonce": f'"{NONCE}"',
              "keyid": f'"{KEY.verify_key.key_id}"', "alg": '"ed25519"'}
    params.update(changes)
    return ('fk=("@method" "@path" "@query" "content-digest")'
            + "".join(f";{k}={v}" for k, v in params.items()))


# --- RFC vectors ----------------------------------------------------------------------------

def test_content_digest_rfc9530_example() -> None:
    # RFC 9530 §2 example body and value.
    assert content_digest(b'{"hello": "world"}') == \
        "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"
    assert content_digest(b"") == "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:"


# RFC 9421 Appendix B.1.4 test-key-ed25519 (JWK "d" and "x") and Appendix B.2.6.
RFC_ED25519_D = "n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU"
RFC_ED25519_X = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs"
RFC_B26_BASE = (
    '"date": Tue, 20 Apr 2021 02:07:55 GMT\n'
    '"@method": POST\n'
    '"@path": /foo\n'
    '"@authority": example.com\n'
    '"content-type": application/json\n'
    '"content-length": 18\n'
    '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" '
    '"content-length");created=1618884473;keyid="test-key-ed25519"'
)
RFC_B26_SIGNATURE = ("wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5l"
                     "Ip5WPpBKRCw==")


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_rfc9421_b26_ed25519_vector() -> None:
    components = [
        ("date", "Tue, 20 Apr 2021 02:07:55 GMT"),
        ("@method", "POST"),
        ("@path", "/foo"),
        ("@authority", "example.com"),
        ("content-type", "application/json"),
        ("content-length", "18"),
    ]
    params = serialize_signature_params(
        [name for name, _ in components],
        [("created", 1618884473), ("keyid", "test-key-ed25519")])
    assert params == ('("date" "@method" "@path" "@authority" "content-type" "content-length")'
                      ';created=1618884473;keyid="test-key-ed25519"')
    base = signature_base(components, params)
    assert base == RFC_B26_BASE.encode()

    public = VerifyKey.from_bytes(_b64url(RFC_ED25519_X))
    public.verify(base64.b64decode(RFC_B26_SIGNATURE), base)   # raises if wrong
    private = SigningKey.from_bytes(_b64url(RFC_ED25519_D))
    assert private.verify_key == public
    assert base64.b64encode(private.sign(base)).decode() == RFC_B26_SIGNATURE


# --- our profile ----------------------------------------------------------------------------

def test_sign_request_headers_and_base() -> None:
    headers = signed()
    keyid = KEY.verify_key.key_id
    assert set(headers) == {"Content-Digest", "Signature-Input", "Signature"}
    assert headers["Content-Digest"] == content_digest(BODY)
    params = ('("@method" "@path" "@query" "content-digest")'
              f';created={NOW};nonce="{NONCE}";keyid="{keyid}";alg="ed25519"')
    assert headers["Signature-Input"] == "fk=" + params
    assert headers["Signature"].startswith("fk=:") and headers["Signature"].endswith(":")
    signature = base64.b64decode(headers["Signature"][4:-1], validate=True)
    expected_base = (
        '"@method": POST\n'
        f'"@path": {PATH}\n'
        f'"@query": ?{QUERY}\n'
        f'"content-digest": {content_digest(BODY)}\n'
        f'"@signature-params": {params}'
    ).encode()
    KEY.verify_key.verify(signature, expected_base)
    assert signed() == headers   # Ed25519 is deterministic


def test_round_trip() -> None:
    headers = signed()
    info = verify(headers)
    assert info == SignedRequestInfo(keyid=KEY.verify_key.key_id, created=NOW, nonce=NONCE)
    assert parse_signature_headers(headers) == (info,)


def test_round_trip_through_starlette_and_lowercase_headers() -> None:
    raw = [(k.lower().encode(), v.encode()) for k, v in signed().items()]
    raw.append((b"content-type", b"application/json"))
    assert verify(Headers(raw=raw)).nonce == NONCE


def test_empty_query_is_a_lone_question_mark() -> None:
    headers = signed(method="GET", query="", body=b"")
    params = headers["Signature-Input"][len("fk="):]
    base = signature_base([("@method", "GET"), ("@path", PATH), ("@query", "?"),
                           ("content-digest", content_digest(b""))], params)
    KEY.verify_key.verify(base64.b64decode(headers["Signature"][4:-1]), base)
    verify(headers, method="GET", query="", body=b"")
    with pytest.raises(BadSignatureError):
        verify(headers, method="GET", query="a", body=b"")


def test_method_is_uppercased_on_both_sides() -> None:
    verify(signed(method="post"), method="POST")
    verify(signed(method="POST"), method="post")


def test_other_labels_are_ignored_when_fk_is_present() -> None:
    headers = signed()
    headers["Signature-Input"] = ('sig1=("@method");created=1;keyid="x", '
                                  + headers["Signature-Input"] + ", b=?1")
    headers["Signature"] = "sig1=:AAAA:, " + headers["Signature"] + ", b=tok;p=1.5"
    assert verify(headers).nonce == NONCE


def test_new_nonce() -> None:
    nonces = {new_nonce() for _ in range(50)}
    assert len(nonces) == 50
    for nonce in nonces:
        verify(signed(nonce=nonce))


# --- tampering ------------------------------------------------------------------------------

def _set(name: str, value: str) -> Callable[[dict[str, str]], None]:
    def change(headers: dict[str, str]) -> None:
        headers[name] = value
    return change


def _flip_signature(headers: dict[str, str]) -> None:
    sig = bytearray(base64.b64decode(headers["Signature"][4:-1]))
    sig[10] ^= 1
    headers["Signature"] = f"fk=:{base64.b64encode(bytes(sig)).decode()}:"


OTHER_BODY = b'{"records": []}'


@pytest.mark.parametrize(("request_changes", "header_change", "error"), [
    pytest.param({"method": "PUT"}, None, BadSignatureError, id="method"),
    pytest.param({"path": "/v1/records/other"}, None, BadSignatureError, id="path"),
    pytest.param({"query": "since=0&limit=50"}, None, BadSignatureError, id="query"),
    pytest.param({"query": ""}, None, BadSignatureError, id="query-dropped"),
    pytest.param({"body": OTHER_BODY}, None, ContentDigestMismatchError, id="body"),
    pytest.param({"body": BODY + b" "}, None, ContentDigestMismatchError, id="body-appended"),
    pytest.param({}, _set("Content-Digest", content_digest(OTHER_BODY)), BadSignatureError,
                 id="digest-header"),
    pytest.param({"body": OTHER_BODY}, _set("Content-Digest", content_digest(OTHER_BODY)),
                 BadSignatureError, id="body-and-digest"),
    pytest.param({}, _set("Signature-Input", input_with(created=str(NOW - 1))),
                 BadSignatureError, id="created"),
    pytest.param({}, _set("Signature-Input", input_with(nonce='"another-nonce"')),
                 BadSignatureError, id="nonce"),
    pytest.param({}, _set("Signature-Input",
                          input_with(keyid=f'"{OTHER_KEY.verify_key.key_id}"')),
                 BadSignatureError, id="keyid"),
    pytest.param({}, _flip_signature, BadSignatureError, id="signature-bytes"),
])
def test_tampering_fails(request_changes: dict[str, object],
                         header_change: Callable[[dict[str, str]], None] | None,
                         error: type[FieldKitError]) -> None:
    headers = signed()
    if header_change is not None:
        header_change(headers)
    with pytest.raises(error):
        verify(headers, **request_changes)  # type: ignore[arg-type]


def test_signed_by_another_key_claiming_ours() -> None:
    forged = signed(key=OTHER_KEY)
    forged["Signature-Input"] = input_with()   # claims KEY's keyid
    with pytest.raises(BadSignatureError):
        verify(forged)
    with pytest.raises(BadSignatureError):      # honest keyid, but not the key we hold
        verify(signed(key=OTHER_KEY))


def test_body_digest_error_is_a_digest_mismatch_with_status_400() -> None:
    with pytest.raises(DigestMismatchError) as err:
        verify(signed(), body=b"")
    assert err.value.code == "digest_mismatch"
    assert ContentDigestMismatchError.http_status == 400


# --- clock ----------------------------------------------------------------------------------

@pytest.mark.parametrize("offset", [-301, 301, -10**9, 10**9])
def test_stale_either_direction(offset: int) -> None:
    with pytest.raises(StaleRequestError) as err:
        verify(signed(created=NOW + offset))
    assert "clock" in str(err.value)
    assert "clock" in err.value.hint


@pytest.mark.parametrize("offset", [-300, 0, 300])
def test_within_skew(offset: int) -> None:
    verify(signed(created=NOW + offset))


def test_max_skew_is_configurable() -> None:
    verify(signed(created=NOW - 50), max_skew=50)
    with pytest.raises(StaleRequestError):
        verify(signed(created=NOW - 51), max_skew=50)


# --- missing and hostile headers ------------------------------------------------------------

def test_missing_signature() -> None:
    with pytest.raises(MissingSignatureError):
        verify({})
    with pytest.raises(MissingSignatureError):
        verify({"Content-Digest": content_digest(BODY)})
    headers = signed()
    del headers["Signature"]
    with pytest.raises(MissingSignatureError):
        parse_signature_headers(headers)
    headers = signed()
    del headers["Signature-Input"]
    with pytest.raises(MissingSignatureError):
        parse_signature_headers(headers)


GOOD = signed()
GOOD_INPUT = GOOD["Signature-Input"]
GOOD_SIG = GOOD["Signature"]
SIG_B64 = GOOD_SIG[4:-1]
KEYID = KEY.verify_key.key_id
PARAMS = f';created={NOW};nonce="{NONCE}";keyid="{KEYID}";alg="ed25519"'

HOSTILE: dict[str, tuple[str, str]] = {
    # (Signature-Input, Signature)
    "huge-input": (GOOD_INPUT + ", x=" + "a" * 100_000, GOOD_SIG),
    "huge-signature": (GOOD_INPUT, GOOD_SIG + ", x=:" + "A" * 100_000 + ":"),
    "unicode-in-nonce": (input_with(nonce='"nonce-é"'), GOOD_SIG),
    "unicode-label": ("fk\u0661=" + GOOD_INPUT[3:], GOOD_SIG),
    "arabic-everywhere": ("مرحبا", "مرحبا"),
    "newline-in-nonce": (input_with(nonce='"abc\n\\"@method\\": GET"'), GOOD_SIG),
    "newline-after-member": (GOOD_INPUT + "\n", GOOD_SIG),
    "crlf-injection": (GOOD_INPUT + "\r\nX-Evil: 1", GOOD_SIG),
    "nul": (GOOD_INPUT + "\x00", GOOD_SIG),
    "duplicate-label-input": (GOOD_INPUT + ", " + GOOD_INPUT, GOOD_SIG),
    "duplicate-label-signature": (GOOD_INPUT, GOOD_SIG + ", " + GOOD_SIG),
    "duplicate-param": (GOOD_INPUT + f";nonce=\"{NONCE}\"", GOOD_SIG),
    "duplicate-created": (
        'fk=("@method" "@path" "@query" "content-digest");created=1' + PARAMS, GOOD_SIG),
    "components-reordered": (
        'fk=("@path" "@method" "@query" "content-digest")' + PARAMS, GOOD_SIG),
    "component-missing": ('fk=("@method" "@path" "content-digest")' + PARAMS, GOOD_SIG),
    "component-extra": (
        'fk=("@method" "@path" "@query" "content-digest" "host")' + PARAMS, GOOD_SIG),
    "component-repeated": (
        'fk=("@method" "@path" "@query" "content-digest" "@method")' + PARAMS, GOOD_SIG),
    "component-with-param": (
        'fk=("@method";req "@path" "@query" "content-digest")' + PARAMS, GOOD_SIG),
    "component-as-token": ('fk=(method "@path" "@query" "content-digest")' + PARAMS, GOOD_SIG),
    "no-components": ("fk=()" + PARAMS, GOOD_SIG),
    "input-not-a-list": ('fk="@method"' + PARAMS, GOOD_SIG),
    "param-missing": (
        f'fk=("@method" "@path" "@query" "content-digest");created={NOW};nonce="{NONCE}"'
        f';keyid="{KEYID}"', GOOD_SIG),
    "param-extra": (GOOD_INPUT + ";expires=99999999999", GOOD_SIG),
    "param-reordered": (
        f'fk=("@method" "@path" "@query" "content-digest");nonce="{NONCE}";created={NOW}'
        f';keyid="{KEYID}";alg="ed25519"', GOOD_SIG),
    "created-string": (input_with(created=f'"{NOW}"'), GOOD_SIG),
    "created-decimal": (input_with(created=f"{NOW % 10**12}.5"), GOOD_SIG),
    "created-boolean": (input_with(created="?1"), GOOD_SIG),
    "created-16-digits": (input_with(created="1" * 16), GOOD_SIG),
    "nonce-65": (input_with(nonce='"' + "a" * 65 + '"'), GOOD_SIG),
    "nonce-empty": (input_with(nonce='""'), GOOD_SIG),
    "nonce-dot": (input_with(nonce='"abc.def"'), GOOD_SIG),
    "nonce-token": (input_with(nonce="abc"), GOOD_SIG),
    "keyid-uppercase": (input_with(keyid='"' + KEYID.upper() + '"'), GOOD_SIG),
    "keyid-short": (input_with(keyid='"' + KEYID[:-1] + '"'), GOOD_SIG),
    "keyid-other-scheme": (input_with(keyid='"rsa:' + KEYID[8:] + '"'), GOOD_SIG),
    "keyid-rfc-style": (input_with(keyid='"test-key-ed25519"'), GOOD_SIG),
    "alg-other": (input_with(alg='"rsa-pss-sha512"'), GOOD_SIG),
    "alg-token": (input_with(alg="ed25519"), GOOD_SIG),
    "signature-63-bytes": (
        GOOD_INPUT, f"fk=:{base64.b64encode(bytes(63)).decode()}:"),
    "signature-65-bytes": (
        GOOD_INPUT, f"fk=:{base64.b64encode(bytes(65)).decode()}:"),
    "signature-empty": (GOOD_INPUT, "fk=::"),
    "signature-unpadded": (GOOD_INPUT, f"fk=:{SIG_B64.rstrip('=')}:"),
    "signature-urlsafe": (GOOD_INPUT, "fk=:" + "_" * 86 + "==:"),
    "signature-string": (GOOD_INPUT, f'fk="{SIG_B64}"'),
    "signature-with-param": (GOOD_INPUT, GOOD_SIG + ";alg=x"),
    "signature-inner-list": (GOOD_INPUT, f"fk=(:{SIG_B64}:)"),
    "only-other-labels": (
        GOOD_INPUT.replace("fk=", "sig1=", 1), GOOD_SIG.replace("fk=", "sig1=", 1)),
    "fk-missing-in-signature": (GOOD_INPUT, GOOD_SIG.replace("fk=", "sig1=", 1)),
    "uppercase-label": ("FK" + GOOD_INPUT[2:], "FK" + GOOD_SIG[2:]),
    "trailing-comma": (GOOD_INPUT + ",", GOOD_SIG),
    "empty": ("", ""),
    "whitespace": ("   ", "   "),
    "unterminated-list": ('fk=("@method" "@path"', GOOD_SIG),
    "unterminated-string": ('fk=("@method', GOOD_SIG),
    "unterminated-bytes": (GOOD_INPUT, "fk=:" + SIG_B64),
    "bad-escape": (input_with(nonce='"a\\b"'), GOOD_SIG),
}


@pytest.mark.parametrize(("sig_input", "sig"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_signature_headers_are_malformed(sig_input: str, sig: str) -> None:
    headers = {"Content-Digest": content_digest(BODY), "Signature-Input": sig_input,
               "Signature": sig}
    with pytest.raises(MalformedSignatureError) as err:
        parse_signature_headers(headers)
    assert err.value.http_status == 400
    with pytest.raises(MalformedSignatureError):
        verify(headers)


@pytest.mark.parametrize("name", ["signature-input", "Signature", "content-digest"])
def test_header_sent_twice_is_malformed(name: str) -> None:
    raw = [(k.encode(), v.encode()) for k, v in GOOD.items()]
    raw.append((name.encode(), GOOD[name.title()].encode()))
    with pytest.raises(MalformedSignatureError, match="more than once"):
        verify(Headers(raw=raw))


def test_same_header_in_two_cases_in_a_dict_is_malformed() -> None:
    headers = dict(GOOD)
    headers["signature"] = GOOD_SIG
    with pytest.raises(MalformedSignatureError):
        parse_signature_headers(headers)


@pytest.mark.parametrize("digest", [
    "",
    "sha-512=:" + base64.b64encode(bytes(64)).decode() + ":",
    content_digest(BODY) + ", sha-512=:" + base64.b64encode(bytes(64)).decode() + ":",
    content_digest(BODY)[:-2] + ":",
    content_digest(BODY).upper(),
    content_digest(BODY) + "\n",
    "sha-256=" + content_digest(BODY)[9:-1],
], ids=["empty", "sha-512", "two-algorithms", "short", "uppercase", "newline", "not-bytes"])
def test_bad_content_digest_header(digest: str) -> None:
    headers = dict(GOOD)
    headers["Content-Digest"] = digest
    with pytest.raises(MalformedSignatureError):
        verify(headers)


def test_missing_content_digest_header() -> None:
    headers = dict(GOOD)
    del headers["Content-Digest"]
    with pytest.raises(MalformedSignatureError, match="Content-Digest"):
        verify(headers)


@pytest.mark.parametrize(("field", "value"), [
    ("method", "POST\n\"@path\": /x"),
    ("method", ""),
    ("path", "/v1\n\"@query\": ?"),
    ("path", "v1/records"),
    ("path", "/v1/مرحبا"),
    ("path", "/v1?x=1"),
    ("query", "a=1\r\nb=2"),
    ("query", "a=1#frag"),
    ("query", "a=b c"),
])
def test_hostile_request_line_values_are_malformed(field: str, value: str) -> None:
    with pytest.raises(MalformedSignatureError):
        verify(GOOD, **{field: value})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        signed(**{field: value})  # type: ignore[arg-type]


def test_signature_base_refuses_line_injection() -> None:
    with pytest.raises(MalformedSignatureError):
        signature_base([("@path", "/a\n\"@method\": GET")], "()")
    with pytest.raises(MalformedSignatureError):
        signature_base([("@path", "/a")], '()\n"x": y')
    with pytest.raises(MalformedSignatureError):
        signature_base([("@path", "/a"), ("@path", "/a")], "()")
    with pytest.raises(MalformedSignatureError):
        signature_base([('a"b', "x")], "()")


@pytest.mark.parametrize("kwargs", [
    {"nonce": ""}, {"nonce": "a" * 65}, {"nonce": "a b"}, {"nonce": "é"},
    {"created": -1}, {"created": 10**15}, {"created": True}, {"method": "GET /"},
])
def test_sign_request_refuses_bad_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        signed(**kwargs)  # type: ignore[arg-type]


# --- errors ---------------------------------------------------------------------------------

def test_error_classes() -> None:
    assert AuthError.code == "unauthorized" and AuthError.exit_code == 1
    assert AuthError.http_status == 401
    for cls, code, status in [(MissingSignatureError, "missing_signature", 401),
                              (BadSignatureError, "bad_signature", 401),
                              (StaleRequestError, "stale_request", 401),
                              (MalformedSignatureError, "malformed_signature", 400)]:
        assert issubclass(cls, AuthError)
        assert (cls.code, cls.http_status) == (code, status)
        assert cls.default_hint
    assert issubclass(ContentDigestMismatchError, DigestMismatchError)
    assert ContentDigestMismatchError.default_hint


# --- property tests -------------------------------------------------------------------------

header_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet='fk=()"@:;,. -?*\\\t\n0123456789abcdefghijklmnopqrstuvwxyz+/AZ',
            max_size=300),
    st.sampled_from([GOOD_INPUT, GOOD_SIG]),
)


@settings(max_examples=500, deadline=None)
@given(sig_input=header_text, sig=header_text)
def test_parse_arbitrary_text_raises_only_fieldkit_errors(sig_input: str, sig: str) -> None:
    try:
        result = parse_signature_headers({"Signature-Input": sig_input, "Signature": sig})
    except FieldKitError as err:   # anything else fails the test
        assert isinstance(err, MissingSignatureError | MalformedSignatureError)
    else:
        assert len(result) == 1


@settings(max_examples=500, deadline=None)
@given(which=st.sampled_from(["Signature-Input", "Signature", "Content-Digest"]),
       position=st.integers(min_value=0, max_value=400),
       insert=st.text(min_size=1, max_size=8),
       delete=st.integers(min_value=0, max_value=3))
def test_mutated_headers_never_verify_and_raise_only_fieldkit_errors(
        which: str, position: int, insert: str, delete: int) -> None:
    headers = dict(GOOD)
    value = headers[which]
    position %= len(value) + 1
    mutated = value[:position] + insert + value[position + delete:]
    headers[which] = mutated
    try:
        verify(headers)
    except FieldKitError:
        return
    # Only harmless changes may still verify: the same headers after parsing.
    assert parse_signature_headers(headers) == parse_signature_headers(GOOD)


@settings(max_examples=100, deadline=None)
@given(method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
       path=st.from_regex(r"/[A-Za-z0-9%._~/-]{0,40}", fullmatch=True),
       query=st.from_regex(r"[A-Za-z0-9%=&._~-]{0,40}", fullmatch=True),
       body=st.binary(max_size=200),
       created=st.integers(min_value=0, max_value=10**12),
       nonce=st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True))
def test_round_trip_property(method: str, path: str, query: str, body: bytes, created: int,
                             nonce: str) -> None:
    headers = sign_request(method=method, path=path, query=query, body=body, key=KEY,
                           created=created, nonce=nonce)
    info = verify_request(method=method, path=path, query=query, body=body, headers=headers,
                          key=KEY.verify_key, now=created)
    assert info == SignedRequestInfo(keyid=KEY.verify_key.key_id, created=created, nonce=nonce)


def test_components_constant() -> None:
    assert COMPONENTS == ("@method", "@path", "@query", "content-digest")
