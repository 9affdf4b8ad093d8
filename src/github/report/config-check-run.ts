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

/** Markdown of what the PR changed, new violations and pre-existing ones (pure). */
export function renderConfigReport(analysis: ConfigAnalysis): string {
  const parts: string[] = [];
  const diff = analysis.diff;
  if (diff !== null && diff.changes.length > 0) {
    const rows = diff.changes.map((c) => `| \`${c.key}\` | \`${c.file}:${c.line}\` | ${c.before === null ? "_(unset)_" : `\`${c.before}\``} → \`${c.after}\` |`);
    parts.push(`**Changed settings**\n\n| Setting | Where | Change |\n|---|---|---|\n${rows.join("\n")}\n`);
  }
  const introduced = diff === null ? analysis.head.findings : diff.introduced;
  if (introduced.length > 0) parts.push(`**${diff === null ? "Problems" : "New problems"}**\n\n${findingList(introduced)}\n`);
  if (diff !== null && diff.fixed.length > 0) parts.push(`**Fixed by this change**\n\n${findingList(diff.fixed)}\n`);
  if (diff !== null && diff.preexisting.length > 0) {
    parts.push(`<details><summary>${diff.preexisting.length} pre-existing problem(s)</summary>\n\n${findingList(diff.preexisting)}\n\n</details>\n`);
  }
  parts.push(renderIssues("**Files that could not be fully read**", analysis.head.issues));
  return parts.filter((p) => p !== "").join("\n");
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
  const introduced = analysis.diff === null ? analysis.head.findings : analysis.diff.introduced;
  const preexisting = analysis.diff?.preexisting.length ?? 0;
  const failed = introduced.some((f) => failsCheck(f.severity, input.failOn));
  const body = renderConfigReport(analysis);
  const summary = [renderIssues(reportMessages.configProblems(), input.configIssues), body, `_${reportMessages.failOnNote(input.failOn)}_\n`]
    .filter((p) => p !== "")
    .join("\n");
  return {
    name: CHECK_CONFIG,
    headSha: input.headSha,
    status: "completed",
    conclusion: failed ? "failure" : "success",
    output: {
      title: reportMessages.configTitle(introduced.length, preexisting),
      summary: truncateMarkdown(summary, MAX_CHECK_SUMMARY_CHARS, "the check-run summary"),
      text: truncateMarkdown(body, MAX_CHECK_TEXT_CHARS, "the check-run details"),
      annotations: analysis.head.findings.map(annotation),
      images: [],
    },
    actions: [],
  };
}
