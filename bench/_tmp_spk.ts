import { detectFindings } from "/work/main/src/diagnose/detect.js";
import { loadTorchRun, readTorchManifest } from "/work/main/test/helpers/load-torch-run.js";
for (const e of readTorchManifest()) {
  for (const ws of e.steps_path === null ? [false] : [true, false]) {
    const run = loadTorchRun(e, ws);
    const labels = ws ? e.expected_symptoms : e.epoch_level_symptoms;
    const f = detectFindings(run);
    const want = process.argv[2] ?? "spikes";
    const lab = process.argv[3] ?? "spikes";
    const s = f.filter((x) => x.id === want);
    if (s.length || labels.includes(lab)) console.log(`${labels.includes(lab) ? "Y" : "-"} ${run.name}${ws ? "+steps" : ""} [${run.series.map(x=>x.tag+":"+x.values.length).join(",")}]`, s.map((x) => `${x.series} ${x.severity} ${JSON.stringify(x.evidence)}`).join(" | "));
  }
}
