import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { strToU8, zipSync } from "fflate";
import { unzipArchive } from "../../../src/ingest/containers/unzip.js";
import { parseConsole } from "../../../src/ingest/formats/console/parse-console.js";
import { parseCsv } from "../../../src/ingest/formats/csv/parse-csv.js";
import { parseJson, parseJsonLines } from "../../../src/ingest/formats/json/parse-json.js";
import { parseMlflow } from "../../../src/ingest/formats/mlflow.js";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import { DEFAULT_INGEST_LIMITS, type IngestLimits, type IngestResult, type InputFile } from "../../../src/ingest/types.js";
import { bytes, mulberry32, OWN_FIXTURES } from "./support/fixtures.js";

/** Small limits so the fuzzer can hit them. */
const LIMITS: IngestLimits = { ...DEFAULT_INGEST_LIMITS, maxPointsPerSeries: 40, maxFilesPerArchive: 5 };
/** Generous wall-clock bound per input on a shared 2-core machine; real inputs take ~1 ms. */
const MAX_MS_PER_INPUT = 1500;
const CASES_PER_PARSER = 150;
const TOKENS = ["epoch", "Epoch 3/50", "step", "loss", "val_loss", ": ", "=", ",", ";", "\t", "\"", "'", "{", "}", "[", "]", "nan", "NaN", "-inf", "Infinity", "1e308", "-0.5", "42", "tensor(", "\r", "\n", "\u001b[1m", " - ", "[1, 2000]", "lr", "_step", "__MIN", "Name", "State", "1716990174707 0.5 0", "log_history", "\"step\":", "\u0000", "é", "9".repeat(400)];

type Parser = (file: InputFile) => IngestResult;

const PARSERS: Record<string, Parser> = {
  csv: (file) => parseCsv(file, LIMITS),
  json: (file) => parseJson(file, LIMITS),
  jsonl: (file) => parseJsonLines(file, LIMITS),
  console: (file) => parseConsole(file, LIMITS),
  mlflow: (file) => parseMlflow([file], LIMITS),
  zip: (file) => ({ runs: [], issues: unzipArchive(file, { maxFileBytes: 1e6, remainingBytes: 1e6, maxFilesPerArchive: 5, maxExpansionRatio: 50 }).issues }),
  ingestFiles: (file) => ingestFiles([file], { limits: LIMITS }),
};

function seeds(): Uint8Array[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  const files = walk(OWN_FIXTURES).map((path) => new Uint8Array(readFileSync(path)));
  files.push(zipSync({ "a/metrics.csv": strToU8("epoch,loss\n0,1\n1,0.5\n"), "b.txt": strToU8("epoch 1, loss 0.3\n") }));
  return files;
}

function randomText(rand: () => number): Uint8Array {
  const parts: string[] = [];
  const count = Math.floor(rand() * 200);
  for (let i = 0; i < count; i++) parts.push(TOKENS[Math.floor(rand() * TOKENS.length)] ?? "");
  return bytes(parts.join(rand() < 0.5 ? "" : " "));
}

function randomBytes(rand: () => number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(rand() * 2048) }, () => Math.floor(rand() * 256));
}

function mutate(seed: Uint8Array, rand: () => number): Uint8Array {
  let data = seed.slice();
  const edits = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (data.length + 1));
    const kind = rand();
    if (kind < 0.3 && data.length > 0) data[Math.min(at, data.length - 1)] = Math.floor(rand() * 256);
    else if (kind < 0.5) data = data.slice(0, at);
    else if (kind < 0.8) {
      const token = bytes(TOKENS[Math.floor(rand() * TOKENS.length)] ?? "");
      data = Uint8Array.from([...data.subarray(0, at), ...token, ...data.subarray(at)]);
    } else data = Uint8Array.from([...data, ...data.subarray(0, Math.min(data.length, 4096))]);
  }
  return data;
}

function checkResult(result: IngestResult): void {
  for (const issue of result.issues) {
    expect(issue.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(["error", "warning", "info"]).toContain(issue.severity);
  }
  for (const run of result.runs) {
    for (const series of run.series) {
      expect(series.steps.length).toBe(series.values.length);
      expect(series.steps.length).toBeLessThanOrEqual(LIMITS.maxPointsPerSeries);
      for (let i = 1; i < series.steps.length; i++) expect(series.steps[i]! >= series.steps[i - 1]!).toBe(true);
    }
  }
}

describe("property/fuzz tests: every parser on random and mutated input never throws, stays bounded, respects limits", () => {
  const corpus = seeds();
  for (const [name, parse] of Object.entries(PARSERS)) {
    test(name, () => {
      const rand = mulberry32(name.length * 7919 + 17);
      for (let i = 0; i < CASES_PER_PARSER; i++) {
        const pick = rand();
        const seed = corpus[Math.floor(rand() * corpus.length)] ?? new Uint8Array();
        const data = pick < 0.2 ? randomBytes(rand) : pick < 0.45 ? randomText(rand) : mutate(seed, rand);
        const start = performance.now();
        const result = parse({ path: `fuzz/${name}-${i}.log`, data });
        expect(performance.now() - start).toBeLessThan(MAX_MS_PER_INPUT);
        checkResult(result);
      }
    });
  }

  test("long hostile lines do not make the console parser hang", () => {
    const line = `${"loss: 1 - ".repeat(500)}${"a".repeat(2000)}=${"9".repeat(2000)} epoch=${"1".repeat(400)}\n`;
    const start = performance.now();
    const result = parseConsole({ path: "x.log", data: bytes(line.repeat(50)) }, LIMITS);
    expect(performance.now() - start).toBeLessThan(MAX_MS_PER_INPUT * 2);
    checkResult(result);
    const huge = parseConsole({ path: "y.log", data: bytes(`epoch 1, loss ${"1".repeat(20_000)}\n`) }, LIMITS);
    expect(huge.issues.map((issue) => issue.code)).toContain("line-too-long");
  });

  test("the points-per-series limit drops later points with one issue per tag", () => {
    const rows = Array.from({ length: 100 }, (_v, i) => `${i},${1 / (i + 1)}`).join("\n");
    const result = parseCsv({ path: "big.csv", data: bytes(`step,loss\n${rows}\n`) }, LIMITS);
    expect(result.runs[0]?.series[0]?.steps.length).toBe(40);
    expect(result.issues.map((issue) => issue.code)).toEqual(["series-point-limit"]);
  });
});
