import { inflateSync } from "node:zlib";

/** A decoded 8-bit RGBA or RGB PNG (what resvg writes): enough for smoke tests. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Decodes a non-interlaced 8-bit PNG (colour type 2 or 6); throws on anything else. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth} colour ${colour}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return { width, height, channels, pixels: unfilter(raw, width, height, channels) };
}

function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[dst + x - bpp]! : 0;
      const b = y > 0 ? out[dst - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[dst - stride + x - bpp]! : 0;
      const v = raw[src + x]!;
      let p = v;
      if (filter === 1) p = v + a;
      else if (filter === 2) p = v + b;
      else if (filter === 3) p = v + ((a + b) >> 1);
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[dst + x] = p & 0xff;
    }
  }
  return out;
}

/** Pixels in a rectangle that differ from `background` (RGB) by more than `tolerance` per channel sum. */
export function countInk(png: DecodedPng, rect: { x: number; y: number; w: number; h: number }, background: [number, number, number], tolerance = 60): number {
  let count = 0;
  for (let y = rect.y; y < Math.min(png.height, rect.y + rect.h); y++) {
    for (let x = rect.x; x < Math.min(png.width, rect.x + rect.w); x++) {
      const i = (y * png.width + x) * png.channels;
      const d = Math.abs(png.pixels[i]! - background[0]) + Math.abs(png.pixels[i + 1]! - background[1]) + Math.abs(png.pixels[i + 2]! - background[2]);
      if (d > tolerance) count++;
    }
  }
  return count;
}
