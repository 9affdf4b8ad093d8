import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
import { buildContext } from "../src/diagnose/detect.js";
import { trainValPairs } from "../src/diagnose/detectors/select.js";
import { argMin, analysisStep, levelAtStep } from "../src/diagnose/detectors/finding-helpers.js";
import { mannKendall } from "../src/diagnose/stats/mann-kendall.js";
for (const e of readTorchManifest()) {
  const ctx = buildContext(loadTorchRun(e, false));
  for (const { train, val } of trainValPairs(ctx)) {
    const best = argMin(val.smooth); const n = val.smooth.length;
    const bl = val.smooth[best]!; const inc = (val.endLevel - bl) / bl;
    const z = mannKendall(val.analysis.values.subarray(best)).z;
    const rawBest = argMin(val.analysis.values);
    const zr = mannKendall(val.analysis.values.subarray(rawBest)).z;
    const tAt = levelAtStep(train, analysisStep(val, best));
    console.log(e.scenario.padEnd(26), e.seed, e.epoch_level_symptoms.includes("overfitting") ? "OVF" : "   ", val.series.tag.padEnd(8), `best ${best}/${n} inc ${inc.toFixed(2)} z ${z.toFixed(2)} rawbest ${rawBest} zr ${zr.toFixed(2)} tdec ${((tAt - train.endLevel) / tAt).toFixed(2)}`);
  }
}
