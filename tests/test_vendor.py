"""Vendored front-end libraries: intact, licensed, and no page under web/ loads anything remote.

web/vendor/README.md lists every vendored file with its sha256 (written by
scripts/vendor-frontend.sh); these tests hold the files to it. The scan covers every HTML, SVG and
CSS file under web/ and our own JavaScript: only the vendored minified bundles are exempt (they hold
namespace IRIs and documentation links as strings; tests/test_vendor_offline.py proves in a browser
that, configured as the README says, they fetch nothing).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
WEB_DIR = REPO_ROOT / "web"
VENDOR_DIR = WEB_DIR / "vendor"
README = VENDOR_DIR / "README.md"
VENDOR_SCRIPT = REPO_ROOT / "scripts" / "vendor-frontend.sh"

LIBRARIES = ("vis-network", "yasgui")
LICENCE_NAMES = re.compile(r"^(LICEN[CS]E|COPYING)", re.IGNORECASE)

_REMOTE = r"""\s*["'`]?\s*(?:https?:)?//"""
# Positions in which a browser fetches what the string names (a protocol-relative "//host" too).
REMOTE_REFERENCE_PATTERNS = {
    "src=/href=": re.compile(r"""\b(?:src|href|srcset|poster|data)\s*=""" + _REMOTE, re.IGNORECASE),
    "@import": re.compile(r"@import\s+(?:url\()?" + _REMOTE, re.IGNORECASE),
    "url(": re.compile(r"(?<!new )(?<![\w.$])url\(" + _REMOTE, re.IGNORECASE),
    "fetch(/import": re.compile(
        r"""\b(?:fetch|import)\s*\(""" + _REMOTE + r"""|\bfrom\s*["'`]\s*(?:https?:)?//"""
    ),
}
SCANNED_SUFFIXES = {".html", ".htm", ".svg", ".css", ".js", ".mjs"}


def remote_references(text: str) -> list[str]:
    """Each place in ``text`` where a page would fetch an ``http(s)://`` or ``//`` URL."""
    found = []
    for position, pattern in REMOTE_REFERENCE_PATTERNS.items():
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            snippet = text[match.start() : match.end() + 40].splitlines()[0]
            found.append(f"line {line} ({position}): {snippet}")
    return found


def is_vendored_bundle(path: Path) -> bool:
    return VENDOR_DIR in path.parents and path.name.endswith((".min.js", ".min.mjs"))


def readme_block(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    assert begin in text and end in text, f"{README} lost its {begin} / {end} markers"
    return text.split(begin, 1)[1].split(end, 1)[0]


def listed_sums() -> dict[str, str]:
    """``{path relative to web/vendor: sha256}`` from the README's sha256 block."""
    sums = {}
    for line in readme_block("sha256").splitlines():
        match = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line.strip())
        if match:
            sums[match.group(2)] = match.group(1)
    return sums


def vendored_files() -> set[str]:
    return {
        path.relative_to(VENDOR_DIR).as_posix()
        for library in LIBRARIES
        for path in (VENDOR_DIR / library).rglob("*")
        if path.is_file()
    }


def test_readme_lists_files_of_every_library():
    listed = listed_sums()
    for library in LIBRARIES:
        assert any(name.startswith(f"{library}/") for name in listed), f"no {library} file listed"
    bundles = {"vis-network/vis-network.min.js", "yasgui/yasgui.min.js", "yasgui/yasgui.min.css"}
    assert bundles <= set(listed)


@pytest.mark.parametrize("name", sorted(listed_sums()))
def test_vendored_file_matches_its_sha256(name):
    path = VENDOR_DIR / name
    assert path.is_file(), f"{path} is listed in the README but missing: re-run the vendor script"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == listed_sums()[name], (
        f"{path} differs from the sha256 in {README}: vendored files are never edited by hand; "
        "re-run scripts/vendor-frontend.sh"
    )


def test_every_vendored_file_is_listed():
    unlisted = vendored_files() - set(listed_sums())
    assert not unlisted, f"files under web/vendor/ missing from the README's sha256s: {unlisted}"


@pytest.mark.parametrize("library", LIBRARIES)
def test_every_library_folder_has_a_licence(library):
    folder = VENDOR_DIR / library
    licences = [p for p in folder.iterdir() if p.is_file() and LICENCE_NAMES.match(p.name)]
    assert licences, f"{folder} has no LICENSE file"
    assert all(p.stat().st_size > 200 for p in licences), f"an empty licence file in {folder}"
    assert (folder / "THIRD-PARTY-LICENSES.txt").is_file()


def test_vis_network_ships_both_licence_texts():
    folder = VENDOR_DIR / "vis-network"
    assert "Apache License" in (folder / "LICENSE-APACHE-2.0").read_text(encoding="utf-8")
    assert "MIT" in (folder / "LICENSE-MIT").read_text(encoding="utf-8")


def test_pinned_versions_match_readme_and_bundle():
    script = VENDOR_SCRIPT.read_text(encoding="utf-8")
    vis_version = re.search(r'^VIS_NETWORK_VERSION="([^"]+)"', script, re.MULTILINE).group(1)
    yasgui_version = re.search(r'^YASGUI_VERSION="([^"]+)"', script, re.MULTILINE).group(1)
    packages = readme_block("packages")
    assert f"| `vis-network` | {vis_version} |" in packages
    assert f"| `@zazuko/yasgui` | {yasgui_version} |" in packages
    bundle = (VENDOR_DIR / "vis-network" / "vis-network.min.js").read_text(encoding="utf-8")
    assert f"@version {vis_version}" in bundle[:1000]


def test_scanner_finds_remote_references():
    page = """<link rel="stylesheet" href="https://cdn.example/x.css">
<script src='//unpkg.example/y.js'></script>
<style>@import url("http://fonts.example/css");
.a { background: url(https://img.example/a.png) }</style>
<script>fetch("https://lov.example/api"); import x from "https://esm.example/x.js";</script>"""
    positions = [ref.split("(", 1)[1].split(")", 1)[0] for ref in remote_references(page)]
    assert sorted(positions) == sorted(
        ["src=/href=", "src=/href=", "@import", "url(", "url(", "fetch(/import", "fetch(/import"]
    )


def test_scanner_allows_local_and_inline_references():
    page = """<link rel="icon" href="data:,"><a href="/sparql">SPARQL</a>
<script src="{{ url_for('static', filename='vendor/yasgui/yasgui.min.js') }}"></script>
<svg xmlns="http://www.w3.org/2000/svg"></svg>
<style>.a { background: url("data:image/png;base64,AAAA") }
.b { background: url(img/b.png) }</style>
<p>Data from https://example.org/, see src: https://example.org/a.</p>
<script>const base = new URL("https://example.org/"); // not a fetch</script>"""
    assert remote_references(page) == []


def test_no_web_file_references_a_remote_url():
    offenders = {}
    for path in sorted(WEB_DIR.rglob("*")):
        if path.suffix.lower() not in SCANNED_SUFFIXES or not path.is_file():
            continue
        if is_vendored_bundle(path):
            continue
        found = remote_references(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            offenders[path.relative_to(REPO_ROOT).as_posix()] = found
    assert not offenders, f"pages must not load from the internet (vendor it instead): {offenders}"


@pytest.mark.parametrize("css", sorted(VENDOR_DIR.rglob("*.css")), ids=lambda p: p.name)
def test_vendored_css_loads_nothing_remote_or_missing(css):
    text = css.read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", text, re.IGNORECASE)
    assert not re.search(r"@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//", text, re.IGNORECASE)
    for target in re.findall(r"url\(\s*[\"']?([^\"')]+)", text):
        if not target.startswith(("data:", "#")):
            assert (css.parent / target.split("?")[0].split("#")[0]).is_file(), (
                f"{css} refers to {target}, which is not vendored"
            )
