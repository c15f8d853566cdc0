import { readdirSync } from "node:fs";
import path from "node:path";
import { FIXTURES } from "./builders";
import { CORPUS } from "./corpus";

/** Every .xlsx in ../shared/fixtures and ../shared/corpus, as full paths. */
export const ALL_WORKBOOKS: readonly string[] = [FIXTURES, CORPUS].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f)),
);
