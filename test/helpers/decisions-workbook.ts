import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { dateToSerial } from "../../src/core/values";
import { sheet, workbook } from "./builders";

/**
 * A workbook built from the seed decision records' figures: a decisions register, a funding
 * sources table and a grant allocations table citing the register. Each decision finding is
 * planted once; PLANTED says where. Everything else reconciles and is within its authority.
 */
const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return dateToSerial(y, m, day) as number;
};

/** The seed decision notices in ../shared/seeds (beside the checkout), as files to import. */
const SEEDS = `${__dirname}/../../../shared/seeds`;
export const DONCASTER_NOTICE = `${SEEDS}/000_27967092dd3fa8cc.txt`;
export const BANES_NOTICE = `${SEEDS}/001_f88c53d8f01fb2f7.txt`;
export const MINUTES_NOTICE = `${SEEDS}/002_3de8d25dc0189705.txt`;

/** A decisions register's header as councils keep it, with one amount column. */
export const REGISTER_HEADER = [
  "Decision ref",
  "Title",
  "Decision maker",
  "Status",
  "Date of decision",
  "Amount approved",
];

export const BNES = "BNES-CAB-2023-11";
export const MINUTES = "RMBC-CAB-2023-03";

export const REGISTER: CellValue[][] = [
  ["Decisions register"],
  [],
  [
    "Decision ref",
    "Title",
    "Decision maker",
    "Status",
    "Key decision",
    "Subject to call-in",
    "Date of decision",
    "Publication date",
    "Effective from",
    "Amount approved",
    "Period start",
    "Period end",
  ],
  // Row 4: Doncaster AHWB.012.2021, published 121 days after the decision (late-publication H4).
  [
    "AHWB.012.2021",
    "BCF Funded Leadership Capacity Extension 1001 Days Pilot",
    "Director of Adults, Health and Well-Being",
    "Recommendations Approved",
    "No",
    "No",
    d("2021-03-30"),
    d("2021-07-29"),
    null,
    97710,
    d("2021-04-01"),
    null,
  ],
  // Row 5: B&NES Cabinet, key, call-in, £18,116,521 for 2024/25, effective 18/11/2023.
  [
    BNES,
    "Community Services Transformation Programme - Preferred Delivery Options",
    "Cabinet",
    "Approved",
    "Yes",
    "Yes",
    d("2023-11-09"),
    d("2023-11-10"),
    d("2023-11-18"),
    18116521,
    d("2024-04-01"),
    d("2025-03-31"),
  ],
  // Row 6: the Cabinet minutes: a one-year direct award, no amount approved.
  [
    MINUTES,
    "Procurement of external support (People Too), direct award",
    "Cabinet",
    "Recommendations agreed",
    null,
    null,
    null,
    null,
    null,
    null,
    d("2023-04-01"),
    d("2024-03-31"),
  ],
  // Row 7: the 2018 Cabinet spending plan behind Doncaster's Place Plan £3m, not marked key (E7).
  [
    "DMBC-CAB-2018-03",
    "Non-recurrent BCF earmarked reserve spending plan (Place Plan £3m)",
    "Cabinet",
    "Approved",
    "No",
    "Yes",
    d("2018-03-27"),
    d("2018-03-28"),
    null,
    3000000,
    null,
    null,
  ],
  // Row 8: a Community Wellbeing Hub paper, deferred.
  [
    "BNES-CWH-OBC",
    "Community Wellbeing Hub - final Outline Business Case",
    "Cabinet",
    "Deferred",
    "No",
    "Yes",
    d("2023-11-09"),
    d("2023-11-10"),
    null,
    50000,
    null,
    null,
  ],
];

export const SOURCES: CellValue[][] = [
  ["Funding source", "2021-22", "2023-24", "2024-25"],
  ["Better Care Fund", 97710, 40000, 18266521],
  ["Public Health Grant", 0, 150000, 0],
];

export const ALLOCATIONS: CellValue[][] = [
  ["Grant allocations"],
  ["Workstream", "Source", "Decision ref", "Start date", "2021-22", "2023-24", "2024-25"],
  [
    "Leadership capacity extension",
    "Better Care Fund",
    "AHWB.012.2021",
    d("2021-04-01"),
    97710,
    0,
    0,
  ],
  ["Interim community contract", "Better Care Fund", BNES, d("2024-04-01"), 0, 0, 18116521],
  // Row 5: £100,000 more on the B&NES decision in 2024/25 than it approved (over-approval G5).
  ["Community partners uplift", "Better Care Fund", BNES, d("2024-04-01"), 0, 0, 100000],
  // Row 6: £150,000 on the minutes decision, which approved no amount (over-approval F6, approved £0).
  ["ASC transformation support", "Public Health Grant", MINUTES, d("2023-04-01"), 0, 150000, 0],
  // Row 7: money on a deferred decision (decision-not-approved C7).
  ["Hub business case", "Better Care Fund", "BNES-CWH-OBC", d("2024-04-01"), 0, 0, 20000],
  // Row 8: a reference the register does not hold (decision-not-found C8).
  ["Winter pressures", "Better Care Fund", "E9999", d("2024-04-01"), 0, 0, 30000],
  // Row 9: mobilisation from 1 October 2023, before the decision took effect (before-effective D9).
  ["Early mobilisation", "Better Care Fund", BNES, d("2023-10-01"), 0, 40000, 0],
];

export const PLANTED = [
  { code: "late-publication", sheet: "Decisions", cell: "H4" },
  { code: "key-decision-not-marked", sheet: "Decisions", cell: "E7" },
  { code: "over-approval", sheet: "Allocations", cell: "G5" },
  { code: "over-approval", sheet: "Allocations", cell: "F6" },
  { code: "decision-not-approved", sheet: "Allocations", cell: "C7" },
  { code: "decision-not-found", sheet: "Allocations", cell: "C8" },
  { code: "before-effective", sheet: "Allocations", cell: "D9" },
];

export function decisionsWorkbook(): WorkbookSnapshot {
  return workbook(
    sheet("Decisions", REGISTER),
    sheet("Sources", SOURCES),
    sheet("Allocations", ALLOCATIONS),
  );
}
