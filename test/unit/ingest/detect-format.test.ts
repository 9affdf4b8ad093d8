import { describe, expect, test } from "@jest/globals";
import { strToU8, zipSync } from "fflate";
import { detectFormat } from "../../../src/ingest/detect-format.js";
import { EventFileWriter } from "../../../src/ingest/formats/tfevents/event-writer.js";
import { bytes } from "./support/fixtures.js";

const file = (path: string, text: string | Uint8Array) => ({ path, data: typeof text === "string" ? bytes(text) : text });

describe("format detection by name and content", () => {
  test.each([
    ["logs/events.out.tfevents.123.host", "", "tfevents"],
    ["run/metrics.csv", "epoch,loss\n0,1\n", "csv"],
    ["training.log", "epoch,acc,loss\n0,0.9,0.3\n1,0.95,0.2\n", "csv"],
    ["yolo/results.csv", "   epoch,  train/box_loss\n     0,    0.12\n", "csv"],
    ["history.json", '{"loss": [1, 0.5]}', "json"],
    ["noext", '{"loss": [1, 0.5]}', "json"],
    ["trainer_state.json", '{"log_history": []}', "json"],
    ["metrics.jsonl", '{"step": 1, "loss": 1}\n{"step": 2, "loss": 0.5}\n', "json"],
    ["mlruns/0/abc/metrics/loss", "1664364007310 3.27 0\n1664364008310 3.1 1\n", "mlflow"],
    ["console.txt", "Epoch 1/3\n10/10 [====] - 1s - loss: 0.5\n", "text"],
    ["train.log", "{'loss': 2.3, 'learning_rate': 5e-05, 'epoch': 0.5}\n", "text"],
    ["out.txt", "epoch 1, loss 0.5\nepoch 2, loss 0.4\n", "text"],
    ["empty.csv", "", "empty"],
    ["model.pt", Uint8Array.from([0x80, 0x02, 0x00, 0x01, 0x00]), "binary"],
    ["pointer.csv", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n", "lfs-pointer"],
  ])("%s → %s", (path, text, expected) => {
    expect(detectFormat(file(path, text))).toBe(expected);
  });

  test("zip archives are detected by magic bytes, whatever the name", () => {
    expect(detectFormat(file("artifact", zipSync({ "a.csv": strToU8("a,b\n1,2\n") })))).toBe("zip");
  });

  test("an event file without 'tfevents' in its name is recognised by its file_version record", () => {
    expect(detectFormat(file("renamed.bin", new EventFileWriter().scalar("loss", 1, 0.5).toBytes()))).toBe("tfevents");
  });

  test("--format forces the family", () => {
    const csv = file("x.txt", "epoch 1, loss 0.5\n");
    expect(detectFormat(csv, "csv")).toBe("csv");
    expect(detectFormat(file("m.csv", "epoch,loss\n0,1\n"), "text")).toBe("text");
    expect(detectFormat(file("a.csv", "{}"), "json")).toBe("json");
    expect(detectFormat(file("a.csv", "x"), "tfevents")).toBe("tfevents");
    expect(detectFormat(file("loss", "1664364007310 3.27 0\n"), "csv")).toBe("mlflow");
  });
});
