import { describe, expect, test } from "@jest/globals";
import { globToRegExp, matchesGlobs } from "../../../src/github/commands/glob.js";
import { isAttachmentUrl, isEmptyCommand, parseDiagnoseCommand } from "../../../src/github/commands/parse-diagnose-command.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";

describe("parseDiagnoseCommand()", () => {
  test("returns null when the comment has no /diagnose line", () => {
    expect(parseDiagnoseCommand("LGTM, but see /diagnose later")).toBeNull();
    expect(parseDiagnoseCommand("thanks!")).toBeNull();
  });

  test("/diagnose help", () => {
    expect(parseDiagnoseCommand("/diagnose help")?.help).toBe(true);
    expect(parseDiagnoseCommand("  /diagnose HELP\n")?.help).toBe(true);
  });

  test("/diagnose path@ref, a bare path, run and artifact URLs, and a refused non-GitHub link", () => {
    const c = parseDiagnoseCommand(
      "/diagnose runs/exp3/metrics.csv@main ./logs/train.log https://github.com/octo/ml/actions/runs/123 " +
        "https://github.com/octo/ml/actions/runs/123/artifacts/456 https://evil.example.com/x.csv ../../etc/passwd",
    );
    expect(c).toMatchObject({
      help: false,
      repoPaths: [{ path: "runs/exp3/metrics.csv", ref: "main" }, { path: "logs/train.log", ref: null }],
      runs: [{ owner: "octo", repo: "ml", runId: 123 }],
      artifacts: [{ owner: "octo", repo: "ml", runId: 123, artifactId: 456 }],
      rejected: ["https://evil.example.com/x.csv", "../../etc/passwd"],
    });
  });

  test("fenced blocks become pasted logs named by their language; attachment links in the body are collected", () => {
    const body = [
      "Our run blew up:",
      "/diagnose",
      "```csv",
      "epoch,loss",
      "0,2.3",
      "```",
      "and the full log: [train.log](https://github.com/user-attachments/files/1234567/train.log)",
      "```",
      "Epoch 1/10 - loss: 2.30",
      "```",
    ].join("\r\n");
    const c = parseDiagnoseCommand(body);
    expect(c?.pasted).toEqual([{ name: "pasted-1.csv", text: "epoch,loss\n0,2.3\n" }, { name: "pasted-2.txt", text: "Epoch 1/10 - loss: 2.30\n" }]);
    expect(c?.attachments).toEqual(["https://github.com/user-attachments/files/1234567/train.log"]);
    expect(isEmptyCommand(c!)).toBe(false);
  });

  test("three or more plain lines after the command are a pasted log; fewer are not", () => {
    expect(parseDiagnoseCommand("/diagnose\nepoch,loss\n0,2.3\n1,2.1\n")?.pasted).toEqual([{ name: "pasted.txt", text: "epoch,loss\n0,2.3\n1,2.1\n" }]);
    const short = parseDiagnoseCommand("/diagnose\nplease look\n");
    expect(short?.pasted).toEqual([]);
    expect(isEmptyCommand(short!)).toBe(true);
  });

  test("isAttachmentUrl() accepts GitHub upload hosts only", () => {
    expect(isAttachmentUrl("https://github.com/user-attachments/files/17/log.csv")).toBe(true);
    expect(isAttachmentUrl("https://github.com/octo/ml/files/123/log.zip")).toBe(true);
    expect(isAttachmentUrl("https://objects.githubusercontent.com/github-production-repository-file-5c1aeb/1/2?X-Amz=1")).toBe(true);
    expect(isAttachmentUrl("https://github.com.evil.com/user-attachments/files/1/x")).toBe(false);
    expect(isAttachmentUrl("http://github.com/user-attachments/files/1/x.csv")).toBe(false);
    expect(isAttachmentUrl("https://169.254.169.254/latest/meta-data")).toBe(false);
  });
});

describe("glob matching", () => {
  test("** spans directories, * stays in one segment, {a,b} alternates", () => {
    expect(globToRegExp("**/*.csv").test("metrics.csv")).toBe(true);
    expect(globToRegExp("**/*.csv").test("runs/a/b/metrics.csv")).toBe(true);
    expect(globToRegExp("runs/*.csv").test("runs/a/metrics.csv")).toBe(false);
    expect(globToRegExp("**/config*.{yaml,yml}").test("conf/config.yml")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
  });

  test("the default globs pick training logs and configs, not source code", () => {
    const { logs, configGate } = DEFAULT_APP_CONFIG;
    const isLog = (p: string) => matchesGlobs(p, logs.paths, logs.ignore);
    expect(["runs/exp1/metrics.csv", "logs/events.out.tfevents.1700000000.host", "out/trainer_state.json", "train.log", "runs/a/train.jsonl"].every(isLog)).toBe(true);
    expect(["src/app.ts", "README.md", "data/train.csv"].some(isLog)).toBe(false);
    expect(matchesGlobs("train.py", configGate.paths)).toBe(true);
    expect(matchesGlobs("configs/model/resnet.yaml", configGate.paths)).toBe(true);
    expect(matchesGlobs("src/model.py", configGate.paths)).toBe(false);
  });
});
