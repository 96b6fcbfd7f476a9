"""Lists of office holders: a board or a team as lines of names and roles.

``President ........ Dr. X`` (dot leaders), ``Geschäftsführerin`` on the line above ``Dr. X``, or
(in lists that put names first) ``Dr. X`` above ``Managing Director``. Which layout a list uses is
told by its first entry: a role line belongs to the name above it only when that name has no role
line of its own above. Other functions of a board (treasurer, honorary chair, press contact) count
as roles for the layout but give no office.
"""

from __future__ import annotations

import re

from clustergraph.extract.person_names import FORMER, MD, MODS, NOT_CURRENT, PERSON, SP, RoleFinding, clean_person, role_relation

# a role alone on its line (or before dot leaders / a colon) and, starting the next sentence, a name
# ... or with its organisation, as a profile line gives it ("Managing Director at X", "Geschäftsführerin bei X")
_ROLE_LINE = re.compile(rf"{MODS}?(?P<role>{MD}|{SP}|Vorstandsvorsitz|Vorsitz|Geschäftsführung|Clustermanagement)(?:\s*\((?P<note>[^)]{{1,30}})\))?\s*:?"
                        rf"(?:\s+(?:at|@|bei|of|von|des|der)\s+(?P<org>[^\n,;:()|]{{2,60}}))?")
_OTHER_ROLE_LINE = re.compile(
    r"(?i)(?:[\w-]+\s)?(?:ehren\w*|schatzmeister\w*|treasurer|beisitzer\w*|stellvertret\w*(?:\s\w+)?|schriftführer\w*|"
    r"kassenwart\w*|kassierer\w*|secretary|press\w*(?:\s&\s\w+)?|vorstandsmitglied\w*|board\smember|member\sof\sthe\sboard|"
    r"deputy\s\w+|vice[-\s]\w+|honorary\s\w+|advisory\sboard|beirat\w*|kommunikation|communications?)(?:\s*\([^)]*\))?:?"
)
_SAME_LINE_ROLE = re.compile(rf"[ \t]*{MODS}?(?P<role>{MD}|{SP})(?P<note>)[ \t]*(?:[.…]{{2,}}|:)[ \t]*")
_LEADING_PERSON = re.compile(rf"\s*{PERSON}(?=\s*(?:$|[,(\n]))")


def heading_roles(text: str, start: int, end: int) -> list[RoleFinding]:
    """A sentence that is a name on its own line, in a list of office holders: the role on the same
    line before it (``President ........ Dr. X``, ``Geschäftsführung: X``), on the line above
    (``Geschäftsführerin`` / ``Dr. X``) or, when the list puts names first, on the line below.

    >>> text = "Board\\nPresident ...... Dr. Eva Roth"
    >>> [(r.person, r.role) for r in heading_roles(text, text.index("Dr."), len(text))]
    [('Eva Roth', 'spokesperson of')]
    >>> text = "Team\\n\\nJan Ott\\n\\nManaging Director\\n\\nEva Roth\\n\\nPress office"
    >>> [(r.person, r.role) for r in heading_roles(text, text.index("Eva"), len(text))]
    []
    """
    m = _LEADING_PERSON.match(text, start, end)
    if m is None:
        return []
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.strip():
        role = _SAME_LINE_ROLE.fullmatch(before)
    else:
        line_end = text.find("\n", m.end())
        role = _role_above(text, line_start, 0)
        if role is None:
            role = _role_below(text, len(text) if line_end < 0 else line_end)
    if not isinstance(role, re.Match):
        return []
    mod = role.group("mod") or ("honorary" if role.group("note") and re.search(r"(?i)honorary|ehren", role.group("note")) else None)
    current = not (mod and NOT_CURRENT.match(mod.strip().rstrip("-")))
    former = bool(mod and FORMER.match(mod.strip()))
    org_text, org_span = _org_of(text, role, start)
    return [RoleFinding(clean_person(m.group("name")), m.span("name"), role_relation(role.group("role")), org_text, org_span,
                        current, 0.75, m.group("titles") or "", former)]


def _org_of(text: str, role: re.Match, start: int) -> tuple[str | None, tuple[int, int] | None]:
    """The organisation a role line names (``Managing Director at X``) and where it stands in ``text``."""
    org = role.group("org") if "org" in role.re.groupindex else None
    if not org or not org.strip():
        return None, None
    org = org.strip()
    pos = text.find(org, max(0, start - 400), start + 400)
    return (org, (pos, pos + len(org))) if pos >= 0 else (None, None)


def _line_before(text: str, line_start: int) -> tuple[str, int] | None:
    """The nearest non-blank line above the line starting at ``line_start``: (content, its start)."""
    pos = line_start - 1
    while pos > 0 and line_start - pos < 400:
        begin = text.rfind("\n", 0, pos) + 1
        content = text[begin:pos]
        if content.strip():
            return content, begin
        pos = begin - 1
    return None


def _role_line(content: str) -> re.Match | bool | None:
    """An office (a match), another function of a board (``Schatzmeister``: True), or None."""
    content = content.strip()
    return _ROLE_LINE.fullmatch(content) or bool(_OTHER_ROLE_LINE.fullmatch(content)) or None


def _role_above(text: str, line_start: int, depth: int) -> re.Match | bool | None:
    above = _line_before(text, line_start)
    role = _role_line(above[0]) if above else None
    if role is None or depth > 8:
        return role
    person = _line_before(text, above[1])
    if person and _LEADING_PERSON.fullmatch(person[0].strip()) and _role_above(text, person[1], depth + 1) is None:
        return None  # names come first in this list: the role belongs to the person above it
    return role


def _role_below(text: str, line_end: int) -> re.Match | bool | None:
    match = re.match(r"\s*\n([^\n]*)", text[line_end:line_end + 200])
    return _role_line(match.group(1)) if match else None
