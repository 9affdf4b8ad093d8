/** Jest runs TypeScript ESM through @swc/jest (no type-check; `npm run typecheck` does that). */
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
  ],
};
const common = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform,
  setupFiles: ["<rootDir>/test/setup.js"],
};

export default {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/**/*.test.ts"], testPathIgnorePatterns: ["\\.e2e\\.test\\.ts$"] },
    { ...common, displayName: "e2e", testMatch: ["<rootDir>/test/**/*.e2e.test.ts"] },
  ],
};
