import { detectFindings } from "../src/diagnose/detect.js";
import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
const MAP: Record<string,string> = { nan: "non-finite", diverging: "divergence", oscillating: "oscillation", spikes: "spikes", plateau_stuck: "plateau", slow_convergence: "slow-convergence", overfitting: "overfitting", val_below_train: "val-below-train", noisy: "noisy" };
for (const e of readTorchManifest()) {
  for (const withSteps of e.steps_path ? [true, false] : [false]) {
    const run = loadTorchRun(e, withSteps);
    const f = detectFindings(run);
    const exp = new Set((withSteps ? e.expected_symptoms : e.epoch_level_symptoms).map((s) => MAP[s]).filter(Boolean));
    const got = new Set(f.map((x) => x.id));
    const miss = [...exp].filter((x) => !got.has(x!));
    const extra = [...got].filter((x) => !exp.has(x) && x !== "metric-stuck");
    console.log(`${run.name}${withSteps ? "+steps" : ""}  miss=[${miss}] extra=[${extra}]`);
    if (process.argv[2] === "-v") for (const x of f) console.log(`    ${x.severity} ${x.id} ${x.series} ${x.confidence} ${JSON.stringify(x.evidence)} | ${x.message}`);
  }
}
