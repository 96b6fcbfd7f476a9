"""Bad input is refused with an InputError naming the file; odd encodings are read by the documented rule."""

import io

import pytest
from pypdf import PdfWriter

from clustergraph.errors import InputError
from clustergraph.extract import extract_file
from clustergraph.extract.reader import decode_bytes, read_file


@pytest.mark.parametrize("name, content, match", [
    pytest.param("empty.txt", b"", "empty.txt.*empty", id="empty_file"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt.*binary", id="binary_file"),
    # undefined in cp1252, invalid UTF-8
    pytest.param("garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 20, "garbage.txt.*UTF-8", id="undecodable_file"),
    pytest.param("broken.pdf", b"%PDF-1.4\nthis is not a pdf", "broken.pdf", id="broken_pdf"),
])
def test_bad_file_is_refused_naming_it(tmp_path, name, content, match):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=match):
        extract_file(path)


def test_white_space_only(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t\n")
    with pytest.raises(InputError, match="white space"):
        read_file(path)


def test_cp1252_accepted_when_plausible(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Dresden, 18. Juli 2014 - Der Cluster für Mikroelektronik wächst.".encode("cp1252"))
    text, media_type = read_file(path)
    assert "für Mikroelektronik" in text and media_type == "text/plain"


def test_utf8_bom_dropped():
    assert decode_bytes("\ufeffÄrger".encode("utf-8")) == "Ärger"


def test_oversize_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("a" * 2000)
    with pytest.raises(InputError, match="big.txt.*2000 bytes"):
        extract_file(path, max_bytes=1000)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        extract_file(tmp_path / "nope.txt")


def test_pdf_without_text_layer(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="scan.pdf.*no text layer"):
        extract_file(path)


def test_markdown_and_html_files(tmp_path):
    md = tmp_path / "news.md"
    md.write_text("# AlphaNet joins go-cluster\n\nBerlin, 4 March 2021 – The **AlphaNet** cluster has joined the "
                  "go-cluster programme.\n", encoding="utf-8")
    doc = extract_file(md).document
    assert doc.announcement.id == "news" and doc.announcement.title == "AlphaNet joins go-cluster"
    assert ("AlphaNet", "member of programme", "go-cluster") in {(f.subject, f.relation, f.object) for f in doc.facts}
    html = tmp_path / "page.htm"
    html.write_text("<html><body><nav>Menu</nav><h1>AlphaNet joins go-cluster</h1><p>Berlin, 4 March 2021 – The "
                    "AlphaNet cluster has joined the go-cluster programme.</p></body></html>", encoding="utf-8")
    doc = extract_file(html).document
    assert "Menu" not in doc.announcement.text
    assert doc.announcement.issued == "2021-03-04"


def test_extract_text_reports_instead_of_raising():
    from clustergraph.extract import extract_text
    result = extract_text("   ")
    assert result.errors and result.document.facts == []
    result = extract_text("Ein Satz ohne Fakten.")
    assert any(f.severity == "warning" for f in result.report)
