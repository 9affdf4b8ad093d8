/** What a CLI command may touch, injected so commands are testable without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stdout is a terminal (colours, progress bars). */
  isTty: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** A finding at or above `--fail-on` exists. */
export const EXIT_FINDINGS = 1;
/** Usage error: unknown flag, missing argument, unreadable path. */
export const EXIT_USAGE = 2;

/** A command: parses its own argv (after the command name) and returns the exit code. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Thrown by argument parsing; the dispatcher prints the message and exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Process-backed IO for the real binary. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTty: Boolean(process.stdout.isTTY),
  };
}
