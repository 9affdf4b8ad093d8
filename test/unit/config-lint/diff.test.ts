import { describe, expect, test } from "@jest/globals";
import { diffLint, formatChange } from "../../../src/config-lint/diff.js";
import { lintSources } from "../../../src/config-lint/lint.js";

const BASE = [
  "import torch",
  "from torch.utils.data import DataLoader",
  "train_loader = DataLoader(train_ds, batch_size=2, shuffle=True)",
  "opt = torch.optim.Adam(model.parameters(), lr=1e-3)",
].join("\n");

/** Head inserts lines above (moving everything) and raises the learning rate. */
const HEAD = [
  "import torch",
  "from torch.utils.data import DataLoader",
  "",
  "# bigger steps",
  "train_loader = DataLoader(train_ds, batch_size=2, shuffle=True)",
  "opt = torch.optim.Adam(model.parameters(), lr=1.0)",
].join("\n");

describe("diffLint", () => {
  test("diffLint(base, head) reports lr 1e-3 → 1.0 and splits introduced from pre-existing findings regardless of line moves", async () => {
    const base = await lintSources([{ path: "train.py", text: BASE }]);
    const head = await lintSources([{ path: "train.py", text: HEAD }]);
    const diff = diffLint(base, head);
    expect(diff.changes).toEqual([{ key: "lr", file: "train.py", line: 6, before: "1e-3", after: "1.0" }]);
    expect(diff.changes.map(formatChange)).toEqual(["lr 1e-3 → 1.0 (train.py:6)"]);
    expect(diff.introduced.map((f) => `${f.id}@${f.line}`)).toEqual(["lr-out-of-range@6"]);
    expect(diff.preexisting.map((f) => `${f.id}@${f.line}`)).toEqual(["batch-size-too-small@5"]);
    expect(diff.fixed).toEqual([]);
  });

  test("diffLint(head, base) lists the fixed findings with their base location", async () => {
    const base = await lintSources([{ path: "train.py", text: BASE }]);
    const head = await lintSources([{ path: "train.py", text: HEAD }]);
    const reverse = diffLint(head, base);
    expect(reverse.fixed.map((f) => `${f.id}@${f.line}`)).toEqual(["lr-out-of-range@6"]);
    expect(reverse.introduced).toEqual([]);
  });

  test("new files produce changes with before = null", async () => {
    const head = await lintSources([{ path: "conf.yaml", text: "optimizer: adam\nlr: 0.3\n" }]);
    const diff = diffLint({ findings: [], facts: [], issues: [] }, head);
    expect(diff.changes).toContainEqual({ key: "lr", file: "conf.yaml", line: 2, before: null, after: "0.3" });
    expect(diff.introduced.map((f) => f.id)).toEqual(["lr-out-of-range"]);
  });
});
