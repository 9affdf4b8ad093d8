import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { HtmlAssets } from "./render-html.js";

const require = createRequire(import.meta.url);

/** Path of a file in a package's `build/` folder (the packages' `exports` hide it from require.resolve). */
function buildFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(pkg)), file);
}

/** Reads the minified UMD builds of vega, vega-lite and vega-embed from node_modules (edge: fs). */
export async function loadHtmlAssets(): Promise<HtmlAssets> {
  const [vega, vegaLite, vegaEmbed] = await Promise.all([
    readFile(buildFile("vega", "vega.min.js"), "utf8"),
    readFile(buildFile("vega-lite", "vega-lite.min.js"), "utf8"),
    readFile(buildFile("vega-embed", "vega-embed.min.js"), "utf8"),
  ]);
  return { vega, vegaLite, vegaEmbed };
}
