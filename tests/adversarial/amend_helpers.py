"""What the amendment attacks share: sealing as an honest monitor does, forging an amendment
as a hostile device does (its own key, any ``prev``, any ``sealed_at``, any body), and
reading the staff vault the way a person does (the `fieldkit` command, pdftotext)."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldkit.domain import sealing
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault, now_iso
from fieldkit.sync.client import SyncClient

from .conftest import PASS, Field


def seal_incident(client: SyncClient, title: str, *, country: str = "FR",
                  description: str = "", confidentiality: str = "internal") -> str:
    svc = client.service
    draft = svc.create_incident(title=title, category="hate_crime.arson", occurred="2026-03-13",
                                country=country, description=description,
                                confidentiality=confidentiality)
    return svc.seal(draft.ref).record_id


def forge(client: SyncClient, *, record: dict[str, Any], prev: str | None,
          sealed_at: str | None = None, kind: str = "incident") -> str:
    """Seal ``record`` with this device's own key, next in its own chain, naming ``prev``:
    exactly what a hostile (or seized) enrolled device can do with a modified client."""
    svc = client.service
    with svc.vault.write() as conn:
        seq, head = svc._chain_head(conn)
        sealed = sealing.seal(kind=kind, record=record, key=svc.vault.device_key, seq=seq + 1,
                              chain_prev=head, prev=prev, sealed_at=sealed_at or now_iso())
        conn.execute("INSERT INTO sealed(record_id, kind, device, seq, chain_prev, prev, "
                     "sealed_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (sealed.record_id, kind, sealed.device, sealed.seq, sealed.chain_prev,
                      prev, sealed.sealed_at, sealed.envelope.to_bytes()))
    return sealed.record_id


def body_of(client: SyncClient, record_id: str) -> dict[str, Any]:
    return copy.deepcopy(client.service.sealed_record(record_id).record)


@contextlib.contextmanager
def staff_closed(f: Field) -> Iterator[None]:
    """Close the staff vault for the `fieldkit` command (one process at a time holds a vault),
    then open it again for the test."""
    f.staff.vault.lock()
    try:
        yield
    finally:
        f.staff = SyncClient(VaultService(Vault.open(f.tmp / "staff", PASS)))


def fieldkit(f: Field, *args: str) -> subprocess.CompletedProcess[str]:
    """The `fieldkit` command on the staff vault, as a person runs it (inside
    :func:`staff_closed`)."""
    env = {**os.environ, "FIELDKIT_VAULT": str(f.tmp / "staff"), "FIELDKIT_PASSPHRASE": PASS}
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def show(f: Field, ref: str) -> dict[str, Any]:
    proc = fieldkit(f, "show", ref, "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return "".join(out.split())


def export_and_verify(f: Field, *ids: str, audience: str = "internal") -> tuple[str, Path]:
    """Export a dossier with its bundle from the staff vault and verify the bundle with
    `fieldkit verify`; return the PDF's text (whitespace removed) and the bundle."""
    pdf, bundle = f.tmp / f"dossier-{audience}.pdf", f.tmp / f"dossier-{audience}.zip"
    proc = fieldkit(f, "export", "dossier", *ids, "--audience", audience, "--language", "en",
                    "--out", str(pdf), "--bundle", str(bundle), "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    verified = fieldkit(f, "verify", str(bundle), "--dossier", str(pdf))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    return pdf_text(pdf), bundle
