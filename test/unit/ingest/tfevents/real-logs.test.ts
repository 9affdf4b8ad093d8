import { describe, expect, test } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { IngestResult } from "../../../../src/ingest/types.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import { codes, LIMITS, parseOne } from "./support.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const SHARED = resolve(repoRoot, "../shared");
const FIXTURES = join(SHARED, "fixtures/real-logs/tfevents");
const GOLDEN = join(repoRoot, "test/golden/ingest/tfevents");
const describeIfShared = existsSync(FIXTURES)
  ? describe
  : (name: string, _fn: () => void) => describe(name, () => test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false)));

const round = (v: number): number | string => (Number.isFinite(v) ? Number(v.toPrecision(6)) : String(v));

/** The golden summary: what `inspect` shows per series, plus hparams and issue codes. */
function summarize(result: IngestResult): unknown {
  return {
    runs: result.runs.map((run) => ({
      name: run.name,
      framework: run.framework,
      hparams: run.hparams,
      series: run.series.map((s) => {
        const finite = Array.from(s.values).filter(Number.isFinite);
        return {
          tag: s.tag,
          role: s.role,
          direction: s.direction,
          stepUnit: s.stepUnit,
          points: s.values.length,
          firstStep: s.steps[0] ?? null,
          lastStep: s.steps[s.steps.length - 1] ?? null,
          min: finite.length > 0 ? round(Math.min(...finite)) : null,
          max: finite.length > 0 ? round(Math.max(...finite)) : null,
          nan: Array.from(s.values).filter(Number.isNaN).length,
          wallTimes: s.wallTimes !== undefined,
        };
      }),
    })),
    issues: result.issues.map((i) => ({ code: i.code, severity: i.severity, byteOffset: i.location?.byteOffset ?? null })),
  };
}

function checkGolden(name: string, actual: unknown): void {
  const path = join(GOLDEN, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`missing golden ${path}; run with UPDATE_GOLDEN=1`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
}

const read = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

describeIfShared("parseTfEvents over every real tfevents fixture (goldens)", () => {
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.includes("tfevents")).sort() : [];

  test("the fixture folder has the 14 documented files", () => {
    expect(files.length).toBe(14);
  });

  test.each(files)("parseTfEvents(%s) matches its golden summary", (name) => {
    checkGolden(name, summarize(parseOne(read(name), `tfevents/${name}`)));
  });

  test("fast mode reads the same series as full-CRC mode on every fixture", () => {
    for (const name of files) {
      const full = summarize(parseOne(read(name), `tfevents/${name}`, true));
      expect(summarize(parseOne(read(name), `tfevents/${name}`, false))).toEqual(full);
    }
  });

  test("ShapeAXI hparams-only file: tfevents-hparams-only, hparams kept, no training scalar", () => {
    const name = files.find((f) => f.startsWith("ShapeAXI"))!;
    const result = parseOne(read(name), `lightning_logs/version_0/${name}`);
    expect(codes(result)).toEqual(["tfevents-hparams-only"]);
    expect(result.runs[0]?.series.map((s) => s.tag)).toEqual(["hp_metric"]);
    expect(Object.keys(result.runs[0]?.hparams ?? {}).length).toBeGreaterThan(10);
  });

  test("DEEPCNNCLASSIFIER empty-validation file: only the version record → tfevents-empty-file", () => {
    const name = files.find((f) => f.includes("empty-validation"))!;
    const result = parseOne(read(name), `tb/validation/${name}`);
    expect(result.runs).toEqual([]);
    expect(codes(result)).toEqual(["tfevents-empty-file"]);
    expect(result.issues[0]?.message).toContain("brain.Event:2");
  });

  test("mintomics: the truncated last record is an info issue at byte 4066", () => {
    const name = files.find((f) => f.startsWith("mintomics"))!;
    const result = parseOne(read(name), `tfevents/${name}`);
    expect(result.issues.map((i) => [i.code, i.severity, i.location?.byteOffset])).toEqual([["tfevents-truncated-record", "info", 4066]]);
  });

  test("DEEPCNNCLASSIFIER train + validation files as one Keras run: prefixed tags, train and val roles", () => {
    const train = files.find((f) => f.startsWith("DEEPCNNCLASSIFIER__train"))!;
    const val = files.find((f) => f.startsWith("DEEPCNNCLASSIFIER__validation"))!;
    const result = parseTfEvents(
      [{ path: `tb/${val}`, data: read(val) }, { path: `tb/${train}`, data: read(train) }],
      { limits: LIMITS, verifyDataCrc: true },
    );
    const roles = Object.fromEntries(result.runs[0]!.series.map((s) => [s.tag, s.role]));
    expect(roles).toMatchObject({ "train/epoch_loss": "train-loss", "validation/epoch_loss": "val-loss", "validation/epoch_accuracy": "val-metric" });
    expect(result.runs[0]?.framework).toBe("tensorflow");
  });
});
