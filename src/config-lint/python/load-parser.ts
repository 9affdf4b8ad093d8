import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

/**
 * Edge file: loads the web-tree-sitter runtime and the Python grammar (both wasm, read from
 * node_modules). The promise is cached, so the ~20-30 ms initialisation is paid once per process.
 */
let cached: Promise<Parser> | undefined;

async function createPythonParser(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const python = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/** The shared Python parser (created on first use). */
export function loadPythonParser(): Promise<Parser> {
  cached ??= createPythonParser().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
