import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Series } from "../../../src/domain/series.js";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import type { IngestResult } from "../../../src/ingest/types.js";
import { expectGolden, goldenView, OWN_FIXTURES } from "./support/fixtures.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

function read(path: string): IngestResult {
  return ingestFiles([{ path, data: readFileSync(join(OWN_FIXTURES, path)) }]);
}

function series(result: IngestResult, tag: string): Series {
  const found = result.runs[0]?.series.find((entry) => entry.tag === tag);
  if (!found) throw new Error(`no series '${tag}' in ${JSON.stringify(result.runs[0]?.series.map((entry) => entry.tag))}`);
  return found;
}

describe("hand-written log fixtures (test/fixtures/logs)", () => {
  test("every fixture matches its golden summary", () => {
    const files = walk(OWN_FIXTURES).map((path) => relative(OWN_FIXTURES, path)).sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expectGolden(`own-fixtures/${file}.json`, goldenView(read(file)));
  });

  test("Keras console with \\r progress updates, ANSI codes and callbacks keeps the final value per epoch", () => {
    const result = read("keras-console/progress-cr-ansi.txt");
    expect(result.runs[0]?.framework).toBe("keras");
    const loss = series(result, "loss");
    expect(Array.from(loss.steps)).toEqual([0, 1, 2, 3, 4]);
    expect(loss.values[0]).toBeCloseTo(1.2, 6);
    expect(Number.isNaN(series(result, "val_loss").values[4])).toBe(true);
    expect(Array.from(series(result, "ReduceLROnPlateau/lr").values)).toEqual([0.00010000000474974513]);
    expect(result.runs[0]?.hparams).toMatchObject({ epochs: 5, stopped_epoch: 5 });
    expect(result.runs[0]?.series.map((entry) => entry.tag)).not.toContain("params");
  });

  test("Keras 3 output with coloured progress bars", () => {
    const result = read("keras-console/keras3-ansi.txt");
    expect(Array.from(series(result, "val_loss").values).map((value) => Number(value.toFixed(4)))).toEqual([1.1, 0.55, 0.3667]);
  });

  test("PyTorch prints: [epoch, minibatch] becomes a global step; tensor(...) values; Epoch [e/n], Step [s/n]", () => {
    const tutorial = series(read("pytorch-console/tutorial-minibatch.txt"), "loss");
    expect(Array.from(tutorial.steps)).toEqual([2000, 4000, 6000, 8000, 10000, 12000, 14000, 16000, 18000, 20000, 22000, 24000]);
    const tensor = series(read("pytorch-console/tensor-batch.txt"), "loss");
    expect(tensor.values[0]).toBeCloseTo(17.47, 6);
    const total = series(read("pytorch-console/epoch-step-total.txt"), "Loss");
    expect(Array.from(total.steps)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
    const epochs = read("pytorch-console/epoch-loss.txt");
    expect(epochs.runs[0]?.source.format).toBe("pytorch-console");
    expect(series(epochs, "val_loss").values[10]).toBe(Number.POSITIVE_INFINITY);
    expect(series(epochs, "loss").stepUnit).toBe("epoch");
  });

  test("Lightning progress bars: the last refresh of each epoch wins; v_num is not a metric", () => {
    const result = read("pytorch-console/lightning-progress.txt");
    expect(result.runs[0]?.framework).toBe("lightning");
    expect(Array.from(series(result, "train_loss").values).map((value) => Number(value.toFixed(4)))).toEqual([1, 0.5, 0.3333]);
    expect(Array.from(series(result, "val_loss").steps)).toEqual([0, 1, 2]);
    expect(result.runs[0]?.series.map((entry) => entry.tag)).not.toContain("v_num");
  });

  test("'Train Loss: x | Val Loss: y' keeps the split words in the tag", () => {
    const result = read("pytorch-console/train-val-words.txt");
    expect(series(result, "Train_Loss").role).toBe("train-loss");
    expect(series(result, "Val_Loss").role).toBe("val-loss");
    expect(series(result, "Val_Acc").role).toBe("val-metric");
    expect(result.runs[0]?.series.map((entry) => entry.tag)).not.toContain("Test_accuracy");
  });

  test("fastai results tables: one row per epoch, later tables continue the step count", () => {
    const result = read("text/fastai-table.txt");
    expect(Array.from(series(result, "valid_loss").steps)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(series(result, "valid_loss").role).toBe("val-loss");
    expect(result.runs[0]?.series.map((entry) => entry.tag)).not.toContain("time");
  });

  test("TF Estimator and mmdetection logs: counters inside INFO lines, Epoch [e][i/n] made global", () => {
    expect(Array.from(series(read("text/tf-estimator.log"), "loss").steps)).toEqual([0, 100, 200]);
    const mmdet = read("text/mmdet.log");
    expect(Array.from(series(mmdet, "loss").steps)).toEqual([50, 100, 550]);
    expect(series(mmdet, "lr").role).toBe("learning-rate");
    expect(mmdet.runs[0]?.series.map((entry) => entry.tag)).not.toContain("memory");
  });

  test("Hugging Face Trainer dict lines: train and eval series by epoch, summary as hparams", () => {
    const result = read("hf-console/trainer-dicts.txt");
    expect(result.runs[0]?.framework).toBe("huggingface");
    expect(series(result, "eval_loss").role).toBe("val-loss");
    expect(series(result, "grad_norm").role).toBe("grad-norm");
    expect(result.runs[0]?.series.map((entry) => entry.tag)).not.toContain("eval_runtime");
    expect(result.runs[0]?.hparams["summary.train_loss"]).toBe(0.91);
  });

  test("generic key=value logs with a step counter; free text gives no-metrics-found and no series", () => {
    const generic = read("text/generic-kv.log");
    expect(Array.from(series(generic, "loss").steps).slice(0, 3)).toEqual([0, 10, 20]);
    const free = read("text/free-text.txt");
    expect(free.runs).toEqual([]);
    expect(free.issues.map((issue) => issue.code)).toEqual(["no-metrics-found"]);
  });

  test("JSON with Python NaN/Infinity literals keeps them as values", () => {
    const history = read("json/history-nan.json");
    expect(Array.from(series(history, "loss").values)).toEqual([1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(series(history, "val_loss").values[2]).toBe(Number.NEGATIVE_INFINITY);
    const lines = read("jsonl/metrics.jsonl");
    expect(Number.isNaN(series(lines, "train/loss").values[5])).toBe(true);
    expect(lines.issues.find((issue) => issue.code === "jsonl-bad-lines")?.location?.line).toBe(7);
  });
});
