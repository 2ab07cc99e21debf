"""Bounds of the work one report may cost, each checked before the step it protects: a few kilobytes
may unpack to gigabytes (a zip bomb in a Word file, a compressed stream in a PDF) or hold tens of
thousands of pages, and the extraction engine's time grows with the text. A report over a bound is
refused with the bound's name, its value and by how much it is exceeded; nothing is stored."""

import io
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from articles.decoding import OverLimit, UnreadableDocument

MB = 1_048_576
# A member this small cannot hurt however well it compresses (small XML parts of a Word file
# sometimes compress more than a hundredfold).
_RATIO_CHECKED_FROM_BYTES = MB


@dataclass(frozen=True)
class ReportLimits:
    text_chars: int
    pdf_pages: int
    unzipped_bytes: int
    zip_ratio: int

    @classmethod
    def from_settings(cls) -> "ReportLimits":
        return cls(
            text_chars=settings.MAX_TEXT_CHARS,
            pdf_pages=settings.MAX_PDF_PAGES,
            unzipped_bytes=settings.MAX_UNZIPPED_BYTES,
            zip_ratio=settings.MAX_ZIP_RATIO,
        )


__all__ = ["OverLimit", "ReportLimits", "check_pdf_pages", "check_text_length", "check_zip_members"]


def check_text_length(length: int, limits: ReportLimits, *, at_least: bool = False) -> None:
    """The characters of a report's text (pasted, or read from any file: after parsing HTML, per page
    of a PDF); `at_least` when reading stopped as soon as the limit was passed."""
    if length <= limits.text_chars:
        return
    message = (
        _(
            "The report's text has at least %(value)s characters, more than the limit of %(limit)s "
            "(MAX_TEXT_CHARS)."
        )
        if at_least
        else _(
            "The report's text has %(value)s characters, %(excess)s more than the limit of %(limit)s "
            "(MAX_TEXT_CHARS)."
        )
    )
    values = {
        "value": f"{length:,}",
        "excess": f"{length - limits.text_chars:,}",
        "limit": f"{limits.text_chars:,}",
    }
    raise OverLimit(message % values, limit="MAX_TEXT_CHARS", value=length, maximum=limits.text_chars)


def check_zip_members(data: bytes, limits: ReportLimits) -> None:
    """A Word file (a zip) before python-docx unpacks it: the sizes its members state they unpack to,
    in all and each against its compressed size; then each member unpacked a megabyte at a time to
    see that it holds no more than it states. (python-docx unpacks a member whole, and zipfile,
    though it returns no more than the stated size, would unpack all there is first.)"""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise UnreadableDocument(
            _("This Word file cannot be read (%(error)s).") % {"error": error.__class__.__name__}
        ) from error
    total = sum(member.file_size for member in members)
    if total > limits.unzipped_bytes:
        raise OverLimit(
            _(
                "The Word file unpacks to %(value).1f MB, %(excess).1f MB more than the limit of "
                "%(limit).1f MB (MAX_UNZIPPED_BYTES)."
            )
            % {
                "value": total / MB,
                "excess": (total - limits.unzipped_bytes) / MB,
                "limit": limits.unzipped_bytes / MB,
            },
            limit="MAX_UNZIPPED_BYTES",
            value=total,
            maximum=limits.unzipped_bytes,
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= _RATIO_CHECKED_FROM_BYTES and ratio > limits.zip_ratio:
            raise OverLimit(
                _(
                    "The Word file's part “%(member)s” unpacks %(value)d times larger than it is stored, "
                    "more than the limit of %(limit)d times (MAX_ZIP_RATIO): it looks like a zip bomb."
                )
                % {"member": member.filename, "value": ratio, "limit": limits.zip_ratio},
                limit="MAX_ZIP_RATIO",
                value=round(ratio),
                maximum=limits.zip_ratio,
            )
    check_stated_sizes(archive, members)


def check_stated_sizes(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Each member unpacked in bounded steps: zipfile stops at the stated size and fails the
    checksum of a member holding more (or anything else that is wrong with it)."""
    try:
        for member in members:
            with archive.open(member) as part:
                while part.read(MB):
                    pass
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise UnreadableDocument(
            _("This Word file cannot be read (%(error)s).") % {"error": error.__class__.__name__}
        ) from error


def check_pdf_pages(pages: int, limits: ReportLimits) -> None:
    if pages > limits.pdf_pages:
        raise OverLimit(
            _("The PDF has %(value)s pages, %(excess)s more than the limit of %(limit)s (MAX_PDF_PAGES).")
            % {
                "value": f"{pages:,}",
                "excess": f"{pages - limits.pdf_pages:,}",
                "limit": f"{limits.pdf_pages:,}",
            },
            limit="MAX_PDF_PAGES",
            value=pages,
            maximum=limits.pdf_pages,
        )


def pdf_reader_limits(limits: ReportLimits) -> dict:
    """pypdf's own safety limits (pypdf.apply_configuration), tightened to ours: no stream unpacks
    past MAX_UNZIPPED_BYTES, and no page tree is walked much past MAX_PDF_PAGES even when the
    document misstates its page count."""
    unpacked = limits.unzipped_bytes
    return {
        "zlib_maximum_output_length": unpacked,
        "lzw_maximum_output_length": unpacked,
        "run_length_maximum_output_length": unpacked,
        "brotli_maximum_output_length": unpacked,
        "jbig2_maximum_output_length": unpacked,
        "array_based_stream_maximum_output_length": unpacked,
        "maximum_declared_stream_length": unpacked,
        "image_maximum_buffer_size": unpacked,
        "stream_decoding_work_maximum_length": 4 * unpacked,
        "page_tree_maximum_entries": 2 * limits.pdf_pages + 100,
        "page_tree_maximum_page_entries": 20 * limits.pdf_pages + 1000,
    }
