import { describe, expect, test } from "@jest/globals";
import { analyzeLogs } from "../../../src/github/analyze/analyze-logs.js";
import { depsFromOptions } from "../../../src/github/server.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { EventFileWriter } from "../../../src/ingest/formats/tfevents/event-writer.js";
import { MemoryStore } from "../../../src/store/memory-store.js";

describe("the app reads large event files with the WebAssembly record loop", () => {
  test("the server's dependencies carry the kernel, and analyzeLogs gives the same report with and without it", () => {
    const deps = depsFromOptions({ store: new MemoryStore() });
    expect(deps.scanKernel).toBeDefined();
    let instances = 0;
    const counting = (): ReturnType<NonNullable<typeof deps.scanKernel>> => (instances++, deps.scanKernel!());
    const w = new EventFileWriter();
    for (let step = 0; step < 5000; step++) {
      const loss = step < 3000 ? 2 * Math.exp(-step / 800) : 2 * Math.exp(-3000 / 800) * Math.exp((step - 3000) / 400);
      w.scalar("train/loss", step, loss).scalar("val/loss", step, loss * 1.1).scalar("lr", step, 0.1, "float");
    }
    const files = [{ path: "runs/exp1/events.out.tfevents.1.host", data: w.toBytes() }];
    expect(files[0]!.data.length).toBeGreaterThan(64 * 1024);
    const viaKernel = analyzeLogs(files, DEFAULT_APP_CONFIG, undefined, [], counting);
    expect(instances).toBe(1);
    expect(viaKernel.summary.runs[0]?.findings.map((f) => f.id)).toContain("divergence");
    expect(viaKernel).toEqual(analyzeLogs(files, DEFAULT_APP_CONFIG));
  });
});
