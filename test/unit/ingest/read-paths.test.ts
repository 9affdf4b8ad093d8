import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventFileWriter } from "../../../src/ingest/formats/tfevents/event-writer.js";
import { loadScanKernel } from "../../../src/ingest/formats/tfevents/scan-kernel-loader.js";
import { ingestPaths, isLogFile } from "../../../src/ingest/read-paths.js";

let root = "";
const CSV = "epoch,loss,val_loss\n0,1,1.2\n1,0.5,0.8\n";

function put(path: string, data: string | Uint8Array): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), data);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ld-ingest-"));
  const train = new EventFileWriter().scalar("epoch_loss", 0, 1, "float").scalar("epoch_loss", 1, 0.5, "float").toBytes();
  const val = new EventFileWriter().scalar("epoch_loss", 0, 1.2, "float").scalar("epoch_loss", 1, 0.9, "float").toBytes();
  put("logs/fit/run1/train/events.out.tfevents.1.host.v2", train);
  put("logs/fit/run1/validation/events.out.tfevents.2.host.v2", val);
  put("csv/metrics.csv", CSV);
  put("csv/notes.md", "# not read");
  put("csv/model.pt", "binary-ish");
  put("node_modules/pkg/results.csv", CSV);
  put(".git/logs/HEAD.log", "epoch 1, loss 0.1\n");
  put("mlruns/0/abc/metrics/loss", "1700000000000 1.0 0\n1700000001000 0.5 1\n");
  put("mlruns/0/abc/metrics/val_loss", "1700000000000 1.2 0\n1700000001000 0.8 1\n");
  put("mlruns/0/abc/params/lr", "0.01");
  put("empty/README.md", "nothing here");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ingestPaths (file system edge)", () => {
  test("a directory is walked recursively; tfevents splits and MLflow metrics are grouped; junk dirs skipped", async () => {
    const result = await ingestPaths([root]);
    const byFormat = Object.fromEntries(result.runs.map((run) => [run.source.format, run]));
    expect(Object.keys(byFormat).sort()).toEqual(["keras-csv", "mlflow", "tfevents"]);
    expect(byFormat["tfevents"]?.series.map((series) => series.tag).sort()).toEqual(["train/epoch_loss", "validation/epoch_loss"]);
    expect(byFormat["mlflow"]?.series.map((series) => series.tag)).toEqual(["loss", "val_loss"]);
    expect(byFormat["mlflow"]?.hparams).toEqual({ lr: 0.01 });
    expect(result.runs.some((run) => run.source.path.includes("node_modules"))).toBe(false);
    expect(result.issues).toEqual([]);
  });

  test("the file-count limit stops the walk with an issue", async () => {
    const result = await ingestPaths([root], { limits: { maxFilesPerDirectory: 2 } });
    expect(result.issues.map((issue) => issue.code)).toEqual(["dir-file-limit"]);
  });

  test("missing paths and directories without logs give issues, not exceptions", async () => {
    const result = await ingestPaths([join(root, "nope.csv"), join(root, "empty")]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["path-unreadable", "no-log-files"]);
    expect(result.issues[0]?.message).toContain("no such file or directory");
  });

  test("files over the size limit are not even read", async () => {
    const result = await ingestPaths([join(root, "csv/metrics.csv")], { limits: { maxFileBytes: 10 } });
    expect(result.runs).toEqual([]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["file-too-large"]);
  });

  test("log-like names", () => {
    expect(isLogFile("a/events.out.tfevents.1.h")).toBe(true);
    expect(isLogFile("a/results.csv")).toBe(true);
    expect(isLogFile("artifact.ZIP")).toBe(true);
    expect(isLogFile("mlruns/0/x/metrics/val_loss")).toBe(true);
    expect(isLogFile("src/model.py")).toBe(false);
    expect(isLogFile("weights.pt")).toBe(false);
  });
});

describe("ingestPaths and the WebAssembly record loop", () => {
  test("large event files: read whole or streamed, the kernel gives the run the TypeScript loop gives", async () => {
    const w = new EventFileWriter();
    for (let step = 0; step < 6000; step++) {
      w.scalar("loss", step, 1 / (step + 1)).scalar("val_loss", step, 2 / (step + 1)).scalar("epoch_loss", step, step % 11, "float");
      if (step === 4000) w.scalar("loss", 3500, 7); // a restart in the middle
    }
    const data = w.toBytes();
    expect(data.length).toBeGreaterThan(256 * 1024);
    put("big/events.out.tfevents.9.host", data);
    const path = join(root, "big");
    const kernel = loadScanKernel();
    expect(kernel).toBeDefined();
    for (const streamTfeventsBytes of [Number.MAX_SAFE_INTEGER, 1]) {
      let instances = 0;
      const counting = (): ReturnType<NonNullable<typeof kernel>> => (instances++, kernel!());
      const withKernel = await ingestPaths([path], { streamTfeventsBytes, scanKernel: counting });
      expect(instances).toBe(1);
      const withoutKernel = await ingestPaths([path], { streamTfeventsBytes, scanKernel: null });
      expect(withKernel.runs[0]?.series.map((s) => [s.tag, s.steps.length])).toEqual([["loss", 5500], ["val_loss", 6000], ["epoch_loss", 6000]]);
      expect(withKernel).toEqual(withoutKernel);
    }
  });
});
