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


def test_readme_evidence_query_returns_the_sentence_on_the_shipped_data():
    import re

    from clustergraph.config import load_settings
    from clustergraph.ingest import setup_shipped_data
    from clustergraph.sparql import run_query
    from clustergraph.store import open_store

    query = re.search(r"```sparql\n(.*?)```", README, re.S).group(1)
    with open_store(load_settings(environ={}, overrides={"store": "memory"})) as store:
        assert setup_shipped_data(store).ok
        rows = run_query(store, query).bindings()
    assert rows, "the README's evidence query found nothing"
    assert str(rows[0]["evidence"]).startswith("Im Juni 2014 wurde biosaxony")
    assert str(rows[0]["date"]) == "2014-06"
