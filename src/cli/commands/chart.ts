import { EXIT_USAGE, type CliCommand } from "../io.js";

/** Placeholder until the chart module lands: says so and exits with the usage code. */
export const chartCommand: CliCommand = async (_argv, io) => {
  io.stderr("loss-doctor chart: not available in this build yet\n");
  return EXIT_USAGE;
};
