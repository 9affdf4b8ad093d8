import type { Issue } from "../../../domain/issue.js";
import type { HparamValue, TrainingRun } from "../../../domain/run.js";
import { SeriesBuilder } from "../../series-builder.js";
import type { IngestLimits, InputFile } from "../../types.js";
import { fileRun } from "../finish-run.js";
import { addHparams, isObject, toHparam, toNumber, type JsonObject } from "./json-values.js";

/** trainer_state.json fields copied to hparams when present and sensible. */
const STATE_HPARAMS = ["best_metric", "best_model_checkpoint", "global_step", "max_steps", "num_train_epochs", "train_batch_size", "logging_steps", "eval_steps", "save_steps", "epoch"] as const;
/** `num_train_epochs` is `sys.maxsize` when training is bounded by max_steps; larger values are not hparams. */
const MAX_SENSIBLE_COUNT = 1e9;
/** Keys that are counters or timings, not series. */
const NON_SERIES = /^(step|epoch|total_flos|num_input_tokens_seen)$|_runtime$|_per_second$/;
/** The final `Trainer.train()` summary entry has these keys; its values become `summary.*` hparams. */
const SUMMARY_MARKER = "train_runtime";

/** True for a Hugging Face `trainer_state.json` document. */
export function isTrainerState(root: JsonObject): boolean {
  return Array.isArray(root["log_history"]);
}

/**
 * Reads `trainer_state.json`: `log_history` train entries (`loss`, `grad_norm`, `learning_rate`) and
 * `eval_*` entries become series by `step`; state fields and `trial_params` become hparams.
 */
export function trainerStateRun(file: InputFile, root: JsonObject, limits: IngestLimits): { run: TrainingRun; issues: Issue[] } {
  const builder = new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: file.path });
  const hparams: Record<string, HparamValue> = {};
  const history = Array.isArray(root["log_history"]) ? root["log_history"] : [];
  history.forEach((entry, index) => {
    if (!isObject(entry)) return;
    if (SUMMARY_MARKER in entry) return addSummary(entry, hparams);
    const step = toNumber(entry["step"]) ?? index;
    for (const [key, raw] of Object.entries(entry)) {
      if (NON_SERIES.test(key)) continue;
      const value = toNumber(raw);
      if (value !== undefined) builder.add(key, step, value);
    }
  });
  for (const key of STATE_HPARAMS) {
    const value = toHparam(root[key]);
    if (value !== undefined && !(typeof value === "number" && Math.abs(value) > MAX_SENSIBLE_COUNT)) hparams[key] = value;
  }
  const trial = root["trial_params"];
  if (isObject(trial)) addHparams(trial, hparams);
  const built = builder.build();
  return { run: fileRun(file.path, "hf-trainer-state", "huggingface", built.series, hparams), issues: built.issues };
}

function addSummary(entry: JsonObject, hparams: Record<string, HparamValue>): void {
  addHparams(entry, hparams, "summary.", ["step", "epoch"]);
}
