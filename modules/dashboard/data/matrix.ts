// Coverage matrix (issue 4): schools × checklist items for a quarter or a year, with totals per
// row (= the school table) and per column, and the disclosures behind one cell. Built on the
// school table so that the matrix, the table, the XLSX export and the API agree exactly.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { disclosureRejections, disclosures, users } from '@/db/schema';
import { columnTotals, matrixRow, type ColumnTotal, type MatrixCell } from '@/modules/dashboard/domain/coverage-matrix';
import { rollUp, type RollUpFigures } from '@/modules/obligations/domain/metrics';
import type { ChecklistItem, CoverageTally, ObligationResult } from '@/core/domain/types';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { loadSchoolTable, type Period, type SchoolFilters, type SchoolTableRow } from './school-table';
import { schoolInScope } from '@/modules/org/data/schools';
import type { Scope } from '@/core/scope';

export interface MatrixRow {
  school: Pick<SchoolTableRow, 'schoolId' | 'code' | 'name' | 'zone' | 'type'>;
  cells: MatrixCell[];
  total: CoverageTally;
  coverage: number | null;
  timeliness: number | null;
}

export interface CoverageMatrix {
  period: Period;
  items: Pick<ChecklistItem, 'code' | 'name' | 'domain' | 'weight'>[];
  rows: MatrixRow[];
  columns: ColumnTotal[];
  total: RollUpFigures;
  zones: { id: string; name: string }[];
  /** §4: the period has not ended (its rates count only what is due). */
  inProgress: boolean;
}

type MatrixSource = { period: Period; items: ChecklistItem[]; rows: SchoolTableRow[]; zones: { id: string; name: string }[]; inProgress?: boolean };

// The school table is cached and shared (school-table-cache.ts), so its matrix can be too.
const memo = new WeakMap<object, CoverageMatrix>();

/** Pure assembly from a school table (also used by the export and tests). */
export function matrixFromTable(table: MatrixSource): CoverageMatrix {
  const hit = memo.get(table);
  if (hit) return hit;
  const m = assemble(table);
  memo.set(table, m);
  return m;
}

function assemble(table: MatrixSource): CoverageMatrix {
  const codes = table.items.map((i) => i.code);
  const rows = table.rows.map((r) => {
    const { cells, total } = matrixRow(codes, r.results);
    return { school: { schoolId: r.schoolId, code: r.code, name: r.name, zone: r.zone, type: r.type }, cells, total, coverage: r.coverage, timeliness: r.timeliness };
  });
  return {
    period: table.period,
    items: table.items.map((i) => ({ code: i.code, name: i.name, domain: i.domain, weight: i.weight })),
    rows,
    columns: columnTotals(codes, rows),
    total: rollUp(rows.map((r) => r.total)),
    zones: table.zones,
    inProgress: table.inProgress ?? false,
  };
}

export async function coverageMatrix(scope: Scope, period: Period, filters: SchoolFilters = {}): Promise<CoverageMatrix> {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => matrixFromTable(await loadSchoolTable(tx, s, period, filters)));
}

/** One cell: the school's obligations of the item in the period and every disclosure behind them. */
export async function matrixCellDetail(scope: Scope, args: { schoolId: string; itemCode: string; period: Period }) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const school = await schoolInScope(tx, s, args.schoolId);
    const table = await loadSchoolTable(tx, s, args.period, {}, [school]);
    const item = table.items.find((i) => i.code === args.itemCode);
    if (!item) notFound();
    const results: ObligationResult[] = table.rows[0]!.results.filter((r) => r.obligation.itemCode === item.code);
    const rows = await tx
      .select({
        id: disclosures.id,
        periodKey: disclosures.periodKey,
        quarter: disclosures.quarter,
        disclosedOn: disclosures.disclosedOn,
        channels: disclosures.channels,
        summary: disclosures.summary,
        rejection: disclosureRejections.reason,
        rejectedBy: users.displayName,
      })
      .from(disclosures)
      .leftJoin(disclosureRejections, and(eq(disclosureRejections.disclosureId, disclosures.id), isNull(disclosureRejections.withdrawnAt)))
      .leftJoin(users, eq(users.id, disclosureRejections.rejectedBy))
      .where(
        and(
          eq(disclosures.districtId, s.districtId),
          eq(disclosures.schoolId, school.id),
          eq(disclosures.itemCode, item.code),
          eq(disclosures.year, args.period.year),
          args.period.quarter ? eq(disclosures.quarter, args.period.quarter) : undefined,
          isNull(disclosures.deletedAt),
        ),
      )
      .orderBy(asc(disclosures.disclosedOn));
    const reports = table.rows[0]!.reports;
    return {
      school: { id: school.id, code: school.code, name: school.name },
      item: { code: item.code, name: item.name },
      cell: matrixRow([item.code], results).cells[0]!,
      obligations: results.map((r) => ({
        ...r,
        reportId: reports[r.obligation.quarter]?.id ?? null,
        disclosures: rows.filter((d) => d.periodKey === r.obligation.periodKey),
      })),
    };
  });
}
