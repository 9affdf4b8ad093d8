import { formatScore } from "./format.js";

/** User-facing text of the reports (catalogue). */
export const reportMessages = {
  noData: "No loss or metric series found: nothing to diagnose.",
  tooShort: (points: number, needed: number): string =>
    `Too short to diagnose: the longest loss or metric series has ${points} point${points === 1 ? "" : "s"}; at least ${needed} are needed.`,
  healthy: (infoCount: number): string =>
    infoCount === 0 ? "Healthy: no problems found in the curves." : `Healthy: no problems found (${infoCount} note${infoCount === 1 ? "" : "s"}).`,
  problemWithCause: (finding: string, cause: string, score: number): string =>
    `${finding.replace(/\.\s*$/, "")} — most likely: ${cause} (${formatScore(score)}).`,
  configRisk: (cause: string, score: number): string =>
    `Healthy curves, but the configuration carries a risk: ${cause} (${formatScore(score)}).`,
  noRuns: "No training runs found in the input.",
  truncated: (shown: number, total: number): string =>
    `_Report truncated to fit the comment size limit: ${shown} of ${total} sections shown. Run \`loss-doctor diagnose --format markdown\` locally for the full report._`,
  moreRuns: (count: number): string => `… and ${count} more run${count === 1 ? "" : "s"} not shown.`,
  logScale: "log scale",
  sections: { series: "Series", findings: "Findings", causes: "Likely causes", fixes: "Suggested fixes", issues: "Input issues" },
  noCauses: "No cause stands out; see the findings.",
};
