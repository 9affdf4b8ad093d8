import { describe, expect, test } from "@jest/globals";
import { addedFileFromPatch, contentsFromPatches } from "../../../src/github/collect/patch-content.js";
import { divergingCsv } from "./helpers/logs.js";

/** GitHub's diff of a newly added file. */
function addedPatch(text: string): string {
  const finalNewline = text.endsWith("\n");
  const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
  return [`@@ -0,0 +1${lines.length === 1 ? "" : `,${lines.length}`} @@`, ...lines.map((l) => `+${l}`), ...(finalNewline ? [] : ["\\ No newline at end of file"])].join("\n");
}

describe("addedFileFromPatch", () => {
  test("rebuilds an added file exactly, with or without a final newline", () => {
    const csv = divergingCsv();
    expect(addedFileFromPatch(addedPatch(csv))).toBe(csv);
    expect(addedFileFromPatch(addedPatch("epoch,loss\n0,1.5"))).toBe("epoch,loss\n0,1.5");
    expect(addedFileFromPatch(addedPatch("one line\n"))).toBe("one line\n");
    expect(addedFileFromPatch(`${addedPatch("a\nb\n")}\n`)).toBe("a\nb\n");
  });

  test("refuses anything it cannot trust: truncated, modified, empty or other hunk shapes", () => {
    expect(addedFileFromPatch("@@ -0,0 +1,31 @@")).toBeNull(); // GitHub left the lines out
    expect(addedFileFromPatch("@@ -0,0 +1,3 @@\n+a\n+b")).toBeNull();
    expect(addedFileFromPatch("@@ -1,2 +1,2 @@\n-a\n+b\n c")).toBeNull();
    expect(addedFileFromPatch("@@ -0,0 +1,2 @@\n+a\n b")).toBeNull();
    expect(addedFileFromPatch("@@ -0,0 +0,0 @@")).toBeNull();
    expect(addedFileFromPatch("@@ -0,0 +1 @@\n+bad \uFFFD byte")).toBeNull();
  });

  test("contentsFromPatches keeps only added files with a complete patch within the size limit", () => {
    const files = [
      { path: "a.csv", status: "added", patch: addedPatch("x,y\n1,2\n") },
      { path: "b.csv", status: "modified", patch: addedPatch("x,y\n") },
      { path: "c.csv", status: "added" },
      { path: "d.csv", status: "added", patch: addedPatch(`${"z".repeat(100)}\n`) },
    ];
    const known = contentsFromPatches(files, 50);
    expect([...known.keys()]).toEqual(["a.csv"]);
    expect(new TextDecoder().decode(known.get("a.csv"))).toBe("x,y\n1,2\n");
  });
});
