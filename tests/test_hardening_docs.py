"""docs/SECURITY.md names the tests that hold its guarantees: every test it names exists, and every
hardening, fuzzing and load test is named there (by its own name, or by its file)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SECURITY = (TESTS.parent / "docs" / "SECURITY.md").read_text(encoding="utf-8")
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)((?:::\w+)?)`|`::(\w+)`")
OWN_FILES = sorted([*TESTS.glob("test_hardening_*.py"), *TESTS.glob("test_fuzz_*.py"), TESTS / "test_load.py"])


def functions_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def references() -> list[tuple[str, str | None]]:
    """(file, test name or None) for each reference; ``::name`` continues the file named before it."""
    found, current = [], None
    for match in REFERENCE.finditer(SECURITY):
        if match.group(1):
            current = match.group(1)
            found.append((current, match.group(2)[2:] or None))
        else:
            found.append((current, match.group(3)))
    return found


def test_every_test_security_md_names_exists():
    refs = references()
    assert refs
    for file, name in refs:
        path = TESTS.parent / file
        assert path.is_file(), file
        if name:
            assert name in functions_of(path), f"{file}::{name}"


def test_every_hardening_fuzzing_and_load_test_is_in_security_md():
    named = references()
    whole_files = {file for file, name in named if name is None}
    for path in OWN_FILES:
        file = f"tests/{path.name}"
        if file in whole_files or path.name == Path(__file__).name:
            continue
        listed = {name for f, name in named if f == file}
        missing = functions_of(path) - listed
        assert not missing, f"{file}: not in docs/SECURITY.md: {sorted(missing)}"
