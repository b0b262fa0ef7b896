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
