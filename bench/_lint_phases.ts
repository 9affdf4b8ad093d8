import { loadPythonParser } from "../src/config-lint/python/load-parser.js";
import { extractPython } from "../src/config-lint/python/extract-python.js";
import { lintSources } from "../src/config-lint/lint.js";
import { readFileSync } from "node:fs";
const text = readFileSync("/tmp/lintexp/gen.py", "utf8");
const parser = await loadPythonParser();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < 6; r++) {
  const t0 = cpu();
  const tree = parser.parse(text)!;
  const t1 = cpu();
  extractPython(tree, text, "x");
  const t2 = cpu();
  await lintSources([{ path: "x.py", text }]);
  const t3 = cpu();
  console.log(`cpu: parse ${(t1 - t0).toFixed(0)} extract ${(t2 - t1).toFixed(0)} lint ${(t3 - t2).toFixed(0)}`);
  tree.delete();
}
