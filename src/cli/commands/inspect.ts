import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { usageOnBadArgs } from "../args.js";
import { ingestPaths } from "../../ingest/read-paths.js";
import { toInspectJson, type InspectJson } from "../../ingest/summarize.js";
import type { FormatHint } from "../../ingest/types.js";
import { EXIT_OK, UsageError, type CliCommand } from "../io.js";
import { renderInspectText } from "../../ingest/render-inspect-text.js";

const FORMATS: readonly FormatHint[] = ["auto", "tfevents", "csv", "json", "text"];

export const INSPECT_USAGE = `Usage: loss-doctor inspect <path...> [--format auto|tfevents|csv|json|text] [--json] [--no-verify-crc]

Reads training logs (TensorBoard event files, CSV, JSON, console output, directories, zip archives)
and lists each run's series (tag, role, points, first/last step, min/max, NaN count), hparams and issues.

Options:
  --format <f>       Force a format family instead of detecting it (default: auto)
  --json             Print JSON (schema: schema/inspect.schema.json)
  --no-verify-crc    Fast mode for event files: check record lengths only, not data CRCs
  -h, --help         Show this help
`;

interface InspectArgs {
  paths: string[];
  format: FormatHint;
  json: boolean;
  verifyDataCrc: boolean;
}

function parseInspectArgs(argv: string[], cwd: string): InspectArgs | "help" {
  const parsed = usageOnBadArgs(() =>
    parseArgs({
        args: argv,
        allowPositionals: true,
        options: { format: { type: "string" }, json: { type: "boolean" }, "no-verify-crc": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      }),
  );
  if (parsed.values.help) return "help";
  const format = (parsed.values.format ?? "auto") as FormatHint;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${String(parsed.values.format)}' (expected ${FORMATS.join("|")})`);
  if (parsed.positionals.length === 0) throw new UsageError("no paths given\n\n" + INSPECT_USAGE);
  const paths = parsed.positionals.map((path) => resolve(cwd, path));
  parsed.positionals.forEach((path, index) => {
    if (!existsSync(paths[index] ?? path)) throw new UsageError(`path does not exist: ${path}`);
  });
  return { paths: parsed.positionals, format, json: parsed.values.json ?? false, verifyDataCrc: !(parsed.values["no-verify-crc"] ?? false) };
}

/** `loss-doctor inspect`: exit 0 when the inputs were read (even with issues), 2 on usage errors. */
export const inspectCommand: CliCommand = async (argv, io) => {
  const args = parseInspectArgs(argv, io.cwd);
  if (args === "help") {
    io.stdout(INSPECT_USAGE);
    return EXIT_OK;
  }
  const absolute = args.paths.map((path) => resolve(io.cwd, path));
  const result = await ingestPaths(absolute, { format: args.format, verifyDataCrc: args.verifyDataCrc });
  const summary = relativize(toInspectJson(result), io.cwd);
  io.stdout(args.json ? `${JSON.stringify(summary, null, 2)}\n` : renderInspectText(summary, { color: io.isTty }));
  return EXIT_OK;
};

/** Paths as the user knows them: absolute paths become relative to the working directory. */
function relativize(summary: InspectJson, cwd: string): InspectJson {
  const show = (path: string): string => {
    if (!isAbsolute(path)) return path;
    const bang = path.indexOf("!");
    const outer = bang < 0 ? path : path.slice(0, bang);
    return `${relative(cwd, outer) || "."}${bang < 0 ? "" : path.slice(bang)}`;
  };
  return {
    runs: summary.runs.map((run) => ({
      ...run,
      name: show(run.name),
      source: { ...run.source, path: show(run.source.path), files: run.source.files.map(show) },
    })),
    issues: summary.issues.map((issue) => (issue.location?.file === undefined ? issue : { ...issue, location: { ...issue.location, file: show(issue.location.file) }, message: issue.message.replaceAll(issue.location.file, show(issue.location.file)) })),
  };
}
