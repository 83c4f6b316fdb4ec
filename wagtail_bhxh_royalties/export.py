"""The statement as an XLSX workbook laid out the way an accountant expects.

VND amounts are numbers with the ``#,##0`` format (Excel shows the thousands
separator of the reader's locale: 1.234.000 in Vietnamese), the grand total
is followed by the amount in Vietnamese words, and the sheet ends with the
signature blocks of the preparer, the chief accountant and the head.
"""

from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .statements import statement_lines
from .words import amount_in_words

MONEY = "#,##0"
COLUMNS = [
    (gettext_lazy("No."), 6),
    (gettext_lazy("Name"), 28),
    (gettext_lazy("Item"), 50),
    (gettext_lazy("Kind of work"), 20),
    (gettext_lazy("Published on"), 13),
    (gettext_lazy("Coefficient"), 11),
    (gettext_lazy("Share (%)"), 10),
    (gettext_lazy("Amount (đồng)"), 16),
    (gettext_lazy("Tax withheld (đồng)"), 16),
    (gettext_lazy("Net amount (đồng)"), 16),
    (gettext_lazy("Signature"), 16),
]


def signature_titles():
    return [_("Prepared by"), _("Chief accountant"), _("Head of the editorial board")]


def statement_workbook(statement, organisation=""):
    """Bytes of the XLSX file of a statement."""
    bold = Font(bold=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    book = Workbook()
    sheet = book.active
    sheet.title = f"{statement.month:02d}-{statement.year}"
    width = len(COLUMNS)
    if organisation:
        sheet.append([organisation])
        sheet.cell(row=sheet.max_row, column=1).font = bold
    sheet.append(
        [
            _("ROYALTY AND REMUNERATION STATEMENT, %(month)02d/%(year)s")
            % {"month": statement.month, "year": statement.year}
        ]
    )
    title_row = sheet.max_row
    sheet.merge_cells(start_row=title_row, start_column=1, end_row=title_row, end_column=width)
    sheet.cell(row=title_row, column=1).font = Font(bold=True, size=14)
    sheet.cell(row=title_row, column=1).alignment = centre
    sheet.append([statement.get_status_display()])
    sheet.append([])
    sheet.append([str(name) for name, _width in COLUMNS])
    header_row = sheet.max_row
    for column, (_name, col_width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=column)
        cell.font = bold
        cell.alignment = centre
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = col_width

    number = 0
    for group in statement_lines(statement):
        number += 1
        person = group.person
        sheet.append([number, person.name, None, None, None, None, None, person.gross, person.tax, person.net, None])
        row = sheet.max_row
        for column in range(1, width + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font = bold
            cell.border = border
        for column in (8, 9, 10):
            sheet.cell(row=row, column=column).number_format = MONEY
        for entry in group.entries:
            sheet.append(
                [
                    None,
                    None,
                    entry.title,
                    entry.kind.name,
                    entry.published_on,
                    float(entry.coefficient) if entry.lump_sum is None else _("lump sum"),
                    float(entry.share_percent),
                    entry.amount,
                    None,
                    None,
                    None,
                ]
            )
            row = sheet.max_row
            sheet.cell(row=row, column=3).alignment = wrap
            sheet.cell(row=row, column=5).number_format = "DD/MM/YYYY"
            sheet.cell(row=row, column=8).number_format = MONEY
        for line in group.remuneration:
            sheet.append(
                [None, None, line.basis or _("Remuneration"), _("Remuneration"), None, None, None, line.amount]
            )
            sheet.cell(row=sheet.max_row, column=8).number_format = MONEY

    sheet.append(
        [
            None,
            _("Total"),
            None,
            None,
            None,
            None,
            None,
            statement.total_gross,
            statement.total_tax,
            statement.total_net,
        ]
    )
    row = sheet.max_row
    for column in range(1, width + 1):
        sheet.cell(row=row, column=column).font = bold
        sheet.cell(row=row, column=column).border = border
    for column in (8, 9, 10):
        sheet.cell(row=row, column=column).number_format = MONEY
    sheet.append([])
    sheet.append([_("Total in words: %(words)s.") % {"words": amount_in_words(statement.total_gross)}])
    sheet.append([_("Net in words: %(words)s.") % {"words": amount_in_words(statement.total_net)}])
    sheet.append([])
    titles = signature_titles()
    sheet.append([None, titles[0], None, titles[1], None, None, None, titles[2]])
    for column in range(1, width + 1):
        sheet.cell(row=sheet.max_row, column=column).font = bold
    sheet.append(
        [
            None,
            _("(signature, full name)"),
            None,
            _("(signature, full name)"),
            None,
            None,
            None,
            _("(signature, full name)"),
        ]
    )
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1

    output = BytesIO()
    book.save(output)
    return output.getvalue()
