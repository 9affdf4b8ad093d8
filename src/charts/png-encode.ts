/**
 * A small PNG writer for resvg's RGBA pixels: resvg-js's own `asPng()` uses a slow compression
 * setting (about half of the rasterisation time of a 2× chart). Chart images are mostly flat colour,
 * so filter type 0 ("none") with a fast deflate level is ~2.5× faster for ~10–15 % more bytes.
 */
import { crc32, deflate, deflateSync } from "node:zlib";
import { promisify } from "node:util";

/** Defaults of {@link encodePng}. */
export const PNG_ENCODE_DEFAULTS = {
  /** zlib level: 3 takes ~11 ms for a 1536 × 818 chart (resvg: ~26 ms); level 4 is smaller but twice as slow (docs/benchmarks/charts.md). */
  level: 3,
} as const;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** IHDR: 8 bits per channel, colour type 6 (RGBA), deflate, adaptive filtering, no interlace. */
const BIT_DEPTH = 8;
const COLOUR_RGBA = 6;
const CHANNELS = 4;
const deflateAsync = promisify(deflate);

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row-major, straight (non-premultiplied) alpha. */
  pixels: Uint8Array;
}

/** Encodes RGBA pixels as a PNG (synchronously). */
export function encodePng(image: RgbaImage, level: number = PNG_ENCODE_DEFAULTS.level): Uint8Array {
  return assemble(image, deflateSync(scanlines(image), { level }));
}

/** {@link encodePng} with the compression on libuv's thread pool. */
export async function encodePngAsync(image: RgbaImage, level: number = PNG_ENCODE_DEFAULTS.level): Promise<Uint8Array> {
  return assemble(image, await deflateAsync(scanlines(image), { level }));
}

/** The filtered image data: each row prefixed with filter type 0. */
function scanlines({ width, height, pixels }: RgbaImage): Buffer {
  const stride = width * CHANNELS;
  if (pixels.length !== stride * height) throw new Error(`encodePng: ${pixels.length} bytes for ${width}×${height} RGBA`);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return raw;
}

function assemble({ width, height }: RgbaImage, idat: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = BIT_DEPTH;
  header[9] = COLOUR_RGBA;
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
