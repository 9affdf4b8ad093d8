/**
 * Rendering edge: vega-lite spec → vega → SVG (headless, renderer "none", no node-canvas) → PNG with
 * resvg and the bundled DejaVu fonts (no system fonts: text renders the same on every machine).
 * See docs/adr/0002-render-vega-on-the-server.md.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { applyTheme, themePalette, type ChartTheme } from "./theme.js";

const require = createRequire(import.meta.url);

/** Fonts handed to resvg: regular for labels, bold for titles. */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;
const FONT_FAMILY = "DejaVu Sans";
/** Pixel ratio of PNGs when no width is asked for: crisp on high-DPI screens. */
export const DEFAULT_PNG_SCALE = 2;

/** Absolute paths of the bundled TTF files. */
export function bundledFontFiles(): string[] {
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return FONT_FILES.map((file) => join(dir, file));
}

/** Compiles a vega-lite spec and renders it to an SVG string (no browser, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vgSpec } = compile(spec);
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

/** Renders a vega-lite spec to PNG bytes. */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const themed = options.theme === undefined ? spec : applyTheme(spec, options.theme);
  const svg = await renderSvg(themed);
  return svgToPng(svg, options);
}

/** Rasterises an SVG with the bundled fonts; the background is the theme's (vega draws it too). */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: bundledFontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: fitOf(options),
    background: themePalette(options.theme ?? "light").background,
  });
  return new Uint8Array(resvg.render().asPng());
}

function fitOf(options: PngOptions): { mode: "width"; value: number } | { mode: "height"; value: number } | { mode: "zoom"; value: number } {
  if (options.width !== undefined) return { mode: "width", value: Math.round(options.width) };
  if (options.height !== undefined) return { mode: "height", value: Math.round(options.height) };
  return { mode: "zoom", value: options.scale ?? DEFAULT_PNG_SCALE };
}
