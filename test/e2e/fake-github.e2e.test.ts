import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github/index.js";

/**
 * The fake GitHub's own contract: it answers documented operations, and it refuses (HTTP 599 +
 * recorded violation) unknown routes, requests that break GitHub's OpenAPI schemas and requests
 * without a credential it issued. If these fail, the e2e suite's "zero violations" means nothing.
 */

jest.setTimeout(60_000);

let gh: FakeGitHub;
let token = "";

async function call(method: string, path: string, body?: unknown, auth: string | null = `token ${token}`): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/vnd.github+json" };
  if (auth !== null) headers.authorization = auth;
  const res = await fetch(`${gh.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, json: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown> };
}

beforeAll(async () => {
  gh = await startFakeGitHub();
  const repo = gh.state.addRepo("acme", "mnist");
  repo.commit("main", { "runs/a/metrics.csv": "epoch,loss\n0,1\n", "docs/big.bin": new Uint8Array(2 * 1024 * 1024) }, "initial");
  const issued = await call("POST", "/app/installations/7/access_tokens", {}, "Bearer aaa.bbb.ccc");
  token = String(issued.json.token);
});

afterAll(async () => { await gh?.close(); });

describe("fake GitHub", () => {
  test("issues installation tokens with expires_at to App JWTs", async () => {
    const again = await call("POST", "/app/installations/7/access_tokens", {}, "Bearer aaa.bbb.ccc");
    expect(again.status).toBe(201);
    expect(again.json.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(gh.violations).toEqual([]);
  });

  test("serves file contents inline, and large files through the blob API", async () => {
    const small = await call("GET", "/repos/acme/mnist/contents/runs%2Fa%2Fmetrics.csv?ref=main");
    expect(small.status).toBe(200);
    expect(Buffer.from(String(small.json.content), "base64").toString()).toBe("epoch,loss\n0,1\n");
    const big = await call("GET", "/repos/acme/mnist/contents/docs/big.bin?ref=main");
    expect(big.json.content).toBe("");
    const blob = await call("GET", `/repos/acme/mnist/git/blobs/${String(big.json.sha)}`);
    expect(Buffer.from(String(blob.json.content), "base64")).toHaveLength(2 * 1024 * 1024);
    expect((await call("GET", "/repos/acme/mnist/contents/missing.csv")).status).toBe(404);
    expect(gh.violations).toEqual([]);
  });

  test("creates and updates check runs (state kept, responses schema-valid)", async () => {
    const created = await call("POST", "/repos/acme/mnist/check-runs", { name: "t", head_sha: "abc", status: "in_progress", output: { title: "x", summary: "y" } });
    expect(created.status).toBe(201);
    const updated = await call("PATCH", `/repos/acme/mnist/check-runs/${String(created.json.id)}`, { conclusion: "failure", output: { title: "done", summary: "bad", annotations: [{ path: "a", start_line: 1, end_line: 1, annotation_level: "failure", message: "m" }] } });
    expect(updated.json).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "done", annotations_count: 1 } });
    expect(gh.violations).toEqual([]);
  });

  test("an unknown route → 599 and an 'unknown-route' violation", async () => {
    const res = await call("GET", "/repos/acme/mnist/no-such-thing/1");
    expect(res.status).toBe(599);
    expect(gh.violations.pop()).toMatchObject({ kind: "unknown-route", url: "/repos/acme/mnist/no-such-thing/1" });
  });

  test("a body that breaks the schema → 599 with ajv's reasons", async () => {
    const res = await call("POST", "/repos/acme/mnist/check-runs", { name: "t", status: "sleeping", output: { title: "x" } });
    expect(res.status).toBe(599);
    const v = gh.violations.pop();
    expect(v?.kind).toBe("invalid-request");
    expect(v?.problems.join("\n")).toMatch(/head_sha/);
    expect(v?.problems.join("\n")).toMatch(/status must be equal to one of the allowed values/);
    expect(v?.problems.join("\n")).toMatch(/summary/);
  });

  test("a bad query parameter or an undocumented one → 599", async () => {
    expect((await call("GET", "/repos/acme/mnist/issues/1/comments?per_page=abc")).status).toBe(599);
    expect(gh.violations.pop()?.problems.join("\n")).toMatch(/per_page/);
    expect((await call("GET", "/repos/acme/mnist/issues/1/comments?colour=red")).status).toBe(599);
    expect(gh.violations.pop()?.problems.join("\n")).toMatch(/colour/);
  });

  test("no credential, or one it never issued → 599 'auth'", async () => {
    expect((await call("GET", "/repos/acme/mnist/contents/x", undefined, null)).status).toBe(599);
    expect(gh.violations.pop()?.kind).toBe("auth");
    expect((await call("GET", "/repos/acme/mnist/contents/x", undefined, "token ghs_made_up")).status).toBe(599);
    expect(gh.violations.pop()?.kind).toBe("auth");
    expect(gh.violations).toEqual([]);
  });
});
