import { describe, expect, test } from "@jest/globals";
import { DEFAULT_DATA_DIR, EnvError, readEnv } from "../../../src/config/env.js";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\\nMIIB\\n-----END RSA PRIVATE KEY-----";
const base = { APP_ID: "123", PRIVATE_KEY: PEM, WEBHOOK_SECRET: "s3cr3t-value" };

describe("readEnv()", () => {
  test("readEnv(minimal) applies defaults: PGlite data dir, port 3000, info logs; PEM \\n escapes are expanded", () => {
    const env = readEnv(base);
    expect(env).toMatchObject({ APP_ID: "123", LOSS_DOCTOR_DATA_DIR: DEFAULT_DATA_DIR, PORT: 3000, LOG_LEVEL: "info" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PRIVATE_KEY).toContain("\nMIIB\n");
  });

  test("readEnv() accepts DATABASE_URL, PUBLIC_URL with a signing key, and PORT=0", () => {
    const env = readEnv({ ...base, DATABASE_URL: "postgres://u@db/ld", PUBLIC_URL: "https://ld.example.com", CHART_SIGNING_KEY: "k".repeat(32), PORT: "0" });
    expect(env).toMatchObject({ DATABASE_URL: "postgres://u@db/ld", PUBLIC_URL: "https://ld.example.com", PORT: 0 });
  });

  test("readEnv(bad) throws one EnvError naming every bad variable and never echoing secret values", () => {
    const bad = { APP_ID: "abc", PRIVATE_KEY: "not-a-key-SECRETVALUE", WEBHOOK_SECRET: "", DATABASE_URL: "mysql://x", PUBLIC_URL: "https://ld.example.com" };
    let error: unknown;
    try { readEnv(bad); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET", "DATABASE_URL"]) expect(message).toContain(`${name}:`);
    expect(message).not.toContain("SECRETVALUE");
  });

  test("LOG_FORMAT: pretty by default, json for log shippers, anything else refused", () => {
    expect(readEnv(base).LOG_FORMAT).toBe("pretty");
    expect(readEnv({ ...base, LOG_FORMAT: "json" }).LOG_FORMAT).toBe("json");
    expect(() => readEnv({ ...base, LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT:/);
  });

  test("CHART_RETENTION_DAYS: 90 by default, 0 keeps charts forever, anything but days refused", () => {
    expect(readEnv(base).CHART_RETENTION_DAYS).toBe(90);
    expect(readEnv({ ...base, CHART_RETENTION_DAYS: "0" }).CHART_RETENTION_DAYS).toBe(0);
    expect(() => readEnv({ ...base, CHART_RETENTION_DAYS: "two weeks" })).toThrow(/CHART_RETENTION_DAYS:/);
  });

  test("GITHUB_HTTP_CLIENT: node by default, fetch on request, anything else refused", () => {
    expect(readEnv(base).GITHUB_HTTP_CLIENT).toBe("node");
    expect(readEnv({ ...base, GITHUB_HTTP_CLIENT: "fetch" }).GITHUB_HTTP_CLIENT).toBe("fetch");
    expect(() => readEnv({ ...base, GITHUB_HTTP_CLIENT: "curl" })).toThrow(/GITHUB_HTTP_CLIENT:/);
  });

  test("GITHUB_THROTTLE: on by default, off on request, anything else refused", () => {
    expect(readEnv(base).GITHUB_THROTTLE).toBe("on");
    expect(readEnv({ ...base, GITHUB_THROTTLE: "off" }).GITHUB_THROTTLE).toBe("off");
    expect(() => readEnv({ ...base, GITHUB_THROTTLE: "no" })).toThrow(/GITHUB_THROTTLE:/);
  });

  test("PUBLIC_URL without CHART_SIGNING_KEY is refused (chart URLs must be signed)", () => {
    expect(() => readEnv({ ...base, PUBLIC_URL: "https://ld.example.com" })).toThrow(/CHART_SIGNING_KEY: required when PUBLIC_URL is set/);
    expect(() => readEnv({ ...base, PUBLIC_URL: "https://ld.example.com", CHART_SIGNING_KEY: "short" })).toThrow(/at least 32 characters/);
  });
});
