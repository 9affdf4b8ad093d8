import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { assertReadable, loadRunConfig, usageOnBadArgs } from "../args.js";
import { diagnoseIngested, type DiagnoseReport } from "../../diagnose/diagnose.js";
import { SEVERITY_RANK, type Severity } from "../../domain/severity.js";
import { ingestPaths } from "../../ingest/read-paths.js";
import { renderMarkdownReport } from "../../report/render-markdown.js";
import { toDiagnoseJson } from "../../report/render-json.js";
import { renderTextReport } from "../../report/render-text.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CliIo } from "../io.js";

const HELP = `Usage: loss-doctor diagnose <path...> [options]

Diagnose loss curves in training logs (CSV, JSON, tfevents, console logs, zips, directories),
rank the likely causes and print concrete fixes.

Options:
  --config <file>        YAML or JSON training config (optimizer, lr, batch_size, ...)
  --hparam <key=value>   A config fact, repeatable (e.g. --hparam optimizer=adam --hparam lr=1)
  --format <fmt>         text (default), json or markdown
  --fail-on <level>      Exit 1 when a finding is at least: error (default), warning, never
  --no-color             Plain text even on a terminal
  -h, --help             Show this help

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage error.
`;

type Format = "text" | "json" | "markdown";
type FailOn = Severity | "never";
const FORMATS: readonly Format[] = ["text", "json", "markdown"];
const FAIL_ON: readonly FailOn[] = ["error", "warning", "info", "never"];

interface DiagnoseArgs { paths: string[]; configPath?: string; hparams: string[]; format: Format; failOn: FailOn; color: boolean; help: boolean }

function parseDiagnoseArgs(argv: string[], io: CliIo): DiagnoseArgs {
  const parsed = usageOnBadArgs(() =>
    parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          config: { type: "string" }, hparam: { type: "string", multiple: true }, format: { type: "string", default: "text" },
          "fail-on": { type: "string", default: "error" }, "no-color": { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false },
        },
      }),
  );
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got '${values.format}')`);
  const failOn = values["fail-on"] as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of error, warning, never (got '${values["fail-on"]}')`);
  const sameCwd = resolve(io.cwd) === process.cwd();
  const args: DiagnoseArgs = { paths: positionals.map((p) => (sameCwd ? p : resolve(io.cwd, p))), hparams: values.hparam ?? [], format, failOn, color: io.isTty && !values["no-color"], help: values.help };
  if (values.config !== undefined) args.configPath = resolve(io.cwd, values.config);
  return args;
}

/** Exit code for a report: EXIT_FINDINGS when a finding reaches `failOn`. */
export function exitCodeFor(report: DiagnoseReport, failOn: FailOn): number {
  if (failOn === "never") return EXIT_OK;
  const hit = report.runs.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]));
  return hit ? EXIT_FINDINGS : EXIT_OK;
}

function render(report: DiagnoseReport, args: DiagnoseArgs): string {
  if (args.format === "json") return `${JSON.stringify(toDiagnoseJson(report), null, 2)}\n`;
  if (args.format === "markdown") return renderMarkdownReport(report);
  return renderTextReport(report, { color: args.color, width: 100 });
}

/** `loss-doctor diagnose <path...>`: ingest, diagnose, render; exit 1 on findings at or above --fail-on. */
export const diagnoseCommand: CliCommand = async (argv, io) => {
  const args = parseDiagnoseArgs(argv, io);
  if (args.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (args.paths.length === 0) throw new UsageError("no input: give at least one log file, directory or zip (see --help)");
  await assertReadable(args.paths);
  const { config, issues } = await loadRunConfig(args.configPath, args.hparams);
  const ingested = await ingestPaths(args.paths);
  const report = diagnoseIngested({ runs: ingested.runs, issues: [...issues, ...ingested.issues] }, { config });
  io.stdout(render(report, args));
  return exitCodeFor(report, args.failOn);
};
