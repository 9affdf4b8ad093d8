import type { HparamValue } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { HPARAM_SYNONYMS, NAMED_PARENTS, normalizeKey, type CanonicalKey } from "./synonyms.js";

type FieldKind = "number" | "boolean" | "text" | "schedule" | "flag";

const FIELD_KINDS: Readonly<Record<keyof Omit<TrainingConfig, "extra">, FieldKind>> = {
  optimizer: "text", lr: "number", batchSize: "number", epochs: "number", momentum: "number",
  weightDecay: "number", dropout: "number", batchnorm: "boolean", normalizedInputs: "boolean",
  shuffle: "boolean", loss: "text", outputActivation: "text", numClasses: "number", trainSize: "number",
  lrSchedule: "schedule", earlyStopping: "flag",
};

const EXTRA_KINDS: Readonly<Record<string, FieldKind>> = {
  activation: "text", initStd: "number", labelNoise: "number", model: "text", gradClip: "number", warmup: "number", gradAccumulation: "number",
};

const NO_SCHEDULE = new Set(["", "none", "null", "constant", "off", "false", "no", "fixed"]);

function toNumber(value: HparamValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return undefined;
  const parsed = Number(value.trim());
  return value.trim() !== "" && Number.isFinite(parsed) ? parsed : undefined;
}

function toBoolean(value: HparamValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 0 ? false : value === 1 ? true : undefined;
  const text = value.trim().toLowerCase();
  if (["true", "yes", "y", "on", "1"].includes(text)) return true;
  if (["false", "no", "n", "off", "0", "none"].includes(text)) return false;
  return undefined;
}

/** Lower-cases an optimizer/loss name and drops module prefixes: `torch.optim.AdamW` → `adamw`, `adamw_torch` → `adamw`. */
export function normalizeName(value: string): string {
  const head = value.trim().replace(/\(.*$/s, "");
  const last = head.split(/[.:]/).pop() ?? head;
  return last.toLowerCase().replace(/_(torch|hf|fused|apex|8bit|bnb)$/, "").trim();
}

function coerce(kind: FieldKind, value: HparamValue): HparamValue | undefined {
  switch (kind) {
    case "number":
      return toNumber(value);
    case "boolean":
      return toBoolean(value);
    case "text":
      return typeof value === "string" ? normalizeName(value) : undefined;
    case "schedule":
      if (typeof value === "string") return !NO_SCHEDULE.has(value.trim().toLowerCase());
      return toBoolean(value);
    case "flag": {
      const n = toNumber(value);
      if (n !== undefined) return n > 0;
      return typeof value === "string" && NO_SCHEDULE.has(value.trim().toLowerCase()) ? false : toBoolean(value);
    }
  }
}

/** Which canonical key a (possibly nested, `a.b` or `a/b`) raw key names, if any. */
export function canonicalKeyOf(rawKey: string): CanonicalKey | undefined {
  const segments = rawKey.split(/[./]/).map(normalizeKey).filter((s) => s !== "");
  const last = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  if (last === undefined) return undefined;
  if (parent !== undefined && NAMED_PARENTS.has(parent) && ["name", "type", "class_name", "class", "_target_"].includes(last)) {
    return HPARAM_SYNONYMS[parent];
  }
  return HPARAM_SYNONYMS[last] ?? HPARAM_SYNONYMS[segments.join("_")];
}

function assign(config: TrainingConfig, extra: Map<string, HparamValue>, key: CanonicalKey, value: HparamValue): boolean {
  if (key.startsWith("extra.")) {
    const name = key.slice("extra.".length);
    const coerced = coerce(EXTRA_KINDS[name] ?? "text", value);
    if (coerced === undefined) return false;
    extra.set(name, coerced);
    return true;
  }
  const field = key as keyof Omit<TrainingConfig, "extra">;
  const coerced = coerce(FIELD_KINDS[field], value);
  if (coerced === undefined) return false;
  (config as Record<string, unknown>)[field] = coerced;
  return true;
}

/**
 * Maps raw hyperparameters (run hparams, config files, `--hparam`) to canonical keys.
 * `learning_rate`/`lr0` → `lr`, `per_device_train_batch_size`/`bs` → `batchSize`, `weight_decay` → `weightDecay`, ...
 * Values are coerced (`"1e-3"` → 0.001, `"yes"` → true); anything unrecognised is kept verbatim in `extra`.
 */
export function normalizeHparams(raw: Record<string, HparamValue>): TrainingConfig {
  const config: TrainingConfig = {};
  // Collected in a Map and made an object once: copying the object for every key was quadratic
  // (thousands of hparams, e.g. a history file's scalars, took minutes).
  const extra = new Map<string, HparamValue>();
  for (const [rawKey, value] of Object.entries(raw)) {
    const key = canonicalKeyOf(rawKey);
    if (key !== undefined && assign(config, extra, key, value)) continue;
    extra.set(rawKey, value);
  }
  if (extra.size > 0) config.extra = Object.fromEntries(extra);
  return config;
}

/** Merges configurations; later ones win field by field (and key by key inside `extra`). */
export function mergeConfigs(...configs: TrainingConfig[]): TrainingConfig {
  const merged: TrainingConfig = {};
  for (const config of configs) {
    const { extra, ...fields } = config;
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    if (extra !== undefined) merged.extra = { ...merged.extra, ...extra };
  }
  return merged;
}
