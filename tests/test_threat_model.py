"""docs/threat-model.md stays true: every test it names exists, and every attack test in
tests/adversarial/ (and every case of the forged-bundle corpus) is named in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "threat-model.md").read_text(encoding="utf-8")
ADVERSARIAL = ROOT / "tests" / "adversarial"


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)
            and n.name.startswith("test_")}


def _corpus_cases() -> set[str]:
    tree = ast.parse((ADVERSARIAL / "test_verify_corpus.py").read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and any(
        "case(" in ast.unparse(d) for d in n.decorator_list)}


def _named() -> dict[str, set[str]]:
    """file -> test names the document cites (`file.py::test`, then `::test` in the same
    cell continue the same file)."""
    out: dict[str, set[str]] = {}
    for cell in re.findall(r"\|([^|\n]*\.py::[^|\n]*)\|", DOC):
        current = None
        for file, name in re.findall(r"`(?:([\w/]+\.py))?::(\w+)", cell):
            current = file or current
            assert current, f"a reference without a file in: {cell}"
            out.setdefault(current, set()).add(name)
    return out


def test_every_cited_test_exists() -> None:
    for file, names in _named().items():
        path = ADVERSARIAL / file
        assert path.is_file(), f"docs/threat-model.md cites {file}, which does not exist"
        missing = names - _tests_in(path)
        assert not missing, f"docs/threat-model.md cites {file}::{sorted(missing)}"


def test_every_attack_is_in_the_threat_model() -> None:
    named = _named()
    for path in sorted(ADVERSARIAL.glob("test_*.py")):
        unnamed = _tests_in(path) - named.get(path.name, set())
        if path.name == "test_verify_corpus.py":
            unnamed -= {"test_the_corpus_is_large_enough"}  # a guard, not an attack
        assert not unnamed, f"{path.name}: {sorted(unnamed)} are not in docs/threat-model.md"


def test_every_forged_bundle_is_in_the_threat_model() -> None:
    cases = _corpus_cases()
    assert len(cases) >= 34
    unnamed = {c for c in cases if not c.startswith("good_") and f"`{c}`" not in DOC
               and f"[{c}]" not in DOC}
    assert not unnamed, f"corpus cases not in docs/threat-model.md: {sorted(unnamed)}"
