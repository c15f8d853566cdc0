import { run, type Io } from "../../src/cli/program";

/**
 * The council-sheets command run in this process, as a user would call it, with its output
 * collected and the clock fixed at 22 November 2026 (tests never read the clock).
 */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => (out += t + "\n"),
    err: (t) => (err += t + "\n"),
    today: () => new Date(2026, 10, 22),
  };
  const code = await run(args, io);
  return { code, out, err };
}

/** `council-sheets decisions import <notices…> --into <into> --out <out> [options]`. */
export function importDecisions(
  notices: readonly string[],
  into: string,
  out: string,
  ...options: string[]
): Promise<{ code: number; out: string; err: string }> {
  return cli("decisions", "import", ...notices, "--into", into, "--out", out, ...options);
}
