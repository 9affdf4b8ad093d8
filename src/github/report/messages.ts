import type { FindingSummary } from "../analyze/summary.js";
import type { Severity } from "../../domain/severity.js";

/** Check-run names, stable so branch protection rules can require them. */
export const CHECK_TRAINING = "Loss Doctor / training";
export const CHECK_CONFIG = "Loss Doctor / training config";
export const CHECK_REPRO = "Loss Doctor / reproduction";

const ICON: Readonly<Record<Severity, string>> = { error: "🔴", warning: "🟠", info: "🔵" };

export const severityIcon = (s: Severity): string => ICON[s];

const where = (f: FindingSummary): string => (f.fromStep === f.toStep ? `step ${f.fromStep}` : `steps ${f.fromStep}–${f.toStep}`);

/** User-facing text of the GitHub reports (one catalogue; tests compare against these builders). */
export const reportMessages = {
  trainingTitle: (errors: number, warnings: number, runs: number): string =>
    errors + warnings === 0
      ? `No problems found in ${runs} training run${runs === 1 ? "" : "s"}`
      : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${runs} training run${runs === 1 ? "" : "s"}`,
  noRuns: (): string => "No training curves found in the changed logs",
  configTitle: (introduced: number, preexisting: number): string =>
    introduced === 0
      ? preexisting === 0 ? "Training configs look healthy" : `No new problems (${preexisting} pre-existing)`
      : `${introduced} new training-config problem${introduced === 1 ? "" : "s"}${preexisting === 0 ? "" : ` (${preexisting} pre-existing)`}`,
  configCounts: (introduced: number, fixed: number, preexisting: number, unreadable: number): string =>
    [`**${introduced}** new problem${introduced === 1 ? "" : "s"}`, `**${fixed}** fixed`, `**${preexisting}** pre-existing`, ...(unreadable > 0 ? [`**${unreadable}** file problem${unreadable === 1 ? "" : "s"}`] : [])]
      .join(" · ") + " — details below.",
  noConfigDetails: (): string => "No problems in the changed training configs.",
  failureTitle: (): string => "Loss Doctor could not finish",
  noBaseDiagnosis: (ref: string): string => `_No stored diagnosis of \`${ref}\` to compare with yet (it is recorded when logs change on \`${ref}\`)._`,
  sameAsBase: (ref: string): string => `_Same findings as the latest diagnosis of \`${ref}\` (same log files, series, detectors and severities)._`,
  newOnHead: (run: string, f: FindingSummary, ref: string): string =>
    `${severityIcon(f.severity)} **new** in \`${run}\`: ${f.message} (\`${f.series}\`, ${where(f)}) — not seen on \`${ref}\`.`,
  severityChanged: (run: string, f: FindingSummary, before: Severity, ref: string): string =>
    `${severityIcon(f.severity)} **${before} → ${f.severity}** in \`${run}\`: ${f.message} (\`${f.series}\`, ${where(f)}) — was ${before} on \`${ref}\`.`,
  notOnBase: (run: string, source: string, ref: string): string =>
    `\`${run}\` (\`${source}\`) has no diagnosis on \`${ref}\` to compare with; its findings are all listed below.`,
  fixedOnHead: (run: string, f: FindingSummary, ref: string): string =>
    `✅ **fixed** in \`${run}\`: ${f.message} (\`${f.series}\`, ${where(f)}) on \`${ref}\` — gone now.`,
  findingRow: (run: string, f: FindingSummary): string =>
    `| ${severityIcon(f.severity)} ${f.severity} | \`${f.id}\` | \`${run}\` | \`${f.series}\` | ${where(f)} | ${escapeCell(f.message)} |`,
  annotationTitle: (f: FindingSummary): string => `${f.id} (${f.series})`,
  failOnNote: (failOn: string): string =>
    failOn === "never" ? "This check never fails (`checks` in `.github/loss-doctor.yml`)." : `This check fails on findings of severity **${failOn}** or above (configurable in \`.github/loss-doctor.yml\`).`,
  headConfigPrefix: (): string => "This PR's version:",
  configProblems: (): string => "**`.github/loss-doctor.yml` has problems; defaults were used:**",
  reproduceAction: { label: "Reproduce", description: "Run fix experiments on your runner", identifier: "reproduce" },
  ackReproduce: (user: string, runsOn: string[]): string =>
    `Reproduction requested by @${user}: dispatched to runners \`${JSON.stringify(runsOn)}\`. This check updates when the workflow finishes.`,
  reproduceDenied: (user: string): string =>
    `@${user} does not have write access to this repository, so no reproduction was started (it runs on the repository's own runners).`,
  reproduceFork: (): string => "Reproductions never start automatically for pull requests from forks; a maintainer can run them on a branch of this repository.",
  noStoredDiagnosis: (): string => "There is no stored diagnosis for this commit to plan an experiment from; re-run the training check first.",
  truncatedTable: (shown: number, total: number): string => `_…and ${total - shown} more findings (see the full report below)._`,
  nothingToDiagnose: (): string =>
    "I found nothing to diagnose in this comment. Paste a log in a code block, attach a `.csv`/`.log`/`.json`/`.zip`, or name a path: `/diagnose runs/exp3/metrics.csv@main`. See `/diagnose help`.",
  rejectedInputs: (items: string[]): string =>
    `Ignored (only files uploaded to GitHub, repository paths and Actions run/artifact links are read): ${items.map((i) => `\`${i}\``).join(", ")}`,
} as const;

/** Escapes a Markdown table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
