import { loadPythonParser } from "../src/config-lint/python/load-parser.js";
import { isInterestingCall } from "../src/config-lint/python/interesting.js";
import { readFileSync } from "node:fs";
const text = readFileSync("/tmp/lintexp/gen.py", "utf8");
const parser = await loadPythonParser();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const tree = parser.parse(text)!;
for (let r = 0; r < 4; r++) {
  let t = cpu(); let n = 0, k = 0;
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) { n++; if (isInterestingCall(m[1]!)) k++; }
  const a = cpu() - t; t = cpu();
  let d = 0; for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) { if (isInterestingCall(m[1]!)) { const node = tree.rootNode.descendantForIndex(m.index); if (node) d++; } }
  const b = cpu() - t; t = cpu();
  let e = 0; for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) { if (isInterestingCall(m[1]!)) { const node = tree.rootNode.descendantForIndex(m.index); const p = node?.parent; const pp = p?.parent; if (pp?.childForFieldName("function")) e++; } }
  const c = cpu() - t; t = cpu();
  let f = 0; for (const m of text.matchAll(/^[ \t]*[A-Za-z_(][\w.,()[\]"' \t]*?(=)(?!=)[ \t]*(.*)$/dgm)) f++;
  const g = cpu() - t;
  console.log(`regex ${a.toFixed(0)} (${n}/${k}) +descendant ${b.toFixed(0)} +parents ${c.toFixed(0)} assignRegex ${g.toFixed(0)} (${f})`);
}
