"""HTML -> text blocks, without navigation, page chrome, scripts or cookie banners.

Uses only the standard library parser. Content inside ``<article>`` or ``<main>`` is preferred
when there is enough of it; the page's ``<h1>`` is kept even when it sits outside. Hints
returned beside the blocks: ``title`` (``<h1>``, else ``og:title``, else ``<title>``) and
``issued`` (``article:published_time``, ``<time datetime>``, ``date`` meta).

>>> blocks, hints = html_to_text("<nav>Home</nav><h1>T</h1><p>A <b>b</b></p><footer>x</footer>")
>>> blocks, hints["title"]
(['T', 'A b'], 'T')
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button",
    "iframe", "select", "textarea", "object", "canvas", "dialog", "menu",
}
_CHROME_TAGS = {"header", "footer"}  # skipped unless inside article/main
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption",
    "address", "header", "footer", "br", "hr", "title", "time",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed", "param", "track"}
_JUNK_ATTR = re.compile(
    r"cookie|consent|gdpr|banner|navbar|navigation|breadcrumb|sidebar|social|share|newsletter|"
    r"skip-?link|modal|popup|related|footer|site-?header|menu|pagination|comments?\b",
    re.IGNORECASE,
)
_DATE_META = {"article:published_time", "date", "dc.date", "dcterms.date", "pubdate", "publish-date", "dc.date.issued"}


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside article/main)
        self.current: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.main_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.h1_in_main = False
        self.hints: dict[str, str] = {}
        self.row: list[str] | None = None  # cells of the table row being read
        self.cell: list[str] | None = None

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((text, self.main_depth > 0))
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs_d = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            name = (attrs_d.get("property") or attrs_d.get("name") or "").lower()
            content = attrs_d.get("content", "")
            if name in _DATE_META and content:
                self.hints.setdefault("issued", content)
            elif name == "og:title" and content:
                self.hints.setdefault("og_title", content)
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag == "time" and attrs_d.get("datetime"):
            self.hints.setdefault("issued", attrs_d["datetime"])
        junk = _JUNK_ATTR.search(" ".join((attrs_d.get("class", ""), attrs_d.get("id", ""), attrs_d.get("role", ""))))
        if tag in _SKIP_TAGS or (tag in _CHROME_TAGS and self.main_depth == 0) or (
            junk and tag not in ("body", "html", "main", "article") and self.main_depth == 0
        ) or attrs_d.get("aria-hidden") == "true" or "hidden" in attrs_d:
            if tag not in _VOID:
                self._flush()
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ("article", "main"):
            self.main_depth += 1
        if tag == "tr":
            self._flush()
            self.row = []
            return
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
            return
        if self.cell is not None:
            self.cell.append(" ")
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
            self.h1_in_main = self.main_depth > 0

    def handle_endtag(self, tag):
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
            return
        if tag == "tr" and self.row is not None:
            if any(self.row):
                self.blocks.append((" | ".join(self.row), self.main_depth > 0))
            self.row, self.cell = None, None
            return
        if self.cell is not None:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("article", "main") and self.main_depth:
            self.main_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.skip_tag is not None:
            return
        if self.in_title:
            self.title += data
            return
        if self.in_h1:
            self.h1 += data
        if self.cell is not None:
            self.cell.append(data)
            return
        self.current.append(data)


def html_to_text(html: str) -> tuple[list[str], dict[str, str]]:
    """Text blocks of the page's content and the hints found in its markup."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser._flush()
    main_blocks = [text for text, in_main in parser.blocks if in_main]
    if sum(len(t) for t in main_blocks) >= 200:
        blocks = main_blocks
        h1 = " ".join(parser.h1.split())
        if h1 and not parser.h1_in_main and h1 not in blocks:
            blocks = [h1] + blocks
    else:
        blocks = [text for text, _ in parser.blocks]
    hints = dict(parser.hints)
    title = " ".join(parser.h1.split()) or " ".join(hints.pop("og_title", "").split()) or " ".join(parser.title.split())
    hints.pop("og_title", None)
    site = site_name(" ".join(parser.title.split()), title)
    if site:
        hints["site"] = site
    if title:
        hints["title"] = title
        if not blocks or blocks[0] != title:
            # the title is the first line of the text, so that it can be cited
            if title not in blocks[:3]:
                blocks = [title] + blocks
    return blocks, hints


_TITLE_PARTS = re.compile(r"\s+[|·–—-]\s+")


def site_name(page_title: str, headline: str) -> str | None:
    """The site's name in a ``<title>`` that joins the page's headline and the site's name.

    >>> site_name("Über uns | FeinWerk Südwestfalen", "Über uns")
    'FeinWerk Südwestfalen'
    >>> site_name("Team – MedNet Ostbayern", "Unser Team")
    'MedNet Ostbayern'
    >>> site_name("Pressemitteilung", "Pressemitteilung") is None
    True
    >>> site_name("News | MedNet", "MedNet") is None
    True
    """
    parts = [p.strip() for p in _TITLE_PARTS.split(page_title) if p.strip()]
    if len(parts) != 2:
        return None
    head = headline.casefold()
    first, last = parts
    candidate = None
    if first.casefold() in head or head in first.casefold():
        candidate = last
    elif last.casefold() in head or head in last.casefold():
        candidate = first
    if candidate is None or candidate.casefold() in head or head in candidate.casefold():
        return None
    if len(candidate.split()) < 2 and not any(c.isupper() for c in candidate[1:]):
        return None  # "News | MedNet": a section's name, not the site's
    return candidate
