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
import { writeFileSync } from "node:fs"; writeFileSync("/tmp/lintexp/gen.py", generateScript(10000));
