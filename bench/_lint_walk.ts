import { loadPythonParser } from "../src/config-lint/python/load-parser.js";
import { readFileSync } from "node:fs";
const text = readFileSync("/tmp/lintexp/gen.py", "utf8");
const parser = await loadPythonParser();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < 4; r++) {
  let c0 = cpu();
  const tree = parser.parse(text)!;
  let c1 = cpu();
  const cursor = tree.walk(); let n = 0;
  for (;;) { const t = cursor.nodeType; n++; if (t !== "string" && t !== "comment" && cursor.gotoFirstChild()) continue; let done = false; while (!cursor.gotoNextSibling()) { if (!cursor.gotoParent()) { done = true; break; } } if (done) break; }
  let c2 = cpu();
  let m = 0; const c3a = cpu();
  const c = tree.walk();
  for (;;) { const t = c.nodeTypeId; m++; if (c.gotoFirstChild()) continue; let done = false; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { done = true; break; } } if (done) break; }
  let c3 = cpu();
  console.log(`parse ${(c1 - c0).toFixed(0)}ms cpu, walk(nodeType) ${(c2 - c1).toFixed(0)} (${n}), walk(typeId) ${(c3 - c3a).toFixed(0)} (${m})`);
  tree.delete();
}
