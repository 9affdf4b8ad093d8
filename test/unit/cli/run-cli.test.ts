import { describe, expect, test } from "@jest/globals";
import { runCli } from "../../../src/cli/run-cli.js";
import type { CliIo } from "../../../src/cli/io.js";

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), isTty: false };
}

describe("runCli", () => {
  test("runCli([]) prints usage and exits 2", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.out.join("")).toContain("Usage: loss-doctor");
  });

  test("runCli(['nope']) reports the unknown command and exits 2", async () => {
    const io = memoryIo();
    expect(await runCli(["nope"], io)).toBe(2);
    expect(io.err.join("")).toContain("unknown command 'nope'");
  });
});
