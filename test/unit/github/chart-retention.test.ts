import { describe, expect, test } from "@jest/globals";
import { retentionCutoff, startChartRetention } from "../../../src/github/chart-retention.js";
import { MemoryStore } from "../../../src/store/memory-store.js";

const NOW = new Date("2026-11-22T12:00:00.000Z");

function logSink() {
  const lines: { level: string; object: object; message: string }[] = [];
  return {
    lines,
    log: {
      info: (object: object, message: string) => void lines.push({ level: "info", object, message }),
      warn: (object: object, message: string) => void lines.push({ level: "warn", object, message }),
    },
  };
}

describe("chart retention", () => {
  test("retentionCutoff(now, 90) is 90 days before now", () => {
    expect(retentionCutoff(NOW, 90)).toBe("2026-08-24T12:00:00.000Z");
  });

  test("a sweep deletes the charts older than the retention period and logs how many", async () => {
    const store = new MemoryStore();
    const chart = (id: string, createdAt: string) => ({ id, repo: "o/r", format: "png" as const, contentType: "image/png", body: new Uint8Array([1]), createdAt });
    await store.saveChart(chart("old", "2026-08-01T00:00:00.000Z"));
    await store.saveChart(chart("new", "2026-11-01T00:00:00.000Z"));
    const { lines, log } = logSink();
    const retention = startChartRetention({ store, days: 90, now: () => NOW, log });
    expect(await retention.sweep()).toBe(1);
    retention.stop();
    expect(await store.getChart("old")).toBeNull();
    expect(await store.getChart("new")).not.toBeNull();
    expect(lines).toEqual([{ level: "info", object: { deleted: 1, retentionDays: 90 }, message: "old chart images deleted" }]);
  });

  test("a failing sweep is logged as a warning, never thrown; 0 days keeps everything", async () => {
    const { lines, log } = logSink();
    const broken = { deleteChartsBefore: () => Promise.reject(new Error("database is down")) };
    const retention = startChartRetention({ store: broken, days: 30, now: () => NOW, log });
    expect(await retention.sweep()).toBe(0);
    retention.stop();
    expect(lines).toEqual([{ level: "warn", object: { error: "database is down" }, message: "chart retention sweep failed" }]);
    let called = false;
    const forever = startChartRetention({ store: { deleteChartsBefore: async () => { called = true; return 0; } }, days: 0, now: () => NOW, log });
    await forever.sweep();
    forever.stop();
    expect(called).toBe(false);
  });

  test("the sweep also runs by itself after the first delay", async () => {
    let calls = 0;
    const { log } = logSink();
    const retention = startChartRetention({ store: { deleteChartsBefore: async () => { calls++; return 0; } }, days: 1, now: () => NOW, log, firstDelayMs: 5, intervalMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    retention.stop();
    expect(calls).toBe(1);
  });
});
