import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
import { buildContext } from "../src/diagnose/detect.js";
import { noiseRatio } from "../src/diagnose/detectors/noisy.js";
import { measureSwings } from "../src/diagnose/detectors/oscillation.js";
for (const e of readTorchManifest()) {
  if (!e.steps_path) continue;
  const ctx = buildContext(loadTorchRun(e, true));
  const p = ctx.series.find((s) => s.series.tag === "step/loss")!;
  // mean-abs flavour
  const floor = 0.05 * p.startLevel;
  const ratios: number[] = [];
  for (let b = 0; b * 256 < p.length; b++) {
    let sr = 0, sl = 0;
    for (let i = b * 256; i < Math.min(p.length, (b + 1) * 256); i++) { sr += Math.abs(p.bad[i]! - p.trend[i]!); sl += Math.max(p.trend[i]!, floor); }
    ratios.push(sr / sl);
  }
  ratios.sort((a, b) => a - b);
  const sw = measureSwings(p, 0.05); (sw as any).amplitudeRatio = sw.amplitudeRatio; console.log("   noiseMultiple", sw.noiseMultiple.toFixed(2), "bucket", (p.length/p.analysis.values.length).toFixed(1), "noise", Array.from(p.noise).map(v=>v.toPrecision(2)).slice(0,4).join(" "));
  console.log(e.scenario.padEnd(28), e.seed, e.expected_symptoms.join(",").padEnd(40), "mad", noiseRatio(p, 0.05).toFixed(3), "meanabs", ratios[ratios.length >> 1]!.toFixed(3), "osc", sw.amplitudeRatio.toFixed(3), sw.swings, p.analysis.values.length, "start", p.startLevel.toPrecision(3));
}
