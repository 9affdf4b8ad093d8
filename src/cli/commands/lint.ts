import { EXIT_USAGE, type CliCommand } from "../io.js";

/** Placeholder until the lint module lands: says so and exits with the usage code. */
export const lintCommand: CliCommand = async (_argv, io) => {
  io.stderr("loss-doctor lint: not available in this build yet\n");
  return EXIT_USAGE;
};
