import { z } from "zod";
import type { Issue } from "../../domain/issue.js";
import { ExperimentPlanSchema } from "../plan/experiment.schema.js";
import type { ReproResultJson } from "./to-result-json.js";

/** JSON turns NaN/Infinity into null; every measured number may therefore be null. */
const num = z.number().nullable();

const InterventionSchema = z.looseObject({
  id: z.string(),
  cause: z.string().nullable(),
  verdict: z.enum(["confirmed", "not-confirmed", "inconclusive"]),
  pValue: num,
  effect: num,
  metric: z.string(),
  ratio: num,
  baselineSymptomRate: num,
  symptomRate: num,
  symptomPValue: num,
  reason: z.string(),
});

const ArmSchema = z.looseObject({ id: z.string(), description: z.string(), runs: z.number(), completed: z.number(), symptomRate: num, symptoms: z.record(z.string(), z.number()) });

const RunSchema = z.looseObject({ arm: z.string(), seed: z.number(), status: z.string(), loss: z.array(num), valLoss: z.array(num), symptoms: z.array(z.string()) });

/** Validates a result file (the `loss-doctor-repro-result` artifact) before the app trusts it. */
export const ReproResultSchema = z.looseObject({
  version: z.literal(1),
  backend: z.string(),
  skippedBackends: z.array(z.object({ backend: z.string(), reason: z.string() })).default([]),
  durationMs: z.number(),
  plan: ExperimentPlanSchema,
  arms: z.array(ArmSchema),
  interventions: z.array(InterventionSchema),
  runs: z.array(RunSchema),
  notes: z.array(z.string()),
});

/** Largest result file accepted (a 16-arm × 20-seed × 1000-epoch result is far below this). */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;

/**
 * Parses result.json text from an untrusted artifact. Never throws: problems come back as issues
 * with code `repro-result-invalid` (or `repro-result-too-large`).
 */
export function parseReproResult(text: string, file = "result.json"): { result: ReproResultJson | null; issues: Issue[] } {
  const issue = (code: string, message: string): { result: null; issues: Issue[] } => ({ result: null, issues: [{ code, severity: "error", message, location: { file } }] });
  if (text.length > MAX_RESULT_BYTES) return issue("repro-result-too-large", `${file} is ${text.length} bytes; at most ${MAX_RESULT_BYTES} are read`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return issue("repro-result-invalid", `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ReproResultSchema.safeParse(json);
  if (!parsed.success) return issue("repro-result-invalid", `${file} is not a Loss Doctor repro result: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { result: parsed.data as unknown as ReproResultJson, issues: [] };
}
