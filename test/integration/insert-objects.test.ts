import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { cellAddress } from "../../src/core/a1";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { walkXml } from "../../src/adapters/xlsx/package/xml-rewrite";
import { nativeZlib } from "../../src/cli/zlib";
import { parseAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite, InsertColumns, WritePlan } from "../../src/core/plan";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { TODAY } from "../helpers/builders";
import {
  factsOf,
  formulaValues,
  libreOfficeInsert,
  movedKey,
  ourInsert,
} from "../helpers/insert-oracle";
import { findSofficeWithUno, recalculate } from "../helpers/libreoffice";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * The planner puts new columns in the first free columns past the note (I) and the objects
 * beside the register; here the officer wants them right beside the register instead, so the
 * same column writes go to I onwards with columns inserted first — the insert under test.
 */
function besideTheRegister(planned: WritePlan): WritePlan {
  // A planner that already inserts beside the register (it keeps a side table apart) has done it.
  if (planned.operations.some((op) => op.kind === "insert-columns")) return planned;
  const NOTE = 8;
  const added = planned.operations
    .filter((op): op is ColumnWrite => op.kind === "column" && op.header !== null)
    .sort((a, b) => a.column - b.column);
  const first = added[0];
  if (!first) return planned;
  const moved = new Map(added.map((op, i) => [op, NOTE + i]));
  const operations = planned.operations.map((op) => {
    const column = op.kind === "column" ? moved.get(op) : undefined;
    return column === undefined || op.kind !== "column" ? op : { ...op, column };
  });
  const insert: InsertColumns = {
    kind: "insert-columns",
    sheet: first.sheet,
    table: first.table,
    column: NOTE,
    count: added.length,
  };
  return { operations: [insert, ...operations] };
}

const soffice = findSofficeWithUno();
const withLibreOffice = soffice ? describe : describe.skip;

/**
 * Every reference a part keeps, in file order: chart series, defined names, table and pivot
 * ranges, comment cells, rule and validation ranges, and the columns drawings are anchored at.
 */
interface References {
  chart: string[];
  names: Map<string, string>;
  tables: string[];
  pivotSources: string[];
  comments: string[];
  conditionalFormats: string[];
  validations: string[];
  anchors: number[];
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function referencesOf(file: string): References {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const refs: References = {
    chart: [],
    names: new Map(),
    tables: [],
    pivotSources: [],
    comments: [],
    conditionalFormats: [],
    validations: [],
    anchors: [],
  };
  const each = (pattern: RegExp, visit: Parameters<typeof walkXml>[1]) => {
    for (const [name, bytes] of Object.entries(parts))
      if (pattern.test(name)) walkXml(decode(bytes), visit);
  };
  each(/^xl\/charts\/chart\d+\.xml$/, {
    close: (e, text) => void (e.name === "f" && text !== null && refs.chart.push(text)),
  });
  each(/^xl\/workbook\.xml$/, {
    close: (e, text) => {
      if (e.name === "definedName" && text !== null)
        refs.names.set(e.attributes.get("name")?.value ?? "", text);
    },
  });
  const attribute = (pattern: RegExp, element: string, name: string, into: string[]) =>
    each(pattern, {
      open: (e) => {
        const value = e.attributes.get(name)?.value;
        if (e.name === element && value) into.push(value);
      },
    });
  attribute(/^xl\/tables\/table\d+\.xml$/, "table", "ref", refs.tables);
  attribute(
    /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/,
    "worksheetSource",
    "ref",
    refs.pivotSources,
  );
  attribute(/^xl\/comments\d+\.xml$/, "comment", "ref", refs.comments);
  attribute(
    /^xl\/worksheets\/sheet1\.xml$/,
    "conditionalFormatting",
    "sqref",
    refs.conditionalFormats,
  );
  attribute(/^xl\/worksheets\/sheet1\.xml$/, "dataValidation", "sqref", refs.validations);
  each(/^xl\/drawings\/drawing\d+\.xml$/, {
    close: (e, text, _end, parents) => {
      if (e.name === "col" && parents[parents.length - 1] === "from" && text !== null)
        refs.anchors.push(Number(text));
    },
  });
  return refs;
}

/**
 * The values a reference ("Register!$K$5:$K$12", "K5:K12" on Register) shows, row by row,
 * leaving out the `skip` columns of Register (the inserted ones, inside a range that grew).
 */
function valuesAt(
  snapshot: WorkbookSnapshot,
  reference: string,
  skip?: { column: number; count: number },
  sheet = "Register",
): unknown[] {
  const bang = reference.lastIndexOf("!");
  const name = bang < 0 ? sheet : reference.slice(0, bang).replace(/^'|'$/g, "");
  const rows = snapshot.sheets.find((s) => s.name === name)?.rows ?? [];
  const out: unknown[] = [];
  for (const range of reference.slice(bang + 1).split(/[ ,]/)) {
    const [from = "", to = from] = range.replace(/\$/g, "").split(":");
    const a = parseAddress(from);
    const b = parseAddress(to);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.column; c <= b.column; c++) {
        const inserted =
          skip && name === "Register" && c >= skip.column && c < skip.column + skip.count;
        if (!inserted) out.push(rows[r]?.[c]?.value ?? null);
      }
  }
  return out;
}

withLibreOffice(
  "a register beside a chart, pivot table, picture, comments, rules, table and names",
  () => {
    const dir = tempDir("cs-insert-objects-");
    const input = path.join(dir, "objects.xlsx");
    const output = path.join(dir, "applied-objects.xlsx");
    let plan: WritePlan;
    let insert: InsertColumns;
    let before: WorkbookSnapshot;
    let after: WorkbookSnapshot;

    beforeAll(async () => {
      const base = path.join(dir, "base.xlsx");
      execFileSync("/usr/bin/python3", [
        path.join(__dirname, "../helpers/make_objects_workbook.py"),
        base,
        path.join(__dirname, "../../assets/icon-32.png"),
      ]);
      const pivot = { kind: "pivot", input: base, output: input, sheet: "Register" };
      libreOfficeInsert(
        soffice as string,
        [{ ...pivot, source: "J4:L12", rowField: "Area", dataField: "Cost" } as never],
        dir,
      );
      const document = await openWorkbook(
        new Uint8Array(readFileSync(input)),
        "objects.xlsx",
        nativeZlib(),
      );
      before = document.snapshot;
      plan = besideTheRegister(analyseWorkbook(before, { asOf: TODAY }).plan);
      const found = plan.operations.find((op): op is InsertColumns => op.kind === "insert-columns");
      if (!found) throw new Error("the register's plan inserts no columns");
      insert = found;
      const saved = await document.save(plan, { valuesOnly: false });
      expect(saved.engine).toBe("direct");
      writeFileSync(output, saved.bytes);
      after = (await XlsxPackage.open(saved.bytes, nativeZlib().inflate)).snapshot;
    });

    it("inserts columns at the note beside the register", () => {
      expect(insert).toMatchObject({ sheet: "Register", column: 8 });
    });

    it("keeps every object pointing at the same data", () => {
      const was = referencesOf(input);
      const now = referencesOf(output);
      const same = (a: string[], b: string[]) =>
        expect(b.map((r) => valuesAt(after, r, insert))).toEqual(a.map((r) => valuesAt(before, r)));
      expect(was.chart.length).toBeGreaterThanOrEqual(3);
      same(was.chart, now.chart);
      expect(now.chart).not.toEqual(was.chart);
      // Print titles (rows 4, columns A:B) lie left of the insert and stay as they were.
      expect(now.names.get("_xlnm.Print_Titles")).toBe(was.names.get("_xlnm.Print_Titles"));
      was.names.delete("_xlnm.Print_Titles");
      expect([...was.names.keys()].sort()).toEqual(["CostColumn", "_xlnm.Print_Area"]);
      for (const [name, reference] of was.names)
        expect([name, valuesAt(after, now.names.get(name) ?? "", insert)]).toEqual([
          name,
          valuesAt(before, reference),
        ]);
      same(was.tables, now.tables);
      same(was.pivotSources, now.pivotSources);
      expect(now.pivotSources).not.toEqual(was.pivotSources);
      same(was.comments, now.comments);
      same(was.validations, now.validations);
      // The cost rule's range also takes in nothing new: it sits right of the insert. The
      // workbook's own rules come first; the written Priority column's band colours follow them.
      same(was.conditionalFormats, now.conditionalFormats.slice(0, was.conditionalFormats.length));
      const priority = plan.operations.find(
        (op) => op.kind === "column" && op.title === "Priority",
      );
      if (priority?.kind !== "column" || !priority.highlight)
        throw new Error("the register's Priority column carries no colours");
      const { fromRow, toRow } = priority.highlight;
      expect(now.conditionalFormats.slice(was.conditionalFormats.length)).toEqual([
        `${cellAddress(fromRow, priority.column)}:${cellAddress(toRow, priority.column)}`,
      ]);
      // The chart and the picture sit right of the insert: they move by the columns inserted.
      expect(now.anchors).toEqual(
        was.anchors.map((c) => (c >= insert.column ? c + insert.count : c)),
      );
    });

    it("moves the notes' drawing anchors and copies every part it has no reason to change", () => {
      const was = unzipSync(new Uint8Array(readFileSync(input)));
      const now = unzipSync(new Uint8Array(readFileSync(output)));
      const noteColumns = (parts: typeof was) =>
        [...decode(parts["xl/drawings/vmlDrawing1.vml"]).matchAll(/<x:Column>(\d+)</g)].map((m) =>
          Number(m[1]),
        );
      expect(noteColumns(was)).toEqual([3, 10]);
      expect(noteColumns(now)).toEqual([3, 10 + insert.count]);
      expect(Object.keys(now).sort()).toEqual(Object.keys(was).sort());
      const changed = Object.keys(was)
        .filter(
          (name) =>
            Buffer.compare(Buffer.from(was[name] ?? []), Buffer.from(now[name] ?? [])) !== 0,
        )
        .sort();
      expect(changed).toEqual([
        "xl/charts/chart1.xml",
        "xl/comments1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/styles.xml",
        "xl/tables/table1.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ]);
    });

    it("moves chart series, names, tables and formulas as LibreOffice's own insert does", async () => {
      const job = { input, sheet: insert.sheet, column: insert.column, count: insert.count };
      const ours = path.join(dir, "ours-insert.xlsx");
      const theirs = path.join(dir, "lo-insert.xlsx");
      await ourInsert({ ...job, output: ours });
      libreOfficeInsert(soffice as string, [{ ...job, output: theirs }], dir);
      const a = await factsOf(ours);
      const b = await factsOf(theirs);
      expect(a.chartRefs.length).toBeGreaterThanOrEqual(3);
      expect(a.chartRefs).toEqual(b.chartRefs);
      expect(a.names).toEqual(b.names);
      expect(a.tables).toEqual(b.tables);
      expect(a.formulas).toEqual(b.formulas);
      expect(a.conditionalFormats).toEqual(b.conditionalFormats);
      expect([...a.validations.keys()].sort()).toEqual([...b.validations.keys()].sort());
    });

    it("opens in ExcelJS, with the note and the costs moved right", async () => {
      const { snapshot } = await loadFile(output);
      const register = snapshot.sheets.find((s) => s.name === "Register");
      const shift = insert.count;
      expect(register?.rows[5]?.[8 + shift]?.value).toBe("see note");
      expect(register?.rows[3]?.[10 + shift]?.value).toBe("Cost");
    });

    it("opens in LibreOffice, which reads every reference and formula as we wrote them", async () => {
      const [recalculatedBefore, recalculatedAfter] = recalculate(soffice as string, [
        input,
        output,
      ]);
      const original = await formulaValues(recalculatedBefore as string);
      const now = await formulaValues(recalculatedAfter as string);
      expect(original.get("Summary!B1")).toBe(36000);
      for (const [key, value] of original)
        expect([key, now.get(movedKey(key, { ...insert, input, output }))]).toEqual([key, value]);
      // LibreOffice saved what it understood: the same names, tables and chart series.
      const ours = await factsOf(output);
      const theirs = await factsOf(recalculatedAfter as string);
      expect(theirs.names).toEqual(ours.names);
      expect(theirs.tables).toEqual(ours.tables);
      expect(theirs.chartRefs).toEqual(ours.chartRefs);
    });
  },
);
