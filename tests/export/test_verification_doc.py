"""docs/verification.md, followed literally: its code blocks, in order, in one bash session
(the Python block saved under the name on its first line, beside bundle.zip, as the document
says), with the system's python3 (standard library only) and openssl. They pass on fresh
bundles and fail on tampered ones."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.export.audience import incident_allowed
from fieldkit.export.bundle import plan_bundle, write_bundle
from fieldkit.service import VaultService

from .bundletools import flip, resign, rewrite
from .conftest import DemoVault, SyncedDemo

DOC = Path(__file__).resolve().parents[2] / "docs" / "verification.md"
BLOCK = re.compile(r"^```(bash|python)\n(.*?)^```$", re.M | re.S)
# Only the system's tools: no virtualenv, no FieldKit on the path.
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": "/tmp"}


def blocks() -> list[tuple[str, str]]:
    found = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert [lang for lang, _ in found].count("python") == 1 and len(found) >= 8
    return found


def follow(workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run the document's blocks in ``workdir`` (holding bundle.zip and dossier.pdf)."""
    script = []
    for lang, code in blocks():
        if lang == "python":
            name = code.splitlines()[0].lstrip("# ").strip()
            assert name.endswith(".py")
            (workdir / name).write_text(code, encoding="utf-8")
        else:
            script.append(code)
    python = shutil.which("python3", path=ENV["PATH"])
    assert python is not None
    return subprocess.run(["bash", "-e", "-c", "\n".join(script)], cwd=workdir, env=ENV,
                          capture_output=True, text=True, timeout=600, check=False)


def setup(tmp_path: Path, bundle: Path, pdf: Path, vkey: str) -> Path:
    """A fresh folder as the document asks for it: the bundle, the dossier and the registry's
    published log key (``vkey``)."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(bundle, work / "bundle.zip")
    shutil.copy(pdf, work / "dossier.pdf")
    (work / "registry.vkey").write_text(vkey + "\n", encoding="utf-8")
    return work


def published_key(service: VaultService) -> str:
    """The log key the vault pinned at enrolment: what the registry's operator publishes."""
    from fieldkit.sync.provenance import log_identity

    ident = log_identity(service)
    assert ident is not None
    return ident.vkey


def make(service: VaultService, ids: list[str], out: Path, audience: str) -> tuple[Path, Path]:
    ids = [r for r in ids if incident_allowed(service.sealed_record(r).record, audience)]
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / "dossier.pdf"
    pdf.write_bytes(b"%PDF-1.7 stand-in for a dossier for " + audience.encode())
    plan = plan_bundle(service, ids, audience=audience)
    write_bundle(plan, out / "bundle.zip", dossier_pdf=pdf, signer=service.vault.device_key)
    return out / "bundle.zip", pdf


@pytest.fixture(scope="module")
def fresh(synced_demo: SyncedDemo, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("doc")
    return {
        "internal": make(synced_demo.staff, synced_demo.record_ids, root / "i", "internal"),
        "partners": make(synced_demo.staff, synced_demo.record_ids, root / "p", "partners"),
    }


EXPECTED = [
    "every member matches SHA256SUMS",
    "the manifest names this contents digest and this dossier",
    "manifest.json is signed by the exporting device",
    "every sealed record's signature verifies",
    "every redaction statement is signed by the exporting device",
    "every checkpoint is signed by the log key",
    "enrolled as",
    "proofs, signers, chains and attachments verified",
]


@pytest.mark.parametrize("audience", ["internal", "partners"])
def test_the_document_verifies_a_fresh_bundle(fresh: dict[str, tuple[Path, Path]],
                                              synced_demo: SyncedDemo, audience: str,
                                              tmp_path: Path) -> None:
    r = follow(setup(tmp_path, *fresh[audience], published_key(synced_demo.staff)))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "FAILED" not in r.stdout
    for line in EXPECTED:
        assert line in r.stdout, (line, r.stdout)


def test_the_document_refuses_a_never_synced_bundle(demo_vault: DemoVault,
                                                   synced_demo: SyncedDemo,
                                                   tmp_path: Path) -> None:
    """A bundle with no log data: nothing ties it to a log, so the procedure stops (as
    `fieldkit verify` does without --unanchored)."""
    bundle, pdf = make(demo_vault.service, [str(v.record_id) for v in demo_vault.views],
                       tmp_path / "b", "internal")
    r = follow(setup(tmp_path, bundle, pdf, published_key(synced_demo.staff)))
    assert r.returncode != 0, r.stdout
    assert "FAILED: this bundle carries no registry log data" in r.stdout


# --- tampered bundles: the procedure stops with FAILED ------------------------------------

def _first(members: dict[str, bytes], prefix: str) -> str:
    return sorted(n for n in members if n.startswith(prefix))[0]


def _bad_proof(m: dict[str, bytes]) -> None:
    name = _first(m, "receipts/")
    r = json.loads(m[name])
    h = bytearray(base64.b64decode(r["inclusion_proof"][0]))
    h[5] ^= 1
    r["inclusion_proof"][0] = base64.b64encode(bytes(h)).decode()
    m[name] = canonicalize(r)


def _swap_envelopes(m: dict[str, bytes]) -> None:
    a, b = sorted(n for n in m if n.startswith("envelopes/"))[:2]
    m[a], m[b] = m[b], m[a]


def _bad_file(m: dict[str, bytes]) -> None:
    name = _first(m, "files/")
    m[name] = flip(m[name])


@pytest.mark.parametrize(("case", "expect"), [
    ("flipped attachment", "a member does not match SHA256SUMS"),
    ("extra file", "other files than SHA256SUMS lists"),
    ("flipped manifest", "manifest.json is not signed by the exporting device"),
    ("other dossier", "is not the dossier this bundle names"),
    ("insider: swapped envelopes", "does not hold record"),
    ("insider: bad inclusion proof", "the inclusion proof does not lead to the checkpoint"),
    ("insider: file not in the record", "is not the file its record names"),
    ("outsider signs with own key", "the exporting device is not shown enrolled"),
])
def test_the_document_fails_a_tampered_bundle(fresh: dict[str, tuple[Path, Path]],
                                              synced_demo: SyncedDemo, tmp_path: Path,
                                              case: str, expect: str) -> None:
    bundle, pdf = fresh["internal"]
    key = synced_demo.staff.vault.device_key
    bad = tmp_path / "bad.zip"
    if case == "flipped attachment":
        rewrite(bundle, bad, _bad_file)
    elif case == "extra file":
        rewrite(bundle, bad, lambda m: m.__setitem__("files/" + "ab" * 32, b"extra"))
    elif case == "flipped manifest":
        def change(m: dict[str, bytes]) -> None:
            m["manifest.json"] = m["manifest.json"].replace(b'"audience":"internal"',
                                                            b'"audience":"internaL"')
        rewrite(bundle, bad, change)
    elif case == "other dossier":
        shutil.copy(bundle, bad)
        pdf = tmp_path / "other.pdf"
        pdf.write_bytes(b"%PDF-1.7 another dossier")
    elif case == "insider: swapped envelopes":
        resign(bundle, bad, key, _swap_envelopes)
    elif case == "insider: bad inclusion proof":
        resign(bundle, bad, key, _bad_proof)
    elif case == "insider: file not in the record":
        resign(bundle, bad, key, _bad_file)
    else:
        # Someone without the device's key re-signs the manifest with a key of their own and
        # puts that key in: every signature checks out, but the log never enrolled it.
        own = SigningKey.generate()
        hexid = own.verify_key.key_id.split(":")[1]

        def add_key(m: dict[str, bytes]) -> None:
            m[f"devices/{hexid}.key"] = own.verify_key.to_bytes()

        def exporter(manifest: dict[str, object]) -> None:
            manifest["exporter"] = {"device": own.verify_key.key_id,
                                    "fingerprint": own.verify_key.fingerprint}

        resign(bundle, bad, own, add_key, manifest_change=exporter)
    r = follow(setup(tmp_path, bad, pdf, published_key(synced_demo.staff)))
    assert r.returncode != 0, r.stdout
    assert "FAILED" in r.stdout + r.stderr and expect in r.stdout, r.stdout + r.stderr


def test_openssl_is_3() -> None:
    out = subprocess.run(["openssl", "version"], capture_output=True, text=True, check=True,
                         env=ENV).stdout
    assert out.startswith("OpenSSL 3."), out
    assert os.path.exists("/usr/bin/python3")
