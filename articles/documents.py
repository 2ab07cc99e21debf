"""Reading an uploaded report (.txt, .html, .docx, .pdf) into its article text."""

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from django.utils.translation import gettext as _
from trafilatura.settings import set_date_params

from articles.decoding import UnreadableDocument, check_size, decode_text
from articles.limits import (
    OverLimit,
    ReportLimits,
    check_pdf_pages,
    check_text_length,
    check_zip_members,
    pdf_reader_limits,
)

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

# trafilatura drops real <script> elements, but a page may show markup as text ("&lt;script&gt;"),
# which unescapes into the extracted text; such leftovers are removed so stored text never holds markup.
_EMBEDDED_CODE = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@dataclass
class Document:
    """A report's text and what the file itself says about it (web pages carry title, site and date)."""

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None


def read_document(filename: str, data: bytes, max_bytes: int, limits: ReportLimits | None = None) -> Document:
    """The report in a file, refused (UnreadableDocument) when it is of a type we do not read, cannot
    be read, or would cost more work than `limits` (default: the settings') allow."""
    limits = limits or ReportLimits.from_settings()
    document = read_by_type(filename, data, max_bytes, limits)
    check_text_length(len(document.text), limits)
    return document


def read_by_type(filename: str, data: bytes, max_bytes: int, limits: ReportLimits) -> Document:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(
            _("Files of type “%(suffix)s” are not accepted; use %(accepted)s.")
            % {"suffix": suffix or _("without extension"), "accepted": ", ".join(SUPPORTED_SUFFIXES)}
        )
    check_size(data, max_bytes)
    if suffix in (".html", ".htm"):
        return html_document(decode_text(data, max_bytes))
    if suffix == ".docx":
        return Document(docx_text(data, limits))
    if suffix == ".pdf":
        return Document(pdf_text(data, limits))
    return Document(decode_text(data, max_bytes))


def html_document(html: str) -> Document:
    """The article text of a web page: scripts, navigation and footers dropped by trafilatura."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    text = _TAG.sub("", _EMBEDDED_CODE.sub("", text or ""))
    if not text.strip():
        raise UnreadableDocument(_("No article text could be found in this HTML page."))
    # Without extensive search: htmldate would otherwise take a year in the text (“2023年”) for
    # the publication date (2023-01-01), which then dates every 今年 in the report.
    metadata = trafilatura.extract_metadata(html, date_config=set_date_params(extensive=False))
    if metadata is None:
        return Document(text)
    return Document(
        text,
        title=metadata.title or "",
        source=metadata.sitename or "",
        url=metadata.url or "",
        published=iso_date(metadata.date),
    )


def iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def docx_text(data: bytes, limits: ReportLimits) -> str:
    import docx  # python-docx; loaded only for Word uploads

    check_zip_members(data, limits)  # before python-docx unpacks anything
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several unrelated types for a damaged file
        raise UnreadableDocument(
            _("This Word file cannot be read (%(error)s).") % {"error": error.__class__.__name__}
        ) from error
    text = "\n".join(docx_block_lines(document))
    if not text.strip():
        raise UnreadableDocument(_("The Word file contains no text."))
    return text


def docx_block_lines(container):
    """The lines of a Word document (or a table cell) in reading order: each paragraph, and each
    table row with its cells separated by tabs (a cell merged across columns counted once)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(row.cells))  # merged cells repeat the same cell object
                yield "\t".join(" ".join(docx_block_lines(cell)) for cell in cells)
        else:
            yield block.text


def pdf_text(data: bytes, limits: ReportLimits) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    try:
        with apply_configuration(**pdf_reader_limits(limits)):
            text = "\n".join(pdf_pages_text(PdfReader(io.BytesIO(data)), limits))
    except OverLimit:
        raise
    except LimitReachedError as error:
        raise OverLimit(
            _("This PDF goes past a safety limit of the PDF reader (%(error)s); it was not read.")
            % {"error": error},
            limit="PDF_READER",
            value=None,
            maximum=None,
        ) from error
    except Exception as error:  # pypdf raises many unrelated types for a damaged file
        raise UnreadableDocument(
            _("This PDF cannot be read (%(error)s).") % {"error": f"{error.__class__.__name__}: {error}"}
        ) from error
    # Glyphs without a character map come out as NUL, which no text holds and PostgreSQL cannot store.
    text = text.replace("\x00", "")
    if not text.strip():
        raise UnreadableDocument(_("The PDF contains no extractable text (a scanned image needs OCR first)."))
    return text


def pdf_pages_text(reader, limits: ReportLimits):
    """Each page's text, the page count checked first (as the page tree states it, before pypdf walks
    the tree; its page-tree limits stop a document that understates it) and reading stopped once the
    text is over its limit."""
    check_pdf_pages(stated_page_count(reader), limits)
    length = 0
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            # Unpacked here first: text extraction would swallow a decompression limit's error and
            # report an empty page instead of saying why.
            contents.get_data()
        text = page.extract_text() or ""
        length += len(text) + 1
        check_text_length(length, limits, at_least=True)
        yield text


def stated_page_count(reader) -> int:
    try:
        return int(reader.root_object["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        return 0  # no usable count: the page-tree limits still apply while the pages are read
