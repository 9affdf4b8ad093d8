import { loadTorchRun, readTorchManifest } from "../test/helpers/load-torch-run.js";
const e = readTorchManifest().find((x) => x.path.includes(process.argv[2]!))!;
const run = loadTorchRun(e, false);
for (const s of run.series) console.log(s.tag, s.role, s.direction, s.stepUnit, s.values.length, Array.from(s.values.slice(0, 8)).map((v) => v.toPrecision(3)).join(" "));
