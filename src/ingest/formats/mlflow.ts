import type { Issue } from "../../domain/issue.js";
import { ingestIssue } from "../messages.js";
import { SeriesBuilder } from "../series-builder.js";
import { forEachLine } from "../text/lines.js";
import { parseNumber } from "../text/numbers.js";
import type { IngestLimits, IngestResult, InputFile } from "../types.js";
import { finishRun, runName } from "./finish-run.js";

/** One MLflow FileStore line: `<ms timestamp> <value> <step>`. */
const MLFLOW_LINE = /^\s*(\d{9,16})\s+(\S+)\s+(-?\d+)\s*$/;

/** True when the first non-empty lines look like MLflow metric lines. */
export function looksLikeMlflow(head: string): boolean {
  const lines = head.split("\n").map((line) => line.trim()).filter((line) => line !== "").slice(0, 5);
  if (lines.length === 0) return false;
  return lines.every((line, index) => MLFLOW_LINE.test(line) || (index === lines.length - 1 && /^\d+(\s+\S*)?$/.test(line)));
}

/** The metric name of an MLflow metric file: its file name (`mlruns/0/<run>/metrics/val_loss` → `val_loss`). */
export function mlflowMetricName(path: string): string {
  return path.split(/[/\\!]/).filter((part) => part !== "").at(-1) ?? path;
}

/**
 * Reads MLflow metric files. Files under the same `<run>/metrics/` directory form one run; a single
 * file is a run of its own. The metric name is the file name. Never throws.
 */
export function parseMlflow(files: InputFile[], limits: IngestLimits, name?: string): IngestResult {
  const first = files[0];
  if (first === undefined) return { runs: [], issues: [] };
  const issues: Issue[] = [];
  const builder = new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: first.path });
  for (const file of files) readMetricFile(file, builder, issues);
  const built = builder.build();
  issues.push(...built.issues);
  if (built.series.length === 0) return { runs: [], issues: [...issues, ingestIssue("no-metrics-found", { file: first.path }, "MLflow metric file")] };
  const finished = finishRun({
    name: name ?? runName(first.path),
    source: { path: name ?? first.path, format: "mlflow", files: files.map((file) => file.path) },
    framework: "unknown",
    series: built.series,
    hparams: {},
  });
  return { runs: [finished.run], issues: [...issues, ...finished.issues] };
}

function readMetricFile(file: InputFile, builder: SeriesBuilder, issues: Issue[]): void {
  const tag = mlflowMetricName(file.path);
  let bad = 0;
  let firstBad = 0;
  forEachLine(file.data, (line, lineNo) => {
    if (line.trim() === "") return;
    const match = MLFLOW_LINE.exec(line);
    const value = match ? parseNumber(match[2] ?? "") : undefined;
    if (!match || value === undefined) {
      if (bad++ === 0) firstBad = lineNo;
      return;
    }
    builder.add(tag, Number(match[3]), value, Number(match[1]) / 1000);
  });
  if (bad > 0) issues.push(ingestIssue("mlflow-bad-line", { file: file.path, line: firstBad }, String(bad)));
}
