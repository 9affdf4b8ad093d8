import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * Validates HTTP traffic against GitHub's published OpenAPI description (api.github.com.json from
 * @octokit/openapi). Only that one JSON file is read — importing the package would load 385 MB.
 * Schemas are compiled lazily per operation and cached; `#/components/` refs point at one shared
 * "gh" schema holding the spec's components.
 */

type Json = Record<string, unknown>;

interface Parameter { name: string; in: "path" | "query" | "header" | "cookie"; required?: boolean; schema?: Json; "x-multi-segment"?: boolean }

interface Operation { operationId: string; parameters?: (Parameter | { $ref: string })[]; requestBody?: { required?: boolean; content: Record<string, { schema: Json }> }; responses: Record<string, { content?: Record<string, { schema: Json }> }> }

export interface RouteMatch {
  operationId: string;
  template: string;
  method: string;
  params: Record<string, string>;
  operation: Operation;
}

interface CompiledRoute { order: number; method: string; template: string; regex: RegExp; names: string[]; literals: number; operation: Operation }

const METHODS = ["get", "put", "post", "delete", "patch", "head"] as const;

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The spec file shipped by @octokit/openapi (resolved through node's resolver, read with JSON.parse). */
export function loadGitHubOpenApi(): Json {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  return JSON.parse(readFileSync(file, "utf8")) as Json;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileRoute(method: string, template: string, operation: Operation, multiSegment: ReadonlySet<string>): CompiledRoute {
  const names: string[] = [];
  let literals = 0;
  const source = template.split("/").map((segment) => segment.replace(/\{(\w+)\}|([^{}]+)/g, (_all, name: string | undefined, literal: string | undefined) => {
    if (name === undefined) { literals += 1; return escapeRegex(literal ?? ""); }
    names.push(name);
    return multiSegment.has(name) ? "(.+)" : "([^/]+)";
  })).join("/");
  return { order: 0, method, template, regex: new RegExp(`^${source}$`), names, literals, operation };
}

/**
 * OpenAPI 3.0 `nullable: true` next to an `enum` means null is allowed; ajv only widens `type`, so the
 * enum gets an explicit null (e.g. an in-progress check run's `conclusion: null`).
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) { node.forEach(allowNullInNullableEnums); return; }
  if (typeof node !== "object" || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.nullable === true && Array.isArray(o.enum) && !o.enum.includes(null)) o.enum.push(null);
  for (const value of Object.values(o)) allowNullInNullableEnums(value);
}

function rewriteRefs<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/')) as T;
}

/** Converts a query/path string to the schema's type so ajv can check it. */
function coerce(value: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if ((type === "integer" || type === "number") && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (type === "array") return value.split(",");
  return value;
}

export class OpenApiValidator {
  private readonly routes: CompiledRoute[] = [];
  /** Routes bucketed by method + 1st and 4th path segment ("*" where the template has a parameter). */
  private readonly buckets = new Map<string, CompiledRoute[]>();
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly parameters: Record<string, Parameter>;

  constructor(spec: Json) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));
    const components = spec.components as Json;
    allowNullInNullableEnums(components);
    allowNullInNullableEnums(spec.paths);
    this.ajv.addSchema({ $id: "gh", components });
    this.parameters = (components.parameters ?? {}) as Record<string, Parameter>;
    for (const [template, item] of Object.entries(spec.paths as Record<string, Record<string, Operation>>)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const multi = new Set(this.resolveParameters(operation).filter((p) => p["x-multi-segment"] === true).map((p) => p.name));
        this.routes.push(compileRoute(method.toUpperCase(), template, operation, multi));
      }
    }
    // Most literal segments first: `/repos/{o}/{r}/pulls/comments` wins over `/repos/{o}/{r}/pulls/{n}`.
    this.routes.sort((a, b) => b.literals - a.literals || a.names.length - b.names.length);
    this.routes.forEach((route, i) => { route.order = i; });
    for (const route of this.routes) {
      const key = OpenApiValidator.bucketKey(route.method, route.template.split("/"), true);
      this.buckets.set(key, [...(this.buckets.get(key) ?? []), route]);
    }
  }

  private static bucketKey(method: string, segments: string[], template: boolean): string {
    const at = (i: number): string => {
      const s = segments[i] ?? "";
      return template && s.includes("{") ? "*" : s;
    };
    return `${method} ${at(1)} ${at(4)}`;
  }

  private candidates(method: string, pathname: string): CompiledRoute[] {
    const segments = pathname.split("/");
    const exact = this.buckets.get(OpenApiValidator.bucketKey(method, segments, false)) ?? [];
    const wildcard = this.buckets.get(`${method} ${segments[1] ?? ""} *`) ?? [];
    return [...exact, ...wildcard].sort((a, b) => a.order - b.order);
  }

  resolveParameters(operation: Operation): Parameter[] {
    return (operation.parameters ?? []).map((p) => ("$ref" in p ? this.parameters[p.$ref.split("/").pop() ?? ""] : p)).filter((p): p is Parameter => p !== undefined);
  }

  /** The operation a request addresses, or null when GitHub has no such route. */
  match(method: string, pathname: string): RouteMatch | null {
    for (const route of this.candidates(method, pathname)) {
      const m = route.regex.exec(pathname);
      if (m === null) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1] ?? ""); });
      return { operationId: route.operation.operationId, template: route.template, method, params, operation: route.operation };
    }
    return null;
  }

  private compiled(key: string, schema: Json): ValidateFunction {
    let fn = this.cache.get(key);
    if (fn === undefined) {
      fn = this.ajv.compile(rewriteRefs(schema));
      this.cache.set(key, fn);
    }
    return fn;
  }

  private check(key: string, schema: Json, value: unknown, where: string): string[] {
    const fn = this.compiled(key, schema);
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? "is invalid"}${e.params === undefined ? "" : ` ${JSON.stringify(e.params)}`}`);
  }

  /** Problems with path params, query and JSON body of a matched request (empty = valid). */
  validateRequest(route: RouteMatch, query: URLSearchParams, body: unknown, contentType: string | undefined): string[] {
    const problems: string[] = [];
    const params = this.resolveParameters(route.operation);
    for (const p of params) {
      if (p.in !== "path" && p.in !== "query") continue;
      const raw = p.in === "path" ? route.params[p.name] : (query.get(p.name) ?? undefined);
      if (raw === undefined) {
        if (p.required === true) problems.push(`${p.in} parameter '${p.name}' is required`);
        continue;
      }
      if (p.schema !== undefined) problems.push(...this.check(`${route.operationId}:${p.in}:${p.name}`, p.schema, coerce(raw, p.schema), `${p.in} '${p.name}'`));
    }
    const known = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
    for (const name of query.keys()) if (!known.has(name)) problems.push(`query parameter '${name}' is not defined for ${route.operationId}`);
    problems.push(...this.validateBody(route, body, contentType));
    return problems;
  }

  private validateBody(route: RouteMatch, body: unknown, contentType: string | undefined): string[] {
    const spec = route.operation.requestBody;
    if (spec === undefined) return body === undefined ? [] : [`${route.operationId} takes no request body`];
    if (body === undefined) return spec.required === true ? ["request body is required"] : [];
    const schema = spec.content["application/json"]?.schema;
    if (schema === undefined) return [];
    if (contentType !== undefined && !contentType.includes("json")) return [`content-type '${contentType}' is not JSON`];
    return this.check(`${route.operationId}:body`, schema, body, "body");
  }

  /** Problems with a JSON response body for `status` (empty when valid or when the spec gives no schema). */
  validateResponse(route: RouteMatch, status: number, body: unknown): string[] {
    const response = route.operation.responses[String(status)];
    // GitHub answers 404 on any route (missing or inaccessible resource) even where the spec omits it.
    if (response === undefined) return status === 404 ? [] : [`status ${status} is not documented for ${route.operationId}`];
    const schema = response.content?.["application/json"]?.schema;
    if (schema === undefined || body === undefined) return [];
    return this.check(`${route.operationId}:response:${status}`, schema, body, `response ${status}`);
  }
}
