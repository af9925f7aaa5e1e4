// Reads an uploaded spreadsheet — XLSX (exceljs) or CSV (papaparse) — into plain rows of text,
// keeping each row's number as the spreadsheet shows it so errors point at the right line.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './issues';

export interface TableRow {
  /** 1-based row number in the file. */
  line: number;
  cells: string[];
}

export interface Table {
  rows: TableRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as text. Dates come back from exceljs as UTC midnights of the shown day. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('result' in v) return v.result === undefined || (typeof v.result === 'object' && !(v.result instanceof Date)) ? '' : cellText(v.result);
  return '';
}

async function readXlsx(data: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('unreadable');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ImportFileError('empty');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ImportFileError('tooManyRows');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { rows };
}

/** CSV from Excel in China is often GB18030; UTF-8 (with or without BOM) is tried first. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Uint8Array): Table {
  const parsed = Papa.parse<string[]>(decodeText(data), { skipEmptyLines: false });
  if (parsed.data.length > MAX_IMPORT_ROWS + 1) throw new ImportFileError('tooManyRows');
  const rows: TableRow[] = [];
  parsed.data.forEach((cells, i) => {
    const trimmed = cells.map((c) => String(c ?? '').trim());
    if (trimmed.some((c) => c !== '')) rows.push({ line: i + 1, cells: trimmed });
  });
  return { rows };
}

/** XLSX is recognised by content (a zip), so a renamed file still works; old .xls is refused with advice. */
export async function readTable(data: Uint8Array): Promise<Table> {
  if (data.byteLength === 0) throw new ImportFileError('empty');
  if (data.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError('tooLarge');
  if (startsWith(data, OLE_MAGIC)) throw new ImportFileError('xls');
  const table = startsWith(data, ZIP_MAGIC) ? await readXlsx(data) : readCsv(data);
  if (table.rows.length === 0) throw new ImportFileError('empty');
  return table;
}
