import { describe, expect, test } from "@jest/globals";
import { EventFileWriter, type ScalarEncoding } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import { codes, LIMITS, parseOne, seriesOf } from "./support.js";

const f32 = (v: number): number => Math.fround(v);

describe("EventFileWriter → parseTfEvents round trips", () => {
  const exact: [ScalarEncoding, (v: number) => number][] = [
    ["simple", f32],
    ["float", f32],
    ["float-content", f32],
    ["double", (v) => v],
    ["double-content", (v) => v],
  ];
  test.each(exact)("parseTfEvents reads %s scalars with their steps, values and wall times", (encoding, round) => {
    const values = [2.302585092994046, 1.5, 0.1234567890123, -3.75e-7, 1e30];
    const w = new EventFileWriter();
    values.forEach((v, i) => w.scalar("loss", i * 10, v, encoding, { wallTime: 1000 + i }));
    const result = parseOne(w.toBytes());
    const s = seriesOf(result, "loss");
    expect(Array.from(s.steps)).toEqual([0, 10, 20, 30, 40]);
    expect(Array.from(s.values)).toEqual(values.map(round));
    expect(Array.from(s.wallTimes ?? [])).toEqual([1000, 1001, 1002, 1003, 1004]);
    expect(s.role).toBe("train-loss");
    expect(result.issues).toEqual([]);
  });

  test.each(["half", "half-content"] as const)("parseTfEvents decodes %s (DT_HALF) scalars", (encoding) => {
    const values = [0.5, 1, 65504, -2, 2 ** -14, 2 ** -24, 0.333251953125];
    const w = new EventFileWriter();
    values.forEach((v, i) => w.scalar("val_loss", i, v, encoding));
    expect(Array.from(seriesOf(parseOne(w.toBytes()), "val_loss").values)).toEqual(values);
  });

  test("parseTfEvents decodes bfloat16 scalars", () => {
    const w = new EventFileWriter().scalar("lr", 0, 0.5, "bfloat16").scalar("lr", 1, 3, "bfloat16");
    expect(Array.from(seriesOf(parseOne(w.toBytes()), "lr").values)).toEqual([0.5, 3]);
  });

  test("NaN and ±Infinity are kept as evidence in every encoding", () => {
    for (const encoding of ["simple", "float", "double", "half", "double-content"] as const) {
      const w = new EventFileWriter().scalar("loss", 1, 0.7, encoding).scalar("loss", 2, NaN, encoding).scalar("loss", 3, Infinity, encoding).scalar("loss", 4, -Infinity, encoding);
      const v = Array.from(seriesOf(parseOne(w.toBytes()), "loss").values);
      expect(v.slice(1)).toEqual([NaN, Infinity, -Infinity]);
    }
  });

  test("metadata is remembered per tag: only the first TF2 tensor value carries the scalars plugin", () => {
    const w = new EventFileWriter();
    for (let step = 0; step < 5; step++) w.scalar("epoch_loss", step, 1 / (step + 1), "float");
    const s = seriesOf(parseOne(w.toBytes(), "logs/train/events.out.tfevents.1.h.v2"), "train/epoch_loss");
    expect(s.values.length).toBe(5);
    expect(s.stepUnit).toBe("epoch");
  });

  test("tensors without the scalars plugin (text) and images/histograms are skipped, not series", () => {
    const w = new EventFileWriter()
      .text("hparams/text_summary", 0, "lr: 0.1")
      .image("sample", 1, new Uint8Array([137, 80, 78, 71]))
      .histogram("weights", 1, [0.1, 0.2, 0.5])
      .scalar("loss", 1, 0.5);
    const result = parseOne(w.toBytes());
    expect(result.runs[0]?.series.map((s) => s.tag)).toEqual(["loss"]);
    expect(result.issues).toEqual([]);
  });

  test("a file of only images reports tfevents-no-scalars with the counts", () => {
    const w = new EventFileWriter().image("a", 1, new Uint8Array(3)).image("a", 2, new Uint8Array(3)).histogram("h", 1, [1]);
    const result = parseOne(w.toBytes());
    expect(result.runs).toEqual([]);
    expect(codes(result)).toEqual(["tfevents-no-scalars"]);
    expect(result.issues[0]?.message).toContain("2 image, 1 histogram");
  });

  test("hparams plugin values become run.hparams (number, string, bool; null skipped)", () => {
    const w = new EventFileWriter()
      .hparams({ lr: 0.001, optimizer: "adam", batch_size: 32, shuffle: true, note: null })
      .scalar("train_loss", 1, 0.9)
      .scalar("val_loss", 1, 1.1);
    const run = parseOne(w.toBytes()).runs[0];
    expect(run?.hparams).toEqual({ lr: 0.001, optimizer: "adam", batch_size: 32, shuffle: true });
    expect(run?.series.map((s) => [s.tag, s.role])).toEqual([["train_loss", "train-loss"], ["val_loss", "val-loss"]]);
  });

  test("hparams with only the Lightning hp_metric placeholder give tfevents-hparams-only", () => {
    const w = new EventFileWriter().hparams({ lr: 0.01 }).scalar("hp_metric", 0, -1);
    const result = parseOne(w.toBytes(), "lightning_logs/version_0/events.out.tfevents.1.h.1.0");
    expect(codes(result)).toEqual(["tfevents-hparams-only"]);
    expect(result.runs[0]?.hparams).toEqual({ lr: 0.01 });
    expect(result.runs[0]?.framework).toBe("lightning");
  });

  test("negative and large int64 steps survive", () => {
    const w = new EventFileWriter().scalar("loss", -5, 1).scalar("loss", 3_000_000_000, 2).scalar("loss", 2 ** 52, 3);
    expect(Array.from(seriesOf(parseOne(w.toBytes()), "loss").steps)).toEqual([-5, 3_000_000_000, 2 ** 52]);
  });

  test("a Keras run directory: train/ and validation/ files give prefixed tags and val roles", () => {
    const train = new EventFileWriter().scalar("epoch_loss", 0, 1.2, "float").scalar("epoch_loss", 1, 0.8, "float");
    const val = new EventFileWriter().scalar("epoch_loss", 0, 1.3, "float").scalar("epoch_accuracy", 0, 0.4, "float");
    const result = parseTfEvents(
      [
        { path: "logs/fit/x/validation/events.out.tfevents.2.h.v2", data: val.toBytes() },
        { path: "logs/fit/x/train/events.out.tfevents.1.h.v2", data: train.toBytes() },
      ],
      { limits: LIMITS, verifyDataCrc: true },
    );
    const run = result.runs[0];
    expect(run?.name).toBe("logs/fit/x");
    expect(run?.framework).toBe("tensorflow");
    expect(run?.source.files).toEqual(["logs/fit/x/train/events.out.tfevents.1.h.v2", "logs/fit/x/validation/events.out.tfevents.2.h.v2"]);
    expect(run?.series.map((s) => [s.tag, s.role, s.direction])).toEqual([
      ["train/epoch_loss", "train-loss", "lower"],
      ["validation/epoch_loss", "val-loss", "lower"],
      ["validation/epoch_accuracy", "val-metric", "higher"],
    ]);
  });

  test("framework: simple_value scalars from a writer without .v2 files are PyTorch's (SummaryWriter), whatever the tag names; tensors in .v2 files are TensorFlow's", () => {
    const plain = new EventFileWriter().scalar("loss", 0, 1).scalar("accuracy", 0, 0.5);
    expect(parseOne(plain.toBytes(), "runs/May01/events.out.tfevents.1714550000.host.1.0").runs[0]?.framework).toBe("pytorch");
    const grouped = new EventFileWriter().scalar("Loss/train", 0, 1);
    expect(parseOne(grouped.toBytes(), "runs/May01/events.out.tfevents.1714550000.host.1.0").runs[0]?.framework).toBe("pytorch");
    const tf2 = new EventFileWriter().scalar("loss", 0, 1, "float");
    expect(parseOne(tf2.toBytes(), "logs/events.out.tfevents.1714550000.host.1.0.v2").runs[0]?.framework).toBe("tensorflow");
  });

  test("files whose tags already name their split (YOLO under runs/train) are not prefixed", () => {
    const w = new EventFileWriter().scalar("train/box_loss", 0, 0.1).scalar("val/box_loss", 0, 0.2).scalar("metrics/mAP_0.5", 0, 0.3).scalar("x/lr0", 0, 0.01);
    const run = parseOne(w.toBytes(), "runs/train/exp2/train/events.out.tfevents.1.h.1.0").runs[0];
    expect(run?.series.map((s) => s.tag)).toEqual(["train/box_loss", "val/box_loss", "metrics/mAP_0.5", "x/lr0"]);
    expect(run?.framework).toBe("yolo");
  });

  test("files of one run are read in filename order whatever the input order", () => {
    const first = new EventFileWriter().scalar("loss", 1, 1).scalar("loss", 2, 0.9);
    const second = new EventFileWriter().scalar("loss", 3, 0.8);
    const opts = { limits: LIMITS, verifyDataCrc: true };
    const a = parseTfEvents([{ path: "r/events.out.tfevents.200.h", data: second.toBytes() }, { path: "r/events.out.tfevents.100.h", data: first.toBytes() }], opts);
    expect(Array.from(seriesOf(a, "loss").steps)).toEqual([1, 2, 3]);
  });

  test("fields in unusual order, repeated metadata and extra unknown fields read the same as the usual layout", () => {
    const usual = new EventFileWriter({ fileVersion: null });
    const unusual = new EventFileWriter({ fileVersion: null });
    for (let step = 1; step <= 4; step++) {
      usual.scalar("loss", step, step / 8, "simple", { wallTime: 100 + step });
      usual.scalar("acc", step, step / 16, "float", { wallTime: 100 + step });
      // step first, an unknown field 15, then the summary whose value puts simple_value before the tag.
      unusual.event((e) =>
        e.uint(2, step).uint(15, 7).double(1, 100 + step).message(5, (s) => s.message(1, (v) => v.float(2, step / 8).string(1, "loss"))),
      );
      unusual.scalar("acc", step, step / 16, "float", { wallTime: 100 + step, metadata: true });
    }
    const a = parseOne(usual.toBytes());
    const b = parseOne(unusual.toBytes());
    expect(b).toEqual(a);
    expect(Array.from(seriesOf(a, "acc").values)).toEqual([1, 2, 3, 4].map((s) => s / 16));
  });

  test("two values in one summary and two summaries in one event are all read", () => {
    const w = new EventFileWriter({ fileVersion: null }).event((e) =>
      e
        .double(1, 5)
        .uint(2, 3)
        .message(5, (s) => s.message(1, (v) => v.string(1, "loss").float(2, 0.5)).message(1, (v) => v.string(1, "val_loss").float(2, 0.75)))
        .message(5, (s) => s.message(1, (v) => v.string(1, "lr").float(2, 0.125))),
    );
    const run = parseOne(w.toBytes()).runs[0];
    expect(run?.series.map((s) => [s.tag, s.steps[0], s.values[0]])).toEqual([["loss", 3, 0.5], ["val_loss", 3, 0.75], ["lr", 3, 0.125]]);
  });
});
