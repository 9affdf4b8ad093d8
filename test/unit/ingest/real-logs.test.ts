import { expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SeriesRole } from "../../../src/domain/series.js";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import type { IngestResult } from "../../../src/ingest/types.js";
import { describeIfShared, expectGolden, goldenView, REAL_LOGS } from "./support/fixtures.js";

/** Every non-tfevents file of ../shared/fixtures/real-logs, as `<format dir>/<file>`. */
function realLogFiles(): string[] {
  return readdirSync(REAL_LOGS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "tfevents")
    .flatMap((dir) => readdirSync(join(REAL_LOGS, dir.name)).map((name) => `${dir.name}/${name}`))
    .sort();
}

function read(relative: string): IngestResult {
  return ingestFiles([{ path: relative, data: readFileSync(join(REAL_LOGS, relative)) }]);
}

function roleOf(result: IngestResult, tag: string, run = 0): SeriesRole | undefined {
  return result.runs[run]?.series.find((series) => series.tag === tag)?.role;
}

function points(result: IngestResult, tag: string, run = 0): number | undefined {
  return result.runs[run]?.series.find((series) => series.tag === tag)?.steps.length;
}

describeIfShared("real logs from ../shared/fixtures/real-logs (read in place)", () => {
  test("every non-tfevents file matches its golden summary", () => {
    const files = realLogFiles();
    expect(files.length).toBeGreaterThanOrEqual(36);
    for (const file of files) expectGolden(`real-logs/${file}.json`, goldenView(read(file)));
  });

  test("Keras CSVLogger: acc/accuracy, lr and multi-output columns get their roles", () => {
    const brats = read("keras-csvlogger/BraTS2020CapstoneProject__training.log");
    expect(brats.runs[0]?.source.format).toBe("keras-csv");
    expect(brats.runs[0]?.framework).toBe("keras");
    expect(roleOf(brats, "lr")).toBe("learning-rate");
    expect(roleOf(brats, "val_loss")).toBe("val-loss");
    expect(roleOf(brats, "val_accuracy")).toBe("val-metric");
    const brain = read("keras-csvlogger/BrainCNN__training.log");
    expect(roleOf(brain, "acc")).toBe("train-metric");
    expect(points(brain, "loss")).toBe(25);
    const multi = read("keras-csvlogger/EXPERT__training_history_by_csv_logger.csv");
    expect(roleOf(multi, "output_3_loss")).toBe("train-loss");
    expect(roleOf(multi, "val_output_3_loss")).toBe("val-loss");
    expect(points(multi, "val_loss")).toBe(456);
  });

  test("pandas history dump: the unnamed index is the epoch, with an info issue", () => {
    const result = read("history-csv/Neural-Game-Engine__training_history.csv");
    expect(result.runs[0]?.source.format).toBe("pandas-csv");
    expect(points(result, "mse_observation_loss")).toBe(2500);
    expect(points(result, "reward_precision")).toBeLessThan(2500);
    expect(result.issues.map((issue) => issue.code)).toContain("csv-no-step-column");
  });

  test("Lightning metrics.csv: sparse train and val rows give separate clean series by step", () => {
    const result = read("lightning-metrics-csv/ml-aos__version_3_metrics.csv");
    expect(result.runs[0]?.framework).toBe("lightning");
    expect(points(result, "train_loss")).toBe(604);
    expect(points(result, "val_loss")).toBe(200);
    expect(roleOf(result, "val_rmse")).toBe("val-loss");
    const nan = read("lightning-metrics-csv/genrisk__version_5_metrics.csv");
    const gen = nan.runs[0]?.series.find((series) => series.tag === "train_gen_loss");
    expect(gen?.values.every((value) => Number.isNaN(value))).toBe(true);
    expect(gen?.steps.length).toBe(40);
  });

  test("YOLO results.csv: space-padded headers, val/* losses, metrics/* as val metrics, lr/pg*", () => {
    const result = read("yolo-results-csv/Aquaman__train_results.csv");
    expect(result.runs[0]?.framework).toBe("yolo");
    expect(roleOf(result, "train/box_loss")).toBe("train-loss");
    expect(roleOf(result, "val/box_loss")).toBe("val-loss");
    expect(roleOf(result, "metrics/mAP50-95(M)")).toBe("val-metric");
    expect(roleOf(result, "lr/pg0")).toBe("learning-rate");
    const box = result.runs[0]?.series.find((series) => series.tag === "val/box_loss");
    expect(box?.values.every((value) => Number.isNaN(value))).toBe(true);
    const v5 = read("yolo-results-csv/helmet-detection-yolov5__exp2_results.csv");
    expect(roleOf(v5, "x/lr0")).toBe("learning-rate");
    expect(points(v5, "metrics/mAP_0.5:0.95")).toBe(150);
  });

  test("W&B: history dump by _step/iter, chart export split into one run per W&B run, runs table refused", () => {
    const history = read("wandb-csv/Comp3242_Group_Project_nanoGPT__F2_context_512_78r0p6kp_history.csv");
    expect(history.runs[0]?.source.format).toBe("wandb-csv");
    expect(roleOf(history, "val/loss")).toBe("val-loss");
    expect(roleOf(history, "train/loss")).toBe("train-loss");
    expect(roleOf(history, "_runtime")).toBeUndefined();
    const chart = read("wandb-csv/nanoGPT-druidowm__wandb_export.csv");
    expect(chart.runs).toHaveLength(8);
    for (const run of chart.runs) expect(run.series.map((series) => series.tag)).toEqual(["train/loss"]);
    const table = read("wandb-csv/Comp3242_Group_Project_nanoGPT__wandb_export_runs_table.csv");
    expect(table.runs).toHaveLength(0);
    expect(table.issues.map((issue) => issue.code)).toEqual(["wandb-runs-table"]);
  });

  test("MLflow metric files: name = file name, constant step 0 replaced by the point order", () => {
    const loss = read("mlflow/Transformer-Audio-Classification-And-MLFlow-pipeline__run1b09662a_metrics_Validation_Loss");
    const series = loss.runs[0]?.series[0];
    expect(series?.role).toBe("val-loss");
    expect(Array.from(series?.steps ?? [])).toEqual(Array.from({ length: 20 }, (_v, i) => i));
    expect(series?.wallTimes?.[0]).toBeCloseTo(1716990174.707, 3);
    expect(loss.issues.map((issue) => issue.code)).toEqual(["step-constant"]);
    const single = read("mlflow/DEEPCNNCLASSIFIER__runcb009651_metrics_loss");
    expect(single.runs[0]?.series[0]?.steps.length).toBe(1);
  });

  test("Hugging Face trainer_state.json: train/eval series by step, grad_norm, hparams", () => {
    const mt5 = read("hf-trainer-state/PSL-Translator__mt5-base_trainer_state.json");
    expect(mt5.runs[0]?.framework).toBe("huggingface");
    expect(points(mt5, "loss")).toBe(1025);
    expect(points(mt5, "eval_loss")).toBe(9);
    expect(roleOf(mt5, "grad_norm")).toBe("grad-norm");
    expect(roleOf(mt5, "learning_rate")).toBe("learning-rate");
    expect(mt5.runs[0]?.hparams["train_batch_size"]).toBe(8);
    const whisper = read("hf-trainer-state/whisper-tiny-nbaiLab__trainer_state.json");
    expect(roleOf(whisper, "eval_wer")).toBe("val-metric");
    expect(whisper.runs[0]?.series.find((series) => series.tag === "eval_wer")?.direction).toBe("lower");
    expect(whisper.runs[0]?.hparams["num_train_epochs"]).toBeUndefined();
    expect(whisper.runs[0]?.hparams["best_metric"]).toBeCloseTo(24.878, 3);
    expect(roleOf(whisper, "eval_runtime")).toBeUndefined();
  });

  test("Keras history JSON: one point per epoch", () => {
    const result = read("keras-history-json/keras-gpt-2-doublehead__training_history.json");
    expect(result.runs[0]?.source.format).toBe("keras-history-json");
    expect(points(result, "LMOutput_loss")).toBe(10);
    expect(roleOf(result, "MCOutput_acc")).toBe("train-metric");
  });
});
