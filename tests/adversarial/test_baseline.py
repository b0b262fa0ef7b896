"""Attacks on the protections FieldKit had before the trust-chain work: a seized laptop, a
curious registry host, an impostor registry, a replayed request, a revoked device, a connection
cut again and again. Each is a row of docs/threat-model.md and runs against the real registry
process and real vaults."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest
from registry.harness import LiveRegistry

from fieldkit.errors import WrongPassphraseError
from fieldkit.storage.vault import Vault
from fieldkit.sync.client import SyncClient, SyncConfig
from fieldkit.sync.transport import CertificatePinError, RegistryError, pinned_context

from .conftest import PASS, Field

CANARY_AR = "شاهدة-كناري-٤٢"
CANARY_LATIN = "CANARY-witness-Q7x"
CANARY_FILE = b"CANARY-evidence-bytes-5Rk" * 4000


def _needles() -> list[bytes]:
    out = [CANARY_FILE[:64]]
    for text in (CANARY_AR, CANARY_LATIN):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return out


def _seal_canary(client: SyncClient, tmp: Path, *, title: str = "اعتداء أمام المسجد") -> str:
    svc = client.service
    draft = svc.create_incident(title=title, category="hate_crime.physical_assault",
                                occurred="2026-03-13", country="FR")
    svc.add_person(draft.ref, pseudonym=f"{CANARY_LATIN}-person", roles=["witness"])
    svc.add_testimony(draft.ref, witness=f"{CANARY_LATIN}-person", language="ar",
                      consent="internal", text=f"{CANARY_AR} {CANARY_LATIN}")
    evidence = tmp / f"evidence-{hashlib.sha256(title.encode()).hexdigest()[:8]}.bin"
    evidence.write_bytes(CANARY_FILE + title.encode())
    svc.add_evidence(draft.ref, evidence)
    evidence.unlink()
    return svc.seal(draft.ref).record_id


def _files(root: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()]


def _point_at(client: SyncClient, url: str) -> None:
    with client.vault.write() as conn:
        conn.execute("UPDATE sync_registry SET url = ? WHERE id = 1", (url,))


def test_a_seized_laptop_yields_no_testimony_and_no_guess_changes_it(field: Field) -> None:
    """Threat: a monitor's laptop is seized with its vault (synced or not). Stops it: SQLCipher
    with a raw key wrapped by Argon2id(passphrase), attachments encrypted with per-file keys;
    a wrong guess is refused and leaves every byte as it was."""
    _seal_canary(field.alice, field.tmp)
    field.alice.sync()
    vault_dir = field.alice.vault.path
    field.alice.vault.lock()
    seized = field.tmp / "seized"
    shutil.copytree(vault_dir, seized)
    files = _files(seized)
    assert len(files) >= 4
    for path, data in files:
        for needle in _needles():
            assert needle not in data, f"{path.name} reveals what the monitor recorded"
    for guess in ("", "password", "correct horse battery staple", PASS[:-1]):
        with pytest.raises(WrongPassphraseError):
            Vault.open(seized, guess)
    assert _files(seized) == files


def test_the_registry_host_reads_no_testimony(field: Field) -> None:
    """Threat: whoever runs (or seizes) the registry host reads its database and chunk files.
    Stops it: records and file keys travel sealed to the organisation key (HPKE), files as
    ciphertext; the registry holds routing metadata, hashes and sizes only."""
    rid = _seal_canary(field.alice, field.tmp)
    field.alice.sync()
    assert field.staff.sync().records == 1
    assert field.staff.service.sealed_record(rid).record_id == rid  # staff can read it
    files = _files(field.live.data)
    assert any(p.suffix == ".db" for p, _ in files)
    for path, data in files:
        for needle in _needles():
            assert needle not in data, f"the registry's {path.name} holds plaintext"


def test_an_impostor_registry_at_the_registry_address_is_refused(field: Field) -> None:
    """Threat: a network attacker (DNS, Wi-Fi) answers at the registry's address with a registry
    of their own. Stops it: the certificate pinned at enrolment; nothing is sent, the queue is
    kept, and sync resumes once the real registry is reachable again."""
    rid = _seal_canary(field.alice, field.tmp)
    impostor = LiveRegistry.create(field.tmp / "impostor")
    real_url = field.alice.registry().url  # type: ignore[union-attr]
    try:
        _point_at(field.alice, impostor.url)
        with pytest.raises(CertificatePinError) as e:
            field.alice.sync()
        assert "pinned" in e.value.message
        assert [r for r, _seq, _env in field.alice.pending()] == [rid]
    finally:
        impostor.close()
    _point_at(field.alice, real_url)
    assert field.alice.sync().records == 1
    assert field.alice.pending() == []


class _Recorder(httpx.BaseTransport):
    """Forwards to the real registry and keeps a copy of every request (an attacker who can
    read requests, e.g. at a TLS-terminating middlebox)."""

    def __init__(self, cert_pem: bytes) -> None:
        self._inner = httpx.HTTPTransport(verify=pinned_context(cert_pem))
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.seen.append((request.method, str(request.url), dict(request.headers), body))
        return self._inner.handle_request(request)


def test_a_replayed_signed_request_is_refused(field: Field) -> None:
    """Threat: an attacker who saw a device's signed request sends it again (to submit twice,
    or to act as that device). Stops it: RFC 9421 signatures cover a nonce and the creation
    time; the registry keeps nonces and refuses any it has seen."""
    reg = field.alice.registry()
    assert reg is not None and reg.cert_pem is not None
    recorder = _Recorder(reg.cert_pem)
    alice = SyncClient(field.alice.service, transport=recorder)
    _seal_canary(alice, field.tmp)
    assert alice.sync().records == 1
    submits = [s for s in recorder.seen if s[0] == "POST" and s[1].endswith("/v1/records")]
    assert submits, "the push submitted its records"
    method, url, headers, body = submits[0]
    with httpx.Client(verify=pinned_context(reg.cert_pem)) as attacker:
        answer = attacker.request(method, url, headers=headers, content=body)
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["code"] == "replayed_request"


def test_a_revoked_device_is_refused_and_the_others_carry_on(field: Field) -> None:
    """Threat: a seized monitor device keeps submitting after its owner reported it. Stops it:
    the administrator revokes it (a log entry); the registry refuses every request it signs
    from then on; other devices are unaffected."""
    mallory_id = field.mallory.vault.device_key.verify_key.key_id
    field.admin.client.post_json(f"/v1/admin/devices/{mallory_id}/revoke", {})
    _seal_canary(field.mallory, field.tmp, title="forged after seizure")
    with pytest.raises(RegistryError) as e:
        field.mallory.sync()
    assert e.value.status in (401, 403)
    assert len(field.mallory.pending()) == 1, "the refused record stays queued, not lost"
    rid = _seal_canary(field.alice, field.tmp)
    assert field.alice.sync().records == 1
    assert field.staff.sync().records == 1
    assert field.staff.service.sealed_record(rid).record_id == rid


@pytest.mark.slow
def test_a_connection_cut_again_and_again_loses_and_duplicates_nothing(field: Field) -> None:
    """Threat: an attacker on the network resets connections mid-request and mid-response to
    lose or duplicate records. Stops it: idempotent content-addressed uploads, a duplicate
    submission returns the original receipt, the queue empties only on a verified receipt."""
    from sync.proxy import CuttingProxy

    ids = [_seal_canary(field.alice, field.tmp, title=f"incident {i}") for i in range(12)]
    config = SyncConfig(batch=3, attempts=60)
    alice = SyncClient(field.alice.service, config=config, sleep=lambda _s: None)
    staff = SyncClient(field.staff.service, config=config, sleep=lambda _s: None)
    port = int(field.live.url.rsplit(":", 1)[1])
    cuts = 0
    for client, direction in ((alice, "up"), (staff, "down")):
        with CuttingProxy(("127.0.0.1", port), seed=3, cut_probability=1.0, min_bytes=20_000,
                          max_bytes=400_000, directions=(direction,)) as proxy:
            _point_at(client, proxy.url)
            report = client.push() if client is alice else client.pull()
            proxy.wait_idle()
            assert proxy.cuts >= 5, f"only {proxy.cuts} cuts {direction}: the test did not bite"
            cuts += proxy.cuts
        if client is alice:
            pushed = report
        else:
            pulled = report
    assert pushed.records == len(ids) and alice.pending() == []
    assert pulled.records == len(ids)
    held = {r for (r,) in field.staff.vault.read().execute("SELECT record_id FROM sealed")}
    assert held == set(ids)
    for rid in ids:
        field.staff.service.sealed_record(rid)
    assert field.staff.service.check().ok


def test_a_coerced_monitor_gives_the_duress_passphrase(field: Field) -> None:
    """Threat: at a checkpoint a monitor is forced to unlock the laptop. Stops it: the duress
    passphrase crypto-shreds the key file and opens an empty vault that looks like any new
    one; neither the real passphrase nor a forensic copy brings the records back. What was
    already synced is safe at the registry and in staff vaults."""
    rid = _seal_canary(field.alice, field.tmp)
    assert field.alice.sync().records == 1
    vault_dir = field.alice.vault.path
    field.alice.vault.lock()
    Vault.set_duress_passphrase(vault_dir, PASS, "an innocent looking phrase")
    forced = Vault.open(vault_dir, "an innocent looking phrase")
    try:
        assert forced.read().execute("SELECT count(*) FROM sealed").fetchone()[0] == 0
    finally:
        forced.lock()
    for path, data in _files(vault_dir):
        for needle in _needles():
            assert needle not in data, f"{path.name} still holds what was recorded"
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASS)
    assert field.staff.sync().records == 1
    assert field.staff.service.sealed_record(rid).record_id == rid


def _fieldkit(vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_")}
    env.update(FIELDKIT_VAULT=str(vault), FIELDKIT_PASSPHRASE=PASS)
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], env=env, text=True,
                          capture_output=True, timeout=300, stdin=subprocess.DEVNULL)


def _decoded(data: bytes) -> list[bytes]:
    """The member itself and every base64 payload inside it (DSSE envelopes)."""
    out = [data]
    for token in re.findall(rb"[A-Za-z0-9+/=_-]{40,}", data):
        with contextlib.suppress(ValueError):
            out.append(base64.b64decode(token + b"==", altchars=b"-_" if b"-" in token
                                        or b"_" in token else None))
    return out


def test_a_partner_gets_no_name_no_contact_and_no_internal_testimony(field: Field) -> None:
    """Threat: a partner who legitimately receives a partners dossier and its bundle digs for
    what consent withheld: real names, contacts, internal testimony. Stops it: one audience
    filter for PDF, bundle and data exports; records outside `internal` travel as redaction
    statements signed by the exporting device, never as the original envelope."""
    svc = field.alice.service
    draft = svc.create_incident(title="منع بناء مسجد", category="hate_crime.physical_assault",
                                occurred="2026-05-02", country="FR",
                                confidentiality="partners")
    svc.add_person(draft.ref, pseudonym="شاهد-١", roles=["witness"],
                   name="Real-Name-Zq81 اسم-حقيقي", contact="+33 6 12 34 56 78")
    svc.add_testimony(draft.ref, witness="شاهد-١", language="ar", consent="internal",
                      text=f"{CANARY_AR} {CANARY_LATIN}")
    svc.add_testimony(draft.ref, witness="شاهد-١", language="en", consent="partners",
                      text="PARTNERS-MAY-READ-this-part")
    svc.seal(draft.ref)
    field.alice.sync()
    assert field.staff.sync().records == 1
    staff_dir = field.staff.vault.path
    field.staff.vault.lock()
    pdf, bundle = field.tmp / "partners.pdf", field.tmp / "partners.zip"
    done = _fieldkit(staff_dir, "export", "dossier", "--audience", "partners", "--language",
                     "ar", "--out", str(pdf), "--bundle", str(bundle))
    assert done.returncode == 0, done.stdout + done.stderr
    verified = subprocess.run([sys.executable, "-m", "fieldkit", "verify", str(bundle),
                               "--dossier", str(pdf)], capture_output=True, text=True,
                              timeout=300)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "PARTNERS-MAY-READ-this-part" in text, "the control: partners text is there"
    secrets = [*_needles(), b"Real-Name-Zq81", "اسم-حقيقي".encode(), b"12 34 56 78"]
    blobs = [("the PDF text", text.encode("utf-8")), ("the PDF", pdf.read_bytes())]
    with zipfile.ZipFile(bundle) as z:
        blobs += [(name, z.read(name)) for name in z.namelist()]
    for where, data in blobs:
        for layer in _decoded(data):
            for secret in secrets:
                assert secret not in layer, f"{where} carries {secret!r}"
    # The control: the same search finds them in an internal bundle, so it looks where they
    # would be.
    internal = field.tmp / "internal.zip"
    done = _fieldkit(staff_dir, "export", "dossier", "--audience", "internal", "--language",
                     "ar", "--out", str(field.tmp / "internal.pdf"), "--bundle", str(internal))
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(internal) as z:
        found = {s for name in z.namelist() for layer in _decoded(z.read(name))
                 for s in secrets if s in layer}
    assert {b"Real-Name-Zq81", CANARY_LATIN.encode()} <= found, found
