import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** The official vega-lite JSON schema (node_modules/vega-lite/build/vega-lite-schema.json), compiled once. */
export function vegaLiteValidator(): ValidateFunction {
  if (validator !== undefined) return validator;
  const path = join(dirname(require.resolve("vega-lite")), "vega-lite-schema.json");
  const schema = JSON.parse(readFileSync(path, "utf8")) as object;
  const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
  // ajv-formats is CommonJS: its default import is module.exports, whose `default` is the plugin.
  addFormatsModule.default(ajv);
  ajv.addFormat("color-hex", /^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  validator = ajv.compile(schema);
  return validator;
}

/** Schema errors of a spec as short strings (empty when valid). */
export function schemaErrors(spec: unknown): string[] {
  const validate = vegaLiteValidator();
  if (validate(spec)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
