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
