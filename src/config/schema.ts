import { z } from "zod";
import {
  DEFAULT_ARTIFACT_NAME_PATTERN,
  DEFAULT_CONFIG_PATHS,
  DEFAULT_LOG_PATHS,
  DEFAULT_MAX_ARTIFACT_BYTES,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  DEFAULT_MAX_CONFIG_FILES,
  DEFAULT_MAX_LOG_BYTES,
  DEFAULT_MAX_LOG_FILES,
  DEFAULT_REPRO_RUNS_ON,
  DEFAULT_REPRO_SEEDS,
  DEFAULT_REPRO_WORKFLOW,
} from "./defaults.js";

/**
 * The repository config `.github/loss-doctor.yml`. Every field is optional; an empty file (or none)
 * means "all defaults". The schema stays JSON-Schema-compatible (no refinements) so
 * `npm run schema` can export it for editor completion.
 */

/** When a check run fails: on findings at or above this severity, or never. */
const FailOnSchema = z.enum(["error", "warning", "info", "never"]);
const SeveritySchema = z.enum(["error", "warning", "info"]);
const ThresholdsSchema = z.record(z.string(), z.record(z.string(), z.number()));

const LogsSchema = z
  .object({
    /** Globs of log files read from pushes and PRs. Default: see DEFAULT_LOG_PATHS (tfevents, metrics.csv, ...). */
    paths: z.array(z.string()).default([...DEFAULT_LOG_PATHS]).describe("Globs of log files read from pushes and PRs."),
    /** Globs excluded from `paths`. Default: []. */
    ignore: z.array(z.string()).default([]).describe("Globs excluded from `paths`."),
    /** Largest single log file downloaded, in bytes. Default: 20 MiB. */
    maxFileBytes: z.number().int().positive().default(DEFAULT_MAX_LOG_BYTES).describe("Largest log file downloaded (bytes)."),
    /** Largest file downloaded from a link in a `/diagnose` comment, in bytes. Default: 20 MiB. */
    maxAttachmentBytes: z.number().int().positive().default(DEFAULT_MAX_ATTACHMENT_BYTES).describe("Largest linked attachment downloaded (bytes)."),
    /** Most log files read per event. Default: 50. */
    maxFiles: z.number().int().positive().default(DEFAULT_MAX_LOG_FILES).describe("Most log files read per event."),
  })
  .strict();

const ConfigGateSchema = z
  .object({
    /** Run the training-config gate on changed configs in PRs and pushes. Default: true. */
    enabled: z.boolean().default(true).describe("Run the training-config gate."),
    /** Globs of training configs and scripts to lint. Default: see DEFAULT_CONFIG_PATHS. */
    paths: z.array(z.string()).default([...DEFAULT_CONFIG_PATHS]).describe("Globs of training configs and scripts."),
    /** Most config files linted per event. Default: 50. */
    maxFiles: z.number().int().positive().default(DEFAULT_MAX_CONFIG_FILES).describe("Most config files linted per event."),
    /** Lint rule ids to turn off, e.g. `no-early-stopping`. Default: []. */
    disabled: z.array(z.string()).default([]).describe("Lint rule ids to turn off."),
    /** Severity overrides per lint rule id. Default: {}. */
    severities: z.record(z.string(), SeveritySchema).default({}).describe("Severity per lint rule id."),
    /** Threshold overrides per lint rule id, e.g. `{ lr-out-of-range: { adaptiveMaxLr: 0.003 } }`. Default: {}. */
    thresholds: ThresholdsSchema.default({}).describe("Threshold overrides per lint rule id."),
    /** Post review comments with one-click `suggestion` fixes on PRs. Default: true. */
    suggestions: z.boolean().default(true).describe("Post review comments with suggestion blocks."),
  })
  .strict();

const DetectorsSchema = z
  .object({
    /** Detector ids to turn off, e.g. `noisy`. Default: []. */
    disabled: z.array(z.string()).default([]).describe("Detector ids to turn off."),
    /** Threshold overrides per detector id, e.g. `{ spikes: { minScore: 10 } }`. Default: {}. */
    thresholds: ThresholdsSchema.default({}).describe("Threshold overrides per detector id."),
  })
  .strict();

const ChecksSchema = z
  .object({
    /** Severity of training findings that fails "Loss Doctor / training". Default: "error". */
    failOnTraining: FailOnSchema.default("error").describe("Severity that fails the training check."),
    /** Severity of lint findings (new in the PR) that fails "Loss Doctor / training config". Default: "error". */
    failOnConfig: FailOnSchema.default("error").describe("Severity that fails the training-config check."),
  })
  .strict();

const CommentSchema = z
  .object({
    /** `sticky`: one PR comment updated in place; `off`: check runs only. Default: "sticky". */
    mode: z.enum(["sticky", "off"]).default("sticky").describe("PR comment mode."),
    /** Skip the PR comment when nothing was found. Default: false. */
    onlyWithFindings: z.boolean().default(false).describe("Comment only when something was found."),
  })
  .strict();

const ArtifactsSchema = z
  .object({
    /** Read artifacts of completed workflow runs. Default: true. */
    enabled: z.boolean().default(true).describe("Read artifacts of completed workflow runs."),
    /** Glob on artifact names to download. Default: "*". */
    name: z.string().default(DEFAULT_ARTIFACT_NAME_PATTERN).describe("Glob on artifact names."),
    /** Largest artifact zip downloaded, in bytes. Default: 100 MiB. */
    maxBytes: z.number().int().positive().default(DEFAULT_MAX_ARTIFACT_BYTES).describe("Largest artifact downloaded (bytes)."),
  })
  .strict();

const ReproductionSchema = z
  .object({
    /** Offer the "Reproduce" button on training check runs. Default: true. */
    enabled: z.boolean().default(true).describe("Offer the Reproduce button."),
    /** Where experiments run: `actions` dispatches the reusable workflow on your runners. Default: "actions". */
    runner: z.enum(["actions", "local"]).default("actions").describe("Where experiments run."),
    /** Workflow file in this repository that calls the reusable repro workflow. Default: "loss-doctor-repro.yml". */
    workflow: z.string().default(DEFAULT_REPRO_WORKFLOW).describe("Workflow file dispatched for reproductions."),
    /** `runs-on` labels passed to the workflow. Default: ["self-hosted", "gpu"]. */
    runsOn: z.array(z.string()).default([...DEFAULT_REPRO_RUNS_ON]).describe("runs-on labels of the repro workflow."),
    /** Seeds per arm. Default: 3. */
    seeds: z.number().int().min(1).max(20).default(DEFAULT_REPRO_SEEDS).describe("Seeds per arm."),
  })
  .strict();

const ChartsSchema = z
  .object({
    /** Include charts (images when the app has a public URL, Mermaid otherwise). Default: true. */
    enabled: z.boolean().default(true).describe("Include charts in reports."),
    /** Chart theme. Default: "light". */
    theme: z.enum(["light", "dark"]).default("light").describe("Chart theme."),
  })
  .strict();

/** The whole repository config. */
export const AppConfigSchema = z
  .object({
    /** Which training logs to read. Default: every field at its default. */
    logs: LogsSchema.prefault({}).describe("Which training logs to read."),
    /** The training-config gate (lint). Default: every field at its default. */
    configGate: ConfigGateSchema.prefault({}).describe("The training-config gate."),
    /** Loss-curve detectors. Default: every field at its default. */
    detectors: DetectorsSchema.prefault({}).describe("Loss-curve detectors."),
    /** When check runs fail (for branch protection). Default: every field at its default. */
    checks: ChecksSchema.prefault({}).describe("When check runs fail."),
    /** The sticky PR comment. Default: every field at its default. */
    comment: CommentSchema.prefault({}).describe("The PR comment."),
    /** Workflow-run artifacts. Default: every field at its default. */
    artifacts: ArtifactsSchema.prefault({}).describe("Workflow-run artifacts."),
    /** Reproduction experiments. Default: every field at its default. */
    reproduction: ReproductionSchema.prefault({}).describe("Reproduction experiments."),
    /** Charts in comments and check runs. Default: every field at its default. */
    charts: ChartsSchema.prefault({}).describe("Charts in reports."),
  })
  .strict();

/** The resolved config, every default applied. */
export type AppConfig = z.infer<typeof AppConfigSchema>;
/** The config as written by users (every field optional). */
export type AppConfigInput = z.input<typeof AppConfigSchema>;
export type FailOn = z.infer<typeof FailOnSchema>;

/** The config used when the repository has no `.github/loss-doctor.yml`. */
export const DEFAULT_APP_CONFIG: AppConfig = AppConfigSchema.parse({});
