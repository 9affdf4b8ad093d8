import { describe, expect, test } from "@jest/globals";
import { crc32 } from "node:zlib";
import { encodePng, encodePngAsync } from "../../../src/charts/png-encode.js";
import { decodePng, hasPngSignature } from "./helpers/png.js";

/** A 7 × 5 RGBA gradient with a transparent column: every byte differs from its neighbours. */
function gradient(width = 7, height = 5): { width: number; height: number; pixels: Uint8Array } {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      pixels.set([(x * 37) & 255, (y * 51) & 255, (x * y * 13) & 255, x === 3 ? 0 : 255], o);
    }
  }
  return { width, height, pixels };
}

/** Chunk types in order, checking each chunk's CRC on the way. */
function chunks(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = view.getUint32(offset);
    const body = bytes.subarray(offset + 4, offset + 8 + length);
    expect(view.getUint32(offset + 8 + length)).toBe(crc32(body));
    types.push(String.fromCharCode(...body.subarray(0, 4)));
    offset += 12 + length;
  }
  return types;
}

describe("encodePng", () => {
  test("writes a valid RGBA PNG whose pixels decode back exactly", () => {
    const image = gradient();
    const bytes = encodePng(image);
    expect(hasPngSignature(bytes)).toBe(true);
    expect(chunks(bytes)).toEqual(["IHDR", "IDAT", "IEND"]);
    const decoded = decodePng(bytes);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([7, 5, 4]);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(image.pixels))).toBe(true);
  });

  test("the async variant writes the same bytes; the level only changes the size", async () => {
    const image = gradient(64, 48);
    expect(Buffer.from(await encodePngAsync(image)).equals(Buffer.from(encodePng(image)))).toBe(true);
    expect(Buffer.from(decodePng(encodePng(image, 9)).pixels).equals(Buffer.from(image.pixels))).toBe(true);
  });

  test("rejects pixel buffers that do not match the size", () => {
    expect(() => encodePng({ width: 3, height: 3, pixels: new Uint8Array(35) })).toThrow("35 bytes for 3×3 RGBA");
  });
});
