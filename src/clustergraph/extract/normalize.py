"""Normalising input into the one text that evidence offsets point into.

The result has one paragraph per block, paragraphs separated by a blank line, and single line
breaks only where the source had a line of its own (a title, a list item, a date line). Sentences
never cross a line break. Inside a line runs of white space are one space.

* Plain text and text from PDFs is un-wrapped: lines hard-wrapped mid-sentence are joined,
  hyphenation at line ends is undone (``Weiter-`` + ``entwicklung``) while real hyphens are kept
  (``Life-Sciences-`` + ``Clusters``, ``Luft-`` + ``und``), blank lines inserted between every
  wrapped line are recognised, page furniture (page numbers, ``Seite 2 von 3``, headers repeated
  on every page) is dropped.
* Markdown loses its markup (headings, emphasis, links, lists, code, tables).
* HTML loses navigation, headers and footers outside the article, scripts, styles, asides,
  forms and cookie banners; :mod:`clustergraph.extract.htmltext` does that part.

>>> normalize_text("Die Weiter-\\nentwicklung des Life-Sciences-\\nClusters ist gut.")
'Die Weiterentwicklung des Life-Sciences-Clusters ist gut.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clustergraph.extract.htmltext import html_to_text
from clustergraph.extract.markdown import markdown_to_lines

_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬆ": "st"})
# str.translate with a dict is slow per character: look for a ligature first (they are rare)
_LIGATURE = re.compile("|".join(re.escape(chr(c)) for c in _LIGATURES))
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")  # every Unicode white space, form feeds and line separators included
_INLINE_SPACES = re.compile(r"[^\S\n]+")  # the same but for the line break: _SPACES within each line
_TERMINAL = re.compile(r"[.!?:;…]['\"“”‘’«»]?$")
_FURNITURE = re.compile(
    r"^(?:[-–—\s]*\d{1,3}[-–—\s]*|(?:seite|page|s\.)\s*\d+(?:\s*(?:von|of|/)\s*\d+)?|\d+\s*/\s*\d+"
    r"|[-–—_=*·•.\s]+)$",
    re.IGNORECASE,
)
_COLUMN_GAP = re.compile(r"(?<=\S)[ \t]{6,}(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*(?:Seite|Page)\s+\d+\s+(?:von|of)\s+\d+\s*$", re.MULTILINE | re.IGNORECASE)
# a social post's emoji at the start of a line ("🏭 140+ members", "🥈 ECEI Silver label holder") is a bullet too
_BULLET = re.compile(r"^(?:[-–•*▪◦·]|\d{1,2}[.)]|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+)\s+")
_HYPHEN_END = re.compile(r"(\S*)[-‐]$")
_KEEP_HYPHEN_BEFORE = re.compile(r"^(?:und|oder|bzw\.?|sowie|bis|and|or)\b")


@dataclass
class Normalized:
    """Normalised text plus hints the markup gave (HTML ``<title>``, ``<time>``...)."""

    text: str
    media_type: str
    hints: dict[str, str] = field(default_factory=dict)


def _split_ligatures(text: str) -> str:
    """``text.translate(_LIGATURES)``, skipped when there is no ligature to split."""
    return text.translate(_LIGATURES) if _LIGATURE.search(text) else text


def clean_line(line: str) -> str:
    """One line with invisible characters removed, ligatures split and white space collapsed."""
    line = _INVISIBLE.sub("", _split_ligatures(line))
    return _SPACES.sub(" ", line).strip()


def clean_lines(text: str) -> list[str]:
    r"""``[clean_line(line) for line in text.split("\n")]``, with one pass of each step over the text.

    No step adds or removes a line break, so cleaning the whole text first gives the same lines.

    >>> clean_lines("  Die \u00adﬁrma\t  GmbH \n\n x ")
    ['Die firma GmbH', '', 'x']
    """
    text = _INLINE_SPACES.sub(" ", _INVISIBLE.sub("", _split_ligatures(text)))
    return [line.strip() for line in text.split("\n")]


def _is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line))


def _drop_repeated(lines: list[str], pages: int) -> list[str]:
    """Drop short lines repeated on several pages (running headers and footers), keeping the first."""
    counts: dict[str, int] = {}
    for line in lines:
        if line and len(line) < 100:
            counts[line] = counts.get(line, 0) + 1
    limit = 2 if pages > 1 else 3
    seen: set[str] = set()
    kept = []
    for line in lines:
        if line and counts.get(line, 0) >= limit and len(line.split()) <= 12:
            if line in seen:
                continue
            seen.add(line)
        kept.append(line)
    return kept


def _join(previous: str, line: str) -> str:
    """Join a wrapped line to the text before it, undoing hyphenation where it is hyphenation."""
    match = _HYPHEN_END.search(previous[-80:]) if previous.endswith(("-", "‐")) else None
    if match and previous[-2:-1].isalpha():
        first = line[:1]
        if _KEEP_HYPHEN_BEFORE.match(line):
            return previous + " " + line
        if first.islower() and "-" not in match.group(1)[:-1]:
            return previous[:-1] + line
        return previous + line
    return previous + " " + line


def _width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4:
        return max(lengths or [0])
    return lengths[int(len(lengths) * 0.9) - 1]


# a line ending in a word no sentence ends with: the next line continues it, even after a blank line
_OPEN_END = re.compile(r"\s(?:und|oder|sowie|für|des|der|dem|den|die|das|im|am|vom|zum|zur|von|mit|aus|in|an|auf|bei|"
                       r"and|or|for|of|the|a|an|in|at|from|with|by|to)$")


def unwrap(raw: str) -> str:
    """Rebuild paragraphs from hard-wrapped plain text (the PDF rules in the module docstring)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _COLUMN_GAP.sub("\n", raw)  # "Title      Cologne, January 2020": two lines laid out side by side
    pages = max(raw.count("\f") + 1, len(_PAGE_NUMBER.findall(raw)))
    lines = clean_lines(raw.replace("\f", "\n\n"))
    lines = ["" if _is_furniture(line) else line for line in lines]
    lines = [_BULLET.sub("\x00", line) if _BULLET.match(line) else line for line in lines]
    lines = _drop_repeated(lines, pages)
    # gaps: number of blank lines before each non-blank line
    items: list[tuple[int, str]] = []
    gap = 0
    for line in lines:
        if not line:
            gap += 1
            continue
        items.append((gap, line))
        gap = 0
    if not items:
        return ""
    width = _width([line for _, line in items])
    inner = [g for g, _ in items[1:]]
    single = sum(1 for g in inner if g == 1)
    wrapped = sum(
        1 for (g, _), (_, prev) in zip(items[1:], items[:-1])
        if g == 1 and not _TERMINAL.search(prev) and len(prev) >= 0.6 * width
    )
    double_spaced = bool(inner) and single >= 0.6 * len(inner) and wrapped >= max(3, 0.3 * single)
    paragraphs: list[list[str]] = []  # each paragraph: list of lines (joined later with "\n")
    current: list[str] = []
    last_len = 0  # length of the last physical line (a joined line is not "long" because of the join)
    for index, (gap, line) in enumerate(items):
        physical = len(line.lstrip("\x00"))
        item = line.startswith("\x00")
        line = line.lstrip("\x00")
        prev_len, last_len = last_len, physical
        if not current:
            current = [line]
            continue
        previous = current[-1]
        if item:
            if gap >= (2 if double_spaced else 1) and not previous.endswith(":"):
                paragraphs.append(current)
                current = [line]
            else:
                current.append(line)
            continue
        para_break = gap >= 2 if double_spaced else gap >= 1
        long_prev = prev_len >= 0.6 * width and width >= 40
        open_prev = not _TERMINAL.search(previous)
        heading_like = len(line) < 0.6 * width and not _TERMINAL.search(line) and line[:1].isupper()
        continues = (
            line[:1].islower() and prev_len >= 0.5 * width and len(previous.split()) > 2
        ) or (previous.endswith(("-", ",")) and previous[-2:-1].isalpha()) or (
            long_prev and _OPEN_END.search(previous) is not None)  # "vom Ministerium für X und" + "Energie"
        if open_prev and (continues or (long_prev and not para_break)):
            current[-1] = _join(previous, line)
        elif para_break:
            paragraphs.append(current)
            current = [line]
        elif long_prev and not heading_like:
            current[-1] = previous + " " + line
        else:
            current.append(line)
    paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)


def _markdown(raw: str) -> str:
    paragraphs: list[list[str]] = []
    current: list[str] = []
    joinable = False
    for kind, line in markdown_to_lines(raw):
        line = clean_line(line)
        if kind == "blank" or not line:
            if current:
                paragraphs.append(current)
            current, joinable = [], False
            continue
        if kind == "text" and joinable and current:
            current[-1] = _join(current[-1], line)
        else:
            current.append(line)
        joinable = kind == "text"
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|date|published|pubDate)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def front_matter(raw: str) -> tuple[str, dict[str, str]]:
    r"""Split YAML front matter off a Markdown file; its title and date become hints.

    >>> front_matter("---\ntitle: \"Hi\"\ndate: 2021-03-04\n---\n# Hi\n")
    ('# Hi\n', {'title': 'Hi', 'issued': '2021-03-04'})
    """
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw, {}
    hints = {}
    for key, value in _FRONT_FIELD.findall(match.group(1)):
        value = value.strip().strip("\"'")
        hints["title" if key.lower() == "title" else "issued"] = value
    return raw[match.end():], hints


def normalize(raw: str, media_type: str = "text/plain") -> Normalized:
    """Normalise ``raw`` text of the given media type (see the module docstring)."""
    hints: dict[str, str] = {}
    if media_type in ("text/html", "application/xhtml+xml"):
        blocks, hints = html_to_text(raw)
        text = "\n\n".join(b for b in (clean_line(b) for b in blocks) if b)
    elif media_type == "text/markdown":
        raw, hints = front_matter(raw)
        text = _markdown(raw)
    else:
        text = unwrap(raw)
    return Normalized(text=text, media_type=media_type, hints=hints)


def normalize_text(raw: str) -> str:
    """Plain-text normalisation, the text only."""
    return unwrap(raw)
