import io
from decimal import Decimal

from openpyxl import load_workbook

from lib.spreadsheets import csv_bytes, xlsx_bytes


def test_csv_is_utf8_with_a_byte_order_mark_and_formulas_as_text():
    content = csv_bytes(["名称", "值"], [["=1+1", Decimal("420.000000")], ["-3.4", None]])
    assert content.startswith("\ufeff".encode())
    assert content.decode("utf-8")[1:].splitlines() == ["名称,值", "'=1+1,420", "-3.4,"]


def test_xlsx_keeps_numbers_as_numbers_and_links_urls():
    content = xlsx_bytes(
        "表", ["a", "url"], [[Decimal("1.5"), "http://example.org/x"], ["@SUM(A1)", None]], (1,)
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["a", "url"],
        [1.5, "http://example.org/x"],
        ["'@SUM(A1)", None],
    ]
    assert sheet["B2"].hyperlink.target == "http://example.org/x"
