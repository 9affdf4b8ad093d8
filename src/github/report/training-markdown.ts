import type { DiagnoseReport } from "../../diagnose/diagnose.js";
import { renderMarkdownReport } from "../../report/render-markdown.js";
import type { PublishedChart } from "../publish/publish-charts.js";
import type { CheckRunImage } from "./check-run-output.js";

/** Budget for the diagnosis part of a comment, leaving room for the header, comparison and config sections. */
export const TRAINING_REPORT_MAX_CHARS = 50_000;

/**
 * The diagnosis Markdown for comments and check runs (pure): served chart images when the app has a
 * public URL (first chart of each run), Mermaid charts otherwise (or none when charts are disabled).
 */
export function renderTrainingMarkdown(report: DiagnoseReport, charts: PublishedChart[] | null, chartsEnabled: boolean): string {
  if (!chartsEnabled) return renderMarkdownReport(report, { maxChars: TRAINING_REPORT_MAX_CHARS });
  if (charts !== null) {
    const chartUrls: Record<string, string> = {};
    for (const c of charts) chartUrls[c.run] ??= c.png;
    return renderMarkdownReport(report, { chartUrls, maxChars: TRAINING_REPORT_MAX_CHARS });
  }
  return renderMarkdownReport(report, { mermaid: true, maxChars: TRAINING_REPORT_MAX_CHARS });
}

/** Check-run images for the published charts (GitHub shows them under the summary). */
export function chartImages(charts: PublishedChart[] | null): CheckRunImage[] {
  return (charts ?? []).map((c) => ({ alt: c.title, image_url: c.png, caption: `${c.title} · [SVG](${c.svg}) · [vega-lite](${c.spec})` }));
}
