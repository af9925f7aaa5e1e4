// XLSX of the coverage matrix (issue 4): schools × items with a text symbol in each cell (it
// reads without colour), row totals equal to the school table and per-item totals as numbers.
import type { CoverageMatrix } from '@/modules/dashboard/data/matrix';
import { CELL_STATES, type MatrixCell } from '@/modules/dashboard/domain/coverage-matrix';
import { CELL_FILL, newWorkbook, num, styleHeader, toBuffer, type Translate } from '@/core/export/xlsx';

/** "✓", "◐ 2/3": the state's symbol, and met/obligations when the cell holds several. */
export function cellText(cell: MatrixCell, t: Translate): string {
  const sym = t(`evaluatorMatrix.symbol.${cell.state}`);
  return cell.tally.obligations > 1 ? `${sym} ${cell.tally.met}/${cell.tally.obligations}` : sym;
}

export async function matrixXlsx(m: CoverageMatrix, t: Translate): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(t('evaluatorExport.matrixSheet'), { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  const fixed = [t('evaluatorExport.col.code'), t('evaluatorExport.col.name'), t('evaluatorExport.col.zone')];
  const totals = [
    t('evaluatorExport.col.obligations'),
    t('evaluatorExport.col.notYetDue'),
    t('evaluatorExport.col.met'),
    t('evaluatorExport.col.onTime'),
    t('evaluatorExport.col.coverage'),
    t('evaluatorExport.col.timeliness'),
  ];
  styleHeader(ws.addRow([...fixed, ...m.items.map((i) => i.code), ...totals]));
  styleHeader(ws.addRow(['', '', '', ...m.items.map((i) => i.name), ...totals.map(() => '')]));
  const first = fixed.length + 1;
  for (const r of m.rows) {
    const row = ws.addRow([
      r.school.code,
      r.school.name,
      r.school.zone ?? '',
      ...r.cells.map((c) => cellText(c, t)),
      r.total.obligations,
      r.total.notYetDue,
      r.total.met,
      r.total.onTime,
      num(r.coverage),
      num(r.timeliness),
    ]);
    r.cells.forEach((c, i) => {
      row.getCell(first + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CELL_FILL[c.state]! } };
      row.getCell(first + i).alignment = { horizontal: 'center' };
    });
  }
  const after = [m.total.tally.obligations, m.total.tally.notYetDue, m.total.tally.met, m.total.tally.onTime, num(m.total.coverage), num(m.total.timeliness)];
  const label = (k: string) => [t(`evaluatorExport.${k}`), '', ''];
  ws.addRow([...label('columnObligations'), ...m.columns.map((c) => c.tally.obligations), ...after]).font = { bold: true };
  ws.addRow([...label('columnMet'), ...m.columns.map((c) => c.tally.met)]).font = { bold: true };
  ws.addRow([...label('columnOnTime'), ...m.columns.map((c) => c.tally.onTime)]).font = { bold: true };
  ws.addRow([...label('columnCoverage'), ...m.columns.map((c) => num(c.coverage))]).font = { bold: true };
  ws.addRow([...label('columnTimeliness'), ...m.columns.map((c) => num(c.timeliness))]).font = { bold: true };
  ws.getColumn(2).width = 26;
  for (let i = 0; i < m.items.length; i++) ws.getColumn(first + i).width = 9;
  const legend = wb.addWorksheet(t('evaluatorExport.legendSheet'));
  for (const s of CELL_STATES) legend.addRow([t(`evaluatorMatrix.symbol.${s}`), t(`evaluatorMatrix.state.${s}`)]);
  legend.addRow([t('evaluatorExport.period'), m.period.quarter ? t('common.quarter', { year: m.period.year, quarter: m.period.quarter }) : t('common.year', { year: m.period.year })]);
  return toBuffer(wb);
}
