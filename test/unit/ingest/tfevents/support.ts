import { DEFAULT_INGEST_LIMITS, type IngestLimits, type IngestResult } from "../../../../src/ingest/types.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import type { Series } from "../../../../src/domain/series.js";

export const LIMITS: IngestLimits = { ...DEFAULT_INGEST_LIMITS };

/** Parses one in-memory file with full CRC checks unless told otherwise. */
export function parseOne(data: Uint8Array, path = "run/events.out.tfevents.1.host", verifyDataCrc = true, limits: Partial<IngestLimits> = {}): IngestResult {
  return parseTfEvents([{ path, data }], { limits: { ...LIMITS, ...limits }, verifyDataCrc });
}

export function seriesOf(result: IngestResult, tag: string): Series {
  const s = result.runs[0]?.series.find((x) => x.tag === tag);
  if (s === undefined) throw new Error(`no series ${tag} in ${JSON.stringify(result.runs[0]?.series.map((x) => x.tag))}`);
  return s;
}

export function codes(result: IngestResult): string[] {
  return result.issues.map((i) => i.code);
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
