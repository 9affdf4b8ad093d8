import { ingestPaths } from "../src/ingest/read-paths.js";
import { detectFindings } from "../src/diagnose/detect.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
const root = "../shared/fixtures/real-logs";
for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(join(root, dir.name))) {
    const r = await ingestPaths([join(root, dir.name, f)]);
    for (const run of r.runs) {
      const fs = detectFindings(run);
      console.log(`${dir.name}/${f.slice(0, 60)} [${run.series.map((s) => `${s.tag}:${s.role[0]}${s.role.split("-")[1]?.[0] ?? ""}:${s.values.length}`).join(" ")}]`);
      for (const x of fs) console.log(`   ${x.severity.padEnd(7)} ${x.id} ${x.confidence} | ${x.message}`);
    }
  }
}
