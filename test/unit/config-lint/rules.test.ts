import { describe, expect, test } from "@jest/globals";
import { lintSources } from "../../../src/config-lint/lint.js";
import { LINT_RULES, LINT_RULE_IDS } from "../../../src/config-lint/rules/registry.js";

async function ids(text: string, options = {}): Promise<string[]> {
  const result = await lintSources([{ path: "train.py", text }], options);
  return result.findings.map((f) => `${f.id}:${f.severity}`);
}

describe("lint rules", () => {
  test("rule ids are unique kebab-case and every threshold default is a finite number", () => {
    expect(new Set(LINT_RULE_IDS).size).toBe(LINT_RULE_IDS.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const value of Object.values(rule.thresholds)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  test("conventional setups raise nothing at warning/error level", async () => {
    const healthy = [
      "import torch\nopt = torch.optim.Adam(model.parameters(), lr=1e-3)\n",
      "import torch\nopt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)\nsched = torch.optim.lr_scheduler.StepLR(opt, 30)\n",
      "import torch\nopt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.05)\n",
      "from tensorflow import keras\nmodel.compile(optimizer=keras.optimizers.Adam(1e-3), loss='sparse_categorical_crossentropy')\n",
    ];
    for (const text of healthy) expect((await ids(text)).filter((id) => !id.endsWith(":info"))).toEqual([]);
  });

  test("lr-out-of-range grades Adam: 0.05 warning, 0.1 error, 1e-8 too low", async () => {
    expect(await ids("import torch\no = torch.optim.Adam(p, lr=0.05)\n")).toEqual(["lr-out-of-range:warning"]);
    expect(await ids("import torch\no = torch.optim.Adam(p, lr=0.1)\n")).toEqual(["lr-out-of-range:error"]);
    expect(await ids("import torch\no = torch.optim.Adam(p, lr=1e-8)\n")).toEqual(["lr-out-of-range:warning"]);
  });

  test("thresholds, severities and disabled rules come from options", async () => {
    const text = "import torch\no = torch.optim.Adam(p, lr=0.05)\n";
    expect(await ids(text, { thresholds: { "lr-out-of-range": { adaptiveMaxLr: 0.06 } } })).toEqual([]);
    expect(await ids(text, { severities: { "lr-out-of-range": "error" } })).toEqual(["lr-out-of-range:error"]);
    expect(await ids(text, { disabled: ["lr-out-of-range"] })).toEqual([]);
  });

  test("batch-size-too-small uses the effective batch with gradient accumulation", async () => {
    const json = (acc: number): string => JSON.stringify({ per_device_train_batch_size: 2, gradient_accumulation_steps: acc, learning_rate: 2e-5 });
    const small = await lintSources([{ path: "args.json", text: json(1) }]);
    expect(small.findings.map((f) => f.id)).toEqual(["batch-size-too-small"]);
    const accumulated = await lintSources([{ path: "args.json", text: json(16) }]);
    expect(accumulated.findings).toEqual([]);
  });

  test("loss-output-mismatch: sigmoid + categorical cross-entropy, BCEWithLogits after Sigmoid", async () => {
    expect(
      await ids("from tensorflow import keras\nm = keras.Sequential([keras.layers.Dense(5, activation='sigmoid')])\nm.compile(optimizer='adam', loss='categorical_crossentropy')\n"),
    ).toEqual(["loss-output-mismatch:warning"]);
    expect(await ids("import torch\nfrom torch import nn\nm = nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())\nloss = nn.BCEWithLogitsLoss()\n")).toEqual([
      "loss-output-mismatch:warning",
    ]);
  });

  test("loss-output-mismatch reads activation functions passed by reference (activation=tf.nn.softmax)", async () => {
    expect(await ids("import tensorflow as tf\nm = tf.keras.Sequential([tf.keras.layers.Dense(1, activation=tf.nn.softmax)])\n")).toEqual(["loss-output-mismatch:error"]);
  });

  test("adam-with-weight-decay suggests AdamW by replacing the class name only", async () => {
    const result = await lintSources([{ path: "t.py", text: "import torch\nopt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.01)\n" }]);
    expect(result.findings[0]?.fix?.replacement).toEqual({ line: 2, startColumn: 19, endColumn: 23, text: "AdamW" });
  });

  test("momentum-with-high-lr: SGD 0.1 + 0.9 is fine, 0.3 + 0.95 is not", async () => {
    expect(await ids("import torch\no = torch.optim.SGD(p, lr=0.1, momentum=0.9)\n")).toEqual([]);
    expect(await ids("import torch\no = torch.optim.SGD(p, lr=0.3, momentum=0.95)\n")).toEqual(["momentum-with-high-lr:warning"]);
  });

  test("missing-batchnorm counts conv layers against the minConvLayers threshold", async () => {
    const convs = Array.from({ length: 4 }, () => "    layers.Conv2D(32, 3, activation='relu'),").join("\n");
    const text = `from tensorflow.keras import layers, Sequential\nm = Sequential([\n${convs}\n])\n`;
    expect(await ids(text)).toEqual([]);
    expect(await ids(text, { thresholds: { "missing-batchnorm": { minConvLayers: 4 } } })).toEqual(["missing-batchnorm:warning"]);
  });
});
