/**
 * Config-lint benchmark: a generated 10k-line PyTorch/Keras-style training script linted end to end
 * (parse + extraction + rules + facts). Parser initialisation (wasm load) is measured separately.
 * Target: ≤ 200 ms per lint (warm, median). Run: `npm run bench:lint`.
 */
import { lintSources } from "../src/config-lint/lint.js";
import { loadPythonParser } from "../src/config-lint/python/load-parser.js";

const TARGET_LINES = 10_000;
const RUNS = 9;
const BUDGET_MS = 200;

/** A realistic-looking script: model blocks, optimizers, loaders, transforms, a training loop. */
function generateScript(lines: number): string {
  const out = ["import torch", "import torch.nn as nn", "from torch.utils.data import DataLoader", "from torchvision import transforms", "", "LR = 1e-3", "BATCH_SIZE = 64", ""];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `class Block${i}(nn.Module):`,
      "    def __init__(self, channels):",
      "        super().__init__()",
      `        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1)`,
      "        self.bn = nn.BatchNorm2d(channels)",
      `        self.drop = nn.Dropout(p=${(0.1 + (i % 4) * 0.1).toFixed(1)})`,
      "",
      "    def forward(self, x):",
      "        return self.drop(torch.relu(self.bn(self.conv(x)))) + x",
      "",
      `transform_${i} = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])`,
      `train_loader_${i} = DataLoader(dataset_${i}, batch_size=BATCH_SIZE, shuffle=True, num_workers=2)`,
      `optimizer_${i} = torch.optim.AdamW(model_${i}.parameters(), lr=LR, weight_decay=0.01)`,
      `scheduler_${i} = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer_${i}, T_max=${50 + i})`,
      `for epoch in range(${10 + (i % 7)}):`,
      `    for xb, yb in train_loader_${i}:`,
      `        loss = nn.functional.cross_entropy(model_${i}(xb), yb)  # step ${i}`,
      "        loss.backward()",
      `        optimizer_${i}.step()`,
      "",
    );
  }
  return out.slice(0, lines).join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const initStart = performance.now();
  await loadPythonParser();
  const initMs = performance.now() - initStart;

  const text = generateScript(TARGET_LINES);
  const file = { path: "generated/train_10k.py", text };
  const first = performance.now();
  const result = await lintSources([file]);
  const coldMs = performance.now() - first;

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await lintSources([file]);
    times.push(performance.now() - start);
  }
  const med = median(times);
  console.log(`lint bench: ${TARGET_LINES} lines, ${(text.length / 1024).toFixed(0)} KiB`);
  console.log(`  parser init (wasm runtime + grammar): ${initMs.toFixed(1)} ms`);
  console.log(`  first lint (cold JIT):                ${coldMs.toFixed(1)} ms`);
  console.log(`  warm lint, median of ${RUNS}:            ${med.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
  console.log(`  facts ${result.facts.length}, findings ${result.findings.length}, issues ${result.issues.length}`);
  console.log(`  budget ${BUDGET_MS} ms: ${med <= BUDGET_MS ? "PASS" : "FAIL"}`);
  if (med > BUDGET_MS) process.exitCode = 1;
}

await main();
