"""Docs that can be checked are checked: the README's generated tables and its commands."""

import importlib.util
from pathlib import Path

from clustergraph.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _updater():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_generated_sections_are_current():
    assert _updater().render_readme(README) == README, "run: python scripts/update_readme.py"


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"`{setting.name}`" in README


def test_readme_names_the_two_commands_ci_uses():
    assert "make serve" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
