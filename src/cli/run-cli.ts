import { EXIT_USAGE, UsageError, type CliCommand, type CliIo } from "./io.js";

const USAGE = `Usage: loss-doctor <command> [options]

Commands:
  inspect <path...>    Read training logs and list their series, hparams and issues
  diagnose <path...>   Diagnose loss curves and recommend fixes
  lint <path...>       Check training configs and scripts for unstable settings
  chart <path...>      Render charts of the diagnosis (png, svg, vega-lite, html)
  repro plan|run       Plan or run reproduction experiments that test the fixes

Run 'loss-doctor <command> --help' for the options of one command.
`;

/** Loads a command lazily so `loss-doctor inspect` does not pay for tfjs or vega start-up. */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  inspect: async () => (await import("./commands/inspect.js")).inspectCommand,
  diagnose: async () => (await import("./commands/diagnose.js")).diagnoseCommand,
  lint: async () => (await import("./commands/lint.js")).lintCommand,
  chart: async () => (await import("./commands/chart.js")).chartCommand,
  repro: async () => (await import("./commands/repro.js")).reproCommand,
};

/** Dispatches `argv` (without node and script) to a command and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version") {
    io.stdout("loss-doctor 0.1.0\n");
    return 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr(`loss-doctor: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`loss-doctor ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
