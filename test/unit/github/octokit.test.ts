import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { appOctokit } from "../../../src/github/octokit.js";
import { startLocalServer, type LocalServer } from "../../helpers/local-http.js";

/** A local API that records when each request arrived and which client sent it. */
let server: LocalServer;
let base = "";
const seen: { method: string; at: number; agent: string }[] = [];
beforeAll(async () => {
  server = await startLocalServer((req, _body, res) => {
    seen.push({ method: req.method ?? "", at: Date.now(), agent: req.headers["accept-encoding"] ?? "" });
    res.writeHead(201, { "content-type": "application/json" }).end('{"id":1}');
  });
  base = server.base;
});
afterAll(() => server.close());

describe("appOctokit", () => {
  test("production (throttled) keeps Probot's write limiter on the node client: two POSTs ≥ ~1 s apart", async () => {
    const Octokit = appOctokit({ throttle: true, httpClient: "node" });
    const octokit = new Octokit({ auth: "token", baseUrl: base });
    seen.length = 0;
    await Promise.all([octokit.request("POST /repos/o/r/check-runs", { name: "a", head_sha: "1" }), octokit.request("POST /repos/o/r/check-runs", { name: "b", head_sha: "2" })]);
    expect(seen.map((s) => s.method)).toEqual(["POST", "POST"]);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    // The node client (lean-fetch.ts) asks for "gzip, deflate, br"; undici's fetch in Node 20 sends "gzip, deflate".
    expect(seen[0]?.agent).toBe("gzip, deflate, br");
  }, 10_000);

  test("tests and benchmarks (unthrottled): the same POSTs go out together", async () => {
    const Octokit = appOctokit({ throttle: false, httpClient: "node" });
    const octokit = new Octokit({ auth: "token", baseUrl: base });
    seen.length = 0;
    const start = Date.now();
    await Promise.all([octokit.request("POST /repos/o/r/check-runs", { name: "a", head_sha: "1" }), octokit.request("POST /repos/o/r/check-runs", { name: "b", head_sha: "2" })]);
    expect(seen).toHaveLength(2);
    expect(Date.now() - start).toBeLessThan(900);
  });
});
