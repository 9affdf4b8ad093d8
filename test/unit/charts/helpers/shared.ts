import { existsSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { SHARED } from "./golden.js";

/** `describe` when ../shared (real-log fixtures) exists; otherwise one test that says why it was skipped. */
export const describeIfShared: (name: string, fn: () => void) => void = existsSync(SHARED)
  ? describe
  : (name) => describe(name, () => test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false)));
