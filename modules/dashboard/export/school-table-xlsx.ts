// XLSX of the school table of a quarter or a year (issue 4): coverage, timeliness, report on
// time, evaluator score — the same rows as /api/v1/metrics/schools, Chinese headers.
import type { SchoolTable } from '@/modules/dashboard/data/school-table';
import { rollUp } from '@/modules/obligations/domain/metrics';
import { newWorkbook, num, styleHeader, toBuffer, type Translate } from '@/core/export/xlsx';

/** Column keys in order; the header text comes from the `evaluatorExport` messages (zh-CN). */
export const SCHOOL_TABLE_COLUMNS = [
  'code',
  'name',
  'zone',
  'type',
  'obligations',
  'notYetDue',
  'met',
  'onTime',
  'coverage',
  'timeliness',
  'reportState',
  'submittedAt',
  'reportOnTime',
  'evaluatorScore',
] as const;

function shanghaiDateTime(d: Date | null): string | null {
  if (!d) return null;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export async function schoolTableXlsx(table: SchoolTable, t: Translate): Promise<Buffer> {
  const wb = newWorkbook();
  const quarterly = table.period.quarter !== null;
  const title = quarterly ? t('common.quarter', { year: table.period.year, quarter: table.period.quarter! }) : t('common.year', { year: table.period.year });
  const ws = wb.addWorksheet(t('evaluatorExport.schoolSheet'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = SCHOOL_TABLE_COLUMNS.map((k) => ({
    header: k === 'reportOnTime' && !quarterly ? t('evaluatorExport.col.reportOnTimeRate') : t(`evaluatorExport.col.${k}`),
    key: k,
    width: k === 'name' ? 28 : k === 'submittedAt' ? 18 : 12,
  }));
  styleHeader(ws.getRow(1));
  for (const r of table.rows) {
    ws.addRow({
      code: r.code,
      name: r.name,
      zone: r.zone ?? '',
      type: t(`schoolTypes.${r.type}`),
      obligations: r.tally.obligations,
      notYetDue: r.tally.notYetDue,
      met: r.tally.met,
      onTime: r.tally.onTime,
      coverage: num(r.coverage),
      timeliness: num(r.timeliness),
      reportState: r.reportState === null ? null : t(`reportState.${r.reportState}`),
      submittedAt: shanghaiDateTime(r.submittedAt),
      reportOnTime: typeof r.reportOnTime === 'number' ? num(r.reportOnTime) : r.reportOnTime === null ? null : t(r.reportOnTime ? 'evaluatorExport.yes' : 'evaluatorExport.no'),
      evaluatorScore: num(r.evaluatorScore),
    });
  }
  // §4 roll-up of the listed schools: percentages of the summed weights.
  const total = rollUp(table.rows.map((r) => r.tally));
  const totalRow = ws.addRow({
    code: t('evaluatorExport.total'),
    obligations: total.tally.obligations,
    notYetDue: total.tally.notYetDue,
    met: total.tally.met,
    onTime: total.tally.onTime,
    coverage: num(total.coverage),
    timeliness: num(total.timeliness),
  });
  totalRow.font = { bold: true };
  for (const k of ['coverage', 'timeliness', 'evaluatorScore'] as const) ws.getColumn(k).numFmt = '0.00';
  if (!quarterly) ws.getColumn('reportOnTime').numFmt = '0.00';
  const info = wb.addWorksheet(t('evaluatorExport.infoSheet'));
  info.addRow([t('evaluatorExport.period'), title]);
  info.addRow([t('evaluatorExport.asOf'), table.today]);
  info.addRow([t('evaluatorExport.note')]);
  return toBuffer(wb);
}
