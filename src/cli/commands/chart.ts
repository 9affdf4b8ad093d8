import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { usageOnBadArgs } from "../args.js";
import { buildRunCharts, type ChartSpec } from "../../charts/build-charts.js";
import { loadHtmlAssets } from "../../charts/load-html-assets.js";
import { renderHtmlPage } from "../../charts/render-html.js";
import { renderPng, renderSvg } from "../../charts/render-image.js";
import { slugify } from "../../charts/specs/series-groups.js";
import type { ChartTheme } from "../../charts/theme.js";
import { detectFindings } from "../../diagnose/detect.js";
import { ingestPaths } from "../../ingest/read-paths.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from "../io.js";

/** Output formats: `vl` = the vega-lite JSON spec, `html` = one interactive offline page per run. */
export type ChartFormat = "png" | "svg" | "vl" | "html";
const FORMATS: readonly ChartFormat[] = ["png", "svg", "vl", "html"];
const THEMES: readonly ChartTheme[] = ["light", "dark"];
const EXTENSIONS: Readonly<Record<ChartFormat, string>> = { png: "png", svg: "svg", vl: "vl.json", html: "html" };

export const CHART_USAGE = `Usage: loss-doctor chart <path...> [--out DIR] [--format png|svg|vl|html] [--theme light|dark] [--width PX]

Reads training logs, diagnoses them and writes one chart file per chart (loss curves with the findings
drawn on them, metrics, learning rate) into DIR: <run>-<chart>.<ext>. With --format html, writes one
standalone page per run (works offline; hover for values, drag/scroll to pan and zoom).

Options:
  --out <dir>        Output directory, created if missing (default: loss-doctor-charts)
  --format <f>       png (default), svg, vl (vega-lite JSON spec) or html
  --theme <t>        light (default) or dark
  --width <px>       PNG width in pixels (default: 2x the chart size)
  -h, --help         Show this help
`;

interface ChartArgs {
  paths: string[];
  out: string;
  format: ChartFormat;
  theme: ChartTheme;
  width?: number;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${flag} '${value}' (expected ${allowed.join("|")})`);
  return value as T;
}

function parseChartArgs(argv: string[], cwd: string): ChartArgs | "help" {
  const parsed = usageOnBadArgs(() =>
    parseArgs({
        args: argv,
        allowPositionals: true,
        options: { out: { type: "string" }, format: { type: "string" }, theme: { type: "string" }, width: { type: "string" }, help: { type: "boolean", short: "h" } },
      }),
  );
  const v = parsed.values;
  if (v.help) return "help";
  if (parsed.positionals.length === 0) throw new UsageError(`no paths given\n\n${CHART_USAGE}`);
  for (const path of parsed.positionals) if (!existsSync(resolve(cwd, path))) throw new UsageError(`path does not exist: ${path}`);
  const width = v.width === undefined ? undefined : Number(v.width);
  if (width !== undefined && !(Number.isInteger(width) && width >= 100 && width <= 8000)) throw new UsageError(`--width must be an integer between 100 and 8000, got '${String(v.width)}'`);
  return {
    paths: parsed.positionals.map((path) => resolve(cwd, path)),
    out: resolve(cwd, v.out ?? "loss-doctor-charts"),
    format: oneOf(v.format, FORMATS, "png", "--format"),
    theme: oneOf(v.theme, THEMES, "light", "--theme"),
    ...(width === undefined ? {} : { width }),
  };
}

/** Longest file stem taken from a run name or path (file systems cap names at 255 bytes). */
const MAX_STEM = 80;

/**
 * File stems per run: the run name, or — when several runs share a name (`seed10/metrics` in two
 * scenario folders) — the last three segments of its source path; `-2`, `-3` if still equal.
 */
function uniqueStems(runs: { name: string; source: { path: string } }[]): string[] {
  const byName = new Map<string, number>();
  for (const run of runs) byName.set(slugify(run.name), (byName.get(slugify(run.name)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const named = slugify(run.name);
    const base = ((byName.get(named) ?? 0) > 1 ? slugify(run.source.path.split(/[\\/]/).slice(-3).join("-")) : named).slice(0, MAX_STEM);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

async function writeChart(chart: ChartSpec, file: string, args: ChartArgs): Promise<void> {
  if (args.format === "vl") return writeFile(file, `${JSON.stringify(chart.spec, null, 2)}\n`);
  if (args.format === "svg") return writeFile(file, await renderSvg(chart.spec));
  return writeFile(file, await renderPng(chart.spec, args.width === undefined ? { theme: args.theme } : { width: args.width, theme: args.theme }));
}

/** `loss-doctor chart`: exit 0 when charts were written, 2 on usage errors or when no run was found. */
export const chartCommand: CliCommand = async (argv, io) => {
  const args = parseChartArgs(argv, io.cwd);
  if (args === "help") {
    io.stdout(CHART_USAGE);
    return EXIT_OK;
  }
  const result = await ingestPaths(args.paths);
  for (const issue of result.issues) io.stderr(`${issue.severity}: ${issue.message}${issue.location?.file ? ` (${issue.location.file})` : ""}\n`);
  if (result.runs.length === 0) {
    io.stderr("loss-doctor chart: no training runs found in the given paths\n");
    return EXIT_USAGE;
  }
  await mkdir(args.out, { recursive: true });
  const stems = uniqueStems(result.runs);
  const written: string[] = [];
  const assets = args.format === "html" ? await loadHtmlAssets() : null;
  for (const [index, run] of result.runs.entries()) {
    const charts = buildRunCharts(run, detectFindings(run), { theme: args.theme, interactive: args.format === "html" });
    const stem = stems[index] ?? `run-${index + 1}`;
    if (charts.length === 0) {
      io.stderr(`loss-doctor chart: run '${run.name}' has no series to chart\n`);
      continue;
    }
    if (assets !== null) {
      const file = join(args.out, `${stem}.html`);
      await writeFile(file, renderHtmlPage(charts, assets, { title: `Loss Doctor — ${run.name}`, theme: args.theme }));
      written.push(file);
      continue;
    }
    for (const chart of charts) {
      const file = join(args.out, `${stem}-${chart.id.slice(0, MAX_STEM)}.${EXTENSIONS[args.format]}`);
      await writeChart(chart, file, args);
      written.push(file);
    }
  }
  reportWritten(io, written);
  return EXIT_OK;
};

function reportWritten(io: CliIo, files: string[]): void {
  io.stdout(`wrote ${files.length} file${files.length === 1 ? "" : "s"}:\n`);
  for (const file of files) {
    const shown = relative(io.cwd, file);
    io.stdout(`  ${shown === "" || shown.startsWith("..") ? file : shown}\n`);
  }
}
