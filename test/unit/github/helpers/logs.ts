/**
 * Synthetic Keras-style training logs (deterministic, no RNG): a healthy run and one whose loss
 * explodes after `divergeAt` epochs — what an lr that is too high looks like.
 */

function csv(rows: [number, number, number][]): string {
  return `epoch,loss,val_loss\n${rows.map(([e, l, v]) => `${e},${l.toFixed(5)},${v.toFixed(5)}`).join("\n")}\n`;
}

export function healthyCsv(epochs = 30): string {
  return csv(Array.from({ length: epochs }, (_, e) => [e, 0.2 + 2.1 * Math.exp(-0.18 * e), 0.25 + 2.1 * Math.exp(-0.17 * e)]));
}

export function divergingCsv(epochs = 30, divergeAt = 12): string {
  return csv(Array.from({ length: epochs }, (_, e) => {
    const loss = e < divergeAt ? 2.3 * Math.exp(-0.15 * e) : 2.3 * Math.exp(-0.15 * divergeAt) * Math.exp(0.35 * (e - divergeAt));
    return [e, loss, loss * 1.1];
  }));
}

/** A PyTorch training script with Adam at lr 1.0 on line 5 (the config gate flags it). */
export const BAD_TRAIN_PY = `import torch
from torch import nn

model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1.0)
loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True)
criterion = nn.CrossEntropyLoss()
`;

/** The same script as on the base branch: Adam at 1e-3. */
export const GOOD_TRAIN_PY = BAD_TRAIN_PY.replace("lr=1.0", "lr=1e-3");
