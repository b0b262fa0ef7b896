"""C2SP signed notes and tlog checkpoints: round trips, Go interoperability, hostile notes."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.crypto.keys import SigningKey
from fieldkit.errors import IntegrityError, ValidationError
from fieldkit.sync.checkpoint import (
    MAX_NOTE_SIZE,
    MAX_SIGNATURES,
    Checkpoint,
    CheckpointError,
    NoteSigner,
    NoteVerifier,
    open_checkpoint,
    open_note,
)
from fieldkit.sync.merkle import MemoryTree

ASSETS = Path(__file__).parent / "assets" / "checkpoints"
MANIFEST: dict[str, Any] = json.loads((ASSETS / "cases.json").read_text(encoding="utf-8"))
ORIGIN = "registry.example/log"
ROOT = hashlib.sha256(b"a root").digest()


def _key(label: bytes) -> SigningKey:
    return SigningKey.from_bytes(hashlib.sha256(label).digest())


@pytest.fixture
def signer() -> NoteSigner:
    return NoteSigner(ORIGIN, _key(b"fieldkit checkpoint test key"))


# --- round trip ----------------------------------------------------------------------------

def test_sign_and_open_round_trip(signer: NoteSigner) -> None:
    tree = MemoryTree()
    for i in range(11):
        tree.append(f"entry {i}".encode())
    cp = signer.sign_checkpoint(ORIGIN, tree.size, tree.root())
    assert cp.text.startswith(f"{ORIGIN}\n11\n{base64.b64encode(tree.root()).decode()}\n\n— ")
    assert cp.text.endswith("\n")
    opened = open_checkpoint(cp.text, NoteVerifier.from_vkey(signer.vkey), origin=ORIGIN)
    assert opened == cp
    assert opened.body == open_note(cp.text, signer.verifier)


def test_round_trip_with_extensions_and_empty_tree(signer: NoteSigner) -> None:
    cp = signer.sign_checkpoint(ORIGIN, 0, hashlib.sha256(b"").digest(),
                                extensions=("x-time 1700000000", "مرحبا"))
    opened = open_checkpoint(cp.text, signer.verifier, origin=ORIGIN)
    assert (opened.size, opened.extensions) == (0, ("x-time 1700000000", "مرحبا"))
    assert "\n0\n" in cp.text


def test_vkey_format(signer: NoteSigner) -> None:
    name, key_id, material = signer.vkey.split("+", 2)
    assert name == ORIGIN
    assert key_id == f"{signer.key_hash:08x}"
    raw = base64.b64decode(material)
    assert raw == b"\x01" + signer.verifier.verify_key.to_bytes()
    digest = hashlib.sha256(ORIGIN.encode() + b"\n" + raw).digest()
    assert int.from_bytes(digest[:4], "big") == signer.key_hash
    assert NoteVerifier.from_vkey(signer.vkey).vkey == signer.vkey


def test_a_note_signed_by_another_key_is_refused(signer: NoteSigner) -> None:
    cp = NoteSigner(ORIGIN, _key(b"someone else")).sign_checkpoint(ORIGIN, 3, ROOT)
    with pytest.raises(CheckpointError) as info:
        open_checkpoint(cp.text, signer.verifier, origin=ORIGIN)
    err = info.value
    assert isinstance(err, IntegrityError)
    assert err.code == "bad_checkpoint"
    assert err.details["reason"] == "not_signed_by_key"
    assert f"{ORIGIN}+{signer.key_hash:08x}" in err.message
    assert "verifier key" in err.hint


def test_cosignatures_keep_the_note_valid_for_each_key(signer: NoteSigner) -> None:
    witness = NoteSigner("witness.example/w1", _key(b"witness"))
    cp = signer.sign_checkpoint(ORIGIN, 5, ROOT)
    cosigned = cp.text + witness.signature_line(cp.body)
    assert open_checkpoint(cosigned, signer.verifier, origin=ORIGIN).text == cosigned
    assert open_checkpoint(cosigned, witness.verifier, origin=ORIGIN).size == 5


origins = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(origin=origins, size=st.integers(0, (1 << 64) - 1), root=st.binary(min_size=32,
       max_size=32), data=st.data())
def test_any_checkpoint_round_trips_and_any_changed_character_is_refused(
        origin: str, size: int, root: bytes, data: st.DataObject) -> None:
    signer = NoteSigner("log.example", _key(b"property"))
    cp = signer.sign_checkpoint(origin, size, root)
    opened = open_checkpoint(cp.text, signer.verifier, origin=origin)
    assert (opened.origin, opened.size, opened.root, opened.text) == (origin, size, root, cp.text)
    position = data.draw(st.integers(0, len(cp.text) - 1), label="position")
    replacement = data.draw(st.characters(codec="utf-8").filter(
        lambda ch: ch != cp.text[position]), label="replacement")
    changed = cp.text[:position] + replacement + cp.text[position + 1:]
    with pytest.raises(CheckpointError):
        open_checkpoint(changed, signer.verifier, origin=origin)


# --- interoperability with Go (golang.org/x/mod/sumdb/note and sum.golang.org) --------------

# The example of golang.org/x/mod/sumdb/note (note.go package documentation and note_test.go).
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = ("If you think cryptography is the answer to your problem,\n"
           "then you don't know what your problem is.\n")
GO_PETER = ("— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNX"
            "gKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
GO_ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
GO_ENOCH = ("— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01o"
            "OTGwnWLox33WWd1RvMc+QQ=\n")


def test_go_signed_note_verifies() -> None:
    verifier = NoteVerifier.from_vkey(GO_VKEY)
    assert (verifier.name, verifier.key_hash) == ("PeterNeumann", 0xC74F20A3)
    note = GO_TEXT + "\n" + GO_PETER
    assert open_note(note, verifier) == GO_TEXT
    doubly = note + GO_ENOCH
    assert open_note(doubly, verifier) == GO_TEXT
    assert open_note(doubly, NoteVerifier.from_vkey(GO_ENOCH_VKEY)) == GO_TEXT
    with pytest.raises(CheckpointError, match="does not verify"):
        open_note(note.replace("cryptography", "cryptographY"), verifier)


def test_we_sign_exactly_what_go_signs() -> None:
    seed = base64.b64decode(GO_SKEY.split("+", 4)[4])
    assert seed[0] == 1
    signer = NoteSigner("PeterNeumann", SigningKey.from_bytes(seed[1:]))
    assert signer.vkey == GO_VKEY
    assert signer.sign_note(GO_TEXT) == GO_TEXT + "\n" + GO_PETER


# A tree head of the Go checksum database, signed by sum.golang.org (as served on
# /lookup; quoted in several public repositories). The vkey is the one built into `go`;
# its base64 part contains '+'.
SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"
SUMDB_NOTE = ("go.sum database tree\n65209736\n5+uGFjx6xBZG8ip1+wi77v+grwbhhukIrxEUS8PXvRo=\n\n"
              "— sum.golang.org Az3grnbssgK7ubgFX36gVETtNv0U23qxyAhAMai2QUfeGa3nB/akvkMdlUErf"
              "cZz7l/R3cVtYspg3dxXABkGZZKdsQ8=\n")


def test_go_checksum_database_checkpoint_opens() -> None:
    cp = open_checkpoint(SUMDB_NOTE, NoteVerifier.from_vkey(SUMDB_VKEY),
                         origin="go.sum database tree")
    assert cp.size == 65209736
    assert cp.root == base64.b64decode("5+uGFjx6xBZG8ip1+wi77v+grwbhhukIrxEUS8PXvRo=")
    assert cp.extensions == ()
    with pytest.raises(CheckpointError) as info:
        open_checkpoint(SUMDB_NOTE.replace("65209736", "65209737"),
                        NoteVerifier.from_vkey(SUMDB_VKEY), origin="go.sum database tree")
    assert info.value.details["reason"] == "bad_signature"


# --- named hostile notes (tests/assets/checkpoints) -----------------------------------------

CASES = sorted(MANIFEST["cases"].items())


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_asset(name: str, case: dict[str, Any]) -> None:
    text = (ASSETS / name).read_bytes().decode("utf-8")
    verifier = NoteVerifier.from_vkey(MANIFEST["vkey"])
    if case["reason"] is None:
        cp = open_checkpoint(text, verifier, origin=MANIFEST["origin"])
        assert cp.text == text
        assert cp.origin == MANIFEST["origin"]
        assert len(cp.root) == 32
        return
    with pytest.raises(CheckpointError) as info:
        open_checkpoint(text, verifier, origin=MANIFEST["origin"])
    assert info.value.details["reason"] == case["reason"], info.value.message
    assert info.value.code == "bad_checkpoint"


def test_assets_cover_every_reason() -> None:
    reasons = {case["reason"] for _, case in CASES}
    assert reasons >= {
        None, "control_character", "no_signatures", "no_final_newline",
        "malformed_signature_line", "bad_signature", "not_signed_by_key", "bad_size",
        "bad_root", "too_few_lines", "empty_line", "wrong_origin"}
    assert len(CASES) == len(list(ASSETS.glob("*.txt")))


def test_extension_asset_keeps_its_lines() -> None:
    text = (ASSETS / "valid_with_extensions.txt").read_text(encoding="utf-8")
    cp = open_checkpoint(text, NoteVerifier.from_vkey(MANIFEST["vkey"]),
                         origin=MANIFEST["origin"])
    assert cp.extensions == ("ext one", "üñî extension")


# --- the exact messages of the main failures ------------------------------------------------

def _error(text: str, signer: NoteSigner, origin: str = ORIGIN) -> CheckpointError:
    with pytest.raises(CheckpointError) as info:
        open_checkpoint(text, signer.verifier, origin=origin)
    return info.value


def test_messages_say_what_failed(signer: NoteSigner) -> None:
    good = signer.sign_checkpoint(ORIGIN, 7, ROOT).text
    err = _error(good, signer, origin="other.example/log")
    assert err.message == ("The checkpoint is for the log 'registry.example/log', not "
                           "'other.example/log'.")
    err = _error(good.replace("\n7\n", "\n8\n"), signer)
    assert err.message == ("The signature by registry.example/log on line 1 does not verify: "
                           "the note was changed after it was signed.")
    err = _error(signer.sign_note(f"{ORIGIN}\n07\nx\n"), signer)
    assert err.message == "The tree size '07' is not a decimal number without leading zeros."
    err = _error(good.replace("\n7\n", "\n\r7\n"), signer)
    assert err.message.startswith("The signed note contains the control character U+000D")
    err = _error(good.replace("— ", "-- "), signer)
    assert err.message == "Signature line 1 does not start with an em dash and a space."


def test_size_limits(signer: NoteSigner) -> None:
    body = f"{ORIGIN}\n1\n{base64.b64encode(ROOT).decode()}\n"
    huge = body + "x" * MAX_NOTE_SIZE + "\n"
    assert _error(signer.sign_note(huge), signer).details["reason"] == "too_large"
    # Multi-byte characters count in bytes, not characters.
    wide = body + "م" * (MAX_NOTE_SIZE // 2) + "\n"
    assert len(wide) < MAX_NOTE_SIZE
    assert _error(signer.sign_note(wide), signer).details["reason"] == "too_large"

    other = NoteSigner("w", _key(b"w"))
    line = other.signature_line(body)
    ok = body + "\n" + line * (MAX_SIGNATURES - 1) + signer.signature_line(body)
    assert open_checkpoint(ok, signer.verifier, origin=ORIGIN).size == 1
    too_many = body + "\n" + line * MAX_SIGNATURES + signer.signature_line(body)
    assert _error(too_many, signer).details["reason"] == "too_many_signatures"


def test_lone_surrogate_and_non_text(signer: NoteSigner) -> None:
    good = signer.sign_checkpoint(ORIGIN, 1, ROOT).text
    assert _error(good.replace("registry", "\udcffregistry", 1),
                  signer).details["reason"] == "not_utf8"
    with pytest.raises(CheckpointError):
        open_checkpoint(good.encode(), signer.verifier, origin=ORIGIN)  # type: ignore[arg-type]


# --- verifier keys ---------------------------------------------------------------------------

@pytest.mark.parametrize(("vkey", "message"), [
    ("PeterNeumann", "three parts"),
    ("PeterNeumann+c74f20a3", "three parts"),
    ("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "name"),
    ("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "name"),
    ("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "8 hex digits"),
    ("PeterNeumann+c74f20ag+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "8 hex digits"),
    ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "base64"),
    ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX", "does not match"),
    ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy1x==", "base64"),
    ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW", "base64"),
    ("PeterNeumann+c74f20a3+", "Ed25519"),
    ("PeterNeumann+c74f20a3+AhpcZ2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "Ed25519"),
    ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy", "Ed25519"),
    ("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match"),
    ("EnochRoot+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match"),
])
def test_malformed_vkeys(vkey: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        NoteVerifier.from_vkey(vkey)


def test_vkey_key_id_in_upper_case_hex_is_accepted() -> None:
    assert NoteVerifier.from_vkey(GO_VKEY.replace("c74f20a3", "C74F20A3")).vkey == GO_VKEY


# --- signing refuses what it must not sign ---------------------------------------------------

@pytest.mark.parametrize("name", ["", "a b", "a+b", "a\tb", "a\u00a0b", "a\nb"])
def test_bad_key_names(name: str) -> None:
    with pytest.raises(ValidationError):
        NoteSigner(name, _key(b"k"))


@pytest.mark.parametrize(("args", "kwargs"), [
    (("", 1, ROOT), {}),
    (("a\nb", 1, ROOT), {}),
    ((ORIGIN, -1, ROOT), {}),
    ((ORIGIN, 1 << 64, ROOT), {}),
    ((ORIGIN, True, ROOT), {}),
    ((ORIGIN, 1, ROOT[:31]), {}),
    ((ORIGIN, 1, ROOT), {"extensions": ("",)}),
    ((ORIGIN, 1, ROOT), {"extensions": ("a\nb",)}),
    (("a\rb", 1, ROOT), {}),
])
def test_sign_checkpoint_refuses_bad_input(signer: NoteSigner, args: tuple[Any, ...],
                                           kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        signer.sign_checkpoint(*args, **kwargs)


def test_sign_note_needs_final_newline(signer: NoteSigner) -> None:
    with pytest.raises(ValidationError):
        signer.sign_note("no newline")


def test_checkpoint_is_frozen() -> None:
    cp = Checkpoint(origin=ORIGIN, size=1, root=ROOT, text="")
    with pytest.raises(AttributeError):
        cp.size = 2  # type: ignore[misc]
