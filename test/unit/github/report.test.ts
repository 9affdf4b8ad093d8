import { describe, expect, test } from "@jest/globals";
import type { DiagnosisSummary, FindingSummary } from "../../../src/github/analyze/summary.js";
import { buildFailureCheckRun, buildTrainingCheckRun, failsCheck } from "../../../src/github/report/check-run-output.js";
import { compareWithBase, renderComparison } from "../../../src/github/report/comparison.js";
import { MAX_CHECK_SUMMARY_CHARS, MAX_COMMENT_CHARS } from "../../../src/github/report/limits.js";
import { commentMarker, hasMarker } from "../../../src/github/report/marker.js";
import { renderPrComment } from "../../../src/github/report/pr-comment.js";
import { buildReviewSuggestions, commentableLines } from "../../../src/github/report/review-suggestions.js";
import { truncateMarkdown } from "../../../src/github/report/truncate.js";
import { expectGolden } from "./helpers/golden.js";

function finding(id: string, patch: Partial<FindingSummary> = {}): FindingSummary {
  return { id, severity: "error", confidence: 0.9, series: "val_loss", fromStep: 12, toStep: 29, evidence: {}, message: `val_loss ${id} at epoch 12`, ...patch };
}

function summary(findings: FindingSummary[], name = "exp3"): DiagnosisSummary {
  return { version: 1, issues: [], runs: [{ name, source: `runs/${name}/metrics.csv`, files: [`runs/${name}/metrics.csv`], findings, causes: [], recommendations: [], config: {} }] };
}

describe("truncateMarkdown()", () => {
  test("truncateMarkdown(text within the limit) returns it unchanged", () => {
    expect(truncateMarkdown("short", 10, "a comment")).toBe("short");
  });

  test("truncateMarkdown(long text with an open code fence) fits the limit, closes the fence and says so visibly", () => {
    const text = `intro\n\`\`\`\n${"0.1234,0.5678\n".repeat(10_000)}\`\`\`\n`;
    const cut = truncateMarkdown(text, MAX_COMMENT_CHARS, "a GitHub comment");
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect(cut).toMatch(/Report truncated: [\d,]+ more characters did not fit into a GitHub comment/);
  });
});

describe("markers", () => {
  test("commentMarker(key) is a hidden HTML comment found by hasMarker only for the same key", () => {
    const body = `${commentMarker("report")}\nhello`;
    expect(commentMarker("report")).toBe("<!-- loss-doctor:report -->");
    expect(hasMarker(body, "report")).toBe(true);
    expect(hasMarker(body, "workflow-1")).toBe(false);
    expect(hasMarker(null, "report")).toBe(false);
  });

  test("hasMarker is exact: only the first line counts, so quoting a marker or carrying another key's never matches", () => {
    expect(hasMarker(`${commentMarker("workflow-7")}\n${commentMarker("report")}`, "report")).toBe(false);
    expect(hasMarker(`see ${commentMarker("report")} above`, "report")).toBe(false);
    expect(hasMarker(`${commentMarker("workflow-7")}\nbody`, "workflow-7")).toBe(true);
    expect(hasMarker(`${commentMarker("workflow-7")}\nbody`, "workflow-77")).toBe(false);
    expect(renderPrComment({ headSha: "abc1234", markerKey: "workflow-7", configIssues: [], notes: [] }).split("\n")[0]).toBe(commentMarker("workflow-7"));
  });
});

describe("compareWithBase()", () => {
  test("compareWithBase(head, base) pairs runs by log path (not name) and reports new, fixed and persisting findings", () => {
    const head = summary([finding("divergence"), finding("noisy", { severity: "info", series: "loss" })]);
    const base = { ...summary([finding("noisy", { severity: "info", series: "loss" }), finding("plateau", { severity: "warning" })]) };
    base.runs = base.runs.map((r) => ({ ...r, name: "renamed-run" }));
    const comparison = compareWithBase(head, base);
    expect(comparison.lines.map((l) => [l.change, l.finding.id])).toEqual([["new", "divergence"], ["persisting", "noisy"], ["fixed", "plateau"]]);
    expect(comparison.unpaired).toEqual([]);
    expect(renderComparison(comparison, "main")).toBe(
      "**Compared with `main`**\n\n" +
        "- 🔴 **new** in `exp3`: val_loss divergence at epoch 12 (`val_loss`, steps 12–29) — not seen on `main`.\n" +
        "- ✅ **fixed** in `exp3`: val_loss plateau at epoch 12 (`val_loss`, steps 12–29) on `main` — gone now.\n",
    );
  });

  test("the same finding in another log file is not 'the same findings as main'", () => {
    const head = summary([finding("divergence")], "exp4");
    const base = summary([finding("divergence")], "exp3");
    const comparison = compareWithBase(head, base);
    expect(comparison.unpaired).toEqual([{ run: "exp4", source: "runs/exp4/metrics.csv" }]);
    const text = renderComparison(comparison, "main");
    expect(text).not.toContain("Same findings");
    expect(text).toContain("`exp4` (`runs/exp4/metrics.csv`) has no diagnosis on `main` to compare with");
  });

  test("a finding whose severity changed is reported as a change, not as the same finding", () => {
    const head = summary([finding("plateau", { severity: "error" })]);
    const base = summary([finding("plateau", { severity: "warning" })]);
    const comparison = compareWithBase(head, base);
    expect(comparison.lines.map((l) => [l.change, l.before])).toEqual([["severity", "warning"]]);
    expect(renderComparison(comparison, "main")).toBe(
      "**Compared with `main`**\n\n- 🔴 **warning → error** in `exp3`: val_loss plateau at epoch 12 (`val_loss`, steps 12–29) — was warning on `main`.\n",
    );
  });

  test("only identical findings in the same files give 'Same findings'", () => {
    const same = compareWithBase(summary([finding("divergence")]), summary([finding("divergence")]));
    expect(renderComparison(same, "main")).toContain("_Same findings as the latest diagnosis of `main`");
    const otherSeries = compareWithBase(summary([finding("divergence")]), summary([finding("divergence", { series: "loss" })]));
    expect(otherSeries.lines.map((l) => l.change)).toEqual(["new", "fixed"]);
  });

  test("renderComparison(null) says there is no base diagnosis yet", () => {
    expect(renderComparison(null, "main")).toContain("No stored diagnosis of `main`");
  });
});

describe("buildTrainingCheckRun()", () => {
  const base = { headSha: "abc", reportMarkdown: "report", configIssues: [], annotatable: new Set(["runs/exp3/metrics.csv"]), images: [], offerReproduce: true };

  test("fails on error findings by default, and not when failOn is never", () => {
    expect(buildTrainingCheckRun({ ...base, summary: summary([finding("divergence")]), failOn: "error" }).conclusion).toBe("failure");
    expect(buildTrainingCheckRun({ ...base, summary: summary([finding("divergence")]), failOn: "never" }).conclusion).toBe("success");
    expect(buildTrainingCheckRun({ ...base, summary: summary([finding("plateau", { severity: "warning" })]), failOn: "error" }).conclusion).toBe("success");
    expect(buildTrainingCheckRun({ ...base, summary: summary([finding("plateau", { severity: "warning" })]), failOn: "warning" }).conclusion).toBe("failure");
    expect(failsCheck("info", "warning")).toBe(false);
  });

  test("200 findings give 200 annotations (publish batches them) and a summary within 65,535 characters", () => {
    const many = Array.from({ length: 200 }, (_, i) => finding(`spikes-${i}`, { message: "x".repeat(400) }));
    const plan = buildTrainingCheckRun({ ...base, summary: summary(many), failOn: "error", reportMarkdown: "y".repeat(100_000) });
    expect(plan.output.annotations).toHaveLength(200);
    expect(plan.output.summary.length).toBeLessThanOrEqual(MAX_CHECK_SUMMARY_CHARS);
    expect(plan.output.summary).toContain("…and 170 more findings");
    expect(plan.output.text?.length).toBeLessThanOrEqual(MAX_CHECK_SUMMARY_CHARS);
    expect(plan.output.text).toContain("Report truncated");
  });

  test("the check-run output for a diverging run matches its golden Markdown", () => {
    const plan = buildTrainingCheckRun({
      ...base, summary: summary([finding("divergence"), finding("noisy", { severity: "info", series: "loss" })]), failOn: "error",
      comparisonMarkdown: renderComparison(compareWithBase(summary([finding("divergence")]), summary([])), "main"),
      configIssues: [{ code: "config-invalid-field", severity: "error", message: "`checks.failOnTraining` is wrong", location: { file: ".github/loss-doctor.yml", line: 2 } }],
    });
    expectGolden("github/training-check-run.json", `${JSON.stringify(plan, null, 2)}\n`);
  });

  test("buildFailureCheckRun() completes with failure and the user-safe message", () => {
    expect(buildFailureCheckRun("Loss Doctor / training", "abc", "Something safe")).toMatchObject({ status: "completed", conclusion: "failure", output: { summary: "Something safe" } });
  });
});

describe("renderPrComment()", () => {
  test("starts with the marker and stays within 65,536 characters for a huge report", () => {
    const body = renderPrComment({ headSha: "0123456789", configIssues: [], notes: ["note"], training: { comparisonMarkdown: "cmp\n", reportMarkdown: "z\n".repeat(60_000) } });
    expect(body.startsWith(commentMarker("report"))).toBe(true);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain("Report truncated");
  });
});

describe("review suggestions", () => {
  const patch = "@@ -3,4 +3,5 @@ header\n context\n-old\n+optimizer = Adam(lr=1.0)\n+added\n context2";

  test("commentableLines(patch) lists the RIGHT-side lines of every hunk", () => {
    expect([...commentableLines(patch)]).toEqual([3, 4, 5, 6]);
    expect(commentableLines(undefined).size).toBe(0);
  });

  test("buildReviewSuggestions() turns a one-line fix into a ```suggestion on a diff line, and skips lines outside the diff", () => {
    const text = "a\nb\nctx\noptimizer = Adam(lr=1.0)\nadded\nctx2\nfar = 1\n";
    const fix = (line: number, start: number, end: number) => ({ description: "Use 1e-3.", replacement: { line, startColumn: start, endColumn: end, text: "1e-3" } });
    const findings = [
      { id: "lr-out-of-range", severity: "error" as const, file: "train.py", line: 4, message: "Adam lr 1.0 is too high.", fix: fix(4, 21, 24) },
      { id: "lr-out-of-range", severity: "error" as const, file: "train.py", line: 7, message: "outside", fix: fix(7, 7, 8) },
    ];
    const out = buildReviewSuggestions(findings, new Map([["train.py", { text, patch }]]));
    expect(out).toEqual([{ path: "train.py", line: 4, body: "**`lr-out-of-range`**: Adam lr 1.0 is too high.\n\nUse 1e-3.\n\n```suggestion\noptimizer = Adam(lr=1e-3)\n```" }]);
  });
});
