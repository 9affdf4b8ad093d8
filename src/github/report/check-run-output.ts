import type { Issue } from "../../domain/issue.js";
import { isAtLeast, type Severity } from "../../domain/severity.js";
import type { FailOn } from "../../config/schema.js";
import type { DiagnosisSummary, FindingSummary } from "../analyze/summary.js";
import {
  MAX_ANNOTATION_MESSAGE_CHARS,
  MAX_CHECK_SUMMARY_CHARS,
  MAX_CHECK_TEXT_CHARS,
  MAX_CHECK_TITLE_CHARS,
} from "./limits.js";
import { CHECK_TRAINING, reportMessages, severityIcon } from "./messages.js";
import { truncateMarkdown, truncatePlain } from "./truncate.js";

export type Conclusion = "success" | "failure" | "neutral";
export type AnnotationLevel = "notice" | "warning" | "failure";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
}

export interface CheckRunImage {
  alt: string;
  image_url: string;
  caption?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
  images: CheckRunImage[];
}

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

/** Everything publish needs to create or update one check run (pure data). */
export interface CheckRunPlan {
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion?: Conclusion;
  output: CheckRunOutput;
  actions: CheckRunAction[];
  externalId?: string;
}

/** Most finding rows listed in a check-run summary table; the full report follows in `text`. */
export const MAX_SUMMARY_ROWS = 30;

const LEVEL: Readonly<Record<Severity, AnnotationLevel>> = { error: "failure", warning: "warning", info: "notice" };

export const annotationLevel = (s: Severity): AnnotationLevel => LEVEL[s];

/** True when a finding of `severity` fails a check configured with `failOn`. */
export function failsCheck(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "never" && isAtLeast(severity, failOn);
}

/** The findings table (pure Markdown). */
export function renderFindingsTable(summary: DiagnosisSummary, maxRows = MAX_SUMMARY_ROWS): string {
  const rows = summary.runs.flatMap((r) => r.findings.map((f) => reportMessages.findingRow(r.name, f)));
  if (rows.length === 0) return "";
  const head = "| Severity | Finding | Run | Series | Where | What |\n|---|---|---|---|---|---|";
  const more = rows.length > maxRows ? `\n\n${reportMessages.truncatedTable(maxRows, rows.length)}` : "";
  return `${head}\n${rows.slice(0, maxRows).join("\n")}${more}\n`;
}

/** A bullet list of config-file and input issues, or "". */
export function renderIssues(title: string, issues: Issue[]): string {
  if (issues.length === 0) return "";
  const items = issues.map((i) => {
    const loc = i.location?.file === undefined ? "" : ` (\`${i.location.file}${i.location.line === undefined ? "" : `:${i.location.line}`}\`)`;
    return `- ${severityIcon(i.severity)} ${i.message}${loc}`;
  });
  return `${title}\n\n${items.join("\n")}\n`;
}

/** Binary logs (TensorBoard event files) get no line annotations; the summary still lists their findings. */
const isBinaryLog = (path: string): boolean => /tfevents/.test(path);

/** Annotations on text log files that are in the repository (`annotatable`), at line 1 of the log. */
function trainingAnnotations(summary: DiagnosisSummary, annotatable: ReadonlySet<string>): Annotation[] {
  return summary.runs.flatMap((run) => {
    const path = [...run.files, run.source].find((f) => annotatable.has(f) && !isBinaryLog(f));
    if (path === undefined) return [];
    return run.findings.map((f: FindingSummary) => ({
      path, start_line: 1, end_line: 1, annotation_level: LEVEL[f.severity],
      title: reportMessages.annotationTitle(f),
      message: truncatePlain(`${f.message} (steps ${f.fromStep}–${f.toStep})`, MAX_ANNOTATION_MESSAGE_CHARS),
    }));
  });
}

export interface TrainingCheckInput {
  headSha: string;
  summary: DiagnosisSummary;
  failOn: FailOn;
  /** Full Markdown report (render-markdown), placed in `output.text`. */
  reportMarkdown: string;
  /** "Compared with base" section, when known. */
  comparisonMarkdown?: string;
  configIssues: Issue[];
  /** Repository paths findings may be annotated on. */
  annotatable: ReadonlySet<string>;
  images: CheckRunImage[];
  offerReproduce: boolean;
}

/** The "Loss Doctor / training" check run: conclusion, summary, report text, annotations and images. */
export function buildTrainingCheckRun(input: TrainingCheckInput): CheckRunPlan {
  const findings = input.summary.runs.flatMap((r) => r.findings);
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const failed = findings.some((f) => failsCheck(f.severity, input.failOn));
  const title = input.summary.runs.length === 0 ? reportMessages.noRuns() : reportMessages.trainingTitle(count("error"), count("warning"), input.summary.runs.length);
  const parts = [
    renderIssues(reportMessages.configProblems(), input.configIssues),
    input.comparisonMarkdown ?? "",
    renderFindingsTable(input.summary),
    `_${reportMessages.failOnNote(input.failOn)}_\n`,
  ].filter((p) => p !== "");
  return {
    name: CHECK_TRAINING,
    headSha: input.headSha,
    status: "completed",
    conclusion: failed ? "failure" : input.summary.runs.length === 0 ? "neutral" : "success",
    output: {
      title: truncatePlain(title, MAX_CHECK_TITLE_CHARS),
      summary: truncateMarkdown(parts.join("\n"), MAX_CHECK_SUMMARY_CHARS, "the check-run summary"),
      text: truncateMarkdown(input.reportMarkdown, MAX_CHECK_TEXT_CHARS, "the check-run details"),
      annotations: trainingAnnotations(input.summary, input.annotatable),
      images: input.images,
    },
    actions: input.offerReproduce && findings.length > 0 ? [reportMessages.reproduceAction] : [],
  };
}

/** A completed check run that explains why the app could not finish (user-safe text only). */
export function buildFailureCheckRun(name: string, headSha: string, message: string): CheckRunPlan {
  return {
    name,
    headSha,
    status: "completed",
    conclusion: "failure",
    output: { title: reportMessages.failureTitle(), summary: truncateMarkdown(message, MAX_CHECK_SUMMARY_CHARS, "the check-run summary"), annotations: [], images: [] },
    actions: [],
  };
}
