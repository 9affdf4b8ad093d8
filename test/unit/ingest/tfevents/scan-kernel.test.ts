import { describe, expect, test } from "@jest/globals";
import { crc32c } from "../../../../src/ingest/formats/tfevents/crc32c.js";
import { EventFileWriter } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { DEFAULT_KERNEL_SIZES, type KernelSizes, type ScanKernelFactory } from "../../../../src/ingest/formats/tfevents/scan-kernel.js";
import { loadScanKernel } from "../../../../src/ingest/formats/tfevents/scan-kernel-loader.js";
import { TfEventsRunAccumulator } from "../../../../src/ingest/formats/tfevents/run-accumulator.js";
import type { IngestLimits } from "../../../../src/ingest/types.js";
import { mixedFile, randomFile, readChunkedWithStats } from "./record-files.js";
import { LIMITS, mulberry32 } from "./support.js";

const kernel = loadScanKernel();

/** Sizes that reach every branch of the kernel loop on small files: tiny windows, outputs and tag tables. */
const SIZES: [string, Partial<KernelSizes>][] = [
  ["default sizes", { minBytes: 0 }],
  ["window 256 B, 7 outputs, 2 tags", { windowBytes: 256, maxOutput: 7, tagCapacity: 2, minBytes: 0 }],
  ["window 40 B (records larger than the window)", { windowBytes: 40, maxOutput: 3, tagCapacity: 1, minBytes: 0 }],
  ["1 output per call", { windowBytes: 4096, maxOutput: 1, tagCapacity: 64, minBytes: 0 }],
];

/** Reads `data` with the TypeScript loop and with the kernel, chunked the same way (`sizes` makes a fresh chunk-size sequence per read). */
function bothWays(data: Uint8Array, sizes: () => () => number, verifyDataCrc: boolean, limits: IngestLimits, kernelSizes: Partial<KernelSizes>, factory: ScanKernelFactory | undefined = kernel) {
  const ts = readChunkedWithStats(data, sizes(), verifyDataCrc, limits);
  const wasm = readChunkedWithStats(data, sizes(), verifyDataCrc, limits, { scanKernel: factory, kernelSizes });
  return { ts, wasm };
}

describe("WebAssembly scan kernel (assembly/tfrecord-scan.ts)", () => {
  test("the build produced a loadable kernel (run `npm run build` if this fails)", () => {
    expect(kernel).toBeDefined();
    expect(loadScanKernel(new URL("file:///nonexistent/tfrecord-scan.wasm"))).toBeUndefined();
  });

  test("its CRC-32C matches the TypeScript one and the published check value", () => {
    const k = kernel!();
    k.init(4096, 16, 4);
    const input = new Uint8Array(k.memory.buffer, k.inputPtr(), 4096);
    input.set(new TextEncoder().encode("123456789"));
    expect(k.crc32c(k.inputPtr(), 9, 0) >>> 0).toBe(0xe3069283);
    const rand = mulberry32(5);
    for (let n = 0; n < 200; n++) {
      const length = Math.floor(rand() * 300);
      const bytes = Uint8Array.from({ length }, () => Math.floor(rand() * 256));
      input.set(bytes);
      expect([length, k.crc32c(k.inputPtr(), length, 0) >>> 0]).toEqual([length, crc32c(bytes)]);
    }
  });

  test.each(SIZES)("mixed file (restarts, repeats, limits, histograms, double tensors): same run, issues and counters as the TypeScript loop, %s", (_name, kernelSizes) => {
    const { data } = mixedFile();
    const limits = { ...LIMITS, maxPointsPerSeries: 150 };
    for (const verifyDataCrc of [true, false]) {
      for (const chunk of [data.length, 333]) {
        const { ts, wasm } = bothWays(data, () => () => chunk, verifyDataCrc, limits, kernelSizes);
        expect(ts.result.issues.map((i) => i.code)).toContain("series-point-limit");
        expect(wasm.result).toEqual(ts.result);
        expect(wasm.stats).toEqual(ts.stats);
      }
    }
  });

  test("a corrupted payload: the kernel leaves it to the general path, which reports it", () => {
    const { data, corruptAt } = mixedFile();
    const bad = data.slice();
    bad[corruptAt]! ^= 0x10;
    const { ts, wasm } = bothWays(bad, () => () => bad.length, true, LIMITS, { minBytes: 0 });
    expect(wasm.result.issues.map((i) => i.code)).toContain("tfevents-bad-data-crc");
    expect(wasm.result).toEqual(ts.result);
  });

  test("40 random files x 4 kernel sizes x both CRC modes: never a different result", () => {
    const rand = mulberry32(77);
    for (let file = 0; file < 40; file++) {
      const data = randomFile(rand, file % 3 === 0);
      const limits = { ...LIMITS, maxPointsPerSeries: 20 + Math.floor(rand() * 100) };
      for (const [name, kernelSizes] of SIZES) {
        for (const verifyDataCrc of [true, false]) {
          const chunks = (): (() => number) => {
            const r = mulberry32(file);
            return () => 64 + Math.floor(r() * 2000);
          };
          const { ts, wasm } = bothWays(data, chunks, verifyDataCrc, limits, kernelSizes);
          expect([file, name, verifyDataCrc, wasm.result]).toEqual([file, name, verifyDataCrc, ts.result]);
          expect([file, name, wasm.stats]).toEqual([file, name, ts.stats]);
        }
      }
    }
  });

  test("tags whose every record is declined (past the point limit; tensors without the scalars plugin) cost the kernel a few records each, not a full call each", () => {
    // Before the scan budget, every declined record cut a call that had scanned up to `maxOutput`
    // records, so such a file was read in quadratic time (a 2 MB file took 8 s).
    const w = new EventFileWriter();
    const steps = 3000;
    for (let step = 1; step <= steps; step++) {
      w.scalar("train/loss", step, 1 / step);
      w.scalar("val/loss", step, 2 / step);
      w.scalar("no_plugin", step, step, "float", { metadata: false });
    }
    const data = w.toBytes();
    const records = 3 * steps + 1;
    const counting = (written: number[]): ScanKernelFactory => () => {
      const k = kernel!();
      return { ...k, scan: (...args: Parameters<typeof k.scan>) => { const n = k.scan(...args); written.push(n); return n; } };
    };
    const limits = { ...LIMITS, maxPointsPerSeries: 100 };
    const written: number[] = [];
    const { ts, wasm } = bothWays(data, () => () => data.length, true, limits, { minBytes: 0 }, counting(written));
    expect(wasm.result).toEqual(ts.result);
    expect(wasm.result.issues.map((i) => i.code)).toContain("series-point-limit");
    const total = written.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(3 * records);
  });

  test("records that are all declined (step 0 every time, as add_scalar without a step writes): few kernel calls, same run", () => {
    const w = new EventFileWriter();
    for (let i = 0; i < 2000; i++) for (const tag of ["loss", "acc", "lr"]) w.scalar(tag, 0, i);
    const data = w.toBytes();
    let calls = 0;
    const counting: ScanKernelFactory = () => {
      const k = kernel!();
      return { ...k, scan: (...args: Parameters<typeof k.scan>) => (calls++, k.scan(...args)) };
    };
    const { ts, wasm } = bothWays(data, () => () => data.length, true, LIMITS, { minBytes: 0 }, counting);
    expect(wasm.result).toEqual(ts.result);
    expect(wasm.stats).toEqual(ts.stats);
    // 6,000 records: one kernel call each without the back-off, about 6,000 / 1,024 + log2(1,024) with it.
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(100);
  });

  test("a full tag table: once records of unregistered tags are a large share, the TypeScript loop takes the rest of the run", () => {
    const w = new EventFileWriter();
    for (let step = 1; step <= 400; step++) for (let t = 0; t < 40; t++) w.scalar(`layer_${t}/grad_norm`, step, t + 1 / step);
    const data = w.toBytes();
    let calls = 0;
    const counting: ScanKernelFactory = () => {
      const k = kernel!();
      return { ...k, scan: (...args: Parameters<typeof k.scan>) => (calls++, k.scan(...args)) };
    };
    const { ts, wasm } = bothWays(data, () => () => data.length, true, LIMITS, { tagCapacity: 4, minBytes: 0 }, counting);
    expect(wasm.result).toEqual(ts.result);
    expect(wasm.stats).toEqual(ts.stats);
    // 36 of every 40 records (14,400 in all) have a tag the kernel cannot register; it is retired after about 1,024 of them.
    expect(calls).toBeGreaterThan(1000);
    expect(calls).toBeLessThan(2000);
  });

  test("a factory that fails leaves the reader on the TypeScript loop, with the same result", () => {
    const { data } = mixedFile();
    const failing: ScanKernelFactory = () => {
      throw new Error("no WebAssembly here");
    };
    const { ts, wasm } = bothWays(data, () => () => data.length, true, LIMITS, { minBytes: 0 }, failing);
    expect(wasm.result).toEqual(ts.result);
  });

  test("a kernel that faults mid-file (as a trap would): the TypeScript loop resumes where it stopped, same result", () => {
    const { data } = mixedFile();
    for (const faultAt of [1, 3, 10]) {
      let calls = 0;
      const faulting: ScanKernelFactory = () => {
        const k = kernel!();
        return {
          ...k,
          memory: k.memory,
          scan: (...args: Parameters<typeof k.scan>) => {
            if (++calls === faultAt) throw new Error("RuntimeError: memory access out of bounds");
            return k.scan(...args);
          },
        };
      };
      const { ts, wasm } = bothWays(data, () => () => data.length, true, { ...LIMITS, maxPointsPerSeries: 150 }, { windowBytes: 512, maxOutput: 16, minBytes: 0 }, faulting);
      expect(calls).toBe(faultAt);
      expect(wasm.result).toEqual(ts.result);
      expect(wasm.stats).toEqual(ts.stats);
    }
  });

  test("a caller that reuses one buffer for every chunk: the kernel sees each chunk's own bytes", () => {
    // Records of one size (2-byte steps, one tag) and chunks of whole records: every chunk's records
    // sit where the previous chunk's did. The step check would still reject a stale copy (so the
    // result alone cannot tell), hence the spy on what the kernel's input holds at each chunk start.
    const w = new EventFileWriter({ fileVersion: null });
    for (let step = 200; step < 2000; step++) w.scalar("loss", step, 1 / step, "simple", { wallTime: 1 });
    const data = w.toBytes();
    const recordBytes = new EventFileWriter({ fileVersion: null }).scalar("loss", 200, 1, "simple", { wallTime: 1 }).toBytes().length;
    expect(data.length).toBe(1800 * recordBytes);
    const read = (scanKernel: ScanKernelFactory | undefined) => {
      const acc = new TfEventsRunAccumulator({ limits: LIMITS, verifyDataCrc: true, scanKernel, kernelSizes: { minBytes: 0 } });
      const decoder = acc.beginFile("run/events.out.tfevents.1.host");
      const buffer = new Uint8Array(100 * recordBytes);
      for (let pos = 0; pos < data.length; pos += buffer.length) {
        const chunk = data.subarray(pos, pos + buffer.length);
        buffer.set(chunk);
        decoder.push(chunk.length === buffer.length ? buffer : buffer.subarray(0, chunk.length));
      }
      decoder.end();
      acc.endFile();
      return acc.finish();
    };
    const seen: number[][] = [];
    const spying: ScanKernelFactory = () => {
      const k = kernel!();
      return {
        ...k,
        scan: (size: number, pos: number, verify: boolean, max: number, limit: number) => {
          if (pos === 0) seen.push(Array.from(new Uint8Array(k.memory.buffer, k.inputPtr() + 12, 12)));
          return k.scan(size, pos, verify, max, limit);
        },
      };
    };
    expect(read(spying)).toEqual(read(undefined));
    const chunkStarts = Array.from({ length: 18 }, (_, i) => Array.from(data.subarray(i * 100 * recordBytes + 12, i * 100 * recordBytes + 24)));
    // (The first chunk is scanned from 0 twice: once more after its tag is registered.)
    expect([...new Set(seen.map(String))]).toEqual(chunkStarts.map(String));
  });

  test("defaults: small remainders stay on the TypeScript loop; large files use the kernel", () => {
    expect(DEFAULT_KERNEL_SIZES.minBytes).toBeGreaterThan(0);
    const rand = mulberry32(3);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 12; i++) parts.push(randomFile(rand, false));
    const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((pos, p) => (data.set(p, pos), pos + p.length), 0);
    let instances = 0;
    const counting: ScanKernelFactory = () => {
      instances++;
      return kernel!();
    };
    const { ts, wasm } = bothWays(data, () => () => data.length, true, LIMITS, { minBytes: 1024 }, counting);
    expect(instances).toBe(1);
    expect(wasm.result).toEqual(ts.result);
    const small = bothWays(parts[0]!, () => () => 512, true, LIMITS, { minBytes: 1024 }, counting);
    expect(instances).toBe(1);
    expect(small.wasm.result).toEqual(small.ts.result);
  });
});
