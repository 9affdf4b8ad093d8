import { describe, expect, test } from "@jest/globals";
import { GCProfiler } from "node:v8";
import { canonicalKeyOf, mergeConfigs, normalizeHparams, normalizeName } from "../../../../src/diagnose/config/normalize-hparams.js";
import { parseConfigText } from "../../../../src/diagnose/config/parse-config-text.js";
import { parseHparamArgs, parseHparamValue } from "../../../../src/diagnose/config/parse-hparam-args.js";

describe("normalizeHparams", () => {
  test("maps synonyms from Keras, HF, YOLO and scripts to canonical keys", () => {
    expect(canonicalKeyOf("learning_rate")).toBe("lr");
    expect(canonicalKeyOf("lr0")).toBe("lr");
    expect(canonicalKeyOf("per_device_train_batch_size")).toBe("batchSize");
    expect(canonicalKeyOf("num_train_epochs")).toBe("epochs");
    expect(canonicalKeyOf("optimizer.name")).toBe("optimizer");
    expect(canonicalKeyOf("model/optimizer/lr")).toBe("lr");
    expect(canonicalKeyOf("Batch-Size")).toBe("batchSize");
    expect(canonicalKeyOf("nc")).toBe("numClasses");
    expect(canonicalKeyOf("something_else")).toBeUndefined();
  });

  test("coerces values: numeric strings, yes/no booleans, schedules, optimizer names", () => {
    const config = normalizeHparams({
      learning_rate: "1e-3", bs: 64, optimizer: "torch.optim.AdamW", shuffle: "no", bn: 1, scheduler: "StepLR(step_size=10)",
      early_stopping_patience: 15, weight_decay: 0, activation: "Sigmoid", init_std: "0.05", seed: 7,
    });
    expect(config).toEqual({
      lr: 0.001, batchSize: 64, optimizer: "adamw", shuffle: false, batchnorm: true, lrSchedule: true, earlyStopping: true, weightDecay: 0,
      extra: { activation: "sigmoid", initStd: 0.05, seed: 7 },
    });
  });

  test("a 'none' or 'constant' scheduler means no schedule; unparsable values stay in extra verbatim", () => {
    expect(normalizeHparams({ lr_scheduler_type: "constant" }).lrSchedule).toBe(false);
    expect(normalizeHparams({ scheduler: "none" }).lrSchedule).toBe(false);
    expect(normalizeHparams({ lr: "fast" })).toEqual({ extra: { lr: "fast" } });
  });

  test("thousands of unrecognised hparams are kept in order without copying extra once per key", () => {
    // `extra` was copied for every key (quadratic): 16,000 scalars of a history file took 64 s to diagnose.
    // Counted as garbage collected while normalising: the copies were 660 MB for 2,000 keys, now about 3 MB.
    const raw: Record<string, number> = { lr: 0.01 };
    for (let i = 0; i < 3000; i++) raw[`custom_${i}`] = i;
    const profiler = new GCProfiler();
    profiler.start();
    const config = normalizeHparams(raw);
    const { statistics } = profiler.stop();
    const freed = statistics.reduce((sum, gc) => sum + Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize), 0);
    expect(freed).toBeLessThan(200 * 1024 * 1024);
    expect(config.lr).toBe(0.01);
    expect(Object.keys(config.extra ?? {})).toEqual(Array.from({ length: 3000 }, (_v, i) => `custom_${i}`));
    expect(normalizeHparams({ b: 1, activation: "ReLU", a: 2, "1": 3 }).extra).toEqual({ "1": 3, b: 1, activation: "relu", a: 2 });
  });

  test("normalizeName strips module prefixes and backend suffixes", () => {
    expect(normalizeName("adamw_torch")).toBe("adamw");
    expect(normalizeName("keras.optimizers.SGD")).toBe("sgd");
    expect(normalizeName("Adam(lr=0.1)")).toBe("adam");
  });
});

describe("mergeConfigs", () => {
  test("later configs win field by field and key by key in extra", () => {
    const merged = mergeConfigs({ lr: 0.1, batchSize: 32, extra: { a: 1, b: 2 } }, { lr: 0.001, extra: { b: 3 } });
    expect(merged).toEqual({ lr: 0.001, batchSize: 32, extra: { a: 1, b: 3 } });
  });
});

describe("parseHparamArgs", () => {
  test("parses key=value pairs with typed values", () => {
    expect(parseHparamArgs(["lr=1", "optimizer=adam", "batchnorm=false", "note=a=b"])).toEqual({
      hparams: { lr: 1, optimizer: "adam", batchnorm: false, note: "a=b" },
      issues: [],
    });
    expect(parseHparamValue(" 3e-4 ")).toBe(3e-4);
  });

  test("reports malformed arguments as issues", () => {
    const { issues } = parseHparamArgs(["lr", "=3"]);
    expect(issues.map((i) => i.code)).toEqual(["hparam-malformed", "hparam-malformed"]);
    expect(issues[0]?.message).toContain("--hparam lr=1e-3");
  });
});

describe("parseConfigText", () => {
  test("flattens nested YAML (optimizer: {name, lr}) and skips nulls and lists", () => {
    const yaml = "optimizer:\n  name: Adam\n  lr: 0.5\ntrain:\n  batch_size: 4\n  layers: [64, 64]\nscheduler: null\n";
    const { hparams, issues } = parseConfigText(yaml, "train.yaml");
    expect(issues).toEqual([]);
    expect(hparams).toEqual({ "optimizer.name": "Adam", "optimizer.lr": 0.5, "train.batch_size": 4 });
    expect(normalizeHparams(hparams)).toEqual({ optimizer: "adam", lr: 0.5, batchSize: 4 });
  });

  test("reads JSON and reports broken or non-mapping documents as issues", () => {
    expect(parseConfigText('{"lr": 0.1}', "c.json").hparams).toEqual({ lr: 0.1 });
    expect(parseConfigText("lr: [1,\n", "bad.yaml").issues[0]?.code).toBe("config-unparsable");
    expect(parseConfigText("- 1\n- 2\n", "list.yaml").issues[0]?.code).toBe("config-not-a-mapping");
  });
});
