import type { Issue } from "../../domain/issue.js";
import { renderIssues } from "./check-run-output.js";
import { MAX_COMMENT_CHARS } from "./limits.js";
import { commentMarker } from "./marker.js";
import { reportMessages } from "./messages.js";
import { truncateMarkdown } from "./truncate.js";

/** The sticky PR comment's marker key. */
export const REPORT_COMMENT_KEY = "report";

export interface PrCommentInput {
  headSha: string;
  /** Marker key of the sticky comment (default `report`; workflow reports use `workflow-<id>`). */
  markerKey?: string;
  /** Training section: comparison with base + the rendered diagnosis report; absent when no logs changed. */
  training?: { comparisonMarkdown: string; reportMarkdown: string };
  /** Config-gate section (render of the lint diff); absent when no configs changed. */
  configMarkdown?: string;
  configIssues: Issue[];
  /** Notes about inputs that were skipped (size limits, unreadable files). */
  notes: string[];
}

/**
 * The sticky PR comment (pure): hidden marker, training diagnosis compared with the base branch,
 * config gate results, within GitHub's 65,536-character limit.
 */
export function renderPrComment(input: PrCommentInput): string {
  const parts = [
    commentMarker(input.markerKey ?? REPORT_COMMENT_KEY),
    `## 🩺 Loss Doctor\n`,
    renderIssues(reportMessages.configProblems(), input.configIssues),
  ];
  if (input.training !== undefined) {
    parts.push(`### Training curves\n`, input.training.comparisonMarkdown, input.training.reportMarkdown);
  }
  if (input.configMarkdown !== undefined) parts.push(`### Training config\n`, input.configMarkdown);
  if (input.notes.length > 0) parts.push(input.notes.map((n) => `> ${n}`).join("\n>\n"));
  parts.push(`<sub>Updated for ${input.headSha.slice(0, 7)} · this comment is edited in place on every push.</sub>\n`);
  return truncateMarkdown(parts.filter((p) => p !== "").join("\n"), MAX_COMMENT_CHARS, "a GitHub comment");
}

/** A reply to a `/diagnose` comment (not sticky). */
export function renderDiagnoseReply(reportMarkdown: string, notes: string[]): string {
  const body = [`## 🩺 Loss Doctor\n`, reportMarkdown, notes.map((n) => `> ${n}`).join("\n>\n")].filter((p) => p !== "").join("\n");
  return truncateMarkdown(body, MAX_COMMENT_CHARS, "a GitHub comment");
}
