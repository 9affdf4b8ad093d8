import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { Octokit } from "@octokit/core";
import { createLeanFetch } from "../../../../src/github/http/lean-fetch.js";
import { startLocalServer, type LocalHandler, type LocalServer } from "../../../helpers/local-http.js";

/** A local server whose routes each exercise one behaviour of the client. */
const routes: Record<string, LocalHandler> = {
  "/echo": (req, body, res) => {
    res.writeHead(201, { "content-type": "application/json; charset=utf-8", "set-cookie": ["a=1", "b=2"], "x-request-id": "r1" });
    res.end(JSON.stringify({ method: req.method, body, length: req.headers["content-length"] ?? null, auth: req.headers.authorization ?? null, accept: req.headers["accept-encoding"] ?? null }));
  },
  "/gzip": (_req, _body, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(gzipSync(JSON.stringify({ zipped: "é".repeat(1000) })));
  },
  "/redirect": (_req, _body, res) => void res.writeHead(302, { location: "/echo" }).end(),
  "/missing": (_req, _body, res) => void res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}'),
  "/big": (_req, _body, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(10_000)),
  "/slow": (_req, _body, res) => void setTimeout(() => res.writeHead(200).end("late"), 400),
  "/empty": (_req, _body, res) => void res.writeHead(204).end(),
  // Answers the first request on a connection; closes the connection unanswered on any later one
  // (a server that dropped an idle kept-alive connection).
  "/once-per-socket": (req, _body, res) => {
    const served = (servedOn.get(req.socket) ?? 0) + 1;
    servedOn.set(req.socket, served);
    if (served > 1) req.socket.destroy();
    else res.writeHead(200, { "content-type": "text/plain" }).end(`served ${served}`);
  },
};
const servedOn = new WeakMap<object, number>();

let server: LocalServer;
let base = "";
beforeAll(async () => {
  server = await startLocalServer((req, body, res) => (routes[req.url ?? ""] ?? ((_q, _b, r: ServerResponse) => void r.writeHead(500).end()))(req, body, res));
  base = server.base;
});
afterAll(() => server.close());

describe("createLeanFetch", () => {
  const fallbackCalls: string[] = [];
  const fallback = (async (input: string | URL | Request, init?: RequestInit) => {
    fallbackCalls.push(String(input));
    return fetch(input, init);
  }) as typeof fetch;
  const leanFetch = createLeanFetch({ fallback, maxResponseBytes: 5_000, timeoutMs: 150 });

  test("sends the method, headers and body (with its length) and returns status, headers and JSON", async () => {
    const res = await leanFetch(`${base}/echo`, { method: "POST", body: '{"a":"é"}', headers: { authorization: "token t", "content-type": "application/json" } });
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${base}/echo`);
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(res.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(await res.json()).toEqual({ method: "POST", body: '{"a":"é"}', length: String(Buffer.byteLength('{"a":"é"}')), auth: "token t", accept: "gzip, deflate, br" });
    await expect(res.text()).rejects.toThrow("already been read");
  });

  test("decodes gzip bodies", async () => {
    expect(await (await leanFetch(`${base}/gzip`)).json()).toEqual({ zipped: "é".repeat(1000) });
  });

  test("a redirect is sent again through the fallback, which follows it; redirect: manual returns it", async () => {
    fallbackCalls.length = 0;
    const followed = await leanFetch(`${base}/redirect`, { headers: { authorization: "token t" } });
    expect(fallbackCalls).toEqual([`${base}/redirect`]);
    expect(((await followed.json()) as { method: string }).method).toBe("GET");
    const manual = await leanFetch(`${base}/redirect`, { redirect: "manual" });
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe("/echo");
  });

  test("bodies it does not buffer (streams, forms) go to the fallback unchanged", async () => {
    fallbackCalls.length = 0;
    const res = await leanFetch(`${base}/echo`, { method: "POST", body: new URLSearchParams({ a: "1" }) });
    expect(fallbackCalls).toEqual([`${base}/echo`]);
    expect(((await res.json()) as { body: string }).body).toBe("a=1");
  });

  test("limits: a body above maxResponseBytes, no answer within timeoutMs and a refused connection fail as TypeError", async () => {
    await expect(leanFetch(`${base}/big`)).rejects.toMatchObject({ name: "TypeError", cause: { message: "response body larger than 5000 bytes" } });
    await expect(leanFetch(`${base}/slow`)).rejects.toMatchObject({ name: "TypeError", cause: { message: "no response for 150 ms" } });
    await expect(leanFetch("http://127.0.0.1:1/")).rejects.toMatchObject({ name: "TypeError", cause: { code: "ECONNREFUSED" } });
  });

  test("a kept-alive connection the server closed meanwhile is retried once on a new one", async () => {
    const client = createLeanFetch({ maxSockets: 1 });
    expect(await (await client(`${base}/once-per-socket`, { method: "POST", body: "a" })).text()).toBe("served 1");
    expect(await (await client(`${base}/once-per-socket`, { method: "POST", body: "b" })).text()).toBe("served 1");
  });

  test("an abort signal cancels before and during the request", async () => {
    await expect(leanFetch(`${base}/echo`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    const controller = new AbortController();
    const pending = createLeanFetch()(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  test("through Octokit: data, errors with GitHub's message, 204, and the body stream when parsing is off", async () => {
    const octokit = new Octokit({ baseUrl: base, request: { fetch: leanFetch } });
    expect((await octokit.request("POST /echo", { x: 1 })).data).toMatchObject({ method: "POST", body: '{"x":1}' });
    await expect(octokit.request("GET /missing")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("Not Found") });
    expect((await octokit.request("GET /empty")).status).toBe(204);
    const raw = await octokit.request("GET /gzip", { request: { parseSuccessResponseBody: false } });
    const stream = raw.data as unknown as ReadableStream;
    const text = await new Response(stream).text();
    expect(JSON.parse(text)).toEqual({ zipped: "é".repeat(1000) });
  });
});
