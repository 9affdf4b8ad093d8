import { describe, expect, test } from "@jest/globals";
import type { DiagnoseReport, RunDiagnosis } from "../../../src/diagnose/diagnose.js";
import { diagnoseRun } from "../../../src/diagnose/diagnose.js";
import { renderMarkdownReport } from "../../../src/report/render-markdown.js";
import { jsonNumber, toDiagnoseJson } from "../../../src/report/render-json.js";
import { renderTextReport } from "../../../src/report/render-text.js";
import { sparkline } from "../../../src/report/sparkline.js";
import { verdictOf } from "../../../src/report/verdict.js";
import { explodeThenDeadRun, finding, plainRun } from "../diagnose/causes/fixtures.js";

function sickDiagnosis(): RunDiagnosis {
  return diagnoseRun(explodeThenDeadRun(), { config: { optimizer: "adam", lr: 1, batchSize: 32 } });
}

function report(...runs: RunDiagnosis[]): DiagnoseReport {
  return { runs, issues: [{ code: "csv-bad-row", severity: "warning", message: "row 7 has 3 fields, expected 4", location: { file: "m.csv", line: 7 } }] };
}

describe("sparkline", () => {
  test("maps values to eight block heights, buckets long series and marks non-finite buckets", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8).line).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline(Array.from({ length: 1000 }, (_, i) => i), 10).line).toHaveLength(10);
    expect(sparkline([1, Number.NaN, 3], 3).line).toBe("▁×█");
    expect(sparkline([1000, 1, 1, 1], 4)).toEqual({ line: "█▁▁▁", logScale: true });
    expect(sparkline([2, 2, 2], 3).line).toBe("▄▄▄");
  });
});

describe("verdictOf", () => {
  test("a run with a divergence error reads as an error with its most likely cause", () => {
    const verdict = verdictOf(sickDiagnosis());
    expect(verdict.status).toBe("error");
    expect(verdict.headline).toMatch(/most likely: Learning rate too high \(99%\)/);
  });

  test("a run without problem findings is healthy", () => {
    const d: RunDiagnosis = { run: plainRun(), config: {}, findings: [finding("val-below-train", {}, { severity: "info" })], causes: [], recommendations: [] };
    expect(verdictOf(d)).toEqual({ status: "healthy", headline: "Healthy: no problems found (1 note)." });
  });
});

describe("renderTextReport", () => {
  test("shows the verdict, sparklines, findings, causes with evidence, and fixes with code (PyTorch first for unknown frameworks)", () => {
    const text = renderTextReport(report(sickDiagnosis()));
    expect(text).toContain("✖ ERROR");
    expect(text).toMatch(/loss +█▁+/);
    expect(text).toContain("Likely causes");
    expect(text).toContain("1. Learning rate too high [lr-too-high]");
    expect(text).toContain("+ Adam lr=1 is 333× the usual upper end 0.003");
    expect(text).toContain("1. lr: 1 → 0.001");
    expect(text.indexOf("PyTorch:")).toBeLessThan(text.indexOf("Keras:"));
    expect(text).toContain("csv-bad-row: row 7 has 3 fields, expected 4 (m.csv:7)");
    expect(text).not.toContain("\u001b[");
  });

  test("colours with ANSI codes only when asked", () => {
    expect(renderTextReport(report(sickDiagnosis()), { color: true })).toContain("\u001b[31m✖ ERROR\u001b[0m");
  });
});

describe("renderMarkdownReport", () => {
  test("has a table of findings, ranked causes and collapsible fixes", () => {
    const md = renderMarkdownReport(report(sickDiagnosis()));
    expect(md).toContain("### ❌ `synthetic/dead`");
    expect(md).toContain("| 1 | **Learning rate too high** `lr-too-high` | 99% |");
    expect(md).toContain("<details open><summary><b>1. lr: 1 → 0.001</b>");
    expect(md).toContain("```python\noptimizer = torch.optim.Adam(model.parameters(), lr=0.001)\n```");
  });

  test("stays within maxChars and says visibly that it was truncated", () => {
    const full = renderMarkdownReport(report(sickDiagnosis(), sickDiagnosis()));
    const cut = renderMarkdownReport(report(sickDiagnosis(), sickDiagnosis()), { maxChars: 2500 });
    expect(full.length).toBeGreaterThan(2500);
    expect(cut.length).toBeLessThanOrEqual(2500);
    expect(cut).toMatch(/Report truncated to fit the comment size limit: \d+ of \d+ sections shown/);
  });

  test("embeds a mermaid xychart when asked and no chart URL is given", () => {
    expect(renderMarkdownReport(report(sickDiagnosis()), { mermaid: true })).toContain("```mermaid");
  });

  test("uses a chart image when a URL is given for the run", () => {
    const d = sickDiagnosis();
    expect(renderMarkdownReport(report(d), { chartUrls: { [d.run.name]: "https://example.test/c.png" } })).toContain("![Loss curves of dead](https://example.test/c.png)");
  });
});

describe("toDiagnoseJson", () => {
  test("writes non-finite numbers as strings and carries titles, verdict and config", () => {
    expect([jsonNumber(Number.NaN), jsonNumber(Infinity), jsonNumber(-Infinity), jsonNumber(2)]).toEqual(["NaN", "Infinity", "-Infinity", 2]);
    const json = toDiagnoseJson(report(sickDiagnosis()));
    const run = json.runs[0]!;
    expect(run.status).toBe("error");
    expect(run.causes[0]).toMatchObject({ id: "lr-too-high", title: "Learning rate too high" });
    expect(run.config).toMatchObject({ optimizer: "adam", lr: 1, batchSize: 32 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("run titles", () => {
  const withSource = (name: string, path: string): RunDiagnosis => {
    const d = diagnoseRun(plainRun());
    return { ...d, run: { ...d.run, name, source: { ...d.run.source, path } } };
  };

  test("several runs from one file (a W&B export) are told apart by name in the text and markdown headings", () => {
    const runs = [withSource("gpt2_char_to_token", "exports/wandb_export.csv"), withSource("gpt2", "exports/wandb_export.csv")];
    const text = renderTextReport(report(...runs), { color: false });
    expect(text).toContain("━━ exports/wandb_export.csv — gpt2_char_to_token");
    expect(text).toContain("━━ exports/wandb_export.csv — gpt2 ");
    expect(renderMarkdownReport(report(...runs))).toContain("### ✅ `exports/wandb_export.csv` — `gpt2_char_to_token`");
  });

  test("a name that is the path's own tail is not repeated", () => {
    for (const [name, path] of [["metrics", "runs/metrics.csv"], ["healthy/metrics", "examples/healthy/metrics.csv"], ["exp1", "logs/exp1/"], ["inner", "a.zip!inner"]]) {
      expect(renderTextReport(report(withSource(name as string, path as string)), { color: false })).not.toContain(" — ");
    }
  });
});
