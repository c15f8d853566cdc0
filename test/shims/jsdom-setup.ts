// jsdom has no ResizeObserver; Fluent's TabList and Dropdown observe their size. Layout does not
// matter to these tests, so an observer that never fires is enough.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoResizeObserver });
}

// Property tests run on a fixed seed so that CI is reproducible; set FC_SEED to explore others
// (fast-check prints the seed and the counterexample of any failure).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fc = require("fast-check") as typeof import("fast-check");
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
