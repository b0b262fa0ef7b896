#!/usr/bin/env python3
"""Screenshots of the app's main screens in English and Arabic, from a REAL window.

Starts its own Xvfb (the app runs on Qt's xcb platform, as on a desktop), builds a demo
world in a temporary directory — a local HTTPS registry, a monitor vault with the demo
incidents sealed and synced, an administrator's vault — and grabs the X screen for each
screen: unlock, incident list, editor, sync, audit. Writes ``out/screenshots/{lang}-{name}.png``.

    .venv/bin/python scripts/screenshots.py [--out out/screenshots] [--languages en,ar]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREENS = ("unlock", "incidents", "editor", "sync", "audit")
SIZE = (1280, 800)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a display number it picks itself (-displayfd); returns (process, ":N")."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` (a real loop: deleteLater is processed, as in the app)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(cond, ms: int = 20_000) -> None:  # type: ignore[no-untyped-def]
    import time as _time

    end = _time.monotonic() + ms / 1000
    while not cond():
        if _time.monotonic() > end:
            raise TimeoutError("timed out waiting for the window")
        wait(20)


def build_world(tmp: Path, registry_url: str, registry) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A monitor vault with the demo incidents (sealed, one amended, synced) and an admin
    vault enrolled with the same registry."""
    from fieldkit.demo import DEMO_DIR, DEMO_PASSPHRASE
    from fieldkit.service import VaultService
    from fieldkit.storage.vault import Vault
    from fieldkit.sync.client import SyncClient

    staff_vault, _ = Vault.create(tmp / "staff", DEMO_PASSPHRASE)
    monitor_vault, _ = Vault.create(tmp / "monitor", DEMO_PASSPHRASE)
    admin_vault, _ = Vault.create(tmp / "admin", DEMO_PASSPHRASE)
    with staff_vault, monitor_vault, admin_vault:
        staff = SyncClient(VaultService(staff_vault))
        registry.set_org_key(staff.org_key_init().to_text(), by="screenshots")
        service = VaultService(monitor_vault)
        doc = json.loads((DEMO_DIR / "incidents.json").read_text(encoding="utf-8"))
        views = service.import_incidents(doc["incidents"], base_dir=DEMO_DIR / "files",
                                         seal=True)
        # two drafts too, so the list shows both states
        service.create_incident(title="مسودة: منشورات تحريضية ضد مسجد الحي",
                                category="hate_speech.online", occurred="2026-04-10",
                                country="SY", place="حلب")
        service.create_incident(title="Draft: graffiti on a prayer room door",
                                category="hate_crime.vandalism", occurred="2026-04-08",
                                country="FR")
        monitor = SyncClient(service)
        for client, role in ((monitor, "monitor"), (staff, "staff"),
                             (SyncClient(VaultService(admin_vault)), "admin")):
            client.enroll(registry.new_enroll_code(role=role).to_text(), label=f"demo {role}")
        monitor.sync()
        assert views
    return tmp / "monitor", tmp / "admin"


def arabic_incident_ref(vault_dir: Path) -> str:
    from fieldkit.demo import DEMO_PASSPHRASE
    from fieldkit.service import VaultService
    from fieldkit.storage.vault import Vault

    with Vault.open(vault_dir, DEMO_PASSPHRASE) as vault:
        rows = VaultService(vault).list_incidents(limit=200)
        for v in rows:
            if any("\u0600" <= ch <= "\u06ff" for ch in v.title) and v.body["testimonies"]:
                return v.ref
        return rows[0].ref


def shoot(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Grab the window's area from the X server (what a person would see)."""
    from PySide6.QtGui import QGuiApplication

    wait(400)
    screen = QGuiApplication.primaryScreen()
    geo = window.frameGeometry()
    pixmap = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    if not pixmap.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"   {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def run(out: Path, languages: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from fieldkit.demo import DEMO_PASSPHRASE, local_registry
    from fieldkit.storage.vault import Vault
    from fieldkit.ui import i18n
    from fieldkit.ui.context import AppContext
    from fieldkit.ui.mainwindow import MainWindow
    from fieldkit.ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    i18n.load_fonts()
    with tempfile.TemporaryDirectory(prefix="fieldkit-shots-") as tmp_name:
        tmp = Path(tmp_name)
        with local_registry(tmp / "registry") as (registry, url):
            print(f"== demo world on {url}")
            monitor_dir, admin_dir = build_world(tmp, url, registry)
            ref = arabic_incident_ref(monitor_dir)
            for lang in languages:
                print(f"== {lang}")
                i18n.set_language(lang)
                ctx = AppContext(monitor_dir, Settings(language=lang))
                window = MainWindow(ctx)
                window.resize(*SIZE)
                window.move(0, 0)
                window.show()
                wait_until(window.isVisible)
                window.unlock_screen.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
                shoot(window, out / f"{lang}-unlock.png")

                ctx.attach(Vault.open(monitor_dir, DEMO_PASSPHRASE))
                page = window.pages["incidents"]
                wait_until(lambda p=page: p.model.rowCount() > 0 and not p.model.loading)
                ctx.tasks.wait_idle(10_000)
                shoot(window, out / f"{lang}-incidents.png")

                editor = window.open_editor(ref)
                if editor is not None:
                    ctx.tasks.wait_idle(10_000)
                    shoot(window, out / f"{lang}-editor.png")
                    window._close_editor(force=True)
                    wait(50)

                if window.show_page("sync") is not None:
                    ctx.tasks.wait_idle(15_000)
                    shoot(window, out / f"{lang}-sync.png")

                ctx.lock()
                ctx.vault_dir = admin_dir
                ctx.attach(Vault.open(admin_dir, DEMO_PASSPHRASE))
                if window.show_page("audit") is not None:
                    wait(300)
                    ctx.tasks.wait_idle(15_000)
                    shoot(window, out / f"{lang}-audit.png")
                ctx.lock()
                window.close()
                window.deleteLater()
                wait(100)
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--languages", default="en,ar")
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    xvfb, display = start_xvfb()
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("WAYLAND_DISPLAY", None)
    try:
        run(args.out.resolve(), [x.strip() for x in args.languages.split(",") if x.strip()])
    finally:
        xvfb.terminate()
        xvfb.wait(10)


if __name__ == "__main__":
    main()
