// §4 "rounded once from the exact value at the precision shown (half up)": the one rounding of
// every figure. Figures are computed exactly (domain) and rounded here only when they are shown,
// exported or answered by the API, so 1 of 26 = 3.846… is 3.8 % at one decimal (never 3.85 → 3.9).

/**
 * Round half away from zero to `digits` decimals, robust to binary artefacts (1.005 → 1.01 at 2,
 * 92.75 → 92.8 at 1): the scaled value is first normalised to 15 significant digits, so a value
 * whose decimal form ends in 5 rounds up even when its binary form lies just below.
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: not a finite number: ${x}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new RangeError(`roundHalfUp: digits must be 0–10, got ${digits}`);
  const f = 10 ** digits;
  const scaled = Number.parseFloat((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * The precision of percentages (coverage, timeliness, report completeness and on time, 满意率) and
 * evaluator scores on screens: one decimal (3.8 %, 92.8).
 */
export const SCREEN_DIGITS = 1;
/**
 * The precision of the same figures where they are data: the XLSX exports, the read API, the
 * generated documents, and the 先进单位 ranking and its 公示 (§6 rounds components and composite
 * to 2 decimals before any comparison). Both are rounded once from the exact value.
 */
export const DATA_DIGITS = 2;

/** A figure at the given precision (null stays null). */
export function shown(x: number | null | undefined, digits: number = SCREEN_DIGITS): number | null {
  return x === null || x === undefined ? null : roundHalfUp(x, digits);
}

/** The figure as text at the given precision, e.g. '3.8'; null when there is no figure. */
export function shownText(x: number | null | undefined, digits: number = SCREEN_DIGITS): string | null {
  return x === null || x === undefined ? null : roundHalfUp(x, digits).toFixed(digits);
}
