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

export { mulberry32 } from "../../../../src/domain/random.js";

