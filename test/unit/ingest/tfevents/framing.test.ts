import { describe, expect, test } from "@jest/globals";
import { EventFileWriter, encodeRecord } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { TfRecordDecoder } from "../../../../src/ingest/formats/tfevents/record-decoder.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import { codes, LIMITS, mulberry32, parseOne, seriesOf } from "./support.js";

/** A file with the version record plus `n` loss scalars; returns bytes and each record's start offset. */
function lossFile(n: number): { data: Uint8Array; offsets: number[] } {
  const offsets: number[] = [];
  let size = 0;
  const w = new EventFileWriter({ fileVersion: null });
  const parts: Uint8Array[] = [];
  const push = (bytes: Uint8Array): void => {
    offsets.push(size);
    parts.push(bytes);
    size += bytes.length;
  };
  push(new EventFileWriter().toBytes());
  for (let i = 0; i < n; i++) push(w.scalar("loss", i, 1 / (i + 1)).drain());
  const data = new Uint8Array(size);
  parts.reduce((pos, p) => (data.set(p, pos), pos + p.length), 0);
  return { data, offsets };
}

describe("TFRecord framing problems become located issues", () => {
  test("a truncated last record is an info issue at its byte offset; earlier points are kept", () => {
    const { data, offsets } = lossFile(5);
    const cut = data.subarray(0, data.length - 3);
    const result = parseOne(cut);
    expect(codes(result)).toEqual(["tfevents-truncated-record"]);
    expect(result.issues[0]).toMatchObject({ severity: "info", location: { byteOffset: offsets[5] } });
    expect(seriesOf(result, "loss").values.length).toBe(4);
  });

  test("a header cut in the middle (fewer than 12 bytes) is also a truncated record", () => {
    const { data, offsets } = lossFile(3);
    const result = parseOne(data.subarray(0, offsets[3]! + 5));
    expect(codes(result)).toEqual(["tfevents-truncated-record"]);
    expect(result.issues[0]?.message).toContain("7 bytes missing");
  });

  test("a corrupted length CRC stops the file with an error at that record's offset", () => {
    const { data, offsets } = lossFile(6);
    const bad = data.slice();
    bad[offsets[3]! + 8]! ^= 0x01;
    const result = parseOne(bad);
    expect(codes(result)).toEqual(["tfevents-bad-length-crc"]);
    expect(result.issues[0]).toMatchObject({ severity: "error", location: { byteOffset: offsets[3] } });
    expect(Array.from(seriesOf(result, "loss").steps)).toEqual([0, 1]);
  });

  test("a corrupted payload is a data-CRC error (record skipped, rest read) when verifying", () => {
    const { data, offsets } = lossFile(4);
    const bad = data.slice();
    bad[offsets[2]! + 12 + 5]! ^= 0x40; // inside the payload of the 2nd scalar (step 1): a wall-time byte
    const result = parseOne(bad);
    expect(codes(result)).toEqual(["tfevents-bad-data-crc"]);
    expect(result.issues[0]).toMatchObject({ severity: "error", location: { byteOffset: offsets[2] } });
    expect(Array.from(seriesOf(result, "loss").steps)).toEqual([0, 2, 3]);
  });

  test("fast mode (verifyDataCrc=false) does not detect a corrupted but parseable payload", () => {
    const { data, offsets } = lossFile(4);
    const bad = data.slice();
    bad[offsets[2]! + 12 + 5]! ^= 0x40;
    const result = parseOne(bad, undefined, false);
    expect(result.issues).toEqual([]);
    expect(Array.from(seriesOf(result, "loss").steps)).toEqual([0, 1, 2, 3]);
  });

  test("fast mode still reports corruption when the payload no longer parses", () => {
    const { data, offsets } = lossFile(3);
    const bad = data.slice();
    bad[offsets[1]! + 12]! = 0xff; // the first key byte: an invalid wire type
    bad[offsets[1]! + 13]! = 0xff;
    expect(codes(parseOne(bad, undefined, false))).toEqual(["tfevents-bad-data-crc"]);
  });

  test("a record with valid CRCs whose payload is not an Event is a tfevents-bad-record warning", () => {
    const data = new Uint8Array([...new EventFileWriter().scalar("loss", 1, 1).toBytes(), ...encodeRecord(new Uint8Array([0x0a, 0x7f, 0x01]))]);
    const result = parseOne(data);
    expect(codes(result)).toEqual(["tfevents-bad-record"]);
    expect(seriesOf(result, "loss").values.length).toBe(1);
  });

  test("a Git LFS pointer gets a clear error naming git lfs", () => {
    const text = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    const result = parseOne(new TextEncoder().encode(text));
    expect(codes(result)).toEqual(["tfevents-lfs-pointer"]);
    expect(result.issues[0]?.message).toContain("git lfs pull");
    expect(result.runs).toEqual([]);
  });

  test("a 0-byte file and a header-only file are tfevents-empty-file warnings", () => {
    for (const data of [new Uint8Array(0), new EventFileWriter().toBytes()]) {
      const result = parseOne(data);
      expect(codes(result)).toEqual(["tfevents-empty-file"]);
      expect(result.runs).toEqual([]);
    }
  });

  test("text that is not a TFRecord file is tfevents-not-tfrecord", () => {
    expect(codes(parseOne(new TextEncoder().encode("epoch,loss\n1,0.5\n2,0.4\n")))).toEqual(["tfevents-not-tfrecord"]);
  });

  test("TfRecordDecoder gives the same records for any chunking (1 byte to whole file)", () => {
    const { data } = lossFile(50);
    const collect = (chunks: Uint8Array[]): string[] => {
      const seen: string[] = [];
      const d = new TfRecordDecoder({ file: "f", verifyDataCrc: true, maxRecordBytes: 1 << 20, maxBytes: 1 << 30, limitIssue: { code: "x", message: "x" } }, (buf, _v, s, e, off) =>
        seen.push(`${off}:${Buffer.from(buf.subarray(s, e)).toString("hex")}`),
      );
      for (const c of chunks) d.push(c);
      d.end();
      expect(d.issues).toEqual([]);
      return seen;
    };
    const whole = collect([data]);
    expect(whole.length).toBe(51);
    const rand = mulberry32(7);
    for (const max of [1, 3, 13, 17, 64]) {
      const chunks: Uint8Array[] = [];
      for (let pos = 0; pos < data.length; ) {
        const n = 1 + Math.floor(rand() * max);
        chunks.push(data.slice(pos, pos + n));
        pos += n;
      }
      expect(collect(chunks)).toEqual(whole);
    }
  });
});

describe("restarts and repeated steps (TensorBoard purge semantics)", () => {
  test("a step going back drops the later points of that tag and reports how many", () => {
    const w = new EventFileWriter();
    for (let s = 0; s <= 10; s++) w.scalar("loss", s, 10 - s);
    w.scalar("other", 5, 1);
    for (let s = 6; s <= 8; s++) w.scalar("loss", s, 100 + s); // restarted from checkpoint 5
    const result = parseOne(w.toBytes());
    const s = seriesOf(result, "loss");
    expect(Array.from(s.steps)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(s.values.slice(6))).toEqual([106, 107, 108]);
    expect(codes(result)).toEqual(["tfevents-restart-purged"]);
    expect(result.issues[0]?.message).toContain("5 later points");
  });

  test("a value logged twice at the same step keeps the last one (tfevents-repeated-steps)", () => {
    const w = new EventFileWriter().scalar("epoch", 10, 0).scalar("epoch", 10, 0.5).scalar("epoch", 20, 1);
    const result = parseOne(w.toBytes());
    expect(Array.from(seriesOf(result, "epoch").values)).toEqual([0.5, 1]);
    expect(codes(result)).toEqual(["tfevents-repeated-steps"]);
  });

  test("tags whose every value has one step (add_scalar without global_step) get one tfevents-constant-step warning", () => {
    const w = new EventFileWriter();
    for (let i = 0; i < 30; i++) w.scalar("loss", 0, 1 / (i + 1)).scalar("acc", 0, i / 30);
    for (let i = 0; i < 4; i++) w.scalar("epoch", 7, i); // 4 values at one step: under the threshold
    for (let i = 0; i < 30; i++) w.scalar("lr", i, 0.1);
    const result = parseOne(w.toBytes());
    expect(codes(result)).toEqual(["tfevents-repeated-steps", "tfevents-constant-step"]);
    const warning = result.issues[1]!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain("Tags 'loss', 'acc' were each logged at least 30 times");
    expect(warning.message).toContain("global_step=step");
    expect(seriesOf(result, "loss").values.length).toBe(1);
    expect(seriesOf(result, "lr").values.length).toBe(30);
  });
});

describe("limits", () => {
  test("points beyond maxPointsPerSeries are dropped with series-point-limit", () => {
    const w = new EventFileWriter();
    for (let s = 0; s < 30; s++) w.scalar("loss", s, s);
    const result = parseOne(w.toBytes(), undefined, true, { maxPointsPerSeries: 10 });
    expect(seriesOf(result, "loss").values.length).toBe(10);
    expect(codes(result)).toEqual(["series-point-limit"]);
  });

  test("bytes beyond maxFileBytes are not read (warning, no truncated-record noise)", () => {
    const { data } = lossFile(100);
    const result = parseOne(data, undefined, true, { maxFileBytes: 1000 });
    expect(codes(result)).toEqual(["tfevents-file-too-large"]);
    expect(seriesOf(result, "loss").values.length).toBeLessThan(100);
  });

  test("maxTotalBytes across the files of a run stops later files", () => {
    const { data } = lossFile(40);
    const result = parseTfEventsTwo(data, data.length + 10);
    expect(codes(result)).toEqual(["tfevents-total-too-large"]);
  });
});

function parseTfEventsTwo(data: Uint8Array, maxTotalBytes: number): ReturnType<typeof parseOne> {
  const second = new EventFileWriter().scalar("loss", 1000, 1).toBytes();
  return parseTfEvents([data, second].map((bytes, i) => ({ path: `r/events.out.tfevents.${i}.h`, data: bytes })), { limits: { ...LIMITS, maxTotalBytes }, verifyDataCrc: true });
}
