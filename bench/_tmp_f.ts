import { detectFindings } from "../src/diagnose/detect.js";
import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
const [path, ws] = [process.argv[2]!, process.argv[3] === "steps"];
for (const e of readTorchManifest()) if (e.path.includes(path)) {
  const run = loadTorchRun(e, ws);
  for (const s of run.series) if (s.values.length <= 200) console.log(s.tag, s.stepUnit, [...s.values].map((v) => v.toPrecision(3)).join(" "));
  for (const f of detectFindings(run)) console.log(f.id, f.severity, f.series, JSON.stringify(f.evidence), f.message);
}
