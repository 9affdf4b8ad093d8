import { ProbotOctokit } from "probot";

/**
 * ProbotOctokit without retries and without throttling — for tests and benchmarks against a fake
 * GitHub. Production keeps Probot's defaults (the write limiter spaces POST/PATCH requests per
 * installation 1 s apart, GitHub's guidance against secondary rate limits).
 *
 * Gotcha: `ProbotOctokit.defaults({ throttle: { enabled: false } })` does NOT turn throttling off in
 * Probot 14: Probot's own defaults layer passes a `throttle` object that replaces it. A function
 * default runs last and wins.
 */
export const UnthrottledOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
