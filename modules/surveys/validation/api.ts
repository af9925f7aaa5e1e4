// The year of the survey pages' `?year=` parameter. (The API and the export validate with
// core/http/params.ts, shared by every /api/v1 route.)

/** A year from a page's search parameter, or the fallback when absent or malformed. */
export function pageYear(v: string | string[] | undefined, fallback: number): number {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{4}$/.test(s) && Number(s) >= 2000 && Number(s) <= 2100 ? Number(s) : fallback;
}
