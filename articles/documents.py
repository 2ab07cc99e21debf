"""Reading an uploaded report (.txt, .html, .docx, .pdf) into its article text."""
import io
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura

from articles.decoding import UnreadableDocument, check_size, decode_text

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass
class Document:
    text: str
    title: str = ""


def read_document(filename: str, data: bytes, max_bytes: int) -> Document:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(
            f"Files of type “{suffix or 'without extension'}” are not accepted; use {', '.join(SUPPORTED_SUFFIXES)}."
        )
    check_size(data, max_bytes)
    if suffix in (".html", ".htm"):
        return html_document(decode_text(data, max_bytes))
    if suffix == ".docx":
        return Document(docx_text(data))
    if suffix == ".pdf":
        return Document(pdf_text(data))
    return Document(decode_text(data, max_bytes))


def html_document(html: str) -> Document:
    """The article text of a web page: scripts, navigation and footers dropped by trafilatura."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise UnreadableDocument("No article text could be found in this HTML page.")
    metadata = trafilatura.extract_metadata(html)
    return Document(text, (metadata.title or "") if metadata else "")


def docx_text(data: bytes) -> str:
    import docx  # python-docx; loaded only for Word uploads

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several unrelated types for a damaged file
        raise UnreadableDocument(f"This Word file cannot be read ({error.__class__.__name__}).") from error
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    if not text.strip():
        raise UnreadableDocument("The Word file contains no text.")
    return text


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise UnreadableDocument(f"This PDF cannot be read ({error}).") from error
    if not text.strip():
        raise UnreadableDocument("The PDF contains no extractable text (a scanned image needs OCR first).")
    return text
