"""Turning uploaded bytes into text, refusing what cannot be read with a reason a person understands."""

from charset_normalizer import from_bytes
from django.utils.translation import gettext as _

# Chinese sites still serve GBK/GB18030 and Big5; charset-normalizer tells them apart from UTF-8.
_GB_FAMILY = {"gbk", "gb2312", "gb18030", "hz"}
_UTF8_BOM = b"\xef\xbb\xbf"


class UnreadableDocument(ValueError):
    """The upload is empty, too large or not text in any encoding we can recognise."""


class OverLimit(UnreadableDocument):
    """A report over one of the bounds of the work it may cost (articles.limits): `details` name the
    setting, the report's value and the maximum. The upload page and the API answer `http_status`."""

    http_status = 413

    def __init__(self, message: str, *, limit: str, value, maximum):
        super().__init__(message)
        self.details = {"limit": limit, "value": value, "maximum": maximum}


def check_length(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise OverLimit(
            _(
                "The report is %(size).1f MB, %(excess).1f MB more than the limit of %(limit).1f MB "
                "(MAX_UPLOAD_BYTES)."
            )
            % {
                "size": size / 1_048_576,
                "excess": (size - max_bytes) / 1_048_576,
                "limit": max_bytes / 1_048_576,
            },
            limit="MAX_UPLOAD_BYTES",
            value=size,
            maximum=max_bytes,
        )


def check_size(data: bytes, max_bytes: int) -> None:
    if not data or not data.strip():
        raise UnreadableDocument(_("The file is empty."))
    check_length(len(data), max_bytes)


def decode_text(data: bytes, max_bytes: int) -> str:
    check_size(data, max_bytes)
    text = decode_any(data.removeprefix(_UTF8_BOM))
    # Valid UTF-8 may hold NUL bytes too; no text has them, and PostgreSQL cannot store them.
    if "\x00" in text:
        raise UnreadableDocument(_("The file looks binary, not text."))
    return text


def decode_any(data: bytes) -> str:
    """UTF-8, else the encoding charset-normalizer recognises."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(
            _("The file is not text in a recognised encoding (tried UTF-8, GBK/GB18030, Big5 and others).")
        )
    # GB18030 is a superset of GBK and GB2312: decoding with it loses no rare characters.
    encoding = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
    return data.decode(encoding, errors="strict")
