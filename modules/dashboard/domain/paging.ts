// Paging through a district's schools (issue 15, "light pages"): the matrix and the review queue
// of a few hundred schools show one page at a time.

/** Paging through the schools: the page asked for, clamped to the pages there are (1-based). */
export interface Paged {
  page: number;
  pages: number;
  /** Index of the page's first row and one past its last. */
  from: number;
  to: number;
}

export function pageOf(rows: number, size: number, asked: number | null): Paged {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`pageOf: page size ${size}`);
  const pages = Math.max(1, Math.ceil(rows / size));
  const page = asked !== null && Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  return { page, pages, from: (page - 1) * size, to: Math.min(page * size, rows) };
}
