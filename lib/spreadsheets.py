"""Tables as files for spreadsheets: CSV that Excel opens as UTF-8, and XLSX. Knows nothing of the
domain: a header and rows of plain values (str, int, Decimal, None), links given per cell."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Excel and other spreadsheets run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV without a byte-order mark as the local code page (Chinese becomes mojibake).
BYTE_ORDER_MARK = "\ufeff"
SHEET_TITLE_LENGTH = 31  # Excel's limit


def escape_formula(value):
    """Text that a spreadsheet would run as a formula (a report's title “=HYPERLINK(…)”) with a
    leading apostrophe, so that it is shown as text; numbers (“-3.4”) stay numbers."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    try:
        Decimal(value)
    except InvalidOperation:
        return "'" + value
    return value


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """UTF-8 with a byte-order mark, CRLF lines, every text cell safe from formula injection."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([escape_formula(name) for name in header])
    for row in rows:
        writer.writerow(["" if value is None else escape_formula(plain(value)) for value in row])
    return out.getvalue().encode("utf-8")


def plain(value):
    """Decimals as people write them (420, not 420.000000)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def xlsx_bytes(title: str, header: list[str], rows: list[list], link_columns: tuple[int, ...] = ()) -> bytes:
    """One sheet: a bold header, numbers as numbers, text escaped as in the CSV; the URLs in
    `link_columns` (positions) clickable."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = ILLEGAL_CHARACTERS_RE.sub("", title)[:SHEET_TITLE_LENGTH] or "Sheet"
    sheet.append([escape_formula(name) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([xlsx_value(value) for value in row])
    for url_column in link_columns:
        for row_number, row in enumerate(rows, start=2):
            url = row[url_column]
            if url:
                cell = sheet.cell(row=row_number, column=url_column + 1)
                cell.hyperlink = url
                cell.style = "Hyperlink"
    for position, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = max(10, min(40, len(str(name)) * 2 + 2))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_value(value):
    if isinstance(value, Decimal):  # a number in the sheet, while a float holds it exactly enough
        return float(value) if abs(value) < 10**15 else plain(value)
    if isinstance(value, str):
        return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value
