"""The README's main job, as a user runs it: the scripted end-to-end demo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_demo_runs_end_to_end_twice(tmp_path: Path) -> None:
    for _ in range(2):  # a second run replaces the first run's vaults and registry
        proc = subprocess.run([sys.executable, "-m", "fieldkit.demo", "--out", str(tmp_path)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "staff vault check: OK" in out and "queue 0" in out
    assert "Registry stopped" in out
    assert "مسجد         -> 2 hit(s)" in out
    # the main job ends with dossiers and bundles, verified, and the exports reported
    assert out.count("bundle verified: OK") == 2
    assert "export log: 2 exports, reported" in out
    for lang in ("ar", "en"):
        pdf, zipped = (tmp_path / "exports" / f"dossier-{lang}.{ext}" for ext in ("pdf", "zip"))
        assert f"dossier {pdf}" in out and f"bundle  {zipped}" in out
        assert pdf.read_bytes().startswith(b"%PDF") and zipped.stat().st_size > 0
    verified = subprocess.run([sys.executable, "-m", "fieldkit", "verify",
                               str(tmp_path / "exports" / "dossier-ar.zip"), "--dossier",
                               str(tmp_path / "exports" / "dossier-ar.pdf")],
                              capture_output=True, text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "dossier-ar.pdf", "dossier-ar.zip", "dossier-en.pdf", "dossier-en.zip"]
