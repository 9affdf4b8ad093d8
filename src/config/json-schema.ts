import { z } from "zod";
import { AppConfigSchema } from "./schema.js";

/** The JSON Schema of `.github/loss-doctor.yml` (input side: every field optional), as committed in schema/. */
export function buildAppConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AppConfigSchema, { io: "input", unrepresentable: "throw" });
  return {
    ...schema,
    $id: "https://github.com/loss-doctor/loss-doctor/schema/app-config.schema.json",
    title: "Loss Doctor repository config (.github/loss-doctor.yml)",
  };
}

/** The committed file's exact text (stable key order, trailing newline). */
export function renderAppConfigJsonSchema(): string {
  return `${JSON.stringify(buildAppConfigJsonSchema(), null, 2)}\n`;
}
