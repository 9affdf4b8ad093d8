import { z } from "zod";

/** Default embedded-database directory (PGlite) when DATABASE_URL is not set. */
export const DEFAULT_DATA_DIR = ".data/pglite";
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = "0.0.0.0";
/** Shortest accepted CHART_SIGNING_KEY: 32 characters (≥ 128 bits of entropy when random). */
export const MIN_SIGNING_KEY_LENGTH = 32;
/** Default of CHART_RETENTION_DAYS. */
export const DEFAULT_CHART_RETENTION_DAYS = 90;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

/**
 * Process environment of the app server. Secrets (PRIVATE_KEY, WEBHOOK_SECRET, CHART_SIGNING_KEY,
 * DATABASE_URL) are validated but never echoed in error messages.
 */
const EnvSchema = z.object({
  /** GitHub App id. */
  APP_ID: z.string().regex(/^\d+$/, "must be the numeric GitHub App id"),
  /** The App's private key (PEM). `\n` escapes are accepted. Alternative: PRIVATE_KEY_PATH (read by main). */
  PRIVATE_KEY: z.string().includes("PRIVATE KEY", { message: "must be a PEM private key" }),
  /** Webhook secret configured on the App; signatures are verified with it. */
  WEBHOOK_SECRET: z.string().min(1, "must not be empty"),
  /** PostgreSQL connection string; when unset the embedded PGlite store in LOSS_DOCTOR_DATA_DIR is used. */
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional()),
  /** Public base URL of this server (e.g. https://loss-doctor.example.com); enables chart images. */
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional()),
  /** HMAC key that signs chart URLs; required with PUBLIC_URL. */
  CHART_SIGNING_KEY: optionalText.pipe(z.string().min(MIN_SIGNING_KEY_LENGTH, `must be at least ${MIN_SIGNING_KEY_LENGTH} characters`).optional()),
  /** Days a served chart image is kept (comments older than that show a broken image); 0 = forever. */
  CHART_RETENTION_DAYS: optionalText
    .pipe(z.string().regex(/^\d{1,5}$/, "must be a whole number of days (0 = keep forever)").optional())
    .transform((v) => (v === undefined ? DEFAULT_CHART_RETENTION_DAYS : Number(v))),
  /** Directory of the embedded PGlite database. */
  LOSS_DOCTOR_DATA_DIR: optionalText.transform((v) => v ?? DEFAULT_DATA_DIR),
  /** GitHub API base URL (GitHub Enterprise Server or a fake for tests). */
  GITHUB_API_URL: optionalText.pipe(z.url().optional()),
  /**
   * `off` turns off Octokit's client-side throttling (the queue that keeps the app under GitHub's
   * primary and secondary rate limits). Only for a GitHub Enterprise Server without rate limits or
   * a local fake; default `on`.
   */
  GITHUB_THROTTLE: optionalText.pipe(z.enum(["on", "off"]).optional()).transform((v) => v ?? "on"),
  GITHUB_HTTP_CLIENT: optionalText.pipe(z.enum(["node", "fetch"]).optional()).transform((v) => v ?? "node"),
  PORT: optionalText
    .pipe(z.string().regex(/^\d{1,5}$/, "must be a port number").optional())
    .transform((v) => (v === undefined ? DEFAULT_PORT : Number(v))),
  HOST: optionalText.transform((v) => v ?? DEFAULT_HOST),
  LOG_LEVEL: optionalText.pipe(z.enum(["trace", "debug", "info", "warn", "error", "fatal"]).optional()).transform((v) => v ?? "info"),
  /** `json` for log shippers (one object per line), `pretty` (default) for people. */
  LOG_FORMAT: optionalText.pipe(z.enum(["json", "pretty"]).optional()).transform((v) => v ?? "pretty"),
});

export type AppEnv = z.infer<typeof EnvSchema>;

/** Thrown at start-up when the environment is incomplete; the message lists variables, never values. */
export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Reads and validates the environment once at start-up. Fails fast with a fix-it message naming
 * each bad variable (values are never included, since most are secrets).
 */
export function readEnv(env: Record<string, string | undefined> = process.env): AppEnv {
  const result = EnvSchema.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (result.success && result.data.PUBLIC_URL !== undefined && result.data.CHART_SIGNING_KEY === undefined) {
    problems.push("CHART_SIGNING_KEY: required when PUBLIC_URL is set (chart URLs are HMAC-signed)");
  }
  if (!result.success || problems.length > 0) {
    throw new EnvError(`Invalid environment (see docs/github-app.md#environment):\n  ${problems.join("\n  ")}`);
  }
  return { ...result.data, PRIVATE_KEY: result.data.PRIVATE_KEY.replace(/\\n/g, "\n") };
}
