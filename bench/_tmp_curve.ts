import { loadTorchRun, readTorchManifest } from "/work/main/test/helpers/load-torch-run.js";
const [path, tag] = [process.argv[2]!, process.argv[3]!];
for (const e of readTorchManifest()) if (e.path.includes(path)) {
  const run = loadTorchRun(e, false);
  for (const s of run.series) if (tag.split(",").includes(s.tag)) console.log(s.tag, [...s.values].map((v) => v.toPrecision(3)).join(" "));
}
