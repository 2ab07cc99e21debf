"""Hostile reports are refused before the expensive step, saying which bound and by how much, with
the memory used while refusing them bounded."""

import time
import tracemalloc

import pytest
from django.utils import translation

from articles.decoding import UnreadableDocument
from articles.documents import read_document
from articles.limits import OverLimit, ReportLimits
from factories import MB, flate_bomb_pdf, long_text, many_pages_pdf, zip_bomb_docx


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


LIMITS = ReportLimits(text_chars=300_000, pdf_pages=500, unzipped_bytes=50 * MB, zip_ratio=100)
UPLOAD_LIMIT = 5 * MB
# "Within seconds", generously: tracemalloc slows the reading severalfold, and the machine is shared.
# Without the bounds these files take minutes or gigabytes.
WITHIN_SECONDS = 10


def refusal(filename: str, data: bytes, limits: ReportLimits = LIMITS) -> tuple[OverLimit, float, float]:
    """The refusal of reading this file, the seconds it took and the peak memory (MB) allocated."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(OverLimit) as refused:
            read_document(filename, data, UPLOAD_LIMIT, limits)
        return refused.value, time.perf_counter() - started, tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_word_file_is_refused_by_its_unpacked_size_before_it_is_parsed():
    bomb = zip_bomb_docx(200)
    assert len(bomb) < MB
    over, seconds, peak = refusal("bomb.docx", bomb)
    assert over.details["limit"] == "MAX_UNZIPPED_BYTES" and over.details["value"] > 200 * MB
    assert "unpacks to 200.0 MB, 150.0 MB more than the limit of 50.0 MB" in str(over)
    assert seconds < WITHIN_SECONDS and peak < 3 * len(bomb) / MB + 5


def test_a_word_part_compressed_beyond_belief_is_refused_by_its_ratio():
    over, _, peak = refusal("bomb.docx", zip_bomb_docx(20))
    assert over.details["limit"] == "MAX_ZIP_RATIO" and over.details["value"] > 100
    assert "word/document.xml" in str(over) and "more than the limit of 100 times" in str(over)
    assert peak < 10


def test_a_damaged_word_file_is_unreadable_not_a_server_error():
    with pytest.raises(UnreadableDocument, match="BadZipFile"):
        read_document("broken.docx", b"PK\x03\x04 not really a zip", UPLOAD_LIMIT, LIMITS)


def test_a_flate_bomb_pdf_is_stopped_by_the_pdf_readers_limit_we_set():
    over, seconds, peak = refusal("bomb.pdf", flate_bomb_pdf(200))
    assert over.details["limit"] == "PDF_READER" and "safety limit of the PDF reader" in str(over)
    assert seconds < WITHIN_SECONDS and peak < 2 * LIMITS.unzipped_bytes / MB + 20


def test_a_50000_page_pdf_is_refused_by_its_page_count_before_any_page_is_read():
    pdf = many_pages_pdf(50_000)
    over, seconds, _ = refusal("pages.pdf", pdf)
    assert over.details == {"limit": "MAX_PDF_PAGES", "value": 50_000, "maximum": 500}
    assert "50,000 pages, 49,500 more than the limit of 500" in str(over)
    assert seconds < WITHIN_SECONDS


def test_a_pdf_understating_its_pages_is_stopped_by_the_page_tree_limit():
    over, seconds, _ = refusal("pages.pdf", many_pages_pdf(50_000, stated_count=1))
    assert over.details["limit"] == "PDF_READER" and seconds < WITHIN_SECONDS


def test_text_over_the_character_limit_is_refused_saying_by_how_much():
    text = long_text(4)
    over, seconds, _ = refusal("long.txt", text.encode())
    assert over.details == {"limit": "MAX_TEXT_CHARS", "value": len(text), "maximum": 300_000}
    assert f"{len(text):,} characters, {len(text) - 300_000:,} more than the limit of 300,000" in str(over)
    assert seconds < WITHIN_SECONDS


def test_a_web_pages_text_is_measured_after_parsing_not_its_markup():
    article = "<p>" + "威海高新区地区生产总值312亿元。" * 50 + "</p>"
    page = f"<html><body><article>{article}<div>{'<span></span>' * 20_000}</div></article></body></html>"
    small = ReportLimits(text_chars=1000, pdf_pages=1, unzipped_bytes=MB, zip_ratio=10)
    assert len(read_document("page.html", page.encode(), UPLOAD_LIMIT, small).text) < 1000 < len(page)
    with pytest.raises(OverLimit, match="MAX_TEXT_CHARS"):
        read_document("page.html", page.encode(), UPLOAD_LIMIT, ReportLimits(500, 1, MB, 10))


def test_a_word_file_understating_what_its_part_unpacks_to_is_refused_in_bounded_memory():
    """Understating what a part unpacks to gets past the stated-size checks, not past the unpacking
    of each part in megabyte steps that follows them: zipfile stops at the stated size and fails the
    part's checksum. (python-docx, unpacking the part whole, would have unpacked all 200 MB first.)"""
    import struct

    bomb = bytearray(zip_bomb_docx(200))
    part = bomb.find(b"word/document.xml") - 30  # its local header
    for header, size_at in ((part, 22), (bomb.rfind(b"PK\x01\x02"), 24)):  # local and central entries
        assert bomb[header : header + 2] == b"PK"
        struct.pack_into("<I", bomb, header + size_at, 1000)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableDocument, match="BadZipFile"):
            read_document("liar.docx", bytes(bomb), UPLOAD_LIMIT, LIMITS)
        peak = tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()
    assert peak < 10
