import type { FailOn } from "../../config/schema.js";
import type { Issue } from "../../domain/issue.js";
import type { LintFinding } from "../../config-lint/lint.js";
import type { ConfigAnalysis } from "../analyze/analyze-configs.js";
import { annotationLevel, failsCheck, renderIssues, type Annotation, type CheckRunPlan } from "./check-run-output.js";
import { MAX_ANNOTATION_MESSAGE_CHARS, MAX_CHECK_SUMMARY_CHARS, MAX_CHECK_TEXT_CHARS } from "./limits.js";
import { CHECK_CONFIG, escapeCell, reportMessages, severityIcon } from "./messages.js";
import { truncateMarkdown, truncatePlain } from "./truncate.js";

function annotation(f: LintFinding): Annotation {
  return {
    path: f.file,
    start_line: f.line,
    end_line: Math.max(f.line, f.endLine ?? f.line),
    annotation_level: annotationLevel(f.severity),
    title: f.id,
    message: truncatePlain(f.fix === undefined ? f.message : `${f.message}\nFix: ${f.fix.description}`, MAX_ANNOTATION_MESSAGE_CHARS),
  };
}

function findingList(findings: LintFinding[]): string {
  return findings
    .map((f) => `- ${severityIcon(f.severity)} \`${f.id}\` at \`${f.file}:${f.line}\`: ${escapeCell(f.message)}${f.fix === undefined ? "" : ` _Fix: ${f.fix.description}_`}`)
    .join("\n");
}

const introducedOf = (analysis: ConfigAnalysis): LintFinding[] => (analysis.diff === null ? analysis.head.findings : analysis.diff.introduced);

/** "Changed settings" table of the diff, or "" (pure). */
export function renderChangedSettings(analysis: ConfigAnalysis): string {
  const diff = analysis.diff;
  if (diff === null || diff.changes.length === 0) return "";
  const rows = diff.changes.map((c) => `| \`${c.key}\` | \`${c.file}:${c.line}\` | ${c.before === null ? "_(unset)_" : `\`${c.before}\``} → \`${c.after}\` |`);
  return `**Changed settings**\n\n| Setting | Where | Change |\n|---|---|---|\n${rows.join("\n")}\n`;
}

/** The problems: new (or all, without a base), fixed, pre-existing, unreadable files (pure). */
export function renderConfigDetails(analysis: ConfigAnalysis): string {
  const parts: string[] = [];
  const diff = analysis.diff;
  const introduced = introducedOf(analysis);
  if (introduced.length > 0) parts.push(`**${diff === null ? "Problems" : "New problems"}**\n\n${findingList(introduced)}\n`);
  if (diff !== null && diff.fixed.length > 0) parts.push(`**Fixed by this change**\n\n${findingList(diff.fixed)}\n`);
  if (diff !== null && diff.preexisting.length > 0) {
    parts.push(`<details><summary>${diff.preexisting.length} pre-existing problem(s)</summary>\n\n${findingList(diff.preexisting)}\n\n</details>\n`);
  }
  parts.push(renderIssues("**Files that could not be fully read**", analysis.head.issues));
  return parts.filter((p) => p !== "").join("\n");
}

/** Markdown of what the PR changed, new violations and pre-existing ones (pure; the PR comment's section). */
export function renderConfigReport(analysis: ConfigAnalysis): string {
  return [renderChangedSettings(analysis), renderConfigDetails(analysis)].filter((p) => p !== "").join("\n");
}

export interface ConfigCheckInput {
  headSha: string;
  analysis: ConfigAnalysis;
  failOn: FailOn;
  configIssues: Issue[];
}

/**
 * The "Loss Doctor / training config" check run. On PRs only violations the PR introduced fail the
 * check; pre-existing ones are listed apart.
 */
export function buildConfigCheckRun(input: ConfigCheckInput): CheckRunPlan {
  const { analysis } = input;
  const introduced = introducedOf(analysis);
  const preexisting = analysis.diff?.preexisting.length ?? 0;
  const failed = introduced.some((f) => failsCheck(f.severity, input.failOn));
  const counts = reportMessages.configCounts(introduced.length, analysis.diff?.fixed.length ?? 0, preexisting, analysis.head.issues.length);
  // summary: verdict, counts and what changed; text: the details (never the same block twice).
  const summary = [renderIssues(reportMessages.configProblems(), input.configIssues), `${counts}\n`, renderChangedSettings(analysis), `_${reportMessages.failOnNote(input.failOn)}_\n`]
    .filter((p) => p !== "")
    .join("\n");
  const details = renderConfigDetails(analysis);
  return {
    name: CHECK_CONFIG,
    headSha: input.headSha,
    status: "completed",
    conclusion: failed ? "failure" : "success",
    output: {
      title: reportMessages.configTitle(introduced.length, preexisting),
      summary: truncateMarkdown(summary, MAX_CHECK_SUMMARY_CHARS, "the check-run summary"),
      text: truncateMarkdown(details === "" ? reportMessages.noConfigDetails() : details, MAX_CHECK_TEXT_CHARS, "the check-run details"),
      annotations: analysis.head.findings.map(annotation),
      images: [],
    },
    actions: [],
  };
}
