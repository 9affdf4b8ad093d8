import type { Severity } from "../domain/severity.js";
import { LINT_RULES } from "./rules/registry.js";
import type { LintFinding, LintResult } from "./types.js";

/** Where rule documentation lives; helpUri = this + `#<rule id>`. */
export const LINT_RULES_DOC_URL = "https://github.com/loss-doctor/loss-doctor/blob/main/docs/diagnostics/lint-rules.md";

const LEVEL: Readonly<Record<Severity, "error" | "warning" | "note">> = { error: "error", warning: "warning", info: "note" };

function result(finding: LintFinding, ruleIndex: number): object {
  const region: Record<string, number> = { startLine: finding.line };
  if (finding.column !== undefined) region["startColumn"] = finding.column;
  if (finding.endLine !== undefined) region["endLine"] = finding.endLine;
  const replacement = finding.fix?.replacement;
  return {
    ruleId: finding.id,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.fix ? `${finding.message} Fix: ${finding.fix.description}` : finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: finding.file.replace(/\\/g, "/").replace(/^\.\//, "") }, region } }],
    partialFingerprints: { "lossDoctorRule/v1": `${finding.id}:${finding.file}:${finding.key ?? ""}` },
    ...(replacement
      ? {
          fixes: [
            {
              description: { text: finding.fix!.description },
              artifactChanges: [
                {
                  artifactLocation: { uri: finding.file.replace(/\\/g, "/").replace(/^\.\//, "") },
                  replacements: [
                    {
                      deletedRegion: { startLine: replacement.line, startColumn: replacement.startColumn, endLine: replacement.line, endColumn: replacement.endColumn },
                      insertedContent: { text: replacement.text },
                    },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** SARIF 2.1.0 log for GitHub code scanning: one run, every rule described with a helpUri anchor. */
export function toSarif(lint: LintResult, toolVersion: string): object {
  const ids = LINT_RULES.map((r) => r.id);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "loss-doctor",
            semanticVersion: toolVersion,
            version: toolVersion,
            informationUri: LINT_RULES_DOC_URL,
            rules: LINT_RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.summary },
              helpUri: `${LINT_RULES_DOC_URL}#${rule.id}`,
              help: { text: `${rule.summary} See ${LINT_RULES_DOC_URL}#${rule.id}` },
            })),
          },
        },
        results: lint.findings.map((f) => result(f, ids.indexOf(f.id))),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: lint.issues.map((issue) => ({
              level: LEVEL[issue.severity],
              message: { text: `${issue.code}: ${issue.message}` },
              ...(issue.location?.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: issue.location.file }, ...(issue.location.line ? { region: { startLine: issue.location.line } } : {}) } }] } : {}),
            })),
          },
        ],
      },
    ],
  };
}
