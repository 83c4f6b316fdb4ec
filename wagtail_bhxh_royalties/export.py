"""The statement as an XLSX workbook laid out the way an accountant expects.

VND amounts are numbers with the ``#,##0`` format (Excel shows the thousands
separator of the reader's locale: 1.234.000 in Vietnamese), the grand total
is followed by the amount in Vietnamese words, and the sheet ends with the
signature blocks of the preparer, the chief accountant and the head. The
header row is frozen and repeats on every printed page (A4 landscape, fitted
to the page width). The sheet is written by :mod:`.xlsx` (XlsxWriter, a few
microseconds a cell against tens for openpyxl) so a month of thousands of entries exports
in a small part of the statement's time budget.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .statements import statement_lines
from .words import amount_in_words
from .xlsx import Cell, Sheet

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
MONEY_COLUMNS = (7, 8, 9)  # zero-based: amount, tax, net


def signature_titles():
    return [_("Prepared by"), _("Chief accountant"), _("Head of the editorial board")]


def statement_workbook(statement, organisation=""):
    """Bytes of the XLSX file of a statement."""
    sheet = Sheet(f"{statement.month:02d}-{statement.year}", widths=[width for _name, width in COLUMNS])

    def total_row(values):
        sheet.append(
            [
                Cell(value, "total_money" if index in MONEY_COLUMNS and value is not None else "total")
                for index, value in enumerate(values)
            ]
        )

    if organisation:
        sheet.append([Cell(organisation, "bold")])
    title = _("ROYALTY AND REMUNERATION STATEMENT, %(month)02d/%(year)s") % {
        "month": statement.month,
        "year": statement.year,
    }
    sheet.append([Cell(title, "title")])
    sheet.append([statement.get_status_display()])
    sheet.append([])
    sheet.append([Cell(str(name), "header") for name, _width in COLUMNS])
    header_row = 5 if organisation else 4
    sheet.freeze_rows = sheet.print_title_row = header_row

    lump_sum = _("lump sum")
    remuneration = _("Remuneration")
    number = 0
    for group in statement_lines(statement):
        number += 1
        person = group.person
        total_row([number, person.name, None, None, None, None, None, person.gross, person.tax, person.net, None])
        for entry in group.entries:
            sheet.append(
                [
                    None,
                    None,
                    entry.title,
                    entry.kind,
                    entry.published_on,
                    entry.coefficient.normalize() if entry.lump_sum is None else lump_sum,
                    entry.share_percent.normalize(),
                    Cell(entry.amount, "money"),
                ]
            )
        for line in group.remuneration:
            sheet.append(
                [None, None, line.basis or remuneration, remuneration, None, None, None, Cell(line.amount, "money")]
            )

    total_row(
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
            None,
        ]
    )
    sheet.append([])
    sheet.append([_("Total in words: %(words)s.") % {"words": amount_in_words(statement.total_gross)}])
    sheet.append([_("Net in words: %(words)s.") % {"words": amount_in_words(statement.total_net)}])
    sheet.append([])
    titles = signature_titles()
    sheet.append(
        [None, Cell(titles[0], "bold"), None, Cell(titles[1], "bold"), None, None, None, Cell(titles[2], "bold")]
    )
    hint = _("(signature, full name)")
    sheet.append([None, hint, None, hint, None, None, None, hint])
    return sheet.workbook_bytes()
