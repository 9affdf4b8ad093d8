import { describe, expect, test } from "@jest/globals";
import { tfeventsRunKey } from "../../../src/ingest/group-files.js";
import { splitOfFile, tagsNameTheirSplit } from "../../../src/ingest/formats/tfevents/run-layout.js";
import { isSplitName, SPLIT_NAMES } from "../../../src/ingest/split-names.js";

describe("split names: one list for directories, file prefixes, tag prefixes and add_scalars keys", () => {
  test("every split name, in any case, is a split; other words are not", () => {
    for (const name of SPLIT_NAMES) expect([isSplitName(name), isSplitName(name.toUpperCase())]).toEqual([true, true]);
    for (const word of ["trainer", "validate", "lr", "valloss", ""]) expect(isSplitName(word)).toBe(false);
  });

  test("split directories of every name fold into their parent run; the split is read from the directory", () => {
    for (const split of ["train", "training", "valid", "validation"]) {
      expect(tfeventsRunKey(`logs/exp1/${split}/events.out.tfevents.1.host`)).toBe("logs/exp1/");
      expect(splitOfFile(`logs/exp1/${split}/events.out.tfevents.1.host`)).toBe(split);
    }
    expect(tfeventsRunKey("logs/exp1/lr0.1/events.out.tfevents.1.host")).toBe("logs/exp1/lr0.1/");
  });

  test("a split word ending a file-name prefix is ignored in the run key and names the split", () => {
    expect(tfeventsRunKey("runs/a_valid_events.out.tfevents.1.h")).toBe(tfeventsRunKey("runs/a_training_events.out.tfevents.1.h"));
    expect(splitOfFile("runs/a_valid_events.out.tfevents.1.h")).toBe("valid");
  });

  test("tags that start with a split word name their split", () => {
    expect(tagsNameTheirSplit(["training/loss"])).toBe(true);
    expect(tagsNameTheirSplit(["Loss/train"])).toBe(false);
  });
});
