"""The core never imports Qt: only fieldkit/ui may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "PySide2")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_import_outside_ui() -> None:
    offenders = []
    for path in sorted((ROOT / "fieldkit").rglob("*.py")):
        if (ROOT / "fieldkit" / "ui") in path.parents:
            continue
        bad = _imports(path) & set(QT_MODULES)
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert not offenders, "Qt imported outside fieldkit/ui:\n" + "\n".join(offenders)


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, fieldkit\n"
        "for m in pkgutil.walk_packages(fieldkit.__path__, 'fieldkit.'):\n"
        "    if m.name.startswith('fieldkit.ui') or m.name.endswith('.__main__') \\\n"
        "            or '.migrations' in m.name:  # run by Alembic, not importable alone\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        f"loaded = [q for q in {QT_MODULES!r} if q in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
