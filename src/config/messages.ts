/** User-facing messages about the repository config `.github/loss-doctor.yml`. */

export const CONFIG_PATH = ".github/loss-doctor.yml";

export const configMessages = {
  yamlSyntax: (detail: string): string =>
    `${CONFIG_PATH} is not valid YAML (${detail}). Fix the syntax; until then Loss Doctor uses its defaults.`,
  notAMapping: (kind: string): string =>
    `${CONFIG_PATH} must be a mapping of settings (found ${kind}). Loss Doctor uses its defaults.`,
  invalidField: (path: string, detail: string): string =>
    `${CONFIG_PATH}: \`${path || "(root)"}\` ${detail}. See docs/configuration.md; Loss Doctor uses its defaults until this is fixed.`,
  tooLarge: (bytes: number, limit: number): string =>
    `${CONFIG_PATH} is ${bytes} bytes, above the ${limit}-byte limit. Shorten it; Loss Doctor uses its defaults.`,
  unreadable: (): string => `${CONFIG_PATH} could not be read from the repository; Loss Doctor uses its defaults.`,
} as const;
