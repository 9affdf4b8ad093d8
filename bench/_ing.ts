import { readFileSync } from "node:fs";
import { ingestFiles } from "../src/ingest/ingest.js";
import { readTorchManifest, TORCH_RUNS } from "../test/helpers/load-torch-run.js";
import { join } from "node:path";
for (const e of readTorchManifest().slice(3, 12)) {
  const files = [e.path, ...(e.steps_path ? [e.steps_path] : [])].map((p) => ({ path: p, data: new Uint8Array(readFileSync(join(TORCH_RUNS, p))) }));
  const r = ingestFiles(files);
  console.log(e.path, r.runs.map((run) => `${run.name}[${run.series.map((s) => `${s.tag}:${s.role}:${s.stepUnit}:${s.values.length}`).join(",")}]`).join(" | "), r.issues.map((i) => i.code).join(","));
}
