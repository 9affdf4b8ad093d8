/**
 * vega-lite → vega compilation, cached by chart shape: the inline data strings (the CSV tables of the
 * curve charts) are swapped for placeholders before compiling, so a chart that differs only in its
 * data (the next round of a benchmark, the same run re-rendered in another theme or size, a re-run
 * of a CI job) reuses the compiled vega spec and only gets its data put back. vega-lite never reads
 * inline values while compiling: it copies them into the vega `data` entry as they are.
 */
import type { Spec as VgSpec } from "vega";
import { compile, type Config, type TopLevelSpec } from "vega-lite";

/** Defaults of {@link CompileCache}. */
export const COMPILE_CACHE_DEFAULTS = {
  /** Compiled shapes kept (least recently used dropped first); a shape costs ~10–40 KB. */
  maxEntries: 16,
  /** Inline string data at least this long is taken out of the cache key (shorter stays in it). */
  minDataChars: 256,
} as const;

/** Marks a taken-out data string; NUL never occurs in the project's CSV or JSON text. */
const PLACEHOLDER = "\u0000inline-data:";

export class CompileCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly maxEntries: number = COMPILE_CACHE_DEFAULTS.maxEntries) {}

  /** Number of compiled shapes held. */
  get size(): number {
    return this.entries.size;
  }

  /** The vega spec of `spec` compiled with `config` (as vega-lite's `compile(spec, { config })`). */
  compile(spec: TopLevelSpec, config: Config = {}): VgSpec {
    const data: string[] = [];
    const skeleton = JSON.stringify(spec, (key, value: unknown) => {
      if (key !== "values" || typeof value !== "string" || value.length < COMPILE_CACHE_DEFAULTS.minDataChars) return value;
      data.push(value);
      return `${PLACEHOLDER}${data.length - 1}`;
    });
    const key = `${JSON.stringify(config)}\n${skeleton}`;
    const compiled = this.entries.get(key) ?? JSON.stringify(compile(JSON.parse(skeleton) as TopLevelSpec, { config }).spec);
    this.entries.delete(key);
    this.entries.set(key, compiled);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return JSON.parse(compiled, (_, value: unknown) => (typeof value === "string" && value.startsWith(PLACEHOLDER) ? data[Number(value.slice(PLACEHOLDER.length))] : value)) as VgSpec;
  }
}
