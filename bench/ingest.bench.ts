/**
 * Ingest benchmark (`npm run bench:ingest`).
 *
 * 1. Generates in os.tmpdir() a TensorBoard event file (≥ 200 MB, ≥ 5M scalar events over 6 tags,
 *    TF1 simple_value and TF2 float tensors) with EventFileWriter, and a 1M-row Keras-style CSV.
 * 2. Floor: streams the event file and computes CRC32C over every byte (same process, same chunk size),
 *    once with the TypeScript CRC and once with the WebAssembly kernel's; the faster one is the floor.
 * 3. Streams it through readTfEventsFile with full CRC checks, then in fast mode (length CRC only),
 *    both with the WebAssembly record loop (the default), then full CRC with the TypeScript loop.
 * 4. Parses the CSV with ingestFiles (when the CSV reader is present).
 * 5. Stage breakdown (CPU ns per event, in memory): CRC, framing, decode, full parse.
 * The reader is warmed up on an 8 MB prefix, then with one untimed full read per mode (steady-state figures). Wall and CPU time are both
 * printed: on a shared machine the CPU figures are the comparable ones.
 * Prints MB/s, events/s and peak RSS (sampled every 20 ms) per phase, against the goals.
 *
 * Flags: --events N (default 5_400_000), --rounds N (default 5), --keep (keep the generated files).
 */
import { createReadStream, closeSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { ScalarEncoding } from "../src/ingest/formats/tfevents/event-writer.js";
import type { IngestResult } from "../src/ingest/types.js";
import type * as TfEventsModule from "../src/ingest/formats/tfevents/index.js";
import type * as ReadTfEventsModule from "../src/ingest/formats/tfevents/read-tfevents-file.js";
import type * as KernelLoaderModule from "../src/ingest/formats/tfevents/scan-kernel-loader.js";
import type * as IngestModule from "../src/ingest/index.js";
import { importBuilt } from "./built.js";

type TfEvents = typeof TfEventsModule;
type ReadTfEvents = typeof ReadTfEventsModule;
type Ingest = typeof IngestModule;
const { crc32c, EventFileWriter, parseTfEvents, TfRecordDecoder } = await importBuilt<TfEvents>("ingest/formats/tfevents/index.js");
const { readTfEventsFile } = await importBuilt<ReadTfEvents>("ingest/formats/tfevents/read-tfevents-file.js");
const { loadScanKernel } = await importBuilt<typeof KernelLoaderModule>("ingest/formats/tfevents/scan-kernel-loader.js");
const kernelFactory = loadScanKernel();
if (kernelFactory === undefined) throw new Error("the WebAssembly scan kernel is not built: run npm run build");
const { DEFAULT_INGEST_LIMITS, ingestFiles } = await importBuilt<Ingest>("ingest/index.js");

const MB = 1024 * 1024;
const CHUNK = MB;
const args = process.argv.slice(2);
const EVENTS = Number(args[args.indexOf("--events") + 1] ?? "") || 5_400_000;
const KEEP = args.includes("--keep");
const ROUNDS = Number(args[args.indexOf("--rounds") + 1] ?? "") || 5;
const TAGS: [string, ScalarEncoding][] = [
  ["train/loss", "simple"],
  ["val/loss", "simple"],
  ["train/accuracy", "simple"],
  ["learning_rate", "simple"],
  ["grad_norm", "simple"],
  ["epoch_loss", "float"],
];
const CSV_ROWS = 1_000_000;

/** Runs `fn` while sampling RSS; returns its result, seconds and the peak RSS seen. */
async function measure<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number; cpuSeconds: number; peakRss: number; baseRss: number; faults: number }> {
  collectGarbage();
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  const faults = process.resourceUsage().minorPageFault - faultsBefore;
  const cpuSeconds = (used.user + used.system) / 1e6;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return { value, seconds, cpuSeconds, peakRss, baseRss, faults };
}

/** Full GC between phases so each phase's RSS starts from live data only. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}

function generateEvents(path: string): number {
  const fd = openSync(path, "w");
  const w = new EventFileWriter({ startWallTime: 1_700_000_000 });
  const steps = Math.ceil(EVENTS / TAGS.length);
  let events = 0;
  for (let step = 0; step < steps && events < EVENTS; step++) {
    for (const [tag, encoding] of TAGS) {
      if (events >= EVENTS) break;
      events++;
      w.scalar(tag, step, Math.exp(-step / 1e5) + (step % 97) / 1e4, encoding, { wallTime: 1_700_000_000 + step * 0.01 });
    }
    if (step % 20_000 === 0) writeSync(fd, w.drain());
  }
  writeSync(fd, w.drain());
  closeSync(fd);
  return events;
}

function generateCsv(path: string): void {
  const fd = openSync(path, "w");
  writeSync(fd, "epoch,loss,accuracy,val_loss,val_accuracy,lr\n");
  let buf = "";
  for (let i = 0; i < CSV_ROWS; i++) {
    const loss = Math.exp(-i / 2e5);
    buf += `${i},${loss.toFixed(6)},${(1 - loss / 2).toFixed(6)},${(loss * 1.1).toFixed(6)},${(1 - loss / 1.8).toFixed(6)},0.001\n`;
    if (buf.length > MB) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

/**
 * Stream + CRC32C of every byte. Each chunk is re-viewed as a plain Uint8Array exactly as
 * TfRecordDecoder.push does: passing Node Buffers here too would make `crc32c` polymorphic and slow
 * down both the floor and the reader's record CRCs.
 */
async function floor(path: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const b = chunk as Buffer;
    crc = crc32c(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), 0, b.byteLength, crc);
  }
  return crc;
}

/** The same floor with the WebAssembly kernel's CRC-32C: each chunk copied into the kernel, as the reader does. */
const wasmCrc = kernelFactory();
wasmCrc.init(CHUNK, 16, 1);
const wasmInput = new Uint8Array(wasmCrc.memory.buffer, wasmCrc.inputPtr(), CHUNK);
async function wasmFloor(path: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const b = chunk as Buffer;
    wasmInput.set(b);
    crc = wasmCrc.crc32c(wasmCrc.inputPtr(), b.byteLength, crc) >>> 0;
  }
  return crc;
}

/** Steady-state figures: JIT-compile the reader on an 8 MB prefix, in both modes, before timing. */
function warmUp(path: string): void {
  const prefix = readPrefix(path, 8 * MB);
  for (const scanKernel of [undefined, kernelFactory]) {
    for (const verifyDataCrc of [true, false, true]) parseTfEvents([{ path: "warmup/events.out.tfevents.0", data: prefix }], { limits: { ...DEFAULT_INGEST_LIMITS }, verifyDataCrc, scanKernel });
  }
}

function readPrefix(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, "r");
  const prefix = new Uint8Array(bytes);
  const n = readSync(fd, prefix, 0, prefix.length, 0);
  closeSync(fd);
  return prefix.subarray(0, n);
}

/** Best-of-3 CPU milliseconds of `fn`. */
function cpuMs(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Where the time goes: CPU ns per event of each stage, in memory, on a 64 MB prefix. */
function stages(path: string): void {
  const data = readPrefix(path, 64 * MB);
  const framing = (verifyDataCrc: boolean): number => {
    const d = new TfRecordDecoder(
      { file: "x", verifyDataCrc, maxRecordBytes: MB, maxBytes: 1 << 30, limitIssue: { code: "x", message: "x" } },
      () => undefined,
    );
    for (let pos = 0; pos < data.length; pos += CHUNK) d.push(data.subarray(pos, pos + CHUNK));
    d.end();
    return d.records;
  };
  const records = framing(false);
  const ns = (ms: number): string => `${fmt((ms * 1e6) / records, 0)} ns`;
  const crcAll = cpuMs(() => void crc32c(data));
  const lengthOnly = cpuMs(() => void framing(false));
  const withCrc = cpuMs(() => void framing(true));
  const parse = (verifyDataCrc: boolean, scanKernel: typeof kernelFactory | undefined): number =>
    cpuMs(() => void parseTfEvents([{ path: "s/events.out.tfevents.0", data }], { limits: { ...DEFAULT_INGEST_LIMITS }, verifyDataCrc, scanKernel }));
  const full = parse(true, kernelFactory);
  const fast = parse(false, kernelFactory);
  const fullTs = parse(true, undefined);
  console.log(
    `stages (CPU per event, in memory, ${mb(data.length)}, ${records} records): CRC32C of all bytes ${ns(crcAll)}; framing + length CRC ${ns(lengthOnly)}; ` +
      `framing + both CRCs ${ns(withCrc)} (TypeScript); parseTfEvents with the WebAssembly loop: full CRC ${ns(full)} (${fmt(crcAll / full, 2)}x the TypeScript CRC), ` +
      `fast mode ${ns(fast)} (${fmt(crcAll / fast, 2)}x); with the TypeScript loop: full CRC ${ns(fullTs)} (${fmt(crcAll / fullTs, 2)}x)`,
  );
}

function decodedBytes(result: IngestResult): number {
  let n = 0;
  for (const run of result.runs) for (const s of run.series) n += s.steps.byteLength + s.values.byteLength + (s.wallTimes?.byteLength ?? 0);
  return n;
}

const fmt = (n: number, d = 1): string => n.toFixed(d);
const mb = (bytes: number): string => `${fmt(bytes / MB)} MB`;

async function benchCsv(path: string): Promise<string> {
  const data = readFileSync(path);
  const m = await measure(() => ingestFiles([{ path: "big/history.csv", data }]));
  const points = m.value.runs.reduce((n, r) => n + r.series.reduce((k, s) => k + s.values.length, 0), 0);
  return `csv (ingestFiles, in memory): ${mb(data.length)} ${CSV_ROWS} rows in ${fmt(m.seconds, 2)} s = ${fmt(data.length / MB / m.seconds)} MB/s, ${fmt(CSV_ROWS / m.seconds / 1e6, 2)}M rows/s, ${fmt(points / 1e6, 1)}M points; peak RSS ${mb(m.peakRss)}; issues: ${m.value.issues.map((i) => i.code).join(",") || "none"}`;
}

type Mode = "full CRC" | "fast mode" | "full CRC, TypeScript loop";
const MODES: readonly Mode[] = ["full CRC", "fast mode", "full CRC, TypeScript loop"];

interface Sample {
  ratio: number;
  cpuRatio: number;
  seconds: number;
  cpuSeconds: number;
  eventsPerSecond: number;
  peakRss: number;
  baseRss: number;
  budget: number;
  line: string;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

function readerOptions(mode: Mode): Parameters<typeof readTfEventsFile>[1] {
  return { limits: { ...DEFAULT_INGEST_LIMITS }, chunkBytes: CHUNK, verifyDataCrc: mode !== "fast mode", scanKernel: mode.includes("TypeScript") ? null : undefined };
}

/** One mode, timed right after its own floor run, so both see the same machine state. */
async function sample(path: string, size: number, mode: Mode): Promise<Sample> {
  const tsFloor = await measure(() => floor(path));
  const wasmFl = await measure(() => wasmFloor(path));
  if (tsFloor.value !== wasmFl.value) throw new Error("the two CRC-32C implementations disagree");
  const fl = wasmFl.seconds < tsFloor.seconds ? wasmFl : tsFloor;
  const m = await measure(() => readTfEventsFile(path, readerOptions(mode)));
  const decoded = decodedBytes(m.value);
  const points = m.value.runs.reduce((n, r) => n + r.series.reduce((k, s) => k + s.values.length, 0), 0);
  const ratio = fl.seconds / m.seconds;
  const cpuRatio = fl.cpuSeconds / m.cpuSeconds;
  const line =
    `${mode}: wall ${fmt(m.seconds, 2)} s = ${fmt(size / MB / m.seconds)} MB/s (floor ${fmt(fl.seconds, 2)} s [TypeScript CRC ${fmt(tsFloor.seconds, 2)} s, WebAssembly CRC ${fmt(wasmFl.seconds, 2)} s], ${fmt(ratio, 2)}x), ${fmt(points / m.seconds / 1e6, 2)}M events/s; ` +
    `CPU ${fmt(m.cpuSeconds, 2)} s (floor ${fmt(fl.cpuSeconds, 2)} s, ${fmt(cpuRatio, 2)}x); minor page faults ${m.faults} (floor ${fl.faults}); ${points} points in ${m.value.runs[0]?.series.length ?? 0} series, issues: ${m.value.issues.map((i) => i.code).join(",") || "none"}; ` +
    `RSS ${mb(m.baseRss)} -> peak ${mb(m.peakRss)}`;
  return { ratio, cpuRatio, seconds: m.seconds, cpuSeconds: m.cpuSeconds, eventsPerSecond: points / m.seconds, peakRss: m.peakRss, baseRss: m.baseRss, budget: 2 * decoded + 100 * MB, line };
}

async function main(): Promise<void> {
  const eventsPath = join(tmpdir(), `loss-doctor-bench-${process.pid}.tfevents`);
  const csvPath = join(tmpdir(), `loss-doctor-bench-${process.pid}.csv`);
  const gen = await measure(() => generateEvents(eventsPath));
  const size = statSync(eventsPath).size;
  console.log(`generated ${mb(size)}, ${gen.value} scalar events over ${TAGS.length} tags in ${fmt(gen.seconds)} s -> ${eventsPath}`);
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), load average ${loadavg().map((l) => fmt(l, 2)).join(" ")}`);
  await floor(eventsPath); // warm the page cache and the CRC code
  await wasmFloor(eventsPath);
  warmUp(eventsPath);
  // One untimed full-size read per mode: the first one pays for growing the heap and the allocator's pools.
  for (const mode of MODES) await readTfEventsFile(eventsPath, readerOptions(mode));
  const samples = new Map<Mode, Sample[]>(MODES.map((mode) => [mode, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round}/${ROUNDS}`);
    for (const mode of MODES) {
      const s = await sample(eventsPath, size, mode);
      samples.get(mode)?.push(s);
      console.log(`  ${s.line}`);
    }
  }
  console.log(`medians over ${ROUNDS} rounds (ratio = floor time / reader time, each against the floor run just before it):`);
  for (const mode of MODES) {
    const xs = samples.get(mode) ?? [];
    const peak = Math.max(...xs.map((x) => x.peakRss));
    const budget = Math.max(...xs.map((x) => x.budget));
    console.log(
      `  ${mode}: ${fmt(median(xs.map((x) => x.ratio)), 2)}x floor wall, ${fmt(median(xs.map((x) => x.cpuRatio)), 2)}x floor CPU, ` +
        `${fmt(median(xs.map((x) => x.eventsPerSecond)) / 1e6, 2)}M events/s; peak RSS ${mb(peak)} (budget 2x decoded + 100 MB = ${mb(budget)})`,
    );
  }
  const full = samples.get("full CRC") ?? [];
  const ok = (b: boolean): string => (b ? "ok" : "MISSED");
  console.log(
    `goals (full CRC): >= 0.5x floor ${ok(median(full.map((x) => x.ratio)) >= 0.5)}; >= 2M events/s ${ok(median(full.map((x) => x.eventsPerSecond)) >= 2e6)}; ` +
      `peak RSS <= budget ${ok(full.every((x) => x.peakRss <= x.budget))}`,
  );
  stages(eventsPath);
  generateCsv(csvPath);
  console.log(await benchCsv(csvPath));
  if (!KEEP) {
    rmSync(eventsPath, { force: true });
    rmSync(csvPath, { force: true });
  }
}

await main();
