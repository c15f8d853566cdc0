/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // Type-checking is `npm run typecheck`; ts-jest only transpiles (tsconfig sets isolatedModules)
    // so the suite stays fast.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Says once, visibly, which system tools are missing and how many test files skip for it.
  globalSetup: "<rootDir>/test/global-setup.ts",
  setupFiles: ["<rootDir>/test/shims/jsdom-setup.ts"],
  testTimeout: 120000,
};
