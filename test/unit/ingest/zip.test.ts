import { describe, expect, test } from "@jest/globals";
import { zipSync, strToU8 } from "fflate";
import { EventFileWriter } from "../../../src/ingest/formats/tfevents/event-writer.js";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import { isUnsafeEntryName, unzipArchive } from "../../../src/ingest/containers/unzip.js";
import { DEFAULT_INGEST_LIMITS } from "../../../src/ingest/types.js";

const CSV = "epoch,loss,val_loss\n0,1.0,1.2\n1,0.5,0.8\n";

function events(prefix: string): Uint8Array {
  const writer = new EventFileWriter();
  for (let step = 0; step < 3; step++) writer.scalar("epoch_loss", step, prefix === "train" ? 1 / (step + 1) : 1.5 / (step + 1), "float");
  return writer.toBytes();
}

/** Sets the declared uncompressed size of every entry (local + central headers) to `size`: a lying zip. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("zip archives (GitHub Actions artifacts)", () => {
  test("nested directories: tfevents train/validation grouped into one run, CSV read, paths use archive!entry", () => {
    const zip = zipSync({
      "logs/fit/run1/train/events.out.tfevents.1.host.v2": events("train"),
      "logs/fit/run1/validation/events.out.tfevents.2.host.v2": events("validation"),
      "results/metrics.csv": strToU8(CSV),
      "README.md": strToU8("# not a log"),
    });
    const result = ingestFiles([{ path: "artifact.zip", data: zip }]);
    const tf = result.runs.find((run) => run.source.format === "tfevents");
    expect(tf?.series.map((series) => series.tag).sort()).toEqual(["train/epoch_loss", "validation/epoch_loss"]);
    expect(tf?.source.files).toEqual(["artifact.zip!logs/fit/run1/train/events.out.tfevents.1.host.v2", "artifact.zip!logs/fit/run1/validation/events.out.tfevents.2.host.v2"]);
    const csv = result.runs.find((run) => run.source.format === "keras-csv");
    expect(csv?.source.path).toBe("artifact.zip!results/metrics.csv");
    expect(csv?.name).toBe("results/metrics");
  });

  test("path traversal, absolute paths and drive letters are skipped with an issue", () => {
    expect(isUnsafeEntryName("../evil.csv")).toBe(true);
    expect(isUnsafeEntryName("a/../../evil.csv")).toBe(true);
    expect(isUnsafeEntryName("/etc/passwd")).toBe(true);
    expect(isUnsafeEntryName("C:\\Windows\\x.csv")).toBe(true);
    expect(isUnsafeEntryName("a\\..\\b.csv")).toBe(true);
    expect(isUnsafeEntryName("runs/a..b/ok.csv")).toBe(false);
    const zip = zipSync({ "../evil.csv": strToU8(CSV), "ok.csv": strToU8(CSV), "C:/x.csv": strToU8(CSV) });
    const result = ingestFiles([{ path: "a.zip", data: zip }]);
    expect(result.runs.map((run) => run.source.path)).toEqual(["a.zip!ok.csv"]);
    expect(result.issues.filter((issue) => issue.code === "zip-unsafe-path").map((issue) => issue.location?.file)).toEqual(["a.zip!../evil.csv", "a.zip!C:/x.csv"]);
  });

  test("a bomb-like expansion ratio is refused before inflating", () => {
    const zeros = new Uint8Array(2_000_000);
    const zip = zipSync({ "bomb.csv": zeros }, { level: 9 });
    const result = ingestFiles([{ path: "bomb.zip", data: zip }]);
    expect(result.runs).toEqual([]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["zip-expansion-ratio"]);
    expect(result.issues[0]?.severity).toBe("error");
  });

  test("declared sizes over the per-file limit are refused; a lying header cannot allocate more than declared", () => {
    const big = zipSync({ "big.csv": strToU8(CSV.repeat(2000)) });
    expect(big.length).toBeLessThan(5000);
    const refused = ingestFiles([{ path: "big.zip", data: big }], { limits: { maxFileBytes: 5000, maxExpansionRatio: 1e6 } });
    expect(refused.issues.map((issue) => issue.code)).toEqual(["zip-entry-too-large"]);
    const tooBig = ingestFiles([{ path: "big.zip", data: big }], { limits: { maxFileBytes: 100 } });
    expect(tooBig.issues.map((issue) => issue.code)).toEqual(["file-too-large"]);
    const zip = zipSync({ "m.csv": strToU8(CSV.repeat(50)) });
    const lying = lieAboutSizes(zip, 10);
    const read = unzipArchive({ path: "l.zip", data: lying }, { maxFileBytes: 1e9, remainingBytes: 1e9, maxFilesPerArchive: 10, maxExpansionRatio: 1000 });
    expect(read.files[0]?.data.length ?? 0).toBeLessThanOrEqual(10);
  });

  test("more entries than maxFilesPerArchive: the rest are skipped with one issue", () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) entries[`run${String(i).padStart(2, "0")}.csv`] = strToU8(CSV);
    const result = ingestFiles([{ path: "many.zip", data: zipSync(entries) }], { limits: { maxFilesPerArchive: 10 } });
    expect(result.runs).toHaveLength(10);
    expect(result.issues.map((issue) => issue.code)).toEqual(["zip-too-many-entries"]);
  });

  test("total expanded size counts against maxTotalBytes", () => {
    const entries: Record<string, Uint8Array> = { "a.csv": strToU8(CSV), "b.csv": strToU8(CSV), "c.csv": strToU8(CSV) };
    const zip = zipSync(entries, { level: 0 });
    const result = ingestFiles([{ path: "t.zip", data: zip }], { limits: { maxTotalBytes: zip.length + CSV.length } });
    expect(result.runs.length).toBeLessThan(3);
    expect(result.issues.some((issue) => issue.code === "zip-entry-too-large")).toBe(true);
  });

  test("a zip inside a zip is unpacked; deeper nesting stops with an issue", () => {
    const inner = zipSync({ "inner.csv": strToU8(CSV) });
    const middle = zipSync({ "inner.zip": inner });
    const outer = zipSync({ "middle.zip": middle });
    const two = ingestFiles([{ path: "m.zip", data: middle }]);
    expect(two.runs.map((run) => run.source.path)).toEqual(["m.zip!inner.zip!inner.csv"]);
    const three = ingestFiles([{ path: "o.zip", data: outer }]);
    expect(three.runs).toEqual([]);
    expect(three.issues.map((issue) => issue.code)).toEqual(["zip-nested-too-deep"]);
  });

  test("an archive of 100 archives of 2,000 files each (within the default limits) is read without a RangeError", () => {
    // Unpacked files and issues were appended with push(...spread): 200,000 arguments to one call,
    // more than V8 takes (a RangeError past about 120,000), so such an artifact crashed ingest.
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2000; i++) files[`${i}.txt`] = new Uint8Array();
    const inner = zipSync(files, { level: 0 });
    const archives: Record<string, Uint8Array> = {};
    for (let j = 0; j < 100; j++) archives[`${j}.zip`] = inner;
    const result = ingestFiles([{ path: "a.zip", data: zipSync(archives, { level: 0 }) }]);
    expect(result.issues).toHaveLength(200_000);
    expect(new Set(result.issues.map((issue) => issue.code))).toEqual(new Set(["empty-file"]));
    expect(result.issues.at(-1)?.location?.file).toBe("a.zip!99.zip!1999.txt");
  });

  test("a corrupt archive is an issue, not a crash", () => {
    const zip = zipSync({ "a.csv": strToU8(CSV) });
    const truncated = zip.slice(0, zip.length - 30);
    const result = ingestFiles([{ path: "bad.zip", data: truncated }]);
    expect(result.runs).toEqual([]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["zip-invalid"]);
    expect(DEFAULT_INGEST_LIMITS.maxExpansionRatio).toBeGreaterThan(10);
  });
});
