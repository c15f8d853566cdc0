import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.join(__dirname, "../..");
const eslintBin = path.join(root, "node_modules/eslint/bin/eslint.js");

/** Lints `code` as if it were `file`, with the project's own config, as `npm run lint` does. */
async function problems(code: string, file: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [eslintBin, "--stdin", "--stdin-filename", file, "--format", "json"],
    {
      cwd: root,
      input: code,
      encoding: "utf8",
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the core stays host-free (lint rule)", () => {
  it.each([
    'import ExcelJS from "exceljs";',
    'import { readFileSync } from "node:fs";',
    'import path from "path";',
    'import { useState } from "react";',
    'import { Button } from "@fluentui/react-components";',
    'import { loadWorkbook } from "../adapters/xlsx/read";',
  ])("rejects %s in src/core", async (line) => {
    const found = await problems(`${line}\nexport const x = 1;\n`, "src/core/example.ts");
    expect(found.some((p) => p.startsWith("no-restricted-imports"))).toBe(true);
  });

  it("rejects DOM and host globals in src/core", async () => {
    const found = await problems(
      "export const w = window.location;\nexport const e = Excel;\n",
      "src/core/example.ts",
    );
    expect(found.filter((p) => p.startsWith("no-restricted-globals"))).toHaveLength(2);
  });

  it("allows the same import outside the core", async () => {
    expect(
      await problems(
        'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
        "src/adapters/xlsx/example.ts",
      ),
    ).toEqual([]);
  });
});
