#!/usr/bin/env python3
"""Update the app's Qt translations: extract every tr()/translate() string from fieldkit/ui
into resources/translations/fieldkit_{lang}.ts (pyside6-lupdate keeps what is already
translated), then compile the .qm files the app loads (pyside6-lrelease).

    .venv/bin/python scripts/translations.py            # update .ts and compile .qm
    .venv/bin/python scripts/translations.py --compile  # only compile

Translate in the .ts files (Qt Linguist: .venv/bin/pyside6-linguist, or any XML editor).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
UI = ROOT / "fieldkit" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("ar", "en", "fr", "ru", "kk")


def ts_file(lang: str) -> Path:
    return TS_DIR / f"fieldkit_{lang}.ts"


def update() -> None:
    sources = sorted(str(p) for p in UI.glob("*.py"))
    for lang in LANGUAGES:
        subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete",
                        "-source-language", "en", "-target-language", lang, *sources,
                        "-ts", str(ts_file(lang))], check=True)


def compile_all() -> None:
    for lang in LANGUAGES:
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts_file(lang)),
                        "-qm", str(ts_file(lang).with_suffix(".qm"))], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compile", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if not args.compile:
        update()
    compile_all()


if __name__ == "__main__":
    main()
