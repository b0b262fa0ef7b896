"""The scripted end-to-end demo: ``python -m fieldkit.demo`` (what ``./dev demo`` runs).

Creates a demo vault, imports the fictional incidents in ``resources/demo/`` with their
evidence files, seals them, amends one, searches in several languages and scripts, verifies
everything, and prints a summary. Every step uses the same service layer as the CLI and app.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from fieldkit.domain.taxonomy import default_taxonomy
from fieldkit.errors import FieldKitError
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault, vault_exists, wipe

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
DEMO_PASSPHRASE = "demo vault - not a secret"
QUERIES = ["مسجد", "المَسْجِد", "احمد", "12", "МЕЧЕТЬ", "foulard", "mosque"]


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def run(out_dir: Path) -> int:
    vault_dir = out_dir / "vault"
    if vault_exists(vault_dir):
        wipe(vault_dir)  # the previous demo run's vault
    step(f"Creating a demo vault in {vault_dir}")
    started = time.perf_counter()
    vault, recovery = Vault.create(vault_dir, DEMO_PASSPHRASE)
    print(f"   passphrase: {DEMO_PASSPHRASE!r}   recovery key: {recovery}")
    print(f"   device key: {vault.device_key.verify_key.fingerprint}  "
          f"({time.perf_counter() - started:.2f} s, Argon2id 64 MiB)")
    service = VaultService(vault)
    with vault:
        step("Importing and sealing the fictional demo incidents (resources/demo)")
        doc = json.loads((DEMO_DIR / "incidents.json").read_text(encoding="utf-8"))
        views = service.import_incidents(doc["incidents"], base_dir=DEMO_DIR / "files",
                                         seal=True)
        tax = default_taxonomy()
        for v in views:
            print(f"   {v.ref[:12]}…  {v.country}  {tax.get(v.category).label('en'):<34} "
                  f"{v.title}")

        step("Amending one sealed incident (a new revision that names its predecessor)")
        first = views[0]
        assert first.record_id is not None
        draft = service.amend(first.record_id, description=first.body["description"]
                              + "\n[Amended: time of the police report corrected.]")
        assert draft.draft_id is not None
        amended = service.seal(draft.draft_id)
        print(f"   {amended.record_id[:12]}… amends {(amended.prev or '')[:12]}… "
              f"(#{amended.seq} in this device's chain)")

        step("Searching (Arabic folded: article, harakat, hamza, digits; Cyrillic by case)")
        for q in QUERIES:
            hits = service.search(q, limit=3)
            found = "; ".join(h.incident.title[:40] for h in hits) or "no results"
            print(f"   {q:<12} -> {len(hits)} hit(s): {found}")

        step("Extracting one evidence file and checking its SHA-256")
        sha = next(v.body["evidence"][0]["sha256"] for v in views if v.body["evidence"])
        with tempfile.TemporaryDirectory() as tmp:
            info = service.extract_evidence(sha, Path(tmp) / "evidence")
            digest = hashlib.sha256((Path(tmp) / "evidence").read_bytes()).hexdigest()
        print(f"   {info.file_name}: {info.size:,} bytes, sha256 {digest[:16]}… "
              f"{'matches' if digest == sha else 'DIFFERS'}")

        step("Verifying the vault (SQLCipher pages, every seal, the device chain, attachments)")
        report = service.check()
        print(f"   {'OK' if report.ok else 'PROBLEMS: ' + '; '.join(report.problems)} — "
              f"{report.sealed_records} sealed records, {report.attachments_verified}/"
              f"{report.attachments} attachments verified")

        step("Summary")
        stats = service.stats()
        print(f"   incidents {stats['incidents']}, sealed records {stats['sealed']}, "
              f"attachments {stats['attachments']}")
        print(f"   try:  FIELDKIT_VAULT={vault_dir} FIELDKIT_PASSPHRASE='{DEMO_PASSPHRASE}' "
              ".venv/bin/fieldkit search مسجد")
        return 0 if report.ok and digest == sha else 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m fieldkit.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"),
                        help="where the demo vault goes (default: out/demo)")
    args = parser.parse_args(argv)
    try:
        sys.exit(run(args.out))
    except FieldKitError as err:
        print(f"error: {err.diagnostics()}", file=sys.stderr)
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
