import { EXIT_USAGE, type CliCommand } from "../io.js";

/** Placeholder until the repro module lands: says so and exits with the usage code. */
export const reproCommand: CliCommand = async (_argv, io) => {
  io.stderr("loss-doctor repro: not available in this build yet\n");
  return EXIT_USAGE;
};
