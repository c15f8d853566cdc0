"""Builds a risk register surrounded by every kind of object that keeps a reference to cells.

Usage: /usr/bin/python3 make_objects_workbook.py <out.xlsx> <image.png>

The register (Register!A4:H12) has a note beside it in I6, so applying Council Sheets' plan must
insert columns at I. Right of the insertion point sit a costs table (an Excel table, J4:L12) and
the objects that read it: a chart series, a picture anchored over it, comments, a conditional
format, a validation, defined names (one, the print area, print titles) and a Summary sheet's
formulas. Left of it: a chart series, a comment and a validation that must not move. The pivot
table is added by LibreOffice afterwards (openpyxl cannot write one): see make_pivot in
lo_insert_columns.py.
"""

import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

out, image = sys.argv[1], sys.argv[2]
wb = Workbook()
ws = wb.active
ws.title = "Register"
ws["A1"] = "CORPORATE RISK REGISTER 2025/26"
ws.merge_cells("A1:H1")
ws["A2"] = "Reviewed by Audit Committee"
header = ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Category", "Status", "Comments"]
for c, text in enumerate(header, start=1):
    ws.cell(row=4, column=c, value=text)
ws["J4"] = "Area"
ws["K4"] = "Cost"
ws["L4"] = "Saving"
risks = [
    ("CR1", "Cyber attack", "CIO", 4, 5, "IT", "Open", "ok"),
    ("CR2", "Funding gap", "S151", 5, 4, "Finance", "Open", None),
    ("CR3", "Workforce", "HR", 3, 3, "People", "Open", None),
    ("CR4", "Flooding", "Env", 2, 5, "Place", "Closed", None),
    ("CR5", "Contract failure", "Proc", 3, 4, "Finance", "Open", None),
    ("CR6", "Data breach", "DPO", 2, 4, "IT", "Open", None),
    ("CR7", "Election", "CEx", 1, 3, "Governance", "Open", None),
    ("CR8", "Heatwave", "PH", 3, 2, "Place", "Open", None),
]
for r, row in enumerate(risks, start=5):
    for c, value in enumerate(row, start=1):
        if value is not None:
            ws.cell(row=r, column=c, value=value)
    ws.cell(row=r, column=10, value=row[5])
    ws.cell(row=r, column=11, value=(r - 4) * 1000)
    ws.cell(row=r, column=12, value=(r - 4) * 250)
ws["I6"] = "see note"

ws.add_table(
    Table(
        displayName="Costs",
        ref="J4:L12",
        tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True),
    )
)

chart = BarChart()
chart.title = "Likelihood and cost"
chart.add_data(Reference(ws, min_col=4, min_row=4, max_row=12), titles_from_data=True)
chart.add_data(Reference(ws, min_col=11, min_row=4, max_row=12), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=12))
ws.add_chart(chart, "N4")

picture = Image(image)
ws.add_image(picture, "L14")

ws["D5"].comment = Comment("Rated by the CIO", "Audit")
ws["K6"].comment = Comment("Cost agreed at Cabinet", "Finance")

ws.conditional_formatting.add(
    "K5:K12",
    CellIsRule(operator="greaterThan", formula=["$L$5*10"], fill=PatternFill("solid", fgColor="FFC7CE")),
)
likelihood = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
likelihood.add("D5:D12")
ws.add_data_validation(likelihood)
cost = DataValidation(type="decimal", operator="greaterThan", formula1="$L$5")
cost.add("K5:K12")
ws.add_data_validation(cost)

wb.defined_names.append(DefinedName("CostColumn", attr_text="Register!$K$5:$K$12"))
ws.print_area = "A1:L12"
ws.print_title_rows = "4:4"
ws.print_title_cols = "A:B"

summary = wb.create_sheet("Summary")
summary["A1"] = "Total cost"
summary["B1"] = "=SUM(Register!K5:K12)"
summary["A2"] = "Cyber cost"
summary["B2"] = "=Register!$K$5"
summary["A3"] = "Named"
summary["B3"] = "=SUM(CostColumn)"
summary["A4"] = "Table"
summary["B4"] = "=SUM(Costs[Saving])"
summary["A5"] = "Likelihood total"
summary["B5"] = "=SUM(Register!D5:D12)"
wb.save(out)
