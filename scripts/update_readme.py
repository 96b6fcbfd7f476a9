"""Rewrite the README's generated sections (settings, relations, CLI commands).

``python scripts/update_readme.py`` rewrites README.md; ``tests/test_docs.py`` fails when it is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clustergraph.cli import cli  # noqa: E402
from clustergraph.config import settings_markdown  # noqa: E402
from clustergraph.relations import relations_markdown  # noqa: E402


def commands_markdown() -> str:
    lines = ["| command | what it does |", "| --- | --- |"]
    for name in sorted(cli.commands):
        help_text = (cli.commands[name].help or "").strip().splitlines()[0]
        lines.append(f"| `clustergraph {name}` | {help_text} |")
    return "\n".join(lines)


SECTIONS = {"settings": settings_markdown, "relations": relations_markdown, "commands": commands_markdown}


def render_readme(text: str) -> str:
    for name, render in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README has no <!-- {name}:start --> ... <!-- {name}:end --> section")
        text = pattern.sub(lambda m: m.group(1) + render() + "\n" + m.group(2), text)
    return text


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(render_readme(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {path}")
