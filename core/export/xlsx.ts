// Shared XLSX plumbing (DESIGN §8: district offices work in Excel). Workbooks open in Excel and
// LibreOffice: plain fills, frozen header, numbers stored as numbers (never as formatted text).
import ExcelJS from 'exceljs';
import { DATA_DIGITS, shown } from '@/core/domain/rounding';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const CELL_FILL: Record<string, string> = {
  metOnTime: 'FFDCFCE7',
  metLate: 'FFFEF3C7',
  missing: 'FFFEE2E2',
  notYetDue: 'FFE2E8F0',
  notApplicable: 'FFFFFFFF',
};

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光校务 Sunlight';
  wb.created = new Date(0); // deterministic bytes for the same data
  return wb;
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F6' } };
  });
}

/**
 * Percentages and scores as numbers with two decimals, rounded once from the exact value (§4;
 * format the column '0.00' so Excel does not round them again); null stays an empty cell.
 */
export function num(v: number | null | undefined): number | null {
  return shown(v, DATA_DIGITS);
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function xlsxResponse(buf: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(buf), {
    status: 200,
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      // RFC 6266: an ASCII fallback plus the UTF-8 name for Chinese file names.
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
