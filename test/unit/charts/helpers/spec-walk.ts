/** Small helpers to look inside generated vega-lite specs in tests. */
type Json = Record<string, unknown>;

/** Every unit layer (objects with a `mark`), depth first. */
export function unitLayers(spec: unknown): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    const n = node as Json;
    if ("mark" in n) out.push(n);
    if (Array.isArray(n["layer"])) for (const child of n["layer"]) visit(child);
  };
  visit(spec);
  return out;
}

export function markType(layer: Json): string {
  const mark = layer["mark"];
  return typeof mark === "string" ? mark : String((mark as Json)["type"]);
}

/** Rows of the first inline CSV data found in the spec (as numbers, empty cells as null). */
export function csvRows(spec: unknown): Record<string, number | null>[] {
  const text = JSON.stringify(spec);
  const match = /"values":"([^"]*)"/.exec(text);
  if (match === null) return [];
  const [header, ...lines] = JSON.parse(`"${match[1]}"`).split("\n") as string[];
  const columns = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i]!, cell === "" ? null : Number(cell)])));
}

/** Inline JSON rows of the layers with a given mark type. */
export function annotationRows(spec: unknown, type: string): Json[] {
  return unitLayers(spec)
    .filter((l) => markType(l) === type && Array.isArray((l["data"] as Json | undefined)?.["values"]))
    .flatMap((l) => (l["data"] as { values: Json[] }).values);
}
