import { EXIT_USAGE, type CliCommand } from "../io.js";

/** Placeholder until the diagnose module lands: says so and exits with the usage code. */
export const diagnoseCommand: CliCommand = async (_argv, io) => {
  io.stderr("loss-doctor diagnose: not available in this build yet\n");
  return EXIT_USAGE;
};
