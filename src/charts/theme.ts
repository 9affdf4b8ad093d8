import type { Config } from "vega-lite";
import type { Severity } from "../domain/severity.js";

/** Colour scheme of a chart. `light` suits GitHub's light mode and print; `dark` GitHub's dark mode. */
export type ChartTheme = "light" | "dark";

/** Colours a spec builder needs besides the vega-lite config. */
export interface ThemePalette {
  background: string;
  foreground: string;
  /** Muted text and rules (labels of annotations, learning-rate line). */
  muted: string;
  grid: string;
  /** Categorical colours for series, in order; pairs of train/val share a hue family. */
  series: readonly string[];
  /** Annotation colours by finding severity. */
  severity: Readonly<Record<Severity, string>>;
}

/** The font bundled with the PNG renderer (dejavu-fonts-ttf); browsers fall back to sans-serif. */
export const CHART_FONT = "DejaVu Sans, sans-serif";

/** Tableau-10 order, which stays distinguishable for the common colour-vision deficiencies. */
const LIGHT: ThemePalette = {
  background: "#ffffff",
  foreground: "#1f2328",
  muted: "#656d76",
  grid: "#e6e8eb",
  series: ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#bab0ac"],
  severity: { error: "#cf222e", warning: "#bf8700", info: "#0969da" },
};

const DARK: ThemePalette = {
  background: "#0d1117",
  foreground: "#e6edf3",
  muted: "#8d96a0",
  grid: "#30363d",
  series: ["#79b8ff", "#ffab70", "#85e89d", "#f97583", "#9ecbff", "#d2a8ff", "#ffdf5d", "#c9a27e", "#ffb3ba", "#bab0ac"],
  severity: { error: "#ff7b72", warning: "#d29922", info: "#58a6ff" },
};

/** Palette of a theme. */
export function themePalette(theme: ChartTheme): ThemePalette {
  return theme === "dark" ? DARK : LIGHT;
}

/** vega-lite `config` for a theme: fonts, colours, grid; no chart-specific settings. */
export function themeConfig(theme: ChartTheme): Config {
  const p = themePalette(theme);
  const axis = {
    domainColor: p.muted,
    gridColor: p.grid,
    tickColor: p.muted,
    labelColor: p.foreground,
    titleColor: p.foreground,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal" as const,
  };
  return {
    font: CHART_FONT,
    background: p.background,
    view: { stroke: p.grid },
    title: { color: p.foreground, fontSize: 15, subtitleColor: p.muted, subtitleFontSize: 11, anchor: "start" },
    axis,
    legend: { labelColor: p.foreground, titleColor: p.foreground, labelFontSize: 11, titleFontSize: 11, labelLimit: 320, symbolOpacity: 1, symbolStrokeWidth: 2.5 },
    text: { color: p.foreground },
  };
}

/** Returns `spec` with its `config` replaced by the theme's (other keys untouched). */
export function applyTheme<T extends { config?: Config }>(spec: T, theme: ChartTheme): T {
  return { ...spec, config: themeConfig(theme) };
}
