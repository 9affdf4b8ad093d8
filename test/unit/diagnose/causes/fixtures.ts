import type { Finding } from "../../../../src/domain/finding.js";
import type { EvidenceValue } from "../../../../src/domain/finding.js";
import type { TrainingRun } from "../../../../src/domain/run.js";
import type { Severity } from "../../../../src/domain/severity.js";
import { decayCurve, makeRun, makeSeries } from "../../../helpers/synth-curves.js";

/** A hand-built finding as the detectors would report it (contract evidence keys). */
export function finding(id: string, evidence: Record<string, EvidenceValue> = {}, options: { severity?: Severity; confidence?: number; series?: string; fromStep?: number; toStep?: number } = {}): Finding {
  return {
    id, severity: options.severity ?? "warning", confidence: options.confidence ?? 0.9, series: options.series ?? "loss",
    fromStep: options.fromStep ?? 0, toStep: options.toStep ?? 29, evidence, message: `${id} test finding`,
  };
}

/** A healthy-looking 30-epoch run with train/val loss (no explosion, no chance plateau). */
export function plainRun(name = "plain"): TrainingRun {
  return makeRun(name, [
    makeSeries("loss", decayCurve({ seed: 1, points: 30, start: 1.2, floor: 0.05 })),
    makeSeries("val_loss", decayCurve({ seed: 2, points: 30, start: 1.0, floor: 0.1 })),
  ]);
}

/** Explodes in epoch 0 then sits at ln(10) with accuracy 0.1: the dead network of lr_too_high/unnormalized runs. */
export function explodeThenDeadRun(first = 600): TrainingRun {
  const loss = Array.from({ length: 30 }, (_, i) => (i === 0 ? first : Math.log(10) + 0.002 * Math.sin(i)));
  const val = Array.from({ length: 30 }, (_, i) => Math.log(10) + 0.003 * Math.cos(i));
  const acc = Array.from({ length: 30 }, (_, i) => 0.1 + 0.004 * Math.sin(i));
  return makeRun("dead", [makeSeries("loss", loss), makeSeries("val_loss", val), makeSeries("val_accuracy", acc)]);
}

/** Stuck at ln(10) from the first epoch without any explosion (vanishing gradients / tiny lr). */
export function stuckAtChanceRun(): TrainingRun {
  const loss = Array.from({ length: 40 }, (_, i) => Math.log(10) + 0.02 * Math.exp(-i / 10));
  const acc = Array.from({ length: 40 }, () => 0.1);
  return makeRun("stuck", [makeSeries("loss", loss), makeSeries("val_accuracy", acc)]);
}

/** Loss NaN from the first epoch. */
export function nanRun(): TrainingRun {
  return makeRun("nan", [makeSeries("loss", Array.from({ length: 20 }, () => Number.NaN)), makeSeries("val_loss", Array.from({ length: 20 }, () => Number.NaN))]);
}
