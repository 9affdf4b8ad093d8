/**
 * Config-lint benchmark: a generated 10k-line PyTorch/Keras-style training script linted end to end
 * (parse + extraction + rules + facts). Parser initialisation (wasm load) is measured separately.
 * Target: ≤ 200 ms per lint (warm, median). Run: `npm run bench:lint`.
 */
import { lintSources } from "../src/config-lint/lint.js";
import { loadPythonParser } from "../src/config-lint/python/load-parser.js";

const TARGET_LINES = 10_000;
const RUNS = 9;
/** Unmeasured lints after the cold one, so the measured runs see optimised (JIT-compiled) code. */
const WARMUP_RUNS = 3;
const BUDGET_MS = 200;

/** Model code: a conv block per section (layers the linter reads). */
function modelBlock(i: number): string[] {
  return [
    `class Block${i}(nn.Module):`,
    `    """Residual block ${i}: conv → BN → ReLU → dropout, with a skip connection."""`,
    "",
    "    def __init__(self, channels: int, drop: float = 0.1):",
    "        super().__init__()",
    "        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1, bias=False)",
    "        self.bn = nn.BatchNorm2d(channels)",
    "        self.drop = nn.Dropout(p=drop)",
    "",
    "    def forward(self, x: torch.Tensor) -> torch.Tensor:",
    "        residual = x",
    "        out = torch.relu(self.bn(self.conv(x)))",
    "        return self.drop(out) + residual",
    "",
  ];
}

/** Everyday helper code: metrics, logging, file handling (nothing the linter flags). */
function helperBlock(i: number): string[] {
  return [
    `def summarize_metrics_${i}(history: dict, prefix: str = "val") -> dict:`,
    `    """Aggregate the metrics of section ${i} for the experiment report."""`,
    "    summary = {}",
    "    for key, values in history.items():",
    "        if not key.startswith(prefix) or not values:",
    "            continue",
    "        best = min(values) if 'loss' in key else max(values)",
    "        summary[key] = {'best': best, 'last': values[-1], 'mean': sum(values) / len(values)}",
    `    logger.info("section ${i}: %d metrics summarised", len(summary))`,
    "    return summary",
    "",
    "",
    `def save_checkpoint_${i}(model, optimizer, epoch, path=CHECKPOINT_DIR):`,
    `    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}`,
    `    torch.save(state, os.path.join(path, f"ckpt_${i}_{epoch:04d}.pt"))`,
    "",
    "",
  ];
}

/** A training set-up (optimizer, schedule, loader, loop) every few sections, as in multi-experiment scripts. */
function trainingBlock(i: number): string[] {
  return [
    `def run_experiment_${i}(model, train_set, val_set, epochs=EPOCHS):`,
    `    transform_${i} = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])`,
    `    train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True, num_workers=4)`,
    "    val_loader = DataLoader(val_set, batch_size=256)",
    "    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)",
    "    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)",
    "    criterion = nn.CrossEntropyLoss()",
    "    for epoch in range(epochs):",
    "        model.train()",
    "        for xb, yb in train_loader:",
    "            optimizer.zero_grad(set_to_none=True)",
    "            loss = criterion(model(xb), yb)",
    "            loss.backward()",
    "            optimizer.step()",
    "        scheduler.step()",
    `        save_checkpoint_${i}(model, optimizer, epoch)`,
    "    return model",
    "",
    "",
  ];
}

/** A generated multi-experiment training script of `lines` lines. */
function generateScript(lines: number): string {
  const out = [
    "import logging",
    "import os",
    "",
    "import torch",
    "import torch.nn as nn",
    "from torch.utils.data import DataLoader",
    "from torchvision import transforms",
    "",
    "logger = logging.getLogger(__name__)",
    "LR = 1e-3",
    "BATCH_SIZE = 64",
    "EPOCHS = 20",
    'CHECKPOINT_DIR = "checkpoints"',
    "",
  ];
  for (let i = 0; out.length < lines; i++) {
    out.push(...modelBlock(i), ...helperBlock(i));
    if (i % 4 === 0) out.push(...trainingBlock(i));
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
  for (let i = 0; i < WARMUP_RUNS; i++) await lintSources([file]);

  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await lintSources([file]);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    times.push(performance.now() - start);
  }
  const med = median(times);
  console.log(`lint bench: ${TARGET_LINES} lines, ${(text.length / 1024).toFixed(0)} KiB`);
  console.log(`  parser init (wasm runtime + grammar): ${initMs.toFixed(1)} ms`);
  console.log(`  first lint (cold JIT):                ${coldMs.toFixed(1)} ms, then ${WARMUP_RUNS} unmeasured warm-up lints`);
  console.log(`  warm lint, median of ${RUNS}:            ${med.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
  console.log(`  warm lint CPU time, median:          ${median(cpuTimes).toFixed(1)} ms (robust to other processes on the machine)`);
  console.log(`  facts ${result.facts.length}, findings ${result.findings.length}, issues ${result.issues.length}`);
  console.log(`  budget ${BUDGET_MS} ms: ${med <= BUDGET_MS ? "PASS" : "FAIL"}`);
  if (med > BUDGET_MS) process.exitCode = 1;
}

await main();
