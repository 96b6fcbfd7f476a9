"""HTML -> text blocks, without navigation, page chrome, scripts or cookie banners.

Uses only the standard library parser. Content inside ``<article>`` or ``<main>`` is preferred
when there is enough of it; the page's ``<h1>`` is kept even when it sits outside. Hints
returned beside the blocks: ``title`` (``<h1>``, else ``og:title``, else ``<title>``) and
``issued`` (``article:published_time``, ``<time datetime>``, ``date`` meta, ``datePublished`` of JSON-LD
or microdata) and ``updated`` (``article:modified_time``, ``dateModified``: the issue date of a page
that gives no other).

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
_DATE_META = {"article:published_time", "date", "dc.date", "dcterms.date", "pubdate", "publish-date", "dc.date.issued",
              "datepublished", "dcterms.issued"}
_MODIFIED_META = {"article:modified_time", "og:updated_time", "last-modified", "dcterms.modified", "dc.date.modified",
                  "datemodified"}
# "datePublished": "2021-06-15" in a JSON-LD script (schema.org NewsArticle, WebPage)
# "Imprint · Privacy policy · Last updated: September 2018" in a page footer
_FOOTER_DATE = re.compile(r"\b(?:Last\s+updated|Updated|Last\s+modified|Stand|Zuletzt\s+aktualisiert(?:\s+am)?|Aktualisiert(?:\s+am)?|"
                          r"Letzte\s+Aktualisierung)\s*:?\s+(?P<date>[\w./ ]{4,30}?)(?=\s*(?:[·|•]|$))", re.I)
_LD_DATE = re.compile(r'"(datePublished|dateModified)"\s*:\s*"([^"]{4,40})"')


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
        self.skip_footer = False  # the skipped element is the page's footer
        self.margin_tag: str | None = None  # inside a sidebar or the page footer (kept apart, see _margin_lines)
        self.margin_depth = 0
        self.margins: list[list[str]] = []  # the blocks of each sidebar and footer
        self.footer: list[str] = []  # the footer's text ("Impressum · Stand: Februar 2024")
        self.in_json_ld = False  # inside <script type="application/ld+json">: read its dates
        self.title = ""
        self.h1 = ""
        self.h1_in_main = False
        self.hints: dict[str, str] = {}
        self.row: list[str] | None = None  # cells of the table row being read
        self.cell: list[str] | None = None

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text and self.margin_tag is not None:
            self.margins[-1].append(text)
        elif text:
            self.blocks.append((text, self.main_depth > 0))
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs_d = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            name = (attrs_d.get("property") or attrs_d.get("name") or attrs_d.get("itemprop") or "").lower()
            content = attrs_d.get("content", "")
            if name in _DATE_META and content:
                self.hints.setdefault("issued", content)
            elif name in _MODIFIED_META and content:
                self.hints.setdefault("updated", content)
            elif name == "og:title" and content:
                self.hints.setdefault("og_title", content)
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            if tag == "time" and attrs_d.get("datetime") and self.skip_footer:
                self.hints.setdefault("updated", attrs_d["datetime"])  # "Zuletzt aktualisiert: <time ...>" in a footer
            return
        if tag == "time" and attrs_d.get("datetime"):
            margin = self.margin_tag is not None
            self.hints.setdefault("updated" if margin or attrs_d.get("itemprop", "").lower() == "datemodified" else "issued",
                                  attrs_d["datetime"])
        if tag == "script" and attrs_d.get("type", "").lower() == "application/ld+json":
            self.in_json_ld = True
        junk = _JUNK_ATTR.search(" ".join((attrs_d.get("class", ""), attrs_d.get("id", ""), attrs_d.get("role", ""))))
        if self.margin_tag is None and self.skip_tag is None and _is_margin(tag, attrs_d, junk, self.main_depth):
            self._flush()
            self.margin_tag, self.margin_depth = tag, 1
            self.margins.append([])
            return
        if self.margin_tag == tag:
            self.margin_depth += 1
        if tag in _SKIP_TAGS or (tag in _CHROME_TAGS and self.main_depth == 0) or (
            junk and tag not in ("body", "html", "main", "article") and self.main_depth == 0
        ) or attrs_d.get("aria-hidden") == "true" or "hidden" in attrs_d:
            if tag not in _VOID:
                self._flush()
                self.skip_tag, self.skip_depth = tag, 1
                self.skip_footer = tag == "footer" or "footer" in (attrs_d.get("class", "") + attrs_d.get("id", "")).lower()
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
        if tag in _BLOCK_TAGS and not (tag == "br" and self.margin_tag is not None):  # "Geschäftsführung:<br>X": one line
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
                    self.in_json_ld = False
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
        if tag == self.margin_tag:
            self.margin_depth -= 1
            if self.margin_depth == 0:
                self._flush()  # the margin's last words stay in the margin (<aside>Webinar: …</aside>)
                self.margin_tag = None
        if tag in ("article", "main") and self.main_depth:
            self.main_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.skip_tag is not None:
            if self.skip_footer:
                self.footer.append(data)
            if self.in_json_ld:
                for key, value in _LD_DATE.findall(data):
                    self.hints.setdefault("issued" if key == "datePublished" else "updated", value)
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


def _is_margin(tag: str, attrs: dict[str, str], junk: re.Match | None, main_depth: int) -> bool:
    """A sidebar (``<aside>``, ``class="sidebar"``) or the page's footer: kept apart from the content."""
    if tag == "aside" or tag == "footer" and main_depth == 0:
        return True
    return bool(junk) and junk.group(0).lower() in ("sidebar", "footer") and tag not in ("body", "html", "main", "article")


# the lines of a sidebar or footer that state a fact about the site's organisation: its officers, its office, its funder
_MARGIN_FACT = re.compile(
    r"^(?:(?:Geschäftsführ\w*|Vorstandsvorsitz\w*|Vorsitz\w*|Sprecher\w*|Clustersprecher\w*|Managing\s+[Dd]irector|CEO|"
    r"Chair\w*|Spokesperson|Geschäftsstelle|Sitz|Registered\s+office|Head\s+office|Headquarters)\s*:"
    r"|(?:Gefördert|Kofinanziert|Unterstützt|Funded|Co-funded|Supported)\s+(?:vo[nm]|durch|by)\s"
    r"|(?:Die|Das|The)\s+(?:Geschäftsstelle|Clustermanagement|Programm|cluster\s+office|[\w-]+\s+office)\b[^.]{0,120}"
    r"\b(?:gefördert|geführt|betreut|funded|run|managed)\b)")


# an imprint in a footer: its officers are the site operator's (an agency's, a host's), not the cluster's
_IMPRINT_MARK = re.compile(r"^(?:Impressum|Imprint|Legal\s+notice)$|\b(?:Registergericht|Registernummer|Vereinsregister|"
                           r"Handelsregister|USt\.?-?Id|Register(?:ed)?\s+court|VAT\s+(?:ID|number))", re.I)
_MARGIN_ROLE = re.compile(r"^(?:Geschäftsführ|Vorstand|Vorsitz|Sprecher|Managing|CEO|Chair|Spokes)", re.I)


def _margin_lines(margins: list[list[str]]) -> list[str]:
    """The lines of sidebars and footers that state who leads, houses or funds the site's organisation
    (``Geschäftsführung: X``, ``Gefördert vom Ministerium ...``); teasers, events and links are left out.

    >>> _margin_lines([["Termine", "Geschäftsführung: Anna Berg", "Impressum · Datenschutz"], ["Gefördert vom Land"]])
    ['Geschäftsführung: Anna Berg', 'Gefördert vom Land']
    >>> _margin_lines([["Impressum", "Geschäftsführer: Max Muster", "Registergericht: Amtsgericht Kiel"]])
    []
    """
    kept = []
    for lines in margins:
        imprint = any(_IMPRINT_MARK.search(line) for line in lines)
        kept += [line for line in lines if _MARGIN_FACT.match(line) and not (imprint and _MARGIN_ROLE.match(line))]
    return kept


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
    margin = _margin_lines(parser.margins)
    blocks = blocks + [line for line in margin if line not in blocks]
    hints = dict(parser.hints)
    updated = _FOOTER_DATE.search(" ".join(parser.footer + [" · ".join(lines) for lines in parser.margins]))
    if updated:
        hints.setdefault("updated", updated.group("date"))
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
