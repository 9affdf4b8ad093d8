import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { lintSources } from "../../../src/config-lint/lint.js";
import { readLintSources } from "../../../src/config-lint/read-sources.js";
import { CONFIG_FIXTURES, readFixture } from "./helpers.js";

describe("config-lint bad input", () => {
  test("lintSources skips files above maxFileChars with a file-too-large issue", async () => {
    const text = `import torch\n${"x = 1\n".repeat(1000)}opt = torch.optim.Adam(p, lr=1.0)\n`;
    const result = await lintSources([{ path: "huge.py", text }], { maxFileChars: 1000 });
    expect(result.findings).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(["file-too-large"]);
    expect(result.issues[0]?.message).toContain("above the 1000 limit");
  });

  test("lintSources reports unsupported file types instead of guessing", async () => {
    const result = await lintSources([{ path: "notes.md", text: "lr = 1.0" }]);
    expect(result.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(["unsupported-file:info"]);
  });

  test("readLintSources skips files above maxFileBytes and walks only training configs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lint-read-"));
    writeFileSync(join(dir, "train.py"), "import torch\nopt = torch.optim.Adam(p, lr=1.0)\n");
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "README.md"), "# hi");
    writeFileSync(join(dir, "big.yaml"), `lr: 1.0\n${"# pad\n".repeat(100)}`);
    const read = await readLintSources(["."], dir, { maxFileBytes: 200, maxFiles: 100 });
    expect(read.files.map((f) => f.path)).toEqual(["train.py"]);
    expect(read.issues.map((i) => `${i.code}@${i.location?.file}`)).toEqual(["file-too-large@big.yaml"]);
  });

  test("lintSources never throws on truncated or corrupted versions of the fixtures", async () => {
    const paths = ["healthy", "broken"].flatMap((group) => readdirSync(resolve(CONFIG_FIXTURES, group)).map((name) => `${group}/${name}`));
    for (const path of paths) {
      const { text } = readFixture(path);
      const variants = [0.13, 0.37, 0.61, 0.89].map((cut) => text.slice(0, Math.floor(text.length * cut)));
      variants.push(text.replace(/\(/g, "[").slice(0, 400), text.split("").reverse().join(""));
      const results = await lintSources(variants.map((variant, i) => ({ path: path.replace(/(\.\w+)$/, `.v${i}$1`), text: variant })));
      expect(results.issues.filter((i) => i.code === "lint-failed")).toEqual([]);
    }
  });

  test("a notebook finding points at the JSON line holding that source line, and its fix edits that JSON line in place", async () => {
    const path = "broken/keras-cifar-notebook-broken.ipynb";
    const raw = readFileSync(resolve(CONFIG_FIXTURES, path), "utf8");
    const result = await lintSources([readFixture(path)]);
    const finding = result.findings.find((f) => f.id === "lr-out-of-range");
    expect(finding).toMatchObject({ cell: 2, cellLine: 2 });
    const lines = raw.split("\n");
    expect(lines[finding!.line - 1]).toContain("LEARNING_RATE = 0.5");
    const r = finding!.fix!.replacement!;
    const line = lines[r.line - 1]!;
    lines[r.line - 1] = line.slice(0, r.startColumn - 1) + r.text + line.slice(r.endColumn - 1);
    const fixed = JSON.parse(lines.join("\n")) as { cells: { source: string[] }[] };
    expect(fixed.cells[2]?.source[1]).toBe("LEARNING_RATE = 1e-3\n");
  });

  test("a notebook fix whose text needs JSON escaping is escaped (softmax → \"sigmoid\")", async () => {
    const notebook = {
      cells: [{ cell_type: "code", metadata: {}, outputs: [], source: ["from tensorflow import keras\n", 'm = keras.Sequential([keras.layers.Dense(1, activation="softmax")])'] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const text = `${JSON.stringify(notebook, null, 1)}\n`;
    const result = await lintSources([{ path: "n.ipynb", text }]);
    const r = result.findings[0]!.fix!.replacement!;
    const lines = text.split("\n");
    lines[r.line - 1] = lines[r.line - 1]!.slice(0, r.startColumn - 1) + r.text + lines[r.line - 1]!.slice(r.endColumn - 1);
    expect((JSON.parse(lines.join("\n")) as typeof notebook).cells[0]!.source[1]).toBe('m = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])');
  });
});
