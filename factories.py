"""Test data built directly, for every app's tests: zones, metrics, articles and indicators written
here rather than taken from the demo data, so every expected number is visible in the test."""

import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone

from articles.services import ArticleInput, store_article
from metrics.models import Indicator, Metric
from zones.models import Zone

# A short report whose words the review tests quote ("地区生产总值300亿元", "320家").
REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"

_serial = itertools.count()


def make_zone(
    short_name: str = "威海高新区",
    *,
    name: str = "",
    slug: str = "",
    province="测试省",
    level=Zone.Level.NATIONAL_HITECH,
    **fields,
) -> Zone:
    number = next(_serial)
    return Zone.objects.create(
        name=name or f"{short_name}（测试{number}）",
        short_name=short_name,
        slug=slug or f"test-zone-{number}",
        province=province,
        level=level,
        **fields,
    )


def make_metric(code="test_enterprises", name_zh="测试企业数", unit="家") -> Metric:
    return Metric.objects.get_or_create(
        code=code, defaults={"name_zh": name_zh, "name_en": code, "unit": unit}
    )[0]


def make_article(*, text: str = "", published_on: date | None = date(2024, 3, 1), title: str = "", **details):
    """A stored article (no extraction). Without `text`: REPORT with a serial number, so that
    articles never collide as duplicates."""
    number = next(_serial)
    return store_article(
        ArticleInput(
            text=text or f"{REPORT}（第{number}篇）",
            published_on=published_on,
            title=title or f"测试报道{number}",
            **details,
        )
    )


def make_indicator(
    article,
    *,
    value,
    zone=None,
    metric=None,
    quote: str = "",
    unit=None,
    stance=Indicator.Stance.ACHIEVEMENT,
    kind=Indicator.Kind.LEVEL,
    period="2024",
    base_value="same",
    reviewed=False,
    **fields,
) -> Indicator:
    """An indicator as the engine stores it. A `quote` found in the article's text gets its offsets
    (and an extraction key, as automatic figures have); `base_value` is the value unless given."""
    value = Decimal(str(value))
    quote = quote or f"{value}"
    if "quote_start" not in fields and quote in article.raw_text:
        start = article.raw_text.index(quote)
        fields.update(quote_start=start, quote_end=start + len(quote))
        fields.setdefault("extraction_key", f"key-{start}-{value}")
    if base_value == "same":
        base_value = value
    if reviewed:
        fields.setdefault("review_state", Indicator.ReviewState.CONFIRMED)
        fields["reviewed_at"] = timezone.now()
    return Indicator.objects.create(
        article=article,
        zone=zone,
        metric=metric,
        metric_text=fields.pop("metric_text", "") or (metric.name_zh if metric else "?"),
        value=value,
        unit=unit if unit is not None else (metric.unit if metric else ""),
        base_value=None if base_value is None else Decimal(str(base_value)),
        kind=kind,
        stance=stance,
        period_label=period,
        quote=quote,
        **fields,
    )


# Hostile reports, built small in the test that uses them (none is stored in the repository).

MB = 1_048_576


_DOCX_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELATIONS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def zip_bomb_docx(unpacked_mb: int) -> bytes:
    """A Word file whose document part unpacks to `unpacked_mb` MB of spaces from a few hundred KB,
    written a megabyte at a time so that building it never holds the unpacked part."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as docx:
        # The parts python-docx looks for first, so that it would go on to unpack the document.
        docx.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        docx.writestr("_rels/.rels", _DOCX_RELATIONS)
        with docx.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            chunk = b" " * MB
            for _ in range(unpacked_mb):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; the first is the catalogue), with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def flate_bomb_pdf(unpacked_mb: int) -> bytes:
    """A one-page PDF whose page content is a Flate stream unpacking to `unpacked_mb` MB of spaces."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * MB
    stream = b"".join(packer.compress(chunk) for _ in range(unpacked_mb)) + packer.flush()
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    )


def many_pages_pdf(pages: int, *, stated_count: int | None = None) -> bytes:
    """A PDF of `pages` pages that are one page object listed `pages` times (a few bytes each), its
    page tree stating `stated_count` pages (default: the truth)."""
    kids = b"3 0 R " * pages
    count = pages if stated_count is None else stated_count
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def long_text(megabytes: float) -> str:
    """Report-like Chinese text of about `megabytes` MB in UTF-8."""
    sentence = "威海高新区2024年完成地区生产总值312亿元，同比增长8.5%。"
    return sentence * int(megabytes * MB / len(sentence.encode()))
