import { describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { zipSync } from "fflate";
import { ingestPaths } from "../../../../src/ingest/read-paths.js";
import { EventFileWriter } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { ingestFiles } from "../../../../src/ingest/index.js";
import type { InputFile } from "../../../../src/ingest/types.js";

/** One event file holding `tag` for 10 steps (as each `add_scalars` child writer has). */
function writer(tag: string, scale: number): Uint8Array {
  const w = new EventFileWriter();
  for (let step = 0; step < 10; step++) w.scalar(tag, step, scale / (step + 1));
  return w.toBytes();
}

/** PyTorch `add_scalars("Loss", {"train": ..., "val": ...})` under `root`, plus the main writer logging `lr` when `main`. */
function addScalarsLayout(root: string, main = true, keys = ["train", "val"]): InputFile[] {
  const files: InputFile[] = keys.map((key, i) => ({ path: `${root}/Loss_${key}/events.out.tfevents.1700000001.host.1.${i + 1}`, data: writer("Loss", i + 1) }));
  if (main) files.unshift({ path: `${root}/events.out.tfevents.1700000000.host.1.0`, data: writer("lr", 0.1) });
  return files;
}

const summary = (files: InputFile[]) =>
  ingestFiles(files).runs.map((run) => ({ name: run.name, path: run.source.path, files: run.source.files.length, series: run.series.map((s) => `${s.tag}:${s.role}`) }));

describe("PyTorch add_scalars split writers", () => {
  test("Loss_train and Loss_val fold into their run as Loss/train and Loss/val, with train and validation roles", () => {
    expect(summary(addScalarsLayout("runs/exp1"))).toEqual([
      { name: "runs/exp1", path: "runs/exp1", files: 3, series: ["lr:learning-rate", "Loss/train:train-loss", "Loss/val:val-loss"] },
    ]);
  });

  test("a CSV next to the event files does not stop the merge, and stays its own run", () => {
    const csv = { path: "runs/exp1/metrics.csv", data: new TextEncoder().encode("epoch,loss\n0,1\n1,0.5\n2,0.25\n") };
    expect(summary([...addScalarsLayout("runs/exp1"), csv]).map((r) => r.series)).toEqual([
      ["lr:learning-rate", "Loss/train:train-loss", "Loss/val:val-loss"],
      ["loss:train-loss"],
    ]);
  });

  test("without the main writer's file the run is created at the parent directory", () => {
    expect(summary(addScalarsLayout("runs/exp2", false))).toEqual([
      { name: "exp2", path: "runs/exp2", files: 2, series: ["Loss/train:train-loss", "Loss/val:val-loss"] },
    ]);
  });

  test("keys that are not splits (Loss_lr0.1) stay runs of their own, as TensorBoard shows them", () => {
    const runs = summary(addScalarsLayout("runs/sweep", true, ["lr0.1", "lr0.01"]));
    expect(runs.map((r) => r.path)).toEqual(["runs/sweep", "runs/sweep/Loss_lr0.1", "runs/sweep/Loss_lr0.01"]);
  });

  test("a child whose tag does not match its directory stays a run of its own", () => {
    const files = [{ path: "runs/exp3/loss_train/events.out.tfevents.1.host", data: writer("accuracy", 1) }];
    expect(summary(files).map((r) => r.path)).toEqual(["runs/exp3/loss_train"]);
  });

  test("inside an Actions artifact (zip), with the writers at the archive's root", () => {
    const entries = Object.fromEntries(addScalarsLayout("x").map((f) => [f.path.slice(2), f.data]));
    const runs = summary([{ path: "logs.zip", data: zipSync(entries) }]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.series).toEqual(["lr:learning-rate", "Loss/train:train-loss", "Loss/val:val-loss"]);
  });

  test("from disk, read whole or streamed: the same merged run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "add-scalars-"));
    try {
      for (const f of addScalarsLayout("exp1")) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.data);
      }
      const whole = await ingestPaths([dir]);
      const streamed = await ingestPaths([dir], { streamTfeventsBytes: 1 });
      expect(whole.runs.map((r) => r.series.map((s) => s.tag))).toEqual([["lr", "Loss/train", "Loss/val"]]);
      expect(streamed.runs).toEqual(whole.runs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
