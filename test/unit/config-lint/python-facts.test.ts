import { describe, expect, test } from "@jest/globals";
import { lintSources, type LintResult } from "../../../src/config-lint/lint.js";

async function lintPy(text: string, path = "train.py"): Promise<LintResult> {
  return lintSources([{ path, text }]);
}

function fact(result: LintResult, key: string): unknown {
  return result.facts.find((f) => f.key === key)?.value;
}

describe("Python fact extraction", () => {
  test("resolves a module constant used as keyword argument and points the fix at the constant", async () => {
    const result = await lintPy("from tensorflow import keras\nLR = 1.0\nopt = keras.optimizers.Adam(learning_rate=LR)\n");
    expect(fact(result, "lr")).toBe(1);
    const finding = result.findings.find((f) => f.id === "lr-out-of-range");
    expect(finding?.severity).toBe("error");
    expect(finding?.fix?.replacement).toEqual({ line: 2, startColumn: 6, endColumn: 9, text: "1e-3" });
  });

  test("reads torch positional learning rate and momentum: SGD(params, 0.1, 0.9)", async () => {
    const result = await lintPy("import torch\nopt = torch.optim.SGD(model.parameters(), 0.1, 0.9)\n");
    expect(fact(result, "optimizer")).toBe("sgd");
    expect(fact(result, "lr")).toBe(0.1);
    expect(fact(result, "momentum")).toBe(0.9);
  });

  test("recognises tf.keras and keras.optimizers.legacy optimizers", async () => {
    const result = await lintPy("import tensorflow as tf\nfrom tensorflow import keras\na = tf.keras.optimizers.Adam(0.2)\nb = keras.optimizers.legacy.Adam(learning_rate=0.3)\n");
    expect(result.findings.filter((f) => f.id === "lr-out-of-range").map((f) => f.line)).toEqual([3, 4]);
  });

  test("TF1 optimizers: tf.train.AdamOptimizer(0.5) and MomentumOptimizer(lr, momentum)", async () => {
    const result = await lintPy("import tensorflow as tf\na = tf.train.AdamOptimizer(0.5)\nb = tf.compat.v1.train.MomentumOptimizer(learning_rate=0.3, momentum=0.99)\n");
    expect(result.findings.map((f) => `${f.id}@${f.line}`)).toEqual(["lr-out-of-range@2", "momentum-with-high-lr@3"]);
  });

  test("a string optimizer in compile gets the framework default learning rate", async () => {
    const result = await lintPy('import keras\nmodel.compile(optimizer="adam", loss="mse")\n');
    expect(fact(result, "optimizer")).toBe("adam");
    expect(fact(result, "lr")).toBe(0.001);
  });

  test("argparse defaults and config dictionaries resolve (`args.lr`, `config['lr']`)", async () => {
    const result = await lintPy(
      [
        "import argparse, torch",
        "p = argparse.ArgumentParser()",
        'p.add_argument("--lr", type=float, default=0.4)',
        "args = p.parse_args()",
        'cfg = {"batch_size": 2}',
        "opt = torch.optim.Adam(model.parameters(), lr=args.lr)",
        'loader = torch.utils.data.DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True)',
      ].join("\n"),
    );
    expect(fact(result, "lr")).toBe(0.4);
    expect(fact(result, "batchSize")).toBe(2);
    expect(result.findings.map((f) => [f.id, f.line])).toEqual([
      ["lr-out-of-range", 3],
      ["batch-size-too-small", 5],
    ]);
  });

  test("parameter defaults resolve `lr` and `self.hparams.lr` (Lightning modules, train functions)", async () => {
    const result = await lintPy(
      [
        "import torch",
        "import lightning as L",
        "class Lit(L.LightningModule):",
        "    def __init__(self, lr: float = 0.3, hidden=64):",
        "        super().__init__()",
        "        self.save_hyperparameters()",
        "    def configure_optimizers(self):",
        "        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)",
        "def train(model, batch_size=1):",
        "    return torch.utils.data.DataLoader(train_ds, batch_size=batch_size, shuffle=True)",
      ].join("\n"),
    );
    expect(result.findings.map((f) => `${f.id}@${f.line}`)).toEqual(["lr-out-of-range@4", "batch-size-too-small@9"]);
    expect(result.findings[0]?.fix?.replacement).toMatchObject({ line: 4, text: "1e-3" });
  });

  test("Keras Tuner search spaces are checked at their largest learning rate (hp.Float max_value, hp.Choice values)", async () => {
    const result = await lintPy(
      [
        "import keras",
        "def build_model(hp):",
        '    lr = hp.Float("learning_rate", min_value=1e-4, max_value=1.0, sampling="log")',
        "    opt = keras.optimizers.Adam(learning_rate=hp.Float('lr', 1e-4, 0.5))",
        "    opt2 = keras.optimizers.Adam(learning_rate=hp.Choice('lr', values=[1e-3, 0.05, 1e-4]))",
      ].join("\n"),
    );
    expect(result.findings.map((f) => `${f.id}:${f.severity}@${f.line}:${f.column}`)).toEqual(["lr-out-of-range:error@4:68", "lr-out-of-range:warning@5:78"]);
  });

  test("names assigned differently in branches are not resolved (no finding from one branch's value)", async () => {
    const result = await lintPy(
      [
        "from tensorflow import keras",
        "def make_model(num_classes):",
        "    if num_classes == 2:",
        '        activation = "sigmoid"',
        "        units = 1",
        "    else:",
        '        activation = "softmax"',
        "        units = num_classes",
        "    return keras.Sequential([keras.layers.Dense(units, activation=activation)])",
        'model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")',
      ].join("\n"),
    );
    expect(result.findings).toEqual([]);
    expect(result.facts.find((f) => f.key === "numClasses")).toBeUndefined();
  });

  test("a Keras decay schedule passed as learning_rate contributes its initial rate and counts as a schedule", async () => {
    const result = await lintPy(
      "from tensorflow import keras\nsched = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.5, decay_steps=1000, decay_rate=0.9)\nopt = keras.optimizers.Adam(learning_rate=keras.optimizers.schedules.ExponentialDecay(0.5, 100, 0.9))\n",
    );
    expect(fact(result, "lr")).toBe(0.5);
    expect(fact(result, "lrSchedule")).toBe(true);
  });

  test("fit(batch_size, shuffle=False) and DataLoader(ds, batch_size=1, shuffle=False) are training facts", async () => {
    const result = await lintPy(
      "import torch\nfrom torch.utils.data import DataLoader\ntrain_loader = DataLoader(train_ds, batch_size=1, shuffle=False)\ntest_loader = DataLoader(test_ds, batch_size=1, shuffle=False)\n",
    );
    expect(result.findings.map((f) => `${f.id}@${f.line}`)).toEqual(["batch-size-too-small@3", "shuffle-disabled@3"]);
  });

  test("a training DataLoader without shuffle relies on PyTorch's shuffle=False default and is flagged", async () => {
    const result = await lintPy("import torch\ntrain_loader = torch.utils.data.DataLoader(train_set, batch_size=64)\n");
    const finding = result.findings.find((f) => f.id === "shuffle-disabled");
    expect(finding?.message).toContain("default is shuffle=False");
    expect(finding?.fix?.replacement).toBeUndefined();
  });

  test("a training DataLoader given **kwargs may shuffle there and is not flagged (pytorch/examples style)", async () => {
    const result = await lintPy("import torch\ntrain_kwargs = {'batch_size': 64, 'shuffle': True}\ntrain_loader = torch.utils.data.DataLoader(dataset1, **train_kwargs)\n");
    expect(result.findings).toEqual([]);
  });

  test("a sampler replaces shuffling and is not flagged", async () => {
    const result = await lintPy("import torch\ntrain_loader = torch.utils.data.DataLoader(train_set, batch_size=64, sampler=DistributedSampler(train_set))\n");
    expect(result.findings).toEqual([]);
  });

  test("epochs come from `for epoch in range(NUM_EPOCHS)`", async () => {
    const result = await lintPy("import torch\nNUM_EPOCHS = 60\nopt = torch.optim.SGD(model.parameters(), lr=0.05)\nfor epoch in range(NUM_EPOCHS):\n    pass\n");
    expect(fact(result, "epochs")).toBe(60);
    expect(result.findings.map((f) => f.id)).toEqual(["no-lr-schedule"]);
  });

  test("`for epoch in range(1, args.epochs + 1)` counts args.epochs epochs", async () => {
    const result = await lintPy("import argparse, torch\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=14)\nargs = p.parse_args()\nfor epoch in range(1, args.epochs + 1):\n    pass\n");
    expect(fact(result, "epochs")).toBe(14);
  });

  test("x / 255.0 counts as input normalisation for image sources", async () => {
    const raw = await lintPy("from tensorflow import keras\n(x, y), (xt, yt) = keras.datasets.mnist.load_data()\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\n");
    expect(raw.findings.map((f) => f.id)).toEqual(["inputs-not-normalized"]);
    const scaled = await lintPy("from tensorflow import keras\n(x, y), (xt, yt) = keras.datasets.mnist.load_data()\nx = x / 255.0\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\n");
    expect(scaled.findings).toEqual([]);
    expect(fact(scaled, "normalizedInputs")).toBe(true);
  });

  test("Hugging Face TrainingArguments(...) in Python reads like the JSON config", async () => {
    const result = await lintPy(
      "from transformers import TrainingArguments\nargs = TrainingArguments(output_dir='out', learning_rate=0.2, per_device_train_batch_size=2, gradient_accumulation_steps=16)\n",
    );
    expect(fact(result, "optimizer")).toBe("adamw");
    expect(result.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(["lr-out-of-range:error"]);
  });

  test("multi-line calls with comments between arguments are read; code in strings and comments is ignored", async () => {
    const result = await lintPy(
      [
        "import torch",
        'print("Adam(lr=1.0) is a bad idea")',
        "# opt = torch.optim.Adam(model.parameters(), lr=1.0)",
        'doc = """',
        "optimizer = torch.optim.Adam(params, lr=5.0)",
        '"""',
        "opt = torch.optim.SGD(",
        "    model.parameters(),  # params, with a comma, and (parens)",
        "    lr=0.9,  # big",
        "    momentum=0.95,",
        ")",
      ].join("\n"),
    );
    expect(result.findings.map((f) => `${f.id}@${f.line}:${f.column}`)).toEqual(["lr-out-of-range@9:8", "momentum-with-high-lr@9:8"]);
    expect(result.facts.filter((f) => f.key === "optimizer")).toHaveLength(1);
  });

  test("columns count characters, not bytes, after non-ASCII text", async () => {
    const result = await lintPy('import torch\nopt = torch.optim.Adam(model.parameters(), lr=0.5)  # «très» rapide\nname = "modèle"; o2 = torch.optim.Adam(p, lr=0.9)\n');
    const second = result.findings.find((f) => f.line === 3);
    const line = 'name = "modèle"; o2 = torch.optim.Adam(p, lr=0.9)';
    expect(second?.fix?.replacement?.startColumn).toBe(line.indexOf("0.9") + 1);
  });
});
