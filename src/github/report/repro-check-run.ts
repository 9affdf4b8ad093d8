import type { ReproResultJson } from "../../repro/analysis/to-result-json.js";
import type { CheckRunPlan } from "./check-run-output.js";
import { MAX_CHECK_SUMMARY_CHARS } from "./limits.js";
import { CHECK_REPRO } from "./messages.js";
import { truncateMarkdown } from "./truncate.js";

const VERDICT_ICON: Readonly<Record<string, string>> = { confirmed: "✅", "not-confirmed": "❌", inconclusive: "❔" };

const fmt = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toPrecision(digits));

/** The reproduction check run while the workflow runs. */
export function buildReproStartedCheckRun(headSha: string, experimentId: string, summary: string): CheckRunPlan {
  return {
    name: CHECK_REPRO, headSha, status: "in_progress", externalId: experimentId,
    output: { title: "Reproduction running on your runner", summary, annotations: [], images: [] }, actions: [],
  };
}

/** The completed reproduction check run: one row per intervention with its verdict (pure). */
export function buildReproResultCheckRun(headSha: string, experimentId: string, result: ReproResultJson): CheckRunPlan {
  const confirmed = result.interventions.filter((i) => i.verdict === "confirmed");
  const rows = result.interventions.map((i) =>
    `| ${VERDICT_ICON[i.verdict] ?? ""} ${i.verdict} | \`${i.id}\` | ${i.cause === null ? "–" : `\`${i.cause}\``} | ${fmt(i.pValue, 2)} | ${fmt(i.effect, 2)} | ${fmt(i.baselineSymptomRate, 2)} → ${fmt(i.symptomRate, 2)} |`);
  const table = rows.length === 0 ? "_The plan had no interventions._"
    : `| Verdict | Arm | Cause | p | Effect (g) | Symptom rate |\n|---|---|---|---|---|---|\n${rows.join("\n")}`;
  const summary = `${table}\n\nBackend \`${result.backend}\`, ${result.plan.seeds.length} seeds per arm, ${(result.durationMs / 1000).toFixed(1)} s.` +
    (result.notes.length === 0 ? "" : `\n\n${result.notes.map((n) => `> ${n}`).join("\n")}`);
  return {
    name: CHECK_REPRO, headSha, status: "completed", conclusion: confirmed.length > 0 ? "success" : "neutral", externalId: experimentId,
    output: {
      title: confirmed.length === 0 ? "No fix confirmed" : `Confirmed: ${confirmed.map((i) => i.id).join(", ")}`.slice(0, 255),
      summary: truncateMarkdown(summary, MAX_CHECK_SUMMARY_CHARS, "the check-run summary"), annotations: [], images: [],
    },
    actions: [],
  };
}
