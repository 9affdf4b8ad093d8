import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { assertReadable, loadRunConfig, usageOnBadArgs } from "../args.js";
import { diagnoseIngested } from "../../diagnose/diagnose.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { ingestPaths } from "../../ingest/read-paths.js";
import { renderReproSummary } from "../../repro/analysis/render-summary.js";
import { toReproResultJson } from "../../repro/analysis/to-result-json.js";
import { ExperimentPlanSchema, type ExperimentPlan } from "../../repro/plan/experiment.schema.js";
import { planExperiment, type PlanOptions } from "../../repro/plan/plan-experiment.js";
import type { ArmRun, ProgressEvent } from "../../repro/types.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from "../io.js";

const HELP = `Usage: loss-doctor repro plan <log...> [options]
       loss-doctor repro run <plan.json> [options]

Plan and run small TensorFlow.js reproduction experiments: the suspicious configuration (baseline)
against each proposed fix, with several seeds, and a verdict per fix.

repro plan options:
  --config <file>         YAML or JSON training config (optimizer, lr, batch_size, ...)
  --hparam <key=value>    A config fact, repeatable (e.g. --hparam optimizer=adam --hparam lr=1)
  --run <name>            Plan for this run of the logs (default: the first)
  --input-shape <a,b,c>   Input shape of your model without the batch axis (default 16)
  --classes <n>           Number of classes (default: from the config, else 4)
  --seeds <a,b,c>         Seeds (default 1,2,3)
  --max-arms <n>          Interventions besides the baseline (default 3)
  --out <file>            Write the plan here (default: stdout)

repro run options:
  --backend <name>        auto (default), cpu, wasm, tfjs-node or tfjs-node-gpu
  --out <file>            Write the result JSON here
  --time-budget <ms>      Override the plan's time budget
  --chart <file>          Also write the comparison chart: .svg, .png or .vl.json (vega-lite spec)
  --data-dir <dir>        Where the plan's CSV/NPY dataset paths are relative to (default: the plan's folder)
  --quiet                 No progress bar
  -h, --help              Show this help

Exit codes: 0 ok, 2 usage error (bad plan, unknown backend, unreadable file).
`;

interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

function parse(argv: string[]): Parsed {
  return usageOnBadArgs(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: "string" }, hparam: { type: "string", multiple: true }, run: { type: "string" }, "input-shape": { type: "string" },
        classes: { type: "string" }, seeds: { type: "string" }, "max-arms": { type: "string" }, out: { type: "string" }, backend: { type: "string" },
        "time-budget": { type: "string" }, "data-dir": { type: "string" }, chart: { type: "string" }, quiet: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false },
      },
    }),
  );
}

function intList(text: string | undefined, flag: string): number[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(",").map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 0)) throw new UsageError(`${flag} takes comma-separated non-negative integers (got '${text}')`);
  return values;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

async function buildConfig(values: Parsed["values"], cwd: string): Promise<TrainingConfig> {
  const configPath = str(values["config"]);
  const hparams = (values["hparam"] as string[] | undefined) ?? [];
  return (await loadRunConfig(configPath === undefined ? undefined : resolve(cwd, configPath), hparams)).config;
}

function planOptions(values: Parsed["values"], runName: string): PlanOptions {
  const options: PlanOptions = { name: runName };
  const inputShape = intList(str(values["input-shape"]), "--input-shape");
  const classes = intList(str(values["classes"]), "--classes")?.[0];
  const seeds = intList(str(values["seeds"]), "--seeds");
  const maxArms = intList(str(values["max-arms"]), "--max-arms")?.[0];
  if (inputShape !== undefined) options.inputShape = inputShape;
  if (classes !== undefined) options.numClasses = classes;
  if (seeds !== undefined) options.seeds = seeds;
  if (maxArms !== undefined) options.maxInterventions = maxArms;
  return options;
}

async function writeOut(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFile(resolve(io.cwd, out), text);
}

async function planCommand(args: Parsed, io: CliIo): Promise<number> {
  const paths = args.positionals.map((p) => resolve(io.cwd, p));
  if (paths.length === 0) throw new UsageError("repro plan: give at least one training log (see --help)");
  await assertReadable(paths);
  const config = await buildConfig(args.values, io.cwd);
  const report = diagnoseIngested(await ingestPaths(paths), { config });
  const wanted = str(args.values["run"]);
  const diagnosis = wanted === undefined ? report.runs[0] : report.runs.find((r) => r.run.name === wanted);
  if (diagnosis === undefined) throw new UsageError(wanted === undefined ? "no training run found in the given logs" : `no run named '${wanted}' (runs: ${report.runs.map((r) => r.run.name).join(", ")})`);
  const plan = planExperiment(diagnosis, planOptions(args.values, diagnosis.run.name));
  plan.source.run = diagnosis.run.name;
  await writeOut(io, str(args.values["out"]), `${JSON.stringify(plan, null, 2)}\n`);
  const out = str(args.values["out"]);
  if (plan.arms.length === 1) io.stderr(`No testable cause in the diagnosis of ${diagnosis.run.name}: the plan has only a baseline, so there is nothing to confirm.\n`);
  else if (out !== undefined) io.stderr(`Planned ${plan.arms.length} arms × ${plan.seeds.length} seeds for ${diagnosis.run.name}: ${plan.arms.map((a) => a.id).join(", ")} → ${out}\n`);
  return EXIT_OK;
}

async function readPlan(path: string): Promise<ExperimentPlan> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read plan '${path}': ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ExperimentPlanSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`invalid plan '${path}': ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const BAR_WIDTH = 24;

/** A one-line progress bar on stderr (TTY only): runs done, current arm/seed/epoch and loss. */
function progressPrinter(io: CliIo, enabled: boolean): (event: ProgressEvent) => void {
  let done = 0;
  let total = 1;
  return (event) => {
    if (!enabled) return;
    if (event.type === "run-start") total = event.total;
    if (event.type === "run-end") done = event.index + 1;
    if (event.type !== "epoch") return;
    const filled = Math.round((done / total) * BAR_WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
    io.stderr(`\r${bar} ${done}/${total}  ${event.arm} seed ${event.seed} epoch ${event.epoch}/${event.epochs} loss ${event.loss.toPrecision(3)}   `);
  };
}

/** Writes the repro chart; the format follows the file extension. */
async function writeChart(path: string, runs: ArmRun[]): Promise<void> {
  const { buildExperimentChart } = await import("../../repro/analysis/chart.js");
  const { spec } = buildExperimentChart(runs);
  if (path.endsWith(".svg") || path.endsWith(".png")) {
    const { renderPng, renderSvg } = await import("../../charts/render-image.js");
    await writeFile(path, path.endsWith(".svg") ? await renderSvg(spec) : await renderPng(spec));
  } else {
    await writeFile(path, `${JSON.stringify(spec, null, 2)}\n`);
  }
}

const BACKENDS = ["auto", "cpu", "wasm", "tfjs-node", "tfjs-node-gpu"] as const;

async function runCommand(args: Parsed, io: CliIo): Promise<number> {
  const [planPath] = args.positionals;
  if (planPath === undefined) throw new UsageError("repro run: give the plan file (see --help)");
  const backend = str(args.values["backend"]) ?? "auto";
  if (!(BACKENDS as readonly string[]).includes(backend)) throw new UsageError(`--backend must be one of ${BACKENDS.join(", ")} (got '${backend}')`);
  const absolute = resolve(io.cwd, planPath);
  const plan = await readPlan(absolute);
  const budget = intList(str(args.values["time-budget"]), "--time-budget")?.[0];
  if (budget !== undefined) plan.budget.timeMs = Math.max(1, budget);
  const { runExperiment } = await import("../../repro/runner/run-experiment.js");
  const { BackendUnavailableError } = await import("../../repro/runner/select-backend.js");
  const progress = progressPrinter(io, io.isTty && args.values["quiet"] !== true);
  let result;
  try {
    result = await runExperiment(plan, { backend: backend as (typeof BACKENDS)[number], onProgress: progress, baseDir: resolve(io.cwd, str(args.values["data-dir"]) ?? dirname(absolute)) });
  } catch (error) {
    if (error instanceof BackendUnavailableError) throw new UsageError(error.message);
    throw error;
  }
  if (io.isTty && args.values["quiet"] !== true) io.stderr("\r\x1b[K");
  const out = str(args.values["out"]);
  if (out !== undefined) await writeFile(resolve(io.cwd, out), `${JSON.stringify(toReproResultJson(result), null, 2)}\n`);
  const chart = str(args.values["chart"]);
  if (chart !== undefined) await writeChart(resolve(io.cwd, chart), result.runs);
  io.stdout(renderReproSummary(result, { name: plan.name, backend: result.backend.backend, seeds: plan.seeds.length, durationMs: result.durationMs, assumptions: plan.source.assumptions, notes: result.notes, skippedBackends: result.backend.skipped, incomplete: result.runs.filter((r) => r.status !== "completed") }));
  return EXIT_OK;
}

/** `loss-doctor repro plan|run`: plan experiments from logs, run a plan and print verdicts. */
export const reproCommand: CliCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  const args = parse(rest);
  if (sub === undefined || sub === "--help" || sub === "-h" || args.values["help"] === true) {
    io.stdout(HELP);
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (sub === "plan") return planCommand(args, io);
  if (sub === "run") return runCommand(args, io);
  throw new UsageError(`unknown subcommand '${sub}': use 'repro plan' or 'repro run' (see --help)`);
};
