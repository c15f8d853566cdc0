"""LibreOffice as the oracle for column inserts.

Usage: /usr/bin/python3 lo_insert_columns.py <soffice> <profile-dir> <jobs.json>

jobs.json is a list of {"input", "output", "sheet", "column" (0-based), "count"}. One headless
LibreOffice is started for all jobs; for each, the input is opened, `count` columns are inserted
before `column` on `sheet` with Calc's own insert (which moves every reference, as Excel does),
and the result is saved as .xlsx to `output`. Errors are reported on stderr with exit code 1.

A job {"kind": "pivot", "input", "output", "sheet", "source", "rowField", "dataField"} instead
adds a pivot table of `source` (a range on `sheet`) on a new sheet "Pivot", summing `dataField`
by `rowField`: openpyxl, which builds the other test workbooks, cannot write pivot tables.
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(soffice, profile):
    pipe = "cs_insert_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            soffice,
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
            )
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx
    )
    return proc, desktop


def add_pivot(doc, job):
    sheets = doc.Sheets
    sheets.insertNewByName("Pivot", sheets.Count)
    source = sheets.getByName(job["sheet"]).getCellRangeByName(job["source"])
    target = sheets.getByName("Pivot")
    tables = target.getDataPilotTables()
    descriptor = tables.createDataPilotDescriptor()
    descriptor.setSourceRange(source.getRangeAddress())
    fields = descriptor.getDataPilotFields()
    row = fields.getByName(job["rowField"])
    row.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
    data = fields.getByName(job["dataField"])
    data.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    data.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    anchor = target.getCellRangeByName("A3").getCellAddress()
    tables.insertNewByName("CostPivot", anchor, descriptor)


def main():
    soffice, profile, jobs_file = sys.argv[1:4]
    with open(jobs_file) as f:
        jobs = json.load(f)
    proc, desktop = connect(soffice, profile)
    try:
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise RuntimeError("LibreOffice could not open " + job["input"])
            try:
                if job.get("kind") == "pivot":
                    add_pivot(doc, job)
                else:
                    sheet = doc.Sheets.getByName(job["sheet"])
                    sheet.Columns.insertByIndex(job["column"], job["count"])
                out = uno.systemPathToFileUrl(os.path.abspath(job["output"]))
                doc.storeToURL(out, (prop("FilterName", "Calc MS Excel 2007 XML"),))
            finally:
                doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # one line, for the test's message
        sys.stderr.write("lo_insert_columns: %s\n" % error)
        sys.exit(1)
