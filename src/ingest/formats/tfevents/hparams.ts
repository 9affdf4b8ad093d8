import type { HparamValue } from "../../../domain/run.js";
import { WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT, type WireReader } from "./wire-reader.js";

const SESSION_START_INFO = (3 << 3) + WIRE_BYTES;
const HPARAMS_ENTRY = (1 << 3) + WIRE_BYTES;
const ENTRY_KEY = (1 << 3) + WIRE_BYTES;
const ENTRY_VALUE = (2 << 3) + WIRE_BYTES;
const NUMBER_VALUE = (2 << 3) + WIRE_FIXED64;
const STRING_VALUE = (3 << 3) + WIRE_BYTES;
const BOOL_VALUE = (4 << 3) + WIRE_VARINT;

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Runs `body` with the reader limited to `[r.pos, end)`, then continues after `end`. */
function within(r: WireReader, end: number, body: () => void): void {
  const saved = r.end;
  r.end = end;
  body();
  r.end = saved;
  r.pos = end;
}

/** Reads a `google.protobuf.Value`; null, struct and list values are not scalar hparams. */
function readValue(r: WireReader): HparamValue | undefined {
  let value: HparamValue | undefined;
  while (r.more()) {
    const key = r.key();
    if (key === NUMBER_VALUE) value = r.double();
    else if (key === BOOL_VALUE) value = r.varint() !== 0;
    else if (key === STRING_VALUE) {
      const end = r.delimited();
      value = utf8.decode(r.buf.subarray(r.pos, end));
      r.pos = end;
    } else r.skip(key & 7);
  }
  return value;
}

function readEntry(r: WireReader, out: Record<string, HparamValue>): void {
  let name: string | undefined;
  let value: HparamValue | undefined;
  while (r.more()) {
    const key = r.key();
    if (key === ENTRY_KEY) {
      const end = r.delimited();
      name = utf8.decode(r.buf.subarray(r.pos, end));
      r.pos = end;
    } else if (key === ENTRY_VALUE) {
      within(r, r.delimited(), () => (value = readValue(r)));
    } else r.skip(key & 7);
  }
  if (name !== undefined && value !== undefined && !r.failed) out[name] = value;
}

/**
 * Reads the hparams from a serialized `HParamsPluginData` (the hparams plugin's `content`) spanning
 * `r.pos..r.end`: `session_start_info.hparams`, a map of `google.protobuf.Value`. Experiment and
 * session-end payloads carry no values and yield an empty object.
 */
export function readHparamsPluginData(r: WireReader): Record<string, HparamValue> {
  const out: Record<string, HparamValue> = {};
  while (r.more()) {
    const key = r.key();
    if (key !== SESSION_START_INFO) {
      r.skip(key & 7);
      continue;
    }
    within(r, r.delimited(), () => {
      while (r.more()) {
        const k = r.key();
        if (k === HPARAMS_ENTRY) within(r, r.delimited(), () => readEntry(r, out));
        else r.skip(k & 7);
      }
    });
  }
  return out;
}
