import { ProbotOctokit } from "probot";
import { createLeanFetch } from "./http/lean-fetch.js";

/** Which HTTP client Octokit uses: `node` (http/https keep-alive, `http/lean-fetch.ts`) or undici's `fetch`. */
export type GitHubHttpClient = "node" | "fetch";

/** One client per process: its keep-alive agents pool the connections to GitHub for every installation. */
let sharedLeanFetch: typeof fetch | undefined;
function leanFetch(): typeof fetch {
  sharedLeanFetch ??= createLeanFetch();
  return sharedLeanFetch;
}

type Options = Record<string, unknown>;
const withClient = (options: Options, client: GitHubHttpClient): Options =>
  client === "fetch" ? options : { ...options, request: { ...(options.request as object | undefined), fetch: leanFetch() } };

/**
 * The app's Octokit class: Probot's (throttling, retries, pagination, REST methods) on the chosen HTTP
 * client. With `throttle: false`, no retries and no throttling either — for tests and benchmarks
 * against a fake GitHub. Production keeps Probot's defaults (the write limiter spaces POST/PATCH
 * requests per installation 1 s apart, GitHub's guidance against secondary rate limits).
 *
 * Gotcha: `ProbotOctokit.defaults({ throttle: { enabled: false } })` does NOT turn throttling off in
 * Probot 14: Probot's own defaults layer passes a `throttle` object that replaces it. A function
 * default runs last and wins.
 */
export function appOctokit(options: { throttle: boolean; httpClient: GitHubHttpClient }): typeof ProbotOctokit {
  if (options.throttle && options.httpClient === "fetch") return ProbotOctokit;
  return ProbotOctokit.defaults((o: Options) => {
    const unthrottled = options.throttle ? o : { ...o, retry: { enabled: false }, throttle: { ...(o.throttle as object | undefined), enabled: false } };
    return withClient(unthrottled, options.httpClient);
  });
}

/** ProbotOctokit without retries and without throttling, on the app's own HTTP client (the handler tests). */
export const UnthrottledOctokit = appOctokit({ throttle: false, httpClient: "node" });
