import { detectFindings } from "../src/diagnose/detect.js";
import { hugeRun } from "../test/helpers/synth-curves.js";
const run = hugeRun(1_000_000);
for (let i = 0; i < 6; i++) detectFindings(run);
