"""The scripted end-to-end demo: ``python -m fieldkit.demo`` (what ``./dev demo`` runs).

1. A local registry (SQLite) over HTTPS on a loopback port, with its own certificate and log key.
2. A staff vault creates the organisation key; the registry operator registers its public part.
3. A monitor vault imports the fictional incidents in ``resources/demo/`` with their evidence
   files, seals them, amends one, and searches them in several languages and scripts.
4. Both vaults enrol with single-use codes (certificate pinned, device key registered).
5. The monitor syncs: files as encrypted chunks, records sealed to the staff key, receipts
   verified against signed checkpoints.
6. Staff pull: decrypt, verify the monitor's signatures, fetch the files, check everything.
7. Staff export dossiers (Arabic, English) with verification bundles, verify the bundles
   offline, and report the exports to the registry's audit log.
8. Where a display is present (and not ``--no-app``), the desktop app opens on the monitor
   vault, connected to the still-running registry; closing its window ends the demo.
9. The registry stops.

Every step uses the same service layer as the CLI and the app.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.domain.taxonomy import default_taxonomy
from fieldkit.errors import FieldKitError
from fieldkit.resources import resource_path
from fieldkit.service import IncidentView, VaultService
from fieldkit.storage.vault import Vault, vault_exists, wipe

if TYPE_CHECKING:
    from fieldkit.registry.service import Registry
    from fieldkit.sync.client import SyncClient

DEMO_DIR = resource_path("demo")
DEMO_PASSPHRASE = "demo vault - not a secret"
QUERIES = ["مسجد", "المَسْجِد", "احمد", "12", "МЕЧЕТЬ", "foulard", "mosque"]


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_registry(data: Path) -> Iterator[tuple[Registry, str]]:
    """A registry on SQLite served over HTTPS on a loopback port, in this process; stopped
    (and every connection closed) when the block ends. Yields (Registry, url)."""
    import uvicorn

    from fieldkit.registry.app import create_app
    from fieldkit.registry.config import RegistryHome
    from fieldkit.registry.service import Registry as RegistryService

    port = _free_port()
    home = RegistryHome(data)
    home.init(database=None, url=f"https://127.0.0.1:{port}", hosts=["127.0.0.1"])
    registry = RegistryService.open(home)
    server = uvicorn.Server(uvicorn.Config(
        create_app(registry), host="127.0.0.1", port=port, log_level="warning",
        access_log=False, ssl_certfile=str(home.cert_file), ssl_keyfile=str(home.key_file)))
    thread = threading.Thread(target=server.run, name="registry", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise FieldKitError("The local registry did not start.")
        time.sleep(0.05)
    try:
        yield registry, f"https://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        registry.close()


def _fresh(path: Path) -> None:
    if vault_exists(path):
        wipe(path)  # a previous demo run's vault: crypto-shredded, then removed
    elif path.exists():
        shutil.rmtree(path)


def display_available() -> bool:
    """A desktop to show the app on: X11 or Wayland, and Qt not forced headless."""
    import os

    headless = os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "vnc")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and not headless


def run(out_dir: Path, *, open_app: bool = False) -> int:
    from fieldkit.sync.client import SyncClient

    out_dir = out_dir.resolve()
    for name in ("vault", "staff-vault", "registry", "exports"):
        _fresh(out_dir / name)
    step(f"Starting a local registry (SQLite, HTTPS on loopback) in {out_dir / 'registry'}")
    with local_registry(out_dir / "registry") as (registry, url):
        print(f"   {url}   log origin {registry.config.origin}")

        step("Creating the staff vault and the organisation's end-to-end key")
        staff_vault, _ = Vault.create(out_dir / "staff-vault", DEMO_PASSPHRASE)
        staff = SyncClient(VaultService(staff_vault))
        org = staff.org_key_init()
        index = registry.set_org_key(org.to_text(), by="demo operator")
        print(f"   {org.key_id[:24]}…  registered by the operator (log entry #{index})")

        step(f"Creating a demo monitor vault in {out_dir / 'vault'}")
        started = time.perf_counter()
        vault, recovery = Vault.create(out_dir / "vault", DEMO_PASSPHRASE)
        print(f"   passphrase: {DEMO_PASSPHRASE!r}   recovery key: {recovery}")
        print(f"   device key: {vault.device_key.verify_key.fingerprint}  "
              f"({time.perf_counter() - started:.2f} s, Argon2id 64 MiB)")
        service = VaultService(vault)
        monitor = SyncClient(service)
        with vault, staff_vault:
            views = _capture(service)
            ok = _search_and_check(service, views)

            step("Enrolling both vaults with single-use codes (certificate pinned)")
            for client, role in ((monitor, "monitor"), (staff, "staff")):
                code = registry.new_enroll_code(role=role)
                answer = client.enroll(code.to_text(), label=f"demo {role}")
                print(f"   {role:<8} {answer.key_id[:24]}…  log entry #{answer.enrol_index}")

            step("Monitor syncs: files as encrypted chunks, records sealed to the staff key")
            pushed = monitor.sync()
            print(f"   {pushed.records} records, {pushed.files} files, {pushed.bytes_sent:,} "
                  f"bytes; every receipt verified (checkpoint size {pushed.checkpoint_size})")

            step("Staff pull: decrypt, verify the monitor's signatures, fetch the files")
            pulled = staff.sync()
            staff_report = staff.service.check()
            print(f"   {pulled.records} records, {pulled.files} files, "
                  f"{pulled.bytes_received:,} bytes; staff vault check: "
                  f"{'OK' if staff_report.ok else staff_report.problems}")
            ok = ok and staff_report.ok and pulled.records == pushed.records
            ok = _export(staff, out_dir / "exports") and ok

            step("Summary")
            stats = service.stats()
            print(f"   monitor: incidents {stats['incidents']}, sealed records {stats['sealed']}, "
                  f"attachments {stats['attachments']}, queue {monitor.pending_count()}")
            print(f"   staff:   {staff.service.stats()}")
            print(f"   try:  FIELDKIT_VAULT={out_dir / 'vault'} "
                  f"FIELDKIT_PASSPHRASE='{DEMO_PASSPHRASE}' .venv/bin/fieldkit search مسجد")
        if open_app:  # the vaults are closed now; the registry keeps running for the app
            step(f"Opening the app on {out_dir / 'vault'} (close its window to finish)")
            print(f"   passphrase: {DEMO_PASSPHRASE!r} (filled in); registry {url}")
            _open_app(out_dir / "vault", out_dir / "app-settings.json")
    step("Registry stopped")
    return 0 if ok else 1


def _open_app(vault_dir: Path, settings_path: Path) -> None:
    """The desktop app on the demo vault, until its window closes (imported here: the core
    never loads Qt)."""
    from fieldkit.ui.app import run as run_app
    from fieldkit.ui.settings import Settings

    def prefill(window: object) -> None:
        page = window.unlock_screen.unlock_page  # type: ignore[attr-defined]
        page.passphrase.setText(DEMO_PASSPHRASE)

    run_app(vault_dir, settings=Settings.load(settings_path), on_window=prefill)


def _export(staff: SyncClient, out: Path) -> bool:
    """Dossiers and bundles of the demo incidents for partners, from the staff vault; each
    bundle verified offline against its dossier; the export log reported to the registry."""
    from fieldkit.export.job import export_dossier
    from fieldkit.export.log import list_exports
    from fieldkit.export.verify import verify_bundle

    step("Staff export dossiers for partners (Arabic and English) with verification bundles")
    out.mkdir(parents=True, exist_ok=True)
    ok = True
    for lang in ("ar", "en"):
        started = time.perf_counter()
        result = export_dossier(staff.service, audience="partners", language=lang,
                                out_pdf=out / f"dossier-{lang}.pdf",
                                out_bundle=out / f"dossier-{lang}.zip",
                                prepared_by="FieldKit demo")
        assert result.bundle is not None
        report = verify_bundle(result.bundle, dossier=result.pdf)
        ok = ok and not report.problems
        print(f"   {lang}: {len(result.record_ids)} incidents, {result.pages} pages "
              f"({time.perf_counter() - started:.1f} s); bundle verified: "
              f"{'OK' if not report.problems else report.problems}")
        print(f"       dossier {result.pdf}")
        print(f"       bundle  {result.bundle}  (contents digest "
              f"{(result.contents_digest or '')[:16]}…)")
    staff.sync()
    statuses = {r["status"] for r in list_exports(staff.service, limit=10)}
    print(f"   export log: {len(list_exports(staff.service))} exports, "
          f"{', '.join(sorted(statuses))} (sent to the registry's audit log on sync)")
    print(f"   check one yourself:  .venv/bin/fieldkit verify {out / 'dossier-ar.zip'} "
          f"--dossier {out / 'dossier-ar.pdf'}")
    return ok


def _capture(service: VaultService) -> list[IncidentView]:
    step("Importing and sealing the fictional demo incidents (resources/demo)")
    doc = json.loads((DEMO_DIR / "incidents.json").read_text(encoding="utf-8"))
    views = service.import_incidents(doc["incidents"], base_dir=DEMO_DIR / "files", seal=True)
    tax = default_taxonomy()
    for v in views:
        print(f"   {v.ref[:12]}…  {v.country}  {tax.get(v.category).label('en'):<34} "
              f"{v.title}")
    step("Amending one sealed incident (a new revision that names its predecessor)")
    first = views[0]
    assert first.record_id is not None
    draft = service.amend(first.record_id, description=first.body["description"]
                          + "\n(Amended: time of the police report corrected.)")
    assert draft.draft_id is not None
    amended = service.seal(draft.draft_id)
    print(f"   {amended.record_id[:12]}… amends {(amended.prev or '')[:12]}… "
          f"(#{amended.seq} in this device's chain)")
    return list(views)


def _search_and_check(service: VaultService, views: list[IncidentView]) -> bool:
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
    return report.ok and digest == sha


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m fieldkit.demo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("out/demo"),
                        help="where the demo vaults and registry go (default: out/demo)")
    parser.add_argument("--no-app", action="store_true",
                        help="do not open the desktop app at the end, even with a display")
    args = parser.parse_args(argv)
    try:
        sys.exit(run(args.out, open_app=display_available() and not args.no_app))
    except FieldKitError as err:
        print(f"error: {err.diagnostics()}", file=sys.stderr)
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
