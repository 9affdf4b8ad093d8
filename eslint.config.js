import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Pure modules may not reach the network, the file system, the clock or the GitHub client. */
const pureRestrictions = {
  paths: [
    { name: "probot", message: "Pure core: GitHub access belongs in src/github edge files." },
    { name: "node:fs", message: "Pure core: file I/O belongs in edge files." },
    { name: "node:fs/promises", message: "Pure core: file I/O belongs in edge files." },
    { name: "node:http", message: "Pure core: network I/O belongs in edge files." },
    { name: "node:child_process", message: "Pure core: processes belong in edge files." },
    { name: "vega", message: "Pure core: rendering lives in src/charts/render-*.ts." },
    { name: "@tensorflow/tfjs-node", message: "Pure core: tfjs lives in src/repro/runner." },
  ],
  patterns: [{ group: ["@octokit/*"], message: "Pure core: GitHub access belongs in src/github edge files." }],
};

export default tseslint.config(
  { ignores: ["dist/**", "assembly/**", "coverage/**", "node_modules/**", "jest.config.js", "test/setup.js", "**/*.mjs", "eslint.config.js", "schema/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["warn", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: [
      "src/domain/**/*.ts",
      "src/ingest/**/*.ts",
      "src/diagnose/**/*.ts",
      "src/config-lint/**/*.ts",
      "src/charts/**/*.ts",
      "src/report/**/*.ts",
      "src/repro/plan/**/*.ts",
      "src/repro/analysis/**/*.ts",
      "src/github/report/**/*.ts",
    ],
    // Named edge files inside pure folders: the only places there that may read files.
    ignores: [
      "src/diagnose/config/load-config-file.ts",
      "src/ingest/read-paths.ts",
      "src/ingest/formats/tfevents/read-tfevents-file.ts",
      "src/ingest/formats/tfevents/scan-kernel-loader.ts",
      "src/config-lint/read-sources.ts",
      "src/config-lint/python/load-parser.ts",
      "src/charts/render-image.ts",
      "src/charts/compile-cache.ts",
      "src/charts/load-html-assets.ts",
    ],
    rules: {
      "no-restricted-imports": ["error", pureRestrictions],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Inject a clock." },
        { object: "Math", property: "random", message: "Inject a seeded RNG." },
        { object: "process", property: "env", message: "Pass configuration in." },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "max-lines": "off" },
  },
);
