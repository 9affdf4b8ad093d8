/**
 * Source of the data-CRC worker (run with `new Worker(source, { eval: true })`, so it works the same
 * under tsx, jest and the compiled `dist/`, where a `.ts` worker file could not be loaded).
 *
 * Plain JavaScript, self-contained: a slicing-by-8 CRC-32C (same polynomial and TFRecord mask as
 * `crc32c.ts`) and a TFRecord framing state machine that mirrors `TfRecordDecoder`: 12-byte header
 * (length + masked length CRC), payload, 4-byte masked payload CRC. Each message is one chunk
 * (`ArrayBuffer`) of the file, in order; the reply lists the absolute byte offsets of the records
 * COMPLETED in that chunk whose data CRC is bad. A bad length CRC or an oversized length stops the
 * framing (the main-thread decoder stops there too, so later verdicts would never be asked for).
 * `workerData.maxRecordBytes` is the decoder's limit.
 */
export const CRC_WORKER_SOURCE = String.raw`
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const T = new Int32Array(2048);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  T[n] = c;
}
for (let n = 0; n < 256; n++) {
  let c = T[n];
  for (let s = 1; s < 8; s++) { c = T[c & 0xff] ^ (c >>> 8); T[s * 256 + n] = c; }
}
function crc32c(d, i, end, crc) {
  let c = ~crc;
  for (const stop = end - 7; i < stop; i += 8) {
    const a = c ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24));
    c = T[1792 + (a & 0xff)] ^ T[1536 + ((a >>> 8) & 0xff)] ^ T[1280 + ((a >>> 16) & 0xff)] ^ T[1024 + (a >>> 24)] ^
      T[768 + d[i + 4]] ^ T[512 + d[i + 5]] ^ T[256 + d[i + 6]] ^ T[d[i + 7]];
  }
  for (; i < end; i++) c = T[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
function mask(crc) { return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0; }
function u32(b, p) { return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0; }
const maxRecordBytes = workerData.maxRecordBytes;
const head = new Uint8Array(12);
const foot = new Uint8Array(4);
let phase = 0, have = 0, remaining = 0, crc = 0, recordStart = 0, offset = 0, stopped = false;
function header(b, p) {
  const length = u32(b, p + 4) * 4294967296 + u32(b, p);
  if (mask(crc32c(b, p, p + 8, 0)) !== u32(b, p + 8) || length > maxRecordBytes) { stopped = true; return; }
  phase = 1; remaining = length; crc = 0; have = 0;
}
function footer(b, p, bad) {
  if (mask(crc) !== u32(b, p)) bad.push(recordStart);
  phase = 0; have = 0;
}
function partial(buf, chunk, i, n) {
  const take = Math.min(buf.length - have, n - i);
  buf.set(chunk.subarray(i, i + take), have);
  have += take;
  return i + take;
}
function step(chunk, i, n, bad) {
  if (phase === 0) {
    if (have === 0) recordStart = offset + i;
    if (have === 0 && i + 12 <= n) { header(chunk, i); return i + 12; }
    i = partial(head, chunk, i, n);
    if (have === 12) header(head, 0);
    return i;
  }
  if (phase === 1) {
    const take = Math.min(remaining, n - i);
    crc = crc32c(chunk, i, i + take, crc);
    remaining -= take;
    if (remaining === 0) { phase = 2; have = 0; }
    return i + take;
  }
  if (have === 0 && i + 4 <= n) { footer(chunk, i, bad); return i + 4; }
  i = partial(foot, chunk, i, n);
  if (have === 4) footer(foot, 0, bad);
  return i;
}
parentPort.on("message", (buffer) => {
  const chunk = new Uint8Array(buffer);
  const n = chunk.length;
  const bad = [];
  let i = 0;
  while (!stopped && i < n) i = step(chunk, i, n, bad);
  offset += n;
  parentPort.postMessage(bad);
});
`;
