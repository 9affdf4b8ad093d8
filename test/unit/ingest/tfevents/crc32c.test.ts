import { describe, expect, test } from "@jest/globals";
import { crc32c, crc32c8, maskCrc, maskedCrc32c, unmaskCrc } from "../../../../src/ingest/formats/tfevents/crc32c.js";

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("crc32c (RFC 3720 B.4 vectors)", () => {
  test("32 bytes of zeros → 0x8a9136aa", () => {
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
  });
  test("32 bytes of 0xff → 0x62a8ab43", () => {
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
  });
  test("ascending 0..31 → 0x46dd794e", () => {
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
  });
  test("descending 31..0 → 0x113fdb5c", () => {
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))).toBe(0x113fdb5c);
  });
  test('"123456789" → 0xe3069283 (check value)', () => {
    expect(crc32c(ascii("123456789"))).toBe(0xe3069283);
  });
  test("empty input → 0", () => {
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });
  test("sub-ranges and continuation agree with the whole (every split point, odd lengths)", () => {
    const data = Uint8Array.from({ length: 77 }, (_, i) => (i * 37 + 11) & 0xff);
    const whole = crc32c(data);
    for (let cut = 0; cut <= data.length; cut++) {
      expect(crc32c(data, cut, data.length, crc32c(data, 0, cut))).toBe(whole);
    }
    const padded = new Uint8Array(80);
    padded.set(data, 3);
    expect(crc32c(padded, 3, 80)).toBe(whole);
  });
});

describe("TFRecord masking", () => {
  test("masked CRC32C of 1A 11 + 'CRC test, one two' is 0x5794d08a (TensorBoard masked_crc.rs)", () => {
    const bytes = new Uint8Array([0x1a, 0x11, ...ascii("CRC test, one two")]);
    expect(maskedCrc32c(bytes)).toBe(0x5794d08a);
  });
  test("mask is ((crc >>> 15) | (crc << 17)) + 0xa282ead8 mod 2^32 and unmask inverts it", () => {
    for (const crc of [0, 1, 0x8a9136aa, 0xffffffff, 0x80000000, 0x12345678]) {
      const expected = ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) % 2 ** 32;
      expect(maskCrc(crc)).toBe(expected);
      expect(unmaskCrc(maskCrc(crc))).toBe(crc);
    }
  });
});

describe("crc32c8 (unrolled length-field CRC)", () => {
  test("equals crc32c over the same 8 bytes at any offset", () => {
    const data = Uint8Array.from({ length: 40 }, (_, i) => (i * 113 + 7) & 0xff);
    for (let pos = 0; pos + 8 <= data.length; pos++) expect(crc32c8(new DataView(data.buffer, data.byteOffset, data.byteLength), pos)).toBe(crc32c(data, pos, pos + 8));
  });
});
