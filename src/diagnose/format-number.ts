/** Compact, stable number formatting for user-facing text: 0.001 → "1e-3", 1234.5 → "1235", 0.4567 → "0.457". */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Inf" : "-Inf";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e6) {
    const [mantissa, exponent] = value.toExponential(2).split("e");
    const trimmed = (mantissa ?? "").replace(/\.?0+$/, "");
    return `${trimmed}e${Number(exponent)}`;
  }
  if (abs >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** Percentage with no decimals: 0.234 → "23%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
