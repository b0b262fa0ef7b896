#!/usr/bin/env python3
"""Start the PyInstaller bundle under Xvfb to its first screen and compare it (issue 13, item 4).

For English and Arabic, on one Xvfb screen (1280x800): the bundle's ``fieldkit-app`` with an
empty vault directory (first run: the create-vault screen), then with an existing vault (the
unlock screen), ``HOME`` in a temporary directory and nothing from the checkout on the path.
The app writes its snapshot (``FIELDKIT_UI_SNAPSHOT``: layout.json, window.png) and holds the
window; ImageMagick's ``import -window root`` grabs the X screen; the app quits by itself,
exit code 0. Then scripts/check_layout.py compares the layout with
packaging/expected/unlock[-vault]-<lang>.json and the screen grab with the window Qt drew.
The screenshots are kept in out/bundle/ to look at.

    check_bundle.py build/app/dist/fieldkit-app/fieldkit-app [--out out/bundle]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1280x800x24"
HOLD_MS = 2500


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a display number it picks itself (-displayfd); returns (process, ":N")."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN,
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def shoot(app: Path, lang: str, display: str, tmp: Path, out: Path, *, vault: Path,
          screen_name: str) -> int:
    """Start the bundle on ``vault`` in ``lang``, grab the screen, compare with
    packaging/expected/<screen_name>-<lang>.json."""
    tag = f"{screen_name}-{lang}"
    snap = tmp / f"snap-{tag}"
    home = tmp / f"home-{tag}"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "DISPLAY": display, "LANG": "C.UTF-8",
           "FIELDKIT_UI_SNAPSHOT": str(snap), "FIELDKIT_UI_SNAPSHOT_HOLD_MS": str(HOLD_MS)}
    started = time.monotonic()
    proc = subprocess.Popen([str(app), "--vault", str(vault),
                             "--settings", str(home / "settings.json"), "--language", lang],
                            cwd=home, env=env, stderr=subprocess.PIPE)
    while not (snap / "layout.json").exists():
        if proc.poll() is not None:
            sys.stderr.write(proc.stderr.read().decode(errors="replace") if proc.stderr else "")
            print(f"bundle: the app exited ({proc.returncode}) before its first screen",
                  file=sys.stderr)
            return 1
        if time.monotonic() - started > 90:
            proc.kill()
            print("bundle: no first screen after 90 s", file=sys.stderr)
            return 1
        time.sleep(0.1)
    up = time.monotonic() - started
    screen = out / f"{tag}-screen.png"
    subprocess.run(["import", "-display", display, "-window", "root", str(screen)], check=True)
    try:
        _, err = proc.communicate(timeout=HOLD_MS / 1000 + 30)
    except subprocess.TimeoutExpired:
        proc.kill()
        print("bundle: the app did not quit after its snapshot", file=sys.stderr)
        return 1
    if proc.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        print(f"bundle: the app exited with {proc.returncode}", file=sys.stderr)
        return 1
    shutil.copy(snap / "window.png", out / f"{tag}-window.png")
    shutil.copy(snap / "layout.json", out / f"{tag}-layout.json")
    import json
    platform = json.loads((snap / "layout.json").read_text(encoding="utf-8"))["platform"]
    if platform != "xcb":
        print(f"bundle: Qt ran on the {platform!r} platform, not xcb", file=sys.stderr)
        return 1
    print(f"bundle: {tag} screen up in {up:.1f} s on xcb; screen grab {screen}")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_layout.py"), str(snap),
                           str(ROOT / "packaging" / "expected" / f"{tag}.json"),
                           "--screen", str(screen)]).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app", type=Path, help="the bundle's fieldkit-app executable")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bundle")
    parser.add_argument("--languages", default="en,ar")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb, display = start_xvfb()
    failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="fieldkit-bundle-") as tmp_name:
            tmp = Path(tmp_name)
            # An existing vault, made by the `fieldkit` command of the same wheel.
            subprocess.run([sys.executable, "-m", "fieldkit", "--json", "init", "--vault",
                            str(tmp / "existing")], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL,
                           env={"PATH": "/usr/bin:/bin", "HOME": str(tmp),
                                "FIELDKIT_PASSPHRASE": "bundle check - not a secret"})
            for lang in args.languages.split(","):
                # first run: the create-vault screen; then the unlock screen of a vault
                failed |= shoot(args.app.resolve(), lang, display, tmp, args.out,
                                vault=tmp / "new", screen_name="unlock")
                failed |= shoot(args.app.resolve(), lang, display, tmp, args.out,
                                vault=tmp / "existing", screen_name="unlock-vault")
    finally:
        xvfb.terminate()
        xvfb.wait()
    return failed


if __name__ == "__main__":
    sys.exit(main())
