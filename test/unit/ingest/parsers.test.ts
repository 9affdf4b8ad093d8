import { describe, expect, jest, test } from "@jest/globals";
import * as consolePatterns from "../../../src/ingest/formats/console/line-patterns.js";
import { ANSI, COUNTER, METRIC_AT_COUNTER } from "../../../src/ingest/formats/console/line-patterns.js";
import { parseConsole } from "../../../src/ingest/formats/console/parse-console.js";
import { TENSORBOARD_EXPORT_NAME, WANDB_RUN_COLUMN } from "../../../src/ingest/formats/csv/classify-header.js";
import { parseCsv } from "../../../src/ingest/formats/csv/parse-csv.js";
import { parseJson } from "../../../src/ingest/formats/json/parse-json.js";
import { runName } from "../../../src/ingest/formats/finish-run.js";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import { parseNumber } from "../../../src/ingest/text/numbers.js";
import { forEachLine } from "../../../src/ingest/text/lines.js";
import { DEFAULT_INGEST_LIMITS, type IngestResult, type InputFile } from "../../../src/ingest/types.js";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { INGEST_ISSUES } from "../../../src/ingest/messages.js";
import { bytes, REPO_ROOT } from "./support/fixtures.js";

const csv = (text: string, path = "m.csv"): IngestResult => parseCsv({ path, data: bytes(text) }, DEFAULT_INGEST_LIMITS);
const values = (result: IngestResult, tag: string): number[] => Array.from(result.runs[0]?.series.find((series) => series.tag === tag)?.values ?? []);
const steps = (result: IngestResult, tag: string): number[] => Array.from(result.runs[0]?.series.find((series) => series.tag === tag)?.steps ?? []);
const codes = (result: IngestResult): string[] => result.issues.map((issue) => issue.code);

/** Characters `String.prototype.indexOf` walks while looking for `search` during `run` (hits included). */
function charsScannedFor<T>(search: string, run: () => T): { result: T; scanned: number } {
  const indexOf = String.prototype.indexOf;
  let scanned = 0;
  const spy = jest.spyOn(String.prototype, "indexOf").mockImplementation(function (this: string, needle: string, from?: number): number {
    const found = indexOf.call(this, needle, from);
    if (needle === search) scanned += (found < 0 ? this.length : found + 1) - Math.max(0, from ?? 0);
    return found;
  });
  try {
    return { result: run(), scanned };
  } finally {
    spy.mockRestore();
  }
}

describe("numbers", () => {
  test.each([
    ["0.5", 0.5],
    ["-1e-3", -0.001],
    [" 42 ", 42],
    ['"3.25"', 3.25],
    ["0.92483332578688859", 0.92483332578688859],
    ["1.7976931348623157e308", 1.7976931348623157e308],
    [".5", 0.5],
    ["5.", 5],
    ["nan", Number.NaN],
    ["NaN", Number.NaN],
    ["inf", Number.POSITIVE_INFINITY],
    ["-inf", Number.NEGATIVE_INFINITY],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
  ])("%s parses", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test.each(["", "  ", "abc", "0x10", "1_000", "+.", "-", ".", "1e", "--1", "True"])("'%s' is not a number", (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  test("the fast path agrees with Number() on decimal literals", () => {
    for (let i = 0; i < 2000; i++) {
      const text = ((i * 7919) % 100003 / 997 - 50).toFixed(i % 12);
      expect(parseNumber(text)).toBe(Number(text));
    }
  });
});

describe("line splitting", () => {
  test("lines are split across decode chunks without losing or merging any, CRLF stripped", () => {
    const text = Array.from({ length: 500 }, (_v, i) => `line ${i} ${"é".repeat(i % 7)}`).join("\r\n");
    const seen: string[] = [];
    forEachLine(bytes(text), (line) => void seen.push(line), 97);
    expect(seen).toEqual(text.split("\r\n"));
  });
});

describe("CSV edge cases", () => {
  test("a header row past the line limit: csv-header-too-long, and no data row is taken for the header", () => {
    const header = Array.from({ length: 120_000 }, (_, i) => `metric_${i}`).join(",");
    const result = csv(`${header}\n1,2,3\n2,3,4\n`);
    expect(header.length).toBeGreaterThan(1_000_000);
    expect(codes(result)).toEqual(["csv-header-too-long"]);
    expect(result.issues[0]?.location?.line).toBe(1);
    expect(result.runs).toEqual([]);
  });

  test("no header row of names: csv-no-header", () => {
    expect(codes(csv(""))).toEqual(["csv-no-header"]);
    expect(codes(csv("\n\n# comment\n"))).toEqual(["csv-no-header"]);
  });

  test("ragged rows are read, with an info issue located at the first one", () => {
    const result = csv("epoch,loss,val_loss\n0,1.0,1.1\n1,0.5\n2,0.4,0.6,extra\n");
    expect(values(result, "loss")).toEqual([1, 0.5, 0.4]);
    expect(result.issues.find((issue) => issue.code === "csv-ragged-rows")?.location?.line).toBe(3);
  });

  test("a few text cells in a numeric column are skipped and counted; NaN cells are kept", () => {
    const result = csv("step,loss\n0,1.0\n1,oops\n2,nan\n3,0.5\n");
    expect(values(result, "loss")).toEqual([1, Number.NaN, 0.5]);
    expect(result.issues.find((issue) => issue.code === "csv-text-cells")?.location?.line).toBe(3);
  });

  test("a missing step cell reuses the previous step; the step column never becomes a series", () => {
    const result = csv("step,loss\n0,1\n,0.9\n5,0.5\n");
    expect(steps(result, "loss")).toEqual([0, 0, 5]);
    expect(result.runs[0]?.series.map((series) => series.tag)).toEqual(["loss"]);
  });

  test("Lightning-style CSV without a step column uses the epoch column", () => {
    const result = csv("train_loss,epoch\n1.0,0\n0.9,1\n");
    expect(result.runs[0]?.series[0]?.stepUnit).toBe("epoch");
    expect(steps(result, "train_loss")).toEqual([0, 1]);
  });

  test("TensorBoard 'Download CSV' exports: the tag and split come from run-<run>-tag-<tag>.csv", () => {
    const result = csv("Wall time,Step,Value\n1625670900.5,0,0.9\n1625670910.5,1,0.7\n", "exports/run-validation-tag-epoch_loss.csv");
    const series = result.runs[0]?.series[0];
    expect([series?.tag, series?.role, series?.stepUnit]).toEqual(["validation/epoch_loss", "val-loss", "epoch"]);
    expect(Array.from(series?.wallTimes ?? [])).toEqual([1625670900.5, 1625670910.5]);
    const plain = csv("Wall time,Step,Value\n1,0,0.9\n", "loss.csv");
    expect(plain.runs[0]?.series[0]?.tag).toBe("loss");
  });

  test("an unclosed quote joins the following lines into one record, each line scanned for quotes once", () => {
    // The joined record was rescanned for every line it grew by: 1 MB after a stray quote took 107 s.
    const text = `step,loss\n0,1\n1,"x\n${"2,0.5\n".repeat(20_000)}"\n3,0.25\n4,0.125\n`;
    const { result, scanned } = charsScannedFor('"', () => csv(text));
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThan(3 * text.length);
    expect(steps(result, "loss")).toEqual([0, 3, 4]);
    expect(result.issues.map((issue) => [issue.code, issue.location?.line])).toEqual([["csv-text-cells", 3]]);
  });

  test("closed quoted cells spanning lines are still joined into one record", () => {
    const result = csv('step,note,loss\n0,"a\nb, ""c""\nd",1\n1,plain,0.5\n');
    expect(values(result, "loss")).toEqual([1, 0.5]);
    expect(steps(result, "loss")).toEqual([0, 1]);
  });

  test("W&B chart-export column names: the run/metric split never runs on a name with a line break", () => {
    // It cannot match one, but found that out after a scan per ` - `: a quoted header cell of 0.9 MB took 57 s.
    const seen: string[] = [];
    const exec = WANDB_RUN_COLUMN.exec;
    const spy = jest.spyOn(WANDB_RUN_COLUMN, "exec").mockImplementation((name: string) => {
      seen.push(name);
      return exec.call(WANDB_RUN_COLUMN, name);
    });
    try {
      const result = csv(`Step,run-a - loss,run-a - loss__MIN,"${"x - ".repeat(5)}\ny - z"\n0,1,1,2\n1,0.5,0.5,2\n`);
      expect(result.runs.map((run) => [run.name, run.series.map((series) => series.tag)])).toEqual([["run-a", ["loss"]], ["m", [`${"x - ".repeat(5)}\ny - z`]]]);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual(["run-a - loss"]);
  });

  test("TensorBoard export names are matched from the first `run-` of the name only", () => {
    // Every `run-` was a new start that scanned the rest of the name again: a 60,000-character zip entry name took 1.3 s.
    const later = new RegExp(TENSORBOARD_EXPORT_NAME.source, `${TENSORBOARD_EXPORT_NAME.flags}y`);
    later.lastIndex = "run-a-".length;
    expect(later.exec("run-a-run-b-tag-c.csv")).toBeNull();
    expect(TENSORBOARD_EXPORT_NAME.exec("run-a-run-b-tag-c-tag-d.csv")?.slice(1)).toEqual(["a-run-b-tag-c", "d"]);
    expect(TENSORBOARD_EXPORT_NAME.exec("x\nRUN-a-TAG-b.CSV")?.slice(1)).toEqual(["a", "b"]);
    expect(TENSORBOARD_EXPORT_NAME.exec("run-a\n-tag-b.csv")).toBeNull();
  });

  test("W&B `_timestamp` becomes wall time (seconds)", () => {
    const result = csv("_step,_timestamp,loss\n0,1700000000.5,1\n1,1700000001.5,0.5\n");
    expect(Array.from(result.runs[0]?.series[0]?.wallTimes ?? [])).toEqual([1700000000.5, 1700000001.5]);
  });
});

describe("JSON edge cases", () => {
  const json = (text: string): IngestResult => parseJson({ path: "h.json", data: bytes(text) }, DEFAULT_INGEST_LIMITS);

  test("invalid JSON gives json-invalid with a line", () => {
    const result = json('{\n  "loss": [1, 2,\n  oops\n}');
    expect(codes(result)).toEqual(["json-invalid"]);
    expect(result.issues[0]?.location?.line).toBe(3);
  });

  test("valid JSON that is not a training log gives json-unrecognized", () => {
    expect(codes(json('{"name": "x", "tags": ["a"]}'))).toEqual(["json-unrecognized"]);
    expect(codes(json("[1, 2, 3]"))).toEqual(["json-unrecognized"]);
  });

  test("tfjs `{epoch: [...], history: {...}}` uses the epoch array as steps", () => {
    const result = json('{"epoch": [5, 6, 7], "history": {"loss": [1, 0.5, 0.25], "val_loss": [1.2, 0.7, 0.4]}}');
    expect(steps(result, "loss")).toEqual([5, 6, 7]);
  });

  test("Python NaN next to a 16 MB string: read in one pass; an unclosed string full of escaped quotes is json-invalid", () => {
    // The NaN replacement was a regular expression with one backtracking entry per character of a string
    // (8 MB overflowed its stack: a RangeError) that also rescanned an unclosed string from every escaped quote.
    const long = json(`{"loss": [NaN, 1.5, -Infinity], "note": "${"a".repeat(16 * 1024 * 1024)}"}`);
    expect(values(long, "loss")).toEqual([Number.NaN, 1.5, Number.NEGATIVE_INFINITY]);
    const unclosed = json(`[{"loss": NaN}, "${'\\"'.repeat(8 * 1024 * 1024)}`);
    expect(codes(unclosed)).toEqual(["json-invalid"]);
  });

  test("Python specials inside strings stay text; outside they are values", () => {
    const result = json('[{"step": 0, "loss": NaN, "note": "NaN \\" Infinity"}, {"step": 1, "loss": Infinity}, {"step": 2, "loss": -Infinity}]');
    expect(values(result, "loss")).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });

  test("records without a step field use the record order, with an issue", () => {
    const result = json('[{"loss": 1}, {"loss": 0.5}]');
    expect(steps(result, "loss")).toEqual([0, 1]);
    expect(codes(result)).toEqual(["no-step-field"]);
  });
});

describe("console edge cases", () => {
  const text = (value: string): IngestResult => parseConsole({ path: "c.log", data: bytes(value) }, DEFAULT_INGEST_LIMITS);

  test("metric lines without any counter give series by order, with a no-step-field issue", () => {
    const result = text("loss: 1.0\nloss: 0.5\n");
    expect(values(result, "loss")).toEqual([1, 0.5]);
    expect(codes(result)).toEqual(["no-step-field"]);
  });

  test("untyped numbers in prose are not invented into series", () => {
    expect(text("We trained 3 models for 10 hours on 8 GPUs.\nTotal params: 2,970\n").runs).toEqual([]);
  });

  test("no console pattern lets two space quantifiers meet across an optional token: each run of spaces has one place", () => {
    // The counter pattern's `\s*[:=#]?\s*\[?\s*` split every run of spaces three ways when no number followed
    // (cubic backtracking): a 10,000-character segment took 0.4 s, a 1 MB log of them over two minutes.
    const ambiguous = /\\s[*+](?:\[[^\]]*\]|\\?.)\?\\s[*+]/;
    const patterns = Object.entries(consolePatterns).filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);
    expect(patterns.map(([name]) => name)).toContain("COUNTER");
    for (const [name, pattern] of patterns) expect([name, ambiguous.test(pattern.source)]).toEqual([name, false]);
    const hostile = `epoch${" ".repeat(2000)}x, step: [${" ".repeat(2000)}y step 5`;
    expect(Array.from(hostile.matchAll(COUNTER), (match) => [match[1], match[2]])).toEqual([["step", "5"]]);
    expect(Array.from("Epoch [3/10] step = 7 iter:#8 batch [ 2 ]".matchAll(COUNTER), (match) => match.slice(1, 4))).toEqual([
      ["Epoch", "3", "10"],
      ["step", "7", undefined],
      ["batch", "2", undefined],
    ]);
  });

  test("`name at step N`: a name is tried only from the first letter of a word (one scan per word, not per character)", () => {
    // Every position inside a long word was a new start scanning to the word's end: a line of 9,000 letters took 0.1 s.
    const line = `${"x".repeat(40)}loss at step 3 = 0.5`;
    const sticky = new RegExp(METRIC_AT_COUNTER.source, `${METRIC_AT_COUNTER.flags}y`);
    for (let at = 1; at <= 44; at++) {
      sticky.lastIndex = at;
      expect(sticky.exec(line)).toBeNull();
    }
    expect(METRIC_AT_COUNTER.exec(line)?.slice(1)).toEqual([`${"x".repeat(40)}loss`, "step", "3", "0.5"]);
    expect(METRIC_AT_COUNTER.exec("9.5/val_loss at batch 2: tensor(0.7, device='cuda')")?.slice(1)).toEqual(["val_loss", "batch", "2", "0.7"]);
  });

  test("an ANSI OSC title ends at the next escape at the latest, so an unterminated one is not rescanned to the end of the line", () => {
    // Every `ESC ]` without a BEL scanned to the end of the line: a 16 MB line of them never finished.
    expect("\u001b]0;title\u0007step 1 \u001b[1mloss: 0.5\u001b[0m".replace(ANSI, "")).toBe("step 1 loss: 0.5");
    expect("\u001b]0;a\u001b[1mb\u0007".replace(ANSI, "")).toBe("\u001b]0;ab\u0007");
    // Titles ended by ST (ESC \\) and character-set selections (tput sgr0's ESC ( B) go too.
    expect("\u001b]0;train.py\u001b\\step 1 \u001b[1mloss\u001b(B\u001b[m: 0.5".replace(ANSI, "")).toBe("step 1 loss: 0.5");
    const result = text(`${"\u001b]".repeat(3000)}\u001b[32mstep 1 loss: 0.5\u001b[0m\nstep 2 loss: 0.4\n`);
    expect(values(result, "loss")).toEqual([0.5, 0.4]);
  });

  test("iteration counters with = and : separators", () => {
    const result = text("iter: 100 | loss=2.5 | lr=0.1\niter: 200 | loss=2.0 | lr=0.1\n");
    expect(steps(result, "loss")).toEqual([100, 200]);
    expect(result.runs[0]?.series.map((series) => series.role)).toEqual(["train-loss", "learning-rate"]);
  });
});

describe("ingestFiles", () => {
  test("empty files, binary files and LFS pointers give clear issues", () => {
    const result = ingestFiles([
      { path: "a.csv", data: new Uint8Array() },
      { path: "b.bin", data: Uint8Array.from([1, 0, 2, 0]) },
      { path: "c.csv", data: bytes("version https://git-lfs.github.com/spec/v1\noid sha256:1\nsize 9\n") },
    ]);
    expect(codes(result)).toEqual(["empty-file", "binary-file", "lfs-pointer"]);
    expect(result.issues.map((issue) => issue.location?.file)).toEqual(["a.csv", "b.bin", "c.csv"]);
  });

  test("size limits: a file over maxFileBytes and files past maxTotalBytes are skipped with issues", () => {
    const data = bytes("epoch,loss\n0,1\n1,0.5\n");
    const result = ingestFiles([{ path: "big.csv", data: bytes("x".repeat(100)) }, { path: "a.csv", data }, { path: "b.csv", data }], { limits: { maxFileBytes: 50, maxTotalBytes: data.length + 5 } });
    expect(codes(result)).toEqual(["file-too-large", "total-size-exceeded"]);
    expect(result.runs.map((run) => run.source.path)).toEqual(["a.csv"]);
  });

  test("MLflow metric files of one run directory become one run", () => {
    const result = ingestFiles([
      { path: "mlruns/0/abc/metrics/loss", data: bytes("1700000000000 1.0 0\n1700000001000 0.5 1\n") },
      { path: "mlruns/0/abc/metrics/val_loss", data: bytes("1700000000000 1.1 0\n1700000001000 0.7 1\n") },
    ]);
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]?.series.map((series) => [series.tag, series.role])).toEqual([["loss", "train-loss"], ["val_loss", "val-loss"]]);
    expect(result.runs[0]?.name).toBe("mlruns/0/abc");
  });

  test("MLflow params become hparams and the mlflow.runName tag names the run", () => {
    const result = ingestFiles([
      { path: "mlruns/0/abc/metrics/loss", data: bytes("1700000000000 1.0 0\n1700000001000 0.5 1\n") },
      { path: "mlruns/0/abc/params/lr", data: bytes("0.001") },
      { path: "mlruns/0/abc/params/optimizer", data: bytes("Adam") },
      { path: "mlruns/0/abc/params/shuffle", data: bytes("True") },
      { path: "mlruns/0/abc/tags/mlflow.runName", data: bytes("brave-owl-12\n") },
      { path: "mlruns/0/abc/tags/mlflow.user", data: bytes("me") },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]?.name).toBe("brave-owl-12");
    expect(result.runs[0]?.hparams).toEqual({ lr: 0.001, optimizer: "Adam", shuffle: true });
  });

  test("200,000 files: no spread past the argument limit, no scan of all files per run", () => {
    // An archive of archives holds that many; `push(...issues)` threw a RangeError past ~120,000, and each
    // MLflow or TensorBoard run looked its first file up with indexOf over all files (quadratic).
    const files: InputFile[] = Array.from({ length: 200_000 }, (_v, i) => ({ path: `empty/${i}.log`, data: new Uint8Array() }));
    const metric = bytes("1700000000000 0.5 0\n1700000001000 0.25 1\n");
    for (let i = 0; i < 2000; i++) files.push({ path: `mlruns/0/r${i}/metrics/loss`, data: metric });
    const indexOf = Array.prototype.indexOf;
    let scanned = 0;
    const spy = jest.spyOn(Array.prototype, "indexOf").mockImplementation(function (this: unknown[], item: unknown, from?: number): number {
      const found = indexOf.call(this, item, from);
      scanned += (found < 0 ? this.length : found + 1) - Math.max(0, from ?? 0);
      return found;
    });
    let result: IngestResult;
    try {
      result = ingestFiles(files);
    } finally {
      spy.mockRestore();
    }
    expect(scanned).toBeLessThan(files.length);
    expect(result.issues).toHaveLength(200_000);
    expect(result.runs.map((run) => run.name).slice(0, 2)).toEqual(["mlruns/0/r0", "mlruns/0/r1"]);
    expect(result.runs).toHaveLength(2000);
  });

  test("run names: generic file names get their directory", () => {
    expect(runName("runs/exp2/results.csv")).toBe("exp2/results");
    expect(runName("my_run.csv")).toBe("my_run");
    expect(runName("a.zip!logs/history.json")).toBe("logs/history");
  });
});

describe("docs/ingest.md", () => {
  test("documents every ingest issue code with an anchor", () => {
    const doc = readFileSync(resolve(REPO_ROOT, "docs/ingest.md"), "utf8");
    for (const code of [...Object.keys(INGEST_ISSUES), "series-point-limit"]) expect(doc).toContain(`<a id="${code}"></a>\`${code}\``);
  });
});
