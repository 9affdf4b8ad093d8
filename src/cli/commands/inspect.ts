import { EXIT_USAGE, type CliCommand } from "../io.js";

/** Placeholder until the inspect module lands: says so and exits with the usage code. */
export const inspectCommand: CliCommand = async (_argv, io) => {
  io.stderr("loss-doctor inspect: not available in this build yet\n");
  return EXIT_USAGE;
};
