"""A corpus of forged, truncated, re-signed and mixed bundles, each checked twice: by the real
`fieldkit verify` (a subprocess, `python -m fieldkit verify … --log-key <published key>`) and by
the procedure of docs/verification.md, run literally with open tools (the machinery of
tests/export/test_verification_doc.py). Both must refuse every forgery; both must pass every
good bundle (issue 10, item 4; ADR 0018).

The bundles start real: a live registry in its own process, an admin, a staff vault holding the
organisation key, and three monitors (alice, mallory, and rex, revoked after his record was
logged), all enrolled the way people enrol them; the staff vault pulls and exports. Forgers then
work on the zip: an outsider (no key), an insider holding the staff device's key who re-signs
the manifest, a holder of some other device's key (a monitor, the admin, a revoked device), or a
compromised registry host that holds the log's signing key and can log what it likes.

Each case is one function whose docstring states the threat and what stops it (the lead maps
them into docs/threat-model.md); its name is the test id.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from export.bundletools import Members, flip, read_members, resign, write_members
from export.conftest import PASS, build_demo
from export.test_verification_doc import follow
from registry.harness import Device, LiveRegistry

from fieldkit.crypto.dsse import Envelope, sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.domain import amendments as amd
from fieldkit.domain import sealing
from fieldkit.export.audience import incident_allowed
from fieldkit.export.bundle import plan_bundle, write_bundle
from fieldkit.export.verify import REDACTION_PAYLOAD_TYPE
from fieldkit.registry.config import RegistryHome
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import NoteSigner
from fieldkit.sync.client import SyncClient
from fieldkit.sync.protocol import record_entry
from fieldkit.sync.provenance import log_identity

PDF = b"%PDF-1.7 stand-in for a dossier"


# --- the world: real bundles from a real registry ---------------------------------------------

@dataclass
class World:
    live: LiveRegistry
    admin: Device
    staff: SyncClient
    alice: SyncClient
    mallory: SyncClient
    rex: SyncClient  # a monitor revoked after his record was logged
    vkey: str  # the registry's log key, as its operator publishes it
    root: Path
    bundles: dict[str, Path] = field(default_factory=dict)
    alice_ids: list[str] = field(default_factory=list)
    mallory_ids: list[str] = field(default_factory=list)
    rex_ids: list[str] = field(default_factory=list)
    staff_notes: list[str] = field(default_factory=list)  # the staff's annotation, custody event

    def key(self, who: str) -> SigningKey:
        if who == "admin":
            return self.admin.key
        client: SyncClient = getattr(self, who)
        return client.service.vault.device_key

    def log_signer(self) -> NoteSigner:
        """What a compromised registry host holds: the log's signing key."""
        return NoteSigner(self.vkey.split("+")[0], RegistryHome(self.live.data).log_key())


def _vault(path: Path) -> SyncClient:
    vault, _ = Vault.create(path, PASS)
    return SyncClient(VaultService(vault))


def _incident(service: VaultService, title: str) -> str:
    view = service.create_incident(title=title, category="hate_crime.vandalism",
                                   occurred="2026-03-10", country="FR",
                                   confidentiality="public")
    return str(service.seal(view.ref).record_id)


def _evidence_of(service: VaultService, ids: list[str]) -> str:
    """The SHA-256 of the first evidence file the records ``ids`` name."""
    return next(str(e["sha256"]) for r in ids
                for e in service.sealed_record(r).record.get("evidence", []))


def export(service: VaultService, ids: list[str], out: Path, audience: str) -> Path:
    """A bundle as `fieldkit export dossier --bundle` writes it (with a stand-in PDF)."""
    ids = [r for r in ids if incident_allowed(service.sealed_record(r).record, audience)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "dossier.pdf").write_bytes(PDF)
    plan = plan_bundle(service, ids, audience=audience)
    write_bundle(plan, out / "bundle.zip", dossier_pdf=out / "dossier.pdf",
                 signer=service.vault.device_key)
    return out / "bundle.zip"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("corpus")
    live = LiveRegistry.create(root / "registry")
    try:
        admin = live.enroll("admin")

        def code(role: str) -> str:
            return str(admin.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"])

        staff = _vault(root / "staff")
        admin.client.post_json("/v1/admin/org-key", {"org_key": staff.org_key_init().to_text()})
        staff.enroll(code("staff"), label="envoy office")
        alice, mallory, rex = (_vault(root / n) for n in ("alice", "mallory", "rex"))
        for c, n in ((alice, "alice"), (mallory, "mallory"), (rex, "rex")):
            c.enroll(code("monitor"), label=f"{n}'s laptop")
        ident = log_identity(staff.service)
        assert ident is not None
        w = World(live, admin, staff, alice, mallory, rex, ident.vkey, root)
        w.alice_ids = [str(v.record_id) for v in build_demo(alice.service)]
        w.mallory_ids = [_incident(mallory.service, "Mosque wall sprayed")]
        w.rex_ids = [_incident(rex.service, "Halal shop window broken")]
        for c in (alice, mallory, rex):
            c.sync()
        staff.sync()
        rex_id = rex.service.vault.device_key.verify_key.key_id
        admin.client.post_json(f"/v1/admin/devices/{rex_id}/revoke", {})
        staff.refresh_enrolments(force=True)

        out = root / "bundles"
        w.bundles = {
            "internal": export(staff.service, w.alice_ids + w.mallory_ids, out / "internal",
                               "internal"),
            "partners": export(staff.service, w.alice_ids, out / "partners", "partners"),
            "rex": export(staff.service, w.rex_ids, out / "rex", "internal"),
            "alice": export(alice.service, w.alice_ids, out / "alice", "internal"),
            "mallory": export(mallory.service, w.mallory_ids, out / "mallory", "internal"),
        }
        # Staff correct alice's record by annotating it and log a custody step of her evidence
        # in their own vault; staff cannot push, so neither has a receipt (ADR 0017, 0018).
        w.staff_notes = [
            str(staff.service.annotate(w.alice_ids[0], text="Date confirmed with the school",
                                       confidentiality="internal").record_id),
            str(staff.service.add_custody_event(_evidence_of(staff.service, w.alice_ids),
                                                action="copied for the court").record_id)]
        w.bundles["annotated"] = export(staff.service, w.alice_ids, out / "annotated",
                                        "internal")
        never = _vault(root / "never-synced")
        w.bundles["unsynced"] = export(never.service,
                                       [_incident(never.service, "Headscarf ban at a school")],
                                       out / "unsynced", "internal")
        never.vault.lock()
        yield w
    finally:
        live.close()


# --- small tools ------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _hex(key_id: str) -> str:
    return key_id.split(":")[1]


def _manifest(m: Members) -> dict[str, Any]:
    return dict(json.loads(m["manifest.json"]))


def _first(m: Members, prefix: str) -> str:
    return sorted(n for n in m if n.startswith(prefix))[0]


def _envelope_of(m: Members, device: str) -> str:
    """The member of the first record in ``m`` sealed by ``device``."""
    return next(r["member"] for r in _manifest(m)["records"] if r["device"] == device)


def _payload(data: bytes) -> dict[str, Any]:
    return dict(json.loads(base64.b64decode(json.loads(data)["payload"])))


def _checkpoint_name(text: str) -> str:
    return f"checkpoints/{hashlib.sha256(text.encode()).hexdigest()}.txt"


def _listing(*records: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """A manifest change that lists more records."""
    def change(manifest: dict[str, Any]) -> None:
        manifest["records"].extend(records)
    return change


def _exporter(key: SigningKey) -> Callable[[dict[str, Any]], None]:
    def change(manifest: dict[str, Any]) -> None:
        manifest["exporter"] = {"device": key.verify_key.key_id,
                                "fingerprint": key.verify_key.fingerprint}
    return change


def _enrolment_member(answer: dict[str, Any]) -> tuple[dict[str, bytes], str]:
    """Bundle members (enrolment + its checkpoint) for a registry's DeviceEnrolment answer."""
    cp = str(answer["checkpoint"])
    entry = {"checkpoint": _checkpoint_name(cp), "key_id": answer["key_id"],
             "log_index": answer["log_index"], "inclusion_proof": answer["inclusion_proof"],
             "leaf": answer["leaf"], "role": answer["role"]}
    return ({f"enrolments/{_hex(answer['key_id'])}.json": canonicalize(entry),
             _checkpoint_name(cp): cp.encode()}, answer["key_id"])


def _record_of(m: Members, device: str) -> tuple[str, dict[str, Any]]:
    """Id and record of the first record in ``m`` sealed by ``device``."""
    member = _envelope_of(m, device)
    return member.split("/")[1][:-5], _payload(m[member])["record"]


def _annotation(m: Members, device: str, text: str) -> dict[str, Any]:
    """An annotation of the first record in ``m`` sealed by ``device``."""
    rid, record = _record_of(m, device)
    return amd.new_annotation(target=rid, target_uid=str(record["uid"]), target_device=device,
                              text=text, at="2026-12-01T00:00:00Z")


def _sealed(key: SigningKey, record: dict[str, Any], *, kind: str = "annotation",
            seq: int = 90, chain_prev: str | None = None) -> sealing.SealedRecord:
    return sealing.seal(kind=kind, record=record, key=key, seq=seq, chain_prev=chain_prev,
                        prev=None, sealed_at="2026-12-01T00:00:00Z")


def add_unlogged(src: Path, out: Path, exporter: SigningKey, sealed: sealing.SealedRecord,
                 extra: dict[str, bytes] | None = None) -> Path:
    """The exporter adds a sealed record without a receipt (and ``extra`` members: its
    signer's key, an enrolment) and re-signs the manifest, listing it with no log index."""
    member = f"envelopes/{sealed.record_id}.json"

    def change(m: Members) -> None:
        m[member] = sealed.envelope.to_bytes()
        m.update(extra or {})
    return resign(src, out, exporter, change, manifest_change=_listing({
        "record_id": sealed.record_id, "kind": sealed.kind, "device": sealed.device,
        "seq": sealed.seq, "log_index": None, "redacted": False, "member": member}))


def _device_member(key: SigningKey) -> dict[str, bytes]:
    return {f"devices/{_hex(key.verify_key.key_id)}.key": key.verify_key.to_bytes()}


# --- a log rebuilt by whoever holds a log key (a compromised registry, or a fake one) ---------

@dataclass
class LogEntry:
    member: str
    part: str  # "receipt", "enrol" or "revoke"
    leaf: bytes
    index: int


def log_entries(m: Members) -> list[LogEntry]:
    out = []
    for name in sorted(m):
        if name.startswith("receipts/"):
            r = json.loads(m[name])
            out.append(LogEntry(name, "receipt", base64.b64decode(r["leaf"]), r["log_index"]))
        elif name.startswith("enrolments/"):
            e = json.loads(m[name])
            out.append(LogEntry(name, "enrol", base64.b64decode(e["leaf"]), e["log_index"]))
            rev = e.get("revocation")
            if rev and rev.get("leaf"):
                out.append(LogEntry(name, "revoke", base64.b64decode(rev["leaf"]),
                                    rev["log_index"]))
    return out


def relog(m: Members, signer: NoteSigner, leaves: list[bytes], *,
          keep_log_key: bool = False) -> Callable[[dict[str, Any]], None]:
    """Rebuild the bundle's log evidence in a new tree of ``leaves`` (in that order) under one
    checkpoint signed by ``signer``: every receipt, enrolment and revocation gets its new index
    and proof; the old checkpoints go. Returns the matching manifest change."""
    tree = merkle.MemoryTree()
    index: dict[bytes, int] = {}
    for leaf in leaves:
        index.setdefault(leaf, tree.append(leaf))
    origin = _manifest(m)["log"]["origin"]
    cp = signer.sign_checkpoint(origin, tree.size, tree.root()).text
    name = _checkpoint_name(cp)
    for n in [n for n in m if n.startswith("checkpoints/")]:
        del m[n]
    m[name] = cp.encode()

    def proof(leaf: bytes) -> dict[str, Any]:
        i = index[leaf]
        return {"checkpoint": name, "log_index": i,
                "inclusion_proof": [_b64(h) for h in tree.inclusion_proof(i)]}

    indexes: dict[str, int] = {}
    for e in log_entries(m):
        obj = json.loads(m[e.member])
        if e.part == "revoke":
            obj["revocation"].update(proof(e.leaf))
        else:
            obj.update(proof(e.leaf))
        if e.part == "receipt":
            indexes[obj["record_id"]] = obj["log_index"]
        m[e.member] = canonicalize(obj)
    if not keep_log_key:
        m["log/key.vkey"] = (signer.vkey + "\n").encode()

    def change(manifest: dict[str, Any]) -> None:
        manifest["log"]["latest_checkpoint"] = name
        for r in manifest["records"]:
            r["log_index"] = indexes.get(r["record_id"], r["log_index"])
    return change


def same_order(m: Members) -> list[bytes]:
    return [e.leaf for e in sorted(log_entries(m), key=lambda e: e.index)]


def insider_relog(src: Path, dst: Path, key: SigningKey, signer: NoteSigner,
                  arrange: Callable[[Members], list[bytes]],
                  change: Callable[[Members], None] | None = None, *,
                  keep_log_key: bool = False) -> None:
    members = read_members(src)
    if change is not None:
        change(members)
    manifest_change = relog(members, signer, arrange(members), keep_log_key=keep_log_key)
    tmp = dst.with_suffix(".relogged.zip")
    write_members(tmp, members)
    resign(tmp, dst, key, lambda m: None, manifest_change=manifest_change)


# --- the corpus ---------------------------------------------------------------------------------

Forge = Callable[[World, Path], Path]  # writes the forged bundle to the given path


@dataclass(frozen=True)
class Case:
    forge: Forge
    source: str  # which real bundle it starts from (its dossier.pdf goes with it)
    code: str | None  # the error code `fieldkit verify --json` must give; None: it passes
    pin: bool = True  # run `fieldkit verify` with --log-key <published key>


CASES: list[Case] = []


def case(source: str, code: str | None, *, pin: bool = True) -> Callable[[Forge], Forge]:
    def register(fn: Forge) -> Forge:
        CASES.append(Case(fn, source, code, pin))
        return fn
    return register


# Good bundles: both pass.

@case("internal", None)
def good_staff_internal(w: World, out: Path) -> Path:
    """A staff export for internal use of two monitors' records, unchanged: passes both."""
    return Path(shutil.copy(w.bundles["internal"], out))


@case("partners", None)
def good_staff_partners_with_redactions(w: World, out: Path) -> Path:
    """A staff export for partners (redaction statements in place of records): passes both."""
    return Path(shutil.copy(w.bundles["partners"], out))


@case("alice", None)
def good_monitor_exports_own_records(w: World, out: Path) -> Path:
    """A monitor exports the records it sealed itself: passes both."""
    return Path(shutil.copy(w.bundles["alice"], out))


@case("rex", None)
def good_record_logged_before_its_device_was_revoked(w: World, out: Path) -> Path:
    """A record logged before its device was revoked stays valid; the bundle shows the proven
    revocation, and both checks pass."""
    return Path(shutil.copy(w.bundles["rex"], out))


# Outsiders: no key at all.

@case("internal", "bundle_bad_signature")
def outsider_flips_manifest_byte(w: World, out: Path) -> Path:
    """An outsider edits the signed manifest (the audience); stopped by the exporting device's
    signature over the manifest."""
    m = read_members(w.bundles["internal"])
    m["manifest.json"] = m["manifest.json"].replace(b'"audience":"internal"',
                                                    b'"audience":"internaL"')
    return write_members(out, m)


@case("internal", "bundle_digest_mismatch")
def outsider_changes_attachment(w: World, out: Path) -> Path:
    """An outsider swaps an evidence file's bytes; stopped by the SHA-256 in the signed
    manifest and in the record."""
    m = read_members(w.bundles["internal"])
    name = _first(m, "files/")
    m[name] = flip(m[name])
    return write_members(out, m)


@case("internal", "bundle_digest_mismatch")
def outsider_rewrites_sha256sums_consistently(w: World, out: Path) -> Path:
    """An outsider changes an attachment and rewrites SHA256SUMS to match; stopped by the
    contents digest and member hashes in the signed manifest."""
    m = read_members(w.bundles["internal"])
    name = _first(m, "files/")
    m[name] = flip(m[name])
    lines = [line for line in m["SHA256SUMS"].decode().splitlines()
             if not line.endswith("  " + name)]
    lines.append(f"{hashlib.sha256(m[name]).hexdigest()}  {name}")
    m["SHA256SUMS"] = ("\n".join(sorted(lines, key=lambda x: x[66:])) + "\n").encode()
    return write_members(out, m)


@case("internal", "bundle_missing_member")
def outsider_removes_a_record(w: World, out: Path) -> Path:
    """An outsider deletes a record from the bundle to hide it; stopped by the signed manifest
    listing every member."""
    m = read_members(w.bundles["internal"])
    del m[_first(m, "envelopes/")]
    return write_members(out, m)


@case("internal", "bundle_unknown_member")
def outsider_adds_a_file(w: World, out: Path) -> Path:
    """An outsider slips an extra file into the bundle; stopped by the signed manifest naming
    exactly the members."""
    m = read_members(w.bundles["internal"])
    m["files/" + "ab" * 32] = b"planted"
    return write_members(out, m)


@case("internal", "bundle_format")
def truncated_zip_half(w: World, out: Path) -> Path:
    """A bundle cut in half in transit or on purpose; stopped by the zip reader (no central
    directory) before anything is trusted."""
    data = w.bundles["internal"].read_bytes()
    out.write_bytes(data[:len(data) // 2])
    return out


@case("internal", "bundle_format")
def truncated_zip_tail(w: World, out: Path) -> Path:
    """A bundle missing its last bytes (a damaged central directory); stopped by the zip
    reader."""
    data = w.bundles["internal"].read_bytes()
    out.write_bytes(data[:-40])
    return out


@case("alice", "bundle_unknown_member")
def outsider_mixes_records_from_two_bundles(w: World, out: Path) -> Path:
    """An outsider adds another bundle's record (with its genuine receipt) to this one; stopped
    by the signed manifest, which does not list it."""
    m = read_members(w.bundles["alice"])
    other = read_members(w.bundles["mallory"])
    for n in other:
        if n.startswith(("envelopes/", "receipts/")):
            m.setdefault(n, other[n])
    return write_members(out, m)


# Insiders holding the staff device's key: they re-sign the manifest after tampering.

@case("internal", "bundle_record_mismatch")
def insider_swaps_envelopes(w: World, out: Path) -> Path:
    """The exporter swaps two records' envelopes under each other's names; stopped by record
    ids (SHA-256 of the signed payload) in the member names."""
    def swap(m: Members) -> None:
        a, b = sorted(n for n in m if n.startswith("envelopes/"))[:2]
        m[a], m[b] = m[b], m[a]
    return resign(w.bundles["internal"], out, w.key("staff"), swap)


@case("internal", "bundle_bad_signature")
def record_resigned_by_another_enrolled_device(w: World, out: Path) -> Path:
    """Mallory's key re-signs alice's record unchanged (the payload still names alice's
    device); stopped by the record's signature having to be the named device's."""
    alice = w.key("alice").verify_key.key_id

    def change(m: Members) -> None:
        name = _envelope_of(m, alice)
        env = Envelope.from_bytes(m[name])
        m[name] = sign_envelope(env.payload, env.payload_type, w.key("mallory")).to_bytes()
    return resign(w.bundles["internal"], out, w.key("staff"), change)


@case("internal", "bundle_not_in_log")
def record_resealed_as_another_device(w: World, out: Path) -> Path:
    """Mallory re-seals alice's incident as her own and the exporter adds it; every signature
    holds, but no receipt shows the registry ever logged it, which fails closed."""
    m0 = read_members(w.bundles["internal"])
    record = _payload(m0[_envelope_of(m0, w.key("alice").verify_key.key_id)])["record"]
    forged = sealing.seal(kind="incident", record=record, key=w.key("mallory"), seq=40,
                          chain_prev=None, prev=None, sealed_at="2026-12-01T00:00:00Z")
    member = f"envelopes/{forged.record_id}.json"
    return resign(w.bundles["internal"], out, w.key("staff"),
                  lambda m: m.__setitem__(member, forged.envelope.to_bytes()),
                  manifest_change=_listing({"record_id": forged.record_id, "kind": "incident",
                                            "device": forged.device, "seq": 40,
                                            "log_index": None, "redacted": False,
                                            "member": member}))


@case("internal", "bundle_not_in_log")
def insider_removes_a_receipt(w: World, out: Path) -> Path:
    """The exporter drops a record's receipt (e.g. to pass off an unlogged record); stopped by
    requiring a verified receipt for every record."""
    def change(m: Members) -> None:
        del m[_first(m, "receipts/")]

    def unlist(manifest: dict[str, Any]) -> None:
        rid = sorted(r["record_id"] for r in manifest["records"])[0]
        for r in manifest["records"]:
            if r["record_id"] == rid:
                r["log_index"] = None
    return resign(w.bundles["internal"], out, w.key("staff"), change, manifest_change=unlist)


@case("internal", "bundle_not_in_log")
def insider_removes_exporter_enrolment(w: World, out: Path) -> Path:
    """The exporter leaves out its own enrolment; stopped by requiring the exporting device's
    enrolment, proven in the log."""
    staff = _hex(w.key("staff").verify_key.key_id)
    return resign(w.bundles["internal"], out, w.key("staff"),
                  lambda m: m.__delitem__(f"enrolments/{staff}.json"))


@case("internal", "bundle_not_in_log")
def insider_removes_a_signer_enrolment(w: World, out: Path) -> Path:
    """The exporter leaves out the enrolment of a record's device (to pass off a key the
    registry never enrolled); stopped by requiring each signer's proven enrolment."""
    alice = _hex(w.key("alice").verify_key.key_id)
    return resign(w.bundles["internal"], out, w.key("staff"),
                  lambda m: m.__delitem__(f"enrolments/{alice}.json"))


@case("internal", "bundle_bad_proof")
def enrolment_entry_with_wrong_role(w: World, out: Path) -> Path:
    """The exporter edits a monitor's enrolment to say 'staff'; stopped because the role must
    be the one in the logged enrolment leaf."""
    alice = _hex(w.key("alice").verify_key.key_id)

    def change(m: Members) -> None:
        e = json.loads(m[f"enrolments/{alice}.json"])
        e["role"] = "staff"
        m[f"enrolments/{alice}.json"] = canonicalize(e)
    return resign(w.bundles["internal"], out, w.key("staff"), change)


@case("internal", "bundle_bad_proof")
def enrolment_leaf_role_rewritten(w: World, out: Path) -> Path:
    """The exporter rewrites the enrolment leaf itself to 'staff'; stopped by the inclusion
    proof, which holds only for the leaf the log holds."""
    alice = _hex(w.key("alice").verify_key.key_id)

    def change(m: Members) -> None:
        e = json.loads(m[f"enrolments/{alice}.json"])
        leaf = json.loads(base64.b64decode(e["leaf"]))
        leaf["role"] = "staff"
        e["leaf"], e["role"] = _b64(canonicalize(leaf)), "staff"
        m[f"enrolments/{alice}.json"] = canonicalize(e)
    return resign(w.bundles["internal"], out, w.key("staff"), change)


@case("internal", "bundle_bad_proof")
def enrolment_proof_of_another_device(w: World, out: Path) -> Path:
    """The exporter presents mallory's (genuine) enrolment entry and proof as alice's; stopped
    because the leaf must enrol exactly the key of the device named."""
    alice = _hex(w.key("alice").verify_key.key_id)
    mallory = _hex(w.key("mallory").verify_key.key_id)

    def change(m: Members) -> None:
        e = json.loads(m[f"enrolments/{mallory}.json"])
        e["key_id"] = "ed25519:" + alice
        m[f"enrolments/{alice}.json"] = canonicalize(e)
    return resign(w.bundles["internal"], out, w.key("staff"), change)


@case("internal", "bundle_bad_proof")
def receipt_proves_another_leaf(w: World, out: Path) -> Path:
    """The exporter gives a record the receipt (leaf and proof, both genuine) of another
    record; stopped because the logged leaf must be exactly this record's."""
    def change(m: Members) -> None:
        a, b = sorted(n for n in m if n.startswith("receipts/"))[:2]
        ra, rb = json.loads(m[a]), json.loads(m[b])
        rb["record_id"] = ra["record_id"]
        m[a] = canonicalize(rb)

    def index(manifest: dict[str, Any]) -> None:
        recs = sorted(manifest["records"], key=lambda r: r["record_id"])
        recs[0]["log_index"] = recs[1]["log_index"]
    return resign(w.bundles["internal"], out, w.key("staff"), change, manifest_change=index)


@case("internal", "bundle_bad_proof")
def inclusion_proof_hash_flipped(w: World, out: Path) -> Path:
    """The exporter alters an inclusion proof; stopped by recomputing the Merkle root."""
    def change(m: Members) -> None:
        name = _first(m, "receipts/")
        r = json.loads(m[name])
        h = bytearray(base64.b64decode(r["inclusion_proof"][0]))
        h[3] ^= 1
        r["inclusion_proof"][0] = _b64(bytes(h))
        m[name] = canonicalize(r)
    return resign(w.bundles["internal"], out, w.key("staff"), change)


@case("partners", "bundle_bad_signature")
def redaction_statement_signed_by_unknown_key(w: World, out: Path) -> Path:
    """The exporter's redaction statement is replaced by one signed with a key nobody enrolled
    (to change what partners read); stopped because statements must verify under the exporting
    device's key."""
    outsider = SigningKey.generate()

    def change(m: Members) -> None:
        name = _first(m, "redactions/")
        st = _payload(m[name])
        st["record"]["title"] = "A different story"
        m[name] = sign_envelope(canonicalize(st), REDACTION_PAYLOAD_TYPE, outsider).to_bytes()
        m[f"devices/{_hex(outsider.verify_key.key_id)}.key"] = outsider.verify_key.to_bytes()
    return resign(w.bundles["partners"], out, w.key("staff"), change)


@case("partners", "bundle_bad_signature")
def redaction_statement_signed_by_a_monitor(w: World, out: Path) -> Path:
    """A redaction statement signed by an enrolled monitor (mallory) instead of the exporting
    device; stopped because only the exporter vouches for redacted content."""
    def change(m: Members) -> None:
        name = _first(m, "redactions/")
        st = _payload(m[name])
        m[name] = sign_envelope(canonicalize(st), REDACTION_PAYLOAD_TYPE,
                                w.key("mallory")).to_bytes()
    return resign(w.bundles["partners"], out, w.key("staff"), change)


@case("internal", "bundle_record_mismatch")
def partners_statement_mixed_into_internal_bundle(w: World, out: Path) -> Path:
    """The exporter replaces a record of an internal bundle with the partners bundle's redacted
    statement of it (mixing two bundles); stopped by the statement's audience and by internal
    bundles carrying no statements."""
    partners = read_members(w.bundles["partners"])
    statement = _first(partners, "redactions/")
    rid = statement.split("/")[1][:-5]

    def change(m: Members) -> None:
        del m[f"envelopes/{rid}.json"]
        m[statement] = partners[statement]

    def relist(manifest: dict[str, Any]) -> None:
        for r in manifest["records"]:
            if r["record_id"] == rid:
                r["member"], r["redacted"] = statement, True
    return resign(w.bundles["internal"], out, w.key("staff"), change, manifest_change=relist)


# Holders of another device's key re-sign the manifest as the exporter.

@case("internal", "bundle_not_in_log")
def manifest_resigned_by_unenrolled_key(w: World, out: Path) -> Path:
    """Someone re-signs the manifest with a key of their own and includes that key; every
    signature holds, but the log never enrolled the key: stopped by requiring the exporter's
    proven enrolment."""
    own = SigningKey.generate()
    return resign(w.bundles["internal"], out, own,
                  lambda m: m.__setitem__(f"devices/{_hex(own.verify_key.key_id)}.key",
                                          own.verify_key.to_bytes()),
                  manifest_change=_exporter(own))


@case("internal", "bundle_signer_role")
def manifest_resigned_by_a_monitor(w: World, out: Path) -> Path:
    """A hostile monitor (mallory) re-signs a staff bundle as its exporter, with her genuine
    enrolment; stopped because a monitor exports only the records it sealed itself."""
    mallory = read_members(w.bundles["mallory"])
    name = f"enrolments/{_hex(w.key('mallory').verify_key.key_id)}.json"

    def change(m: Members) -> None:
        m[name] = mallory[name]
        for n in mallory:
            if n.startswith("checkpoints/"):
                m[n] = mallory[n]
    return resign(w.bundles["internal"], out, w.key("mallory"), change,
                  manifest_change=_exporter(w.key("mallory")))


@case("alice", "bundle_signer_role")
def monitor_mixes_in_another_monitors_records(w: World, out: Path) -> Path:
    """A monitor (alice) adds another monitor's genuine, logged records (with receipts and
    enrolment) to her own bundle and re-signs; stopped because a monitor exports only records it
    sealed itself."""
    mallory = read_members(w.bundles["mallory"])
    man = _manifest(mallory)

    def change(m: Members) -> None:
        for n, data in mallory.items():
            if n.startswith(("envelopes/", "receipts/", "checkpoints/", "enrolments/",
                             "devices/")):
                m.setdefault(n, data)
    return resign(w.bundles["alice"], out, w.key("alice"), change,
                  manifest_change=_listing(*man["records"]))


@case("internal", "bundle_signer_role")
def manifest_resigned_by_the_admin(w: World, out: Path) -> Path:
    """The administrator's key (which enrols devices and reads no testimony) signs a bundle,
    with its genuine enrolment; stopped because only staff and monitors export."""
    answer = w.admin.client.get_json(f"/v1/devices/{w.admin.key_id}/enrolment")
    extra, key_id = _enrolment_member(answer)

    def change(m: Members) -> None:
        m.update(extra)
        m[f"devices/{_hex(key_id)}.key"] = w.admin.key.verify_key.to_bytes()
    return resign(w.bundles["internal"], out, w.admin.key, change,
                  manifest_change=_exporter(w.admin.key))


@case("rex", "bundle_signer_revoked")
def manifest_resigned_by_a_revoked_device(w: World, out: Path) -> Path:
    """Whoever holds a revoked device's key (rex's seized laptop) re-signs a bundle of its own
    records that shows its revocation; stopped because an exporter shown revoked may not sign."""
    return resign(w.bundles["rex"], out, w.key("rex"), lambda m: None,
                  manifest_change=_exporter(w.key("rex")))


# Whoever holds a log key: a fake log, or a compromised registry host.

@case("internal", "bundle_bad_proof")
def checkpoint_from_another_log(w: World, out: Path) -> Path:
    """The exporter re-proves everything under a checkpoint signed by another log's key but
    keeps the registry's key; stopped by every checkpoint's signature under the log key."""
    other = NoteSigner(w.vkey.split("+")[0], SigningKey.generate())
    insider_relog(w.bundles["internal"], out, w.key("staff"), other, same_order,
                  keep_log_key=True)
    return out


@case("internal", "bundle_log_key_mismatch")
def log_key_swapped_consistently(w: World, out: Path) -> Path:
    """A forger runs a log of their own and swaps its key in everywhere (checkpoints, proofs,
    log/key.vkey), so every check inside the bundle holds; stopped only by the log key the
    verifier pins (--log-key; the document's registry.vkey)."""
    fake = NoteSigner(w.vkey.split("+")[0], SigningKey.generate())
    insider_relog(w.bundles["internal"], out, w.key("staff"), fake, same_order)
    return out


@case("internal", "bundle_log_key_mismatch")
def fake_log_enrols_an_outsider_as_staff(w: World, out: Path) -> Path:
    """A forger with a log of their own enrols their own key as staff in it and signs the
    bundle with that key; stopped only by the pinned log key."""
    fake = NoteSigner(w.vkey.split("+")[0], SigningKey.generate())
    own = SigningKey.generate()
    hexid = _hex(own.verify_key.key_id)
    staff = _hex(w.key("staff").verify_key.key_id)

    def change(m: Members) -> None:
        e = json.loads(m.pop(f"enrolments/{staff}.json"))
        leaf = json.loads(base64.b64decode(e["leaf"]))
        leaf.update(device=own.verify_key.key_id, public_key=_b64(own.verify_key.to_bytes()))
        e.update(key_id=own.verify_key.key_id, leaf=_b64(canonicalize(leaf)))
        m[f"enrolments/{hexid}.json"] = canonicalize(e)
        m[f"devices/{hexid}.key"] = own.verify_key.to_bytes()
        del m[f"devices/{staff}.key"]

    members = read_members(w.bundles["internal"])
    change(members)
    manifest_change = relog(members, fake, same_order(members))
    tmp = out.with_suffix(".tmp.zip")
    write_members(tmp, members)

    def both(manifest: dict[str, Any]) -> None:
        manifest_change(manifest)
        _exporter(own)(manifest)
    resign(tmp, out, own, lambda m: None, manifest_change=both)
    return out


@case("rex", "bundle_signer_revoked")
def registry_logs_a_record_after_revoking_its_device(w: World, out: Path) -> Path:
    """A compromised registry (holding the log key) logs a revoked device's record after the
    revocation, and an exporter bundles it; stopped because the signer was revoked before the
    record's log index."""
    def arrange(m: Members) -> list[bytes]:
        entries = sorted(log_entries(m), key=lambda e: e.index)
        late = [e.leaf for e in entries if e.part == "receipt"]
        return [e.leaf for e in entries if e.part != "receipt"] + late
    insider_relog(w.bundles["rex"], out, w.key("staff"), w.log_signer(), arrange)
    return out


@case("internal", "bundle_signer_role")
def registry_logs_a_record_sealed_by_staff(w: World, out: Path) -> Path:
    """A compromised registry logs a record sealed by a staff device (which may not submit
    records), and the staff exporter bundles it; stopped because a record's signer must be
    enrolled as a monitor."""
    m0 = read_members(w.bundles["internal"])
    record = _payload(m0[_envelope_of(m0, w.key("alice").verify_key.key_id)])["record"]
    forged = sealing.seal(kind="incident", record=record, key=w.key("staff"), seq=1,
                          chain_prev=None, prev=None, sealed_at="2026-12-01T00:00:00Z")
    member = f"envelopes/{forged.record_id}.json"
    leaf = record_entry(record_id=forged.record_id, device=forged.device, seq=1, kind="incident")

    def change(m: Members) -> None:
        m[member] = forged.envelope.to_bytes()
        m[f"receipts/{forged.record_id}.json"] = canonicalize({
            "checkpoint": "", "inclusion_proof": [], "leaf": _b64(leaf), "log_index": 0,
            "record_id": forged.record_id})

    def arrange(m: Members) -> list[bytes]:
        return same_order(m)

    members = read_members(w.bundles["internal"])
    change(members)
    manifest_change = relog(members, w.log_signer(), arrange(members))
    tmp = out.with_suffix(".tmp.zip")
    write_members(tmp, members)

    def both(manifest: dict[str, Any]) -> None:
        _listing({"record_id": forged.record_id, "kind": "incident", "device": forged.device,
                  "seq": 1, "log_index": None, "redacted": False, "member": member})(manifest)
        manifest_change(manifest)
    resign(tmp, out, w.key("staff"), lambda m: None, manifest_change=both)
    return out


@case("rex", "bundle_bad_proof")
def registry_shows_two_histories_in_one_bundle(w: World, out: Path) -> Path:
    """A compromised registry proves receipts and enrolments under two different trees of the
    same size (a split view), each proof valid on its own; stopped because two signed
    checkpoints of one size must have one root."""
    signer = w.log_signer()
    m = read_members(w.bundles["rex"])
    leaves = same_order(m)
    assert len(leaves) >= 3
    trees = (leaves, leaves[::-1])
    proven: dict[str, Any] = {}
    for which, order in enumerate(trees):
        tree = merkle.MemoryTree()
        for leaf in order:
            tree.append(leaf)
        cp = signer.sign_checkpoint(_manifest(m)["log"]["origin"], tree.size, tree.root()).text
        proven[str(which)] = (tree, order, cp)
    for n in [n for n in m if n.startswith("checkpoints/")]:
        del m[n]
    indexes: dict[str, int] = {}
    for e in log_entries(m):
        tree, order, cp = proven["0" if e.part == "receipt" else "1"]
        m[_checkpoint_name(cp)] = cp.encode()
        i = order.index(e.leaf)
        where = {"checkpoint": _checkpoint_name(cp), "log_index": i,
                 "inclusion_proof": [_b64(h) for h in tree.inclusion_proof(i)]}
        obj = json.loads(m[e.member])
        (obj["revocation"] if e.part == "revoke" else obj).update(where)
        if e.part == "receipt":
            indexes[obj["record_id"]] = i
        m[e.member] = canonicalize(obj)
    tmp = write_members(out.with_suffix(".tmp.zip"), m)

    def change(manifest: dict[str, Any]) -> None:
        manifest["log"]["latest_checkpoint"] = _checkpoint_name(proven["0"][2])
        for r in manifest["records"]:
            r["log_index"] = indexes.get(r["record_id"], r["log_index"])
    return resign(tmp, out, w.key("staff"), lambda m: None, manifest_change=change)


# Records without a receipt. Staff cannot push, so a staff vault's own annotations and custody
# events reach a bundle with no receipt. Only those are accepted: notes about the bundle's
# records, signed by the exporting device itself, enrolled to export and not revoked, and the
# report names them (ADR 0018, "Notes by the exporting device").

@case("annotated", None)
def good_staff_export_with_its_own_notes(w: World, out: Path) -> Path:
    """A staff export carrying the staff device's own annotation of a monitor's record and its
    own custody event of that record's evidence, neither logged (staff cannot push): passes
    both, and both say that these notes are vouched for by the exporter alone."""
    return Path(shutil.copy(w.bundles["annotated"], out))


@case("internal", "bundle_not_in_log")
def exporter_injects_an_unlogged_incident(w: World, out: Path) -> Path:
    """The exporter seals an incident of its own (a claim no monitor made) and slips it in
    without a receipt; stopped because only notes about other records, never an incident, may
    lack a receipt."""
    m = read_members(w.bundles["internal"])
    _rid, record = _record_of(m, w.key("alice").verify_key.key_id)
    forged = _sealed(w.key("staff"), dict(record, title="An incident nobody logged"),
                     kind="incident")
    return add_unlogged(w.bundles["internal"], out, w.key("staff"), forged)


@case("internal", "bundle_not_in_log")
def annotation_by_another_staff_device_without_receipt(w: World, out: Path) -> Path:
    """A second, genuinely enrolled staff device's annotation (with its proven enrolment) is put
    into this staff exporter's bundle without a receipt; stopped because an unlogged note counts
    only when the exporting device itself signed it."""
    other = w.live.enroll("staff", admin=w.admin, label="second envoy office")
    extra, _ = _enrolment_member(
        w.admin.client.get_json(f"/v1/devices/{other.key.verify_key.key_id}/enrolment"))
    m = read_members(w.bundles["internal"])
    note = _sealed(other.key, _annotation(m, w.key("alice").verify_key.key_id,
                                          "The school denies all of it"))
    return add_unlogged(w.bundles["internal"], out, w.key("staff"), note,
                        {**extra, **_device_member(other.key)})


@case("internal", "bundle_not_in_log")
def annotation_by_a_monitor_without_receipt(w: World, out: Path) -> Path:
    """A hostile monitor's (mallory's) annotation of alice's record that the registry never
    logged is added by the exporter; stopped because it has no receipt and is not the
    exporter's own."""
    m = read_members(w.bundles["internal"])
    note = _sealed(w.key("mallory"), _annotation(m, w.key("alice").verify_key.key_id,
                                                 "this never happened"))
    return add_unlogged(w.bundles["internal"], out, w.key("staff"), note)


@case("internal", "bundle_not_in_log")
def annotation_by_an_unenrolled_key(w: World, out: Path) -> Path:
    """An annotation signed by a key no log enrolled (its key bundled beside it) is added
    without a receipt; stopped because it is neither logged nor the exporter's."""
    own = SigningKey.generate()
    m = read_members(w.bundles["internal"])
    note = _sealed(own, _annotation(m, w.key("alice").verify_key.key_id, "a planted note"))
    return add_unlogged(w.bundles["internal"], out, w.key("staff"), note, _device_member(own))


@case("rex", "bundle_signer_revoked")
def annotation_by_a_revoked_exporter(w: World, out: Path) -> Path:
    """Whoever holds a revoked device's key (rex's seized laptop) annotates its own record and
    exports it without a receipt; stopped because an exporter shown revoked vouches for
    nothing, its notes included."""
    m = read_members(w.bundles["rex"])
    rex = w.key("rex").verify_key.key_id
    rid, _record = _record_of(m, rex)
    note = _sealed(w.key("rex"), _annotation(m, rex, "retracted under pressure"), seq=2,
                   chain_prev=rid)
    src = resign(w.bundles["rex"], out.with_suffix(".rex.zip"), w.key("rex"), lambda m: None,
                 manifest_change=_exporter(w.key("rex")))
    return add_unlogged(src, out, w.key("rex"), note)


@case("partners", "bundle_record_mismatch")
def exporter_annotation_of_a_record_not_in_the_bundle(w: World, out: Path) -> Path:
    """The exporter adds its own unlogged annotation of a record the bundle does not hold
    (mallory's), a note standing on its own; stopped because a note must be about a record of
    the bundle (its target, or a revision of the same incident by the same device)."""
    internal = read_members(w.bundles["internal"])
    note = _sealed(w.key("staff"), _annotation(internal, w.key("mallory").verify_key.key_id,
                                               "see the mosque's own account"))
    return add_unlogged(w.bundles["partners"], out, w.key("staff"), note)


@case("internal", "bundle_record_mismatch")
def exporter_custody_event_of_a_file_not_in_the_bundle(w: World, out: Path) -> Path:
    """The exporter adds its own unlogged custody event of a file no record in the bundle
    names; stopped because a custody event must be about evidence the bundle's records name."""
    event = {"schema": "fieldkit.custody/1", "sha256": "cd" * 32, "at": "2026-12-01T00:00:00Z",
             "actor": w.key("staff").verify_key.key_id, "action": "destroyed", "note": ""}
    return add_unlogged(w.bundles["internal"], out, w.key("staff"),
                        _sealed(w.key("staff"), event, kind="custody"))


# No log data.

@case("unsynced", "bundle_unanchored", pin=False)
def bundle_with_no_log_data(w: World, out: Path) -> Path:
    """A bundle from a vault that never synced: nothing ties it to a log, so it fails unless
    the person asks for --unanchored (then its first line says so)."""
    return Path(shutil.copy(w.bundles["unsynced"], out))


@case("internal", "bundle_unanchored", pin=False)
def insider_strips_all_log_data(w: World, out: Path) -> Path:
    """The exporter strips every receipt, checkpoint, enrolment and the log key (to hide that
    the log does not vouch for something); stopped by refusing a bundle with no log data."""
    def change(m: Members) -> None:
        for n in [n for n in m if n.startswith(("receipts/", "checkpoints/", "enrolments/",
                                                "log/"))]:
            del m[n]

    def unlog(manifest: dict[str, Any]) -> None:
        manifest["log"] = None
        for r in manifest["records"]:
            r["log_index"] = None
    return resign(w.bundles["internal"], out, w.key("staff"), change, manifest_change=unlog)


@case("internal", "bundle_log_key_mismatch")
def log_data_stripped_but_key_pinned(w: World, out: Path) -> Path:
    """The same stripped bundle, checked with the published log key pinned: a key the bundle
    cannot be checked against is an error, not silently unused."""
    return insider_strips_all_log_data(w, out)


# --- running both checks ------------------------------------------------------------------------

def run_verify(bundle: Path, pdf: Path, vkey: str | None, *extra: str
               ) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "fieldkit", "verify", str(bundle), "--dossier", str(pdf)]
    if vkey is not None:
        key_file = bundle.parent / "registry.vkey"
        key_file.write_text(vkey + "\n", encoding="utf-8")
        args += ["--log-key", str(key_file)]
    return subprocess.run([*args, *extra], capture_output=True, text=True, timeout=300,
                          check=False)


def run_document(bundle: Path, pdf: Path, vkey: str,
                 work: Path) -> subprocess.CompletedProcess[str]:
    work.mkdir()
    shutil.copy(bundle, work / "bundle.zip")
    shutil.copy(pdf, work / "dossier.pdf")
    (work / "registry.vkey").write_text(vkey + "\n", encoding="utf-8")
    return follow(work)


def test_the_corpus_is_large_enough() -> None:
    forged = [c for c in CASES if c.code is not None]
    assert len(forged) >= 30 and len({c.forge.__name__ for c in CASES}) == len(CASES)
    assert all(c.forge.__doc__ for c in CASES)


@pytest.mark.parametrize("c", CASES, ids=[c.forge.__name__ for c in CASES])
def test_verify_and_the_document_agree(world: World, c: Case, tmp_path: Path) -> None:
    bundle = c.forge(world, tmp_path / "bundle.zip")
    pdf = world.bundles[c.source].parent / "dossier.pdf"
    v = run_verify(bundle, pdf, world.vkey if c.pin else None, "--json")
    d = run_document(bundle, pdf, world.vkey, tmp_path / "doc")
    doc_out = d.stdout + d.stderr
    if c.code is None:
        assert v.returncode == 0, v.stdout + v.stderr
        assert json.loads(v.stdout)["anchored"] is True
        assert d.returncode == 0 and "FAILED" not in doc_out, doc_out
        return
    assert v.returncode != 0, v.stdout
    error = json.loads(v.stdout)["error"]
    assert error["code"] == c.code, error
    assert v.returncode == (5 if c.code == "bundle_unanchored" else 4)
    assert d.returncode != 0, doc_out
    assert "FAILED" in doc_out, doc_out


def test_unanchored_says_so_on_its_first_line(world: World, tmp_path: Path) -> None:
    """With --unanchored, a bundle without log data is checked for what it holds, and the first
    line of the report says that nothing ties it to a log; a pinned key is still an error."""
    bundle = world.bundles["unsynced"]
    pdf = bundle.parent / "dossier.pdf"
    r = run_verify(bundle, pdf, None, "--unanchored")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[0].startswith(
        "UNANCHORED: nothing ties this bundle to a registry log")
    without = run_verify(bundle, pdf, None)
    assert without.returncode == 5 and "no registry log data" in without.stderr
    pinned = run_verify(bundle, pdf, world.vkey, "--unanchored")
    assert pinned.returncode == 4 and "carries no log data" in pinned.stderr


def test_exporter_notes_are_named_in_both_reports(world: World, tmp_path: Path) -> None:
    """Notes accepted without a receipt are never accepted silently: `fieldkit verify` (text and
    JSON) and the document both say how many notes only the exporting device vouches for."""
    bundle = world.bundles["annotated"]
    pdf = bundle.parent / "dossier.pdf"
    text = run_verify(bundle, pdf, world.vkey)
    assert text.returncode == 0, text.stdout + text.stderr
    assert ("2 notes by the exporting device, not in the registry log (1 annotation, 1 custody "
            "event)") in text.stdout
    report = json.loads(run_verify(bundle, pdf, world.vkey, "--json").stdout)
    assert report["anchored"] is True
    assert sorted(report["exporter_notes"]) == sorted(world.staff_notes)
    by_id = {r["record_id"]: r for r in report["records"]}
    assert all(by_id[r]["log_index"] is None and by_id[r]["vouched_by"] == "exporter"
               for r in world.staff_notes)
    d = run_document(bundle, pdf, world.vkey, tmp_path / "doc")
    assert d.returncode == 0, d.stdout + d.stderr
    assert ("note: 2 note(s) by the exporting device are not in the registry log (1 annotation, "
            "1 custody event)") in d.stdout
