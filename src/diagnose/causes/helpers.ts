import type { Finding } from "../../domain/finding.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { evidence } from "../cause-messages.js";
import { strongest } from "./signals.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseContext, Tally } from "./types.js";

/** Optimizer families that matter for the learning-rate scale. */
export type OptimizerFamily = "adaptive" | "sgd";

const ADAPTIVE = /adam|rmsprop|adagrad|adadelta|adamax|nadam|lamb|lion|adafactor|radam|sophia/;

/** "adaptive" for Adam-like optimizers, "sgd" for SGD/momentum, undefined when unknown. */
export function optimizerFamily(config: TrainingConfig): OptimizerFamily | undefined {
  const name = config.optimizer?.toLowerCase();
  if (name === undefined) return undefined;
  if (ADAPTIVE.test(name)) return "adaptive";
  if (/sgd|momentum|nesterov/.test(name)) return "sgd";
  return undefined;
}

/** Display name of the configured optimizer. */
export function optimizerLabel(config: TrainingConfig): string {
  const family = optimizerFamily(config);
  if (config.optimizer === undefined) return "the optimizer";
  return family === "sgd" ? "SGD" : config.optimizer.charAt(0).toUpperCase() + config.optimizer.slice(1);
}

/** The configured learning rate with its optimizer family and display name; undefined when either is unknown. */
export function configuredLr(config: TrainingConfig): { lr: number; family: OptimizerFamily; label: string } | undefined {
  const family = optimizerFamily(config);
  const lr = config.lr;
  return lr === undefined || family === undefined ? undefined : { lr, family, label: optimizerLabel(config) };
}

/** SGD step scale with momentum: lr / (1 − momentum). */
export function effectiveSgdLr(config: TrainingConfig): number | undefined {
  if (config.lr === undefined) return undefined;
  const momentum = Math.min(config.momentum ?? 0, 0.999);
  return config.lr / (1 - momentum);
}

/** Evidence weight of a finding: half the weight for a coin-flip finding, all of it for a sure one. */
export function findingWeight(finding: Finding, weight: number): number {
  return weight * (0.5 + 0.5 * Math.min(1, Math.max(0, finding.confidence)));
}

/** The finding as an evidence sentence, in the unit of its series. */
export function findingText(context: CauseContext, finding: Finding): string {
  const unit = context.run.series.find((s) => s.tag === finding.series)?.stepUnit ?? "step";
  return evidence.finding(finding, unit);
}

/** Adds the strongest finding with `id` as supporting evidence; returns it when present. */
export function supportFinding(context: CauseContext, tally: Tally, id: string, weight: number): Finding | undefined {
  const finding = strongest(context.findings, id);
  if (finding !== undefined) tally.support(findingWeight(finding, finding.severity === "info" ? weight / 2 : weight), findingText(context, finding));
  return finding;
}

/** Adds the strongest finding with `id` as evidence against; returns it when present. */
export function opposeFinding(context: CauseContext, tally: Tally, id: string, weight: number): Finding | undefined {
  const finding = strongest(context.findings, id);
  if (finding !== undefined) tally.oppose(findingWeight(finding, weight), findingText(context, finding));
  return finding;
}

/**
 * Overfitting evidence: the overfitting finding at full weight, else (no finding) a validation loss
 * that ends ≥ 5 % above a minimum reached before 80 % of the run at half weight. Returns whether any.
 */
export function supportOverfitting(context: CauseContext, tally: Tally, weight: number): Finding | "mild" | undefined {
  const finding = supportFinding(context, tally, "overfitting", weight);
  if (finding !== undefined) return finding;
  const { valRise, valMinPosition } = context.signals;
  if (valRise === null || valMinPosition === null || valRise < T.mildValRise || valMinPosition >= T.valMinBefore) return undefined;
  tally.support(weight / 2, evidence.mildOverfit(valRise, valMinPosition));
  return "mild";
}

/** Numeric evidence value of a finding, if present. */
export function num(finding: Finding | undefined, key: string): number | undefined {
  const value = finding?.evidence[key];
  return typeof value === "number" ? value : undefined;
}

/** Counts hidden layers in a model description such as `mlp64x64x64` (0 when unknown). */
export function hiddenLayers(config: TrainingConfig): number {
  const model = config.extra?.["model"];
  if (typeof model !== "string") return 0;
  const match = /(\d+(?:x\d+)+)/.exec(model);
  return match?.[1] === undefined ? 0 : match[1].split("x").length;
}

/** True when the configured loss is a cross-entropy family loss. */
export function isCrossEntropy(loss: string | undefined): boolean {
  return loss !== undefined && /cross|^ce$|nll|categorical|logloss|log_loss|bce/.test(loss);
}
