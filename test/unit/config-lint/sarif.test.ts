import { describe, expect, test } from "@jest/globals";
import { lintSources } from "../../../src/config-lint/lint.js";
import { LINT_RULE_IDS } from "../../../src/config-lint/rules/registry.js";
import { toSarif } from "../../../src/config-lint/sarif.js";

interface SarifLike {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; fixes?: unknown[] }[];
  }[];
}

describe("toSarif", () => {
  test("toSarif(result) is a SARIF 2.1.0 log with every rule, helpUri anchors and located results", async () => {
    const result = await lintSources([{ path: "./src/train.py", text: "import torch\nopt = torch.optim.Adam(model.parameters(), lr=0.5)\n" }]);
    const sarif = toSarif(result, "0.1.0") as SarifLike;
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...LINT_RULE_IDS]);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`docs/diagnostics/lint-rules\\.md#${rule.id}$`));
    const first = run.results[0]!;
    expect(first.ruleId).toBe("lr-out-of-range");
    expect(run.tool.driver.rules[first.ruleIndex]?.id).toBe("lr-out-of-range");
    expect(first.level).toBe("error");
    expect(first.locations[0]?.physicalLocation.artifactLocation.uri).toBe("src/train.py");
    expect(first.locations[0]?.physicalLocation.region.startLine).toBe(2);
    expect(first.fixes).toHaveLength(1);
  });

  test("info findings map to SARIF level note", async () => {
    const result = await lintSources([{ path: "c.yaml", text: "lr_scheduler_type: constant\nlearning_rate: 2.0e-5\nper_device_train_batch_size: 16\n" }]);
    const sarif = toSarif(result, "0.1.0") as SarifLike;
    expect(sarif.runs[0]!.results.map((r) => `${r.ruleId}:${r.level}`)).toEqual(["no-lr-schedule:note"]);
  });
});
