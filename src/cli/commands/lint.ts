import { parseArgs } from "node:util";
import { usageOnBadArgs } from "../args.js";
import { isAtLeast, type Severity } from "../../domain/severity.js";
import { lintSources } from "../../config-lint/lint.js";
import { LINT_RULE_IDS } from "../../config-lint/rules/registry.js";
import { readLintSources } from "../../config-lint/read-sources.js";
import { renderLintJson, renderLintText } from "../../config-lint/render.js";
import { toSarif } from "../../config-lint/sarif.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand } from "../io.js";

const VERSION = "0.1.0";

const HELP = `Usage: loss-doctor lint <path...> [options]

Check training scripts (.py), notebooks (.ipynb) and hyperparameter files (.yaml/.yml/.json/.toml)
for unstable settings. Directories are walked for training configs.

Options:
  --format text|json|sarif   Output format (default: text)
  --fail-on error|warning|never
                             Exit 1 when a finding at or above this severity exists (default: error)
  --disable <rule-id>        Turn a rule off (repeatable)
  -h, --help                 Show this help

Rules: ${LINT_RULE_IDS.join(", ")}
Exit codes: 0 ok, 1 findings at/above --fail-on, 2 usage error.
`;

interface LintArgs {
  paths: string[];
  format: "text" | "json" | "sarif";
  failOn: Severity | "never";
  disabled: string[];
  help: boolean;
}

function parseLintArgs(argv: string[]): LintArgs {
  const parsed = usageOnBadArgs(() =>
    parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          format: { type: "string", default: "text" },
          "fail-on": { type: "string", default: "error" },
          disable: { type: "string", multiple: true, default: [] },
          help: { type: "boolean", short: "h", default: false },
        },
      }),
  );
  const { format, disable, help } = parsed.values;
  const failOn = parsed.values["fail-on"];
  if (format !== "text" && format !== "json" && format !== "sarif") throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  if (failOn !== "error" && failOn !== "warning" && failOn !== "info" && failOn !== "never") throw new UsageError(`--fail-on must be error, warning or never (got '${failOn}')`);
  const unknown = disable.filter((id) => !LINT_RULE_IDS.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule id '${unknown[0]}' (known: ${LINT_RULE_IDS.join(", ")})`);
  if (!help && parsed.positionals.length === 0) throw new UsageError("expected at least one path (file or directory)");
  return { paths: parsed.positionals, format, failOn, disabled: disable, help };
}

/** `loss-doctor lint <path...> [--format text|json|sarif] [--fail-on error|warning|never]`. */
export const lintCommand: CliCommand = async (argv, io) => {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const read = await readLintSources(args.paths, io.cwd);
  if (read.missing.length > 0) throw new UsageError(`cannot read ${read.missing.map((p) => `'${p}'`).join(", ")}`);
  const result = await lintSources(read.files, { disabled: args.disabled });
  result.issues.unshift(...read.issues);
  if (args.format === "json") io.stdout(`${JSON.stringify(renderLintJson(result, read.files.length), null, 2)}\n`);
  else if (args.format === "sarif") io.stdout(`${JSON.stringify(toSarif(result, VERSION), null, 2)}\n`);
  else io.stdout(renderLintText(result, read.files.length, { color: io.isTty }));
  const failOn = args.failOn;
  const failing = failOn !== "never" && result.findings.some((f) => isAtLeast(f.severity, failOn));
  return failing ? EXIT_FINDINGS : EXIT_OK;
};
