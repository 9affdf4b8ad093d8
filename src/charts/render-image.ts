/**
 * Rendering edge: vega-lite spec → vega → SVG (headless, renderer "none", no node-canvas) → PNG with
 * resvg and the bundled DejaVu fonts (no system fonts: text renders the same on every machine).
 * See docs/adr/0002-render-vega-on-the-server.md and docs/benchmarks/charts.md (what each step costs).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { CompileCache } from "./compile-cache.js";
import { encodePng, encodePngAsync } from "./png-encode.js";
import { applyTheme, themePalette, type ChartTheme } from "./theme.js";

const require = createRequire(import.meta.url);

/** Fonts handed to resvg: regular for labels, bold for titles. */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;
const FONT_FAMILY = "DejaVu Sans";
/** Pixel ratio of PNGs when no width is asked for: crisp on high-DPI screens. */
export const DEFAULT_PNG_SCALE = 2;

let fontFiles: string[] | null = null;
/** One per process: charts of the same shape compile once (see compile-cache.ts). */
const compiled = new CompileCache();

/** Absolute paths of the bundled TTF files (resolved once per process). */
export function bundledFontFiles(): string[] {
  if (fontFiles === null) {
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fontFiles = FONT_FILES.map((file) => join(dir, file));
  }
  return [...fontFiles];
}

export interface SvgOptions {
  /**
   * Keep vega-lite's ARIA descriptions (one formatted text per data point, ~40 % of the vega run on
   * large charts). Default: true (an SVG file stays accessible); PNG rendering turns it off since a
   * raster image cannot carry them.
   */
  accessible?: boolean;
}

/** Compiles a vega-lite spec and renders it to an SVG string (no browser, no canvas). */
export async function renderSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  const vgSpec = compiled.compile(spec, options.accessible === false ? { aria: false } : {});
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Output width in pixels (the height follows the aspect ratio). Wins over `scale` and `height`. */
  width?: number;
  /** Output height in pixels, when no width is given. */
  height?: number;
  /** Pixel ratio when neither width nor height is given. Default: 2. */
  scale?: number;
  /** Re-theme the spec before rendering (replaces its `config`); default: keep the spec's own theme. */
  theme?: ChartTheme;
}

/** Renders a vega-lite spec to PNG bytes (rasterised off the main thread). */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const themed = options.theme === undefined ? spec : applyTheme(spec, options.theme);
  const svg = await renderSvg(themed, { accessible: false });
  return svgToPngAsync(svg, options);
}

/**
 * Renders several specs to PNG: the vega steps run one after the other (single-threaded), each
 * rasterisation starts as soon as its SVG is ready and runs on libuv's thread pool, so it overlaps
 * with the next chart's vega work. Same bytes as {@link renderPng}, in the order of `specs`.
 */
export async function renderPngs(specs: readonly TopLevelSpec[], options: PngOptions = {}): Promise<Uint8Array[]> {
  const pending: Promise<Uint8Array>[] = [];
  for (const spec of specs) {
    const themed = options.theme === undefined ? spec : applyTheme(spec, options.theme);
    pending.push(svgToPngAsync(await renderSvg(themed, { accessible: false }), options));
  }
  return Promise.all(pending);
}

/** Rasterises an SVG with the bundled fonts; the background is the theme's (vega draws it too), so every pixel is opaque. */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const image = new Resvg(svg, resvgOptions(options)).render();
  return encodePng({ width: image.width, height: image.height, pixels: image.pixels });
}

/** {@link svgToPng} on libuv's thread pool (does not block the event loop; overlaps with other work). */
export async function svgToPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const image = await renderAsync(svg, resvgOptions(options));
  return encodePngAsync({ width: image.width, height: image.height, pixels: image.pixels });
}

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, fontFiles: bundledFontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: fitOf(options),
    background: themePalette(options.theme ?? "light").background,
  };
}

function fitOf(options: PngOptions): { mode: "width"; value: number } | { mode: "height"; value: number } | { mode: "zoom"; value: number } {
  if (options.width !== undefined) return { mode: "width", value: Math.round(options.width) };
  if (options.height !== undefined) return { mode: "height", value: Math.round(options.height) };
  return { mode: "zoom", value: options.scale ?? DEFAULT_PNG_SCALE };
}
