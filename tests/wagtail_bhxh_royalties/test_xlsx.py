"""The statement's XLSX sheet: a valid workbook that spreadsheet programs (here openpyxl) read back."""

import datetime
import warnings
import zipfile
from decimal import Decimal
from io import BytesIO
from xml.dom import minidom

from openpyxl import load_workbook

from wagtail_bhxh_royalties.xlsx import Cell, Sheet, column_letter


def test_column_letters():
    assert [column_letter(n) for n in (0, 10, 25, 26, 27, 701, 702)] == ["A", "K", "Z", "AA", "AB", "ZZ", "AAA"]


def test_values_styles_and_print_setup_read_back():
    sheet = Sheet("09-2024 'Tháng' & <9>", widths=[6, 28])
    sheet.append([Cell("Bảng kê & <tổng hợp>", "title")])
    sheet.append([Cell("STT", "header"), Cell("Họ và tên", "header")])
    sheet.append(
        [1, "  Nguyễn\x01 Văn A ", Cell(Decimal(1_234_000), "money"), datetime.date(2024, 9, 10), Decimal("2.5"), None]
    )
    sheet.append([None, Cell("Tổng cộng", "total"), Cell(Decimal(1_234_000), "total_money"), Cell(None, "total")])
    sheet.freeze_rows = sheet.print_title_row = 2
    data = sheet.workbook_bytes()
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(archive.read(name))  # noqa: S318 (our own output): well-formed, no control chars
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = load_workbook(BytesIO(data))
    ws = book.active
    assert ws.title == "09-2024 'Tháng' & <9>"
    assert ws["A1"].value == "Bảng kê & <tổng hợp>" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws["B3"].value == "  Nguyễn Văn A "  # spaces kept, the control character dropped
    assert (ws["C3"].value, ws["C3"].number_format) == (1_234_000, "#,##0")
    assert (ws["D3"].value.date(), ws["D3"].number_format) == (datetime.date(2024, 9, 10), "DD/MM/YYYY")
    assert ws["E3"].value == 2.5 and ws["F3"].value is None
    assert ws["B4"].font.b and ws["C4"].border.top.style == "thin" and ws["C4"].number_format == "#,##0"
    assert ws["A2"].alignment.horizontal == "center" and ws["A2"].alignment.wrap_text
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$2:$2"
    assert 28 <= ws.column_dimensions["B"].width < 29  # XlsxWriter adds its padding to the characters
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "landscape")
    # Fitted to one page wide (1 is the file format's default, so it may be left out), any number long.
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth or 1, int(ws.page_setup.fitToHeight)) == (1, 0)
