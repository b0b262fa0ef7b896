"""Packaging (issue 13, items 3 and 4; ADR 0020): the shipped resources are found from a
checkout and from an installed layout through one helper, the wheel carries every resource and
every package, the lock file agrees with pyproject.toml, and the layout check catches a moved,
missing or reworded widget.

The end-to-end checks (a fresh venv outside the checkout running the installed wheel's demo
and app; the PyInstaller bundle started under Xvfb) are scripts/check_wheel.sh and
scripts/build_app.sh --check, which ``./dev test`` runs when CI is set."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fieldkit.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_checkout_finds_the_top_level_resources_directory() -> None:
    assert resources_root() == ROOT / "resources"
    assert resource_path("fonts", "Amiri-Regular.ttf").is_file()
    assert resource_path("translations", "fieldkit_ar.qm").is_file()


def test_an_installed_layout_finds_fieldkit_resources_first(tmp_path: Path) -> None:
    """An installed package (the wheel's layout: fieldkit/_resources beside the code) is read
    from there, even with a stray resources/ directory next to it."""
    shutil.copytree(ROOT / "fieldkit", tmp_path / "fieldkit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "fieldkit" / "_resources").mkdir()
    shutil.copy(ROOT / "resources" / "taxonomy.json", tmp_path / "fieldkit" / "_resources")
    (tmp_path / "resources").mkdir()  # a stray directory: must not be chosen
    code = ("from fieldkit.resources import resource_path\n"
            "from fieldkit.domain.taxonomy import default_taxonomy\n"
            "print(resource_path('taxonomy.json'))\n"
            "assert default_taxonomy().categories\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin"},
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "fieldkit" / "_resources" / "taxonomy.json")


def test_every_resource_lookup_goes_through_the_helper() -> None:
    """No module builds its own path to resources/ (a wheel would not find it)."""
    pattern = re.compile(r"""["']resources["']\s*\)|/\s*["']resources["']""")
    offenders = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "fieldkit").rglob("*.py"))
                 if p.name != "resources.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders


def test_the_lock_pins_what_pyproject_pins_with_hashes() -> None:
    """requirements/app.lock was regenerated after the last change to the dependencies
    (docs/install.md says how), and every entry carries hashes."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lock = (ROOT / "requirements" / "app.lock").read_text(encoding="utf-8")
    entries = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+)", lock, flags=re.M))
    for dep in project["project"]["dependencies"]:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==(\S+)", dep).groups()
        assert entries.get(name.lower().replace("_", "-")) == version, dep
    blocks = re.split(r"\n(?=[a-z0-9])", lock.split("\n", 1)[1] if lock.startswith("#")
                      else lock)
    assert all("--hash=sha256:" in b for b in blocks if b.strip() and not b.startswith("#"))


def test_ci_builds_the_wheel_and_the_bundle() -> None:
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    test_branch = dev[dev.index("\n    test)"):dev.index("\n    app)")]
    assert "scripts/check_wheel.sh" in test_branch
    assert "scripts/build_app.sh --check" in test_branch
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_fieldkit_demo_is_a_subcommand() -> None:
    proc = subprocess.run([sys.executable, "-m", "fieldkit", "demo", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "--no-app" in proc.stdout and "--out" in proc.stdout


@pytest.mark.slow
def test_the_wheel_holds_every_resource_and_package(tmp_path: Path) -> None:
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)  # stale modules would ship
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("fieldkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    res = ROOT / "resources"
    wanted = [res / "taxonomy.json", *res.glob("fonts/*.ttf"), *res.glob("fonts/LICENSE-*"),
              *res.glob("translations/*.qm"), res / "demo" / "incidents.json",
              *(res / "demo" / "files").iterdir(), res / "samples" / "incidents.json"]
    missing = [str(p.relative_to(res)) for p in wanted
               if f"fieldkit/_resources/{p.relative_to(res).as_posix()}" not in names]
    assert not missing
    assert not [n for n in names if n.endswith((".ts", "make_files.py"))]
    packages = [p.parent.relative_to(ROOT).as_posix()
                for p in (ROOT / "fieldkit").rglob("__init__.py")]
    assert [p for p in packages if f"{p}/__init__.py" not in names] == []
    assert "fieldkit/registry/migrations/script.py.mako" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    for script in ("fieldkit =", "fieldkit-registry =", "fieldkit-app ="):
        assert script in text


# --- the layout check (scripts/check_layout.py) -------------------------------------------

def _layout() -> dict[str, Any]:
    expected = json.loads((ROOT / "packaging" / "expected" / "unlock-en.json")
                          .read_text(encoding="utf-8"))
    return {**expected, "widgets": [dict(w) for w in expected["widgets"]]}


@pytest.mark.parametrize(("screen", "widgets"), [
    ("unlock", {"createVault.passphraseEdit", "createVault.createButton"}),
    ("unlock-vault", {"unlock.passphraseEdit", "unlock.unlockButton", "unlock.recoverButton"})])
def test_the_expected_layouts_are_the_first_screens(screen: str, widgets: set[str]) -> None:
    """First run shows create-vault, an existing vault the unlock page; Arabic is mirrored."""
    for lang, direction in (("en", "LeftToRight"), ("ar", "RightToLeft")):
        expected = json.loads((ROOT / "packaging" / "expected" / f"{screen}-{lang}.json")
                              .read_text(encoding="utf-8"))
        assert widgets <= {w["name"] for w in expected["widgets"]}
        assert expected["direction"] == direction


def test_the_layout_check_passes_within_tolerance_and_catches_changes() -> None:
    check = _script("check_layout")
    expected = _layout()
    near = _layout()
    near["widgets"][0]["x"] += 3
    assert check.compare(near, expected, 6) == []
    moved = _layout()
    button = next(w for w in moved["widgets"] if w["name"] == "createVault.createButton")
    button["x"] += 40
    assert any("createVault.createButton: geometry" in p
               for p in check.compare(moved, expected, 6))
    reworded = _layout()
    button = next(w for w in reworded["widgets"] if w["name"] == "createVault.createButton")
    button["text"] = "Create"
    assert any("text 'Create'" in p for p in check.compare(reworded, expected, 6))
    gone = _layout()
    gone["widgets"] = [w for w in gone["widgets"] if w["name"] != "createVault.confirmEdit"]
    assert check.compare(gone, expected, 6) == ["createVault.confirmEdit: not on screen"]
    any_text = check.expected_from({**_layout(), "screen_x": 0, "screen_y": 0},
                                   {"createVault.createButton"})
    assert check.compare(reworded, any_text, 6) == []
    mirrored = {**_layout(), "direction": "RightToLeft"}
    assert check.compare(mirrored, expected, 6) == [
        "window direction: 'RightToLeft', expected 'LeftToRight'"]
