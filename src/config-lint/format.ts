/** Number formatting for messages and suggested replacements: `0.001` → `1e-3`, `0.1` → `0.1`. */
export function formatNumber(value: number | string): string {
  if (typeof value === "string") return value;
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs < 1e-2 || abs >= 1e5) {
    const [mantissa, exponent] = value.toExponential().split("e");
    const m = Number(Number(mantissa).toPrecision(3));
    return `${m}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(4)));
}
