import type { Band } from "../bands";
import type { CellValue } from "../snapshot";

/**
 * What a PID shows from the other kinds' models, as plain data. A PID is the one operation that
 * reads several kinds (a project's risks, budget lines and decision), so it does not import
 * them: src/core/pid-sources-from-kinds.ts gathers these from the risk, budget and decisions models and hands them
 * over, and the kind-folders lint rule keeps pid/ free of other kinds.
 */
export interface PidSources {
  /** The project's risks, with the key of the register they come from. */
  risks(project: string): { rows: PidRisk[]; key: PidRiskKey | null };
  /** The project's lines in the budget tables. */
  funding(project: string): PidFundingLine[];
  /** The decision the project rests on, where the workbook's decisions register holds it. */
  decision(project: { name: string; cited: string | null }): PidDecision | null;
  /** Whether the workbook keeps a decisions register (so a cited reference it lacks is missing). */
  hasDecisionRegister?: boolean;
}

/** One risk row; its score and priority are the register's own formulas, addressed on the PID. */
export interface PidRisk {
  title: string;
  likelihood: CellValue;
  impact: CellValue;
  score: CellValue;
  priority: CellValue;
  scoreFormula(likelihood: string, impact: string): string;
  priorityFormula(score: string): string;
}

/** The risk register's scale and priority bands, for the PID's risk key. */
export interface PidRiskKey {
  scale: number;
  bands: readonly Band[];
}

/** One budget line of the project; a budget stated once for several lines sits on the first. */
export interface PidFundingLine {
  item: string;
  cost: number | null;
  budget: number | null;
  code: string;
  /** The 1-based rows one budget covers (on the anchor line only). */
  rows: number[];
  anchor: boolean;
}

export interface PidDecision {
  reference: string;
  title: string;
  decisionMaker: string;
  /** An Excel serial. */
  dateOfDecision: number | null;
}
