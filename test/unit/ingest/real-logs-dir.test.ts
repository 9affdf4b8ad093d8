import { expect, test } from "@jest/globals";
import { ingestPaths } from "../../../src/ingest/read-paths.js";
import { describeIfShared, REAL_LOGS } from "./support/fixtures.js";

describeIfShared("the whole ../shared/fixtures/real-logs directory through ingestPaths", () => {
  test("every format is read; flattened tfevents are grouped by file-name prefix; runs table refused", async () => {
    const result = await ingestPaths([REAL_LOGS]);
    const formats = new Set(result.runs.map((run) => run.source.format));
    for (const format of ["tfevents", "keras-csv", "pandas-csv", "lightning-csv", "yolo-csv", "wandb-csv", "mlflow", "keras-history-json", "hf-trainer-state"]) {
      expect(formats).toContain(format);
    }
    const deep = result.runs.filter((run) => run.name === "DEEPCNNCLASSIFIER");
    expect(deep).toHaveLength(1);
    expect(deep[0]?.source.files).toHaveLength(2);
    const tags = deep[0]?.series.map((series) => series.tag) ?? [];
    expect(tags.some((tag) => tag.startsWith("train/"))).toBe(true);
    expect(tags.some((tag) => tag.startsWith("validation/"))).toBe(true);
    const codes = result.issues.map((issue) => issue.code);
    expect(codes).toContain("wandb-runs-table");
    expect(codes.filter((code) => code === "path-unreadable")).toEqual([]);
    const tfRuns = result.runs.filter((run) => run.source.format === "tfevents");
    expect(new Set(tfRuns.map((run) => run.name)).size).toBe(tfRuns.length);
  });
});

describeIfShared("ingestPaths streams large TensorBoard runs", () => {
  test("streaming every event-file run from disk gives the same runs and issues as reading them whole", async () => {
    const dir = `${REAL_LOGS}/tfevents`;
    const whole = await ingestPaths([dir], { streamTfeventsBytes: Number.POSITIVE_INFINITY });
    const streamed = await ingestPaths([dir], { streamTfeventsBytes: 1 });
    const byName = (r: typeof whole) => [...r.runs].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(streamed.runs.length).toBeGreaterThan(5);
    expect(byName(streamed)).toEqual(byName(whole));
    const codes = (r: typeof whole) => r.issues.map((i) => `${i.code}@${i.location?.file ?? ""}:${i.location?.byteOffset ?? ""}`).sort();
    expect(codes(streamed)).toEqual(codes(whole));
  });
});
