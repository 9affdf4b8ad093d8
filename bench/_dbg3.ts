import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
import { buildContext } from "../src/diagnose/detect.js";
import { rollingMedian } from "../src/diagnose/stats/rolling-median.js";
import { lag1Autocorrelation } from "../src/diagnose/stats/lag1-autocorrelation.js";
for (const e of readTorchManifest()) {
  if (!e.steps_path) continue;
  const ctx = buildContext(loadTorchRun(e, true));
  for (const p of ctx.series.filter((s) => s.series.role.endsWith("loss"))) {
  const y = p.analysis.values; const n = y.length;
  const t = rollingMedian(y, Math.max(5, 2 * Math.round(n * 0.1) + 1));
  const r = y.map((v, i) => v - t[i]!);
  console.log(e.scenario.padEnd(26), e.seed, p.series.tag.padEnd(10), e.expected_symptoms.includes("oscillating") ? "OSC" : "   ", lag1Autocorrelation(r).toFixed(2));
  }
}
