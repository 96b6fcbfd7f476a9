"""Markdown -> classified lines of plain text (no markup library needed).

Each line comes back as ``(kind, text)`` with ``kind`` one of ``"text"`` (joinable with the
next text line: Markdown soft wraps), ``"line"`` (a heading, list item or table row: a line of
its own) and ``"blank"`` (a paragraph break).

>>> list(markdown_to_lines("# Title\\n\\nSome **bold** [link](http://x) text\\n- item"))
[('line', 'Title'), ('blank', ''), ('text', 'Some bold link text'), ('line', 'item')]
"""

from __future__ import annotations

import re
from typing import Iterator

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(https?://[^>]+|[^@>\s]+@[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def inline(text: str) -> str:
    """Inline Markdown markup removed, the words kept."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(r"\2", text)
    return _ESCAPE.sub(r"\1", text)


def markdown_to_lines(raw: str) -> Iterator[tuple[str, str]]:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _REFDEF.match(line):
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            yield "blank", ""
            continue
        if _SETEXT.match(line) and index > 0 and lines[index - 1].strip():
            continue  # underline of the heading yielded on the previous line
        if _RULE.match(line) or _TABLE_SEP.match(line):
            yield "blank", ""
            continue
        line = _QUOTE.sub("", line)
        heading = _HEADING.match(line)
        if heading:
            yield "line", inline(heading.group(1))
            continue
        if _SETEXT.match(nxt) and nxt.strip() and not _LIST.match(line):
            yield "line", inline(line.strip())
            continue
        item = _LIST.match(line)
        if item:
            yield "line", inline(item.group(1))
            continue
        if line.strip().startswith("|"):
            cells = [inline(c.strip()) for c in line.strip().strip("|").split("|")]
            yield "line", " | ".join(cells)
            continue
        yield ("line" if line.endswith("  ") or line.endswith("\\") else "text"), inline(line.strip().rstrip("\\"))
