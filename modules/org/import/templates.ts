// Downloadable import templates: an XLSX with the header row, drop-down lists for the columns
// with fixed values and a sheet of notes; or a CSV with the header row only (UTF-8 with BOM, so
// Excel shows Chinese correctly).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface TemplateSpec {
  sheetName: string;
  headers: string[];
  /** Column index → allowed values, offered as a drop-down (values are also listed in the notes). */
  lists: { column: number; values: string[] }[];
  /** Rows of the notes sheet (title first). */
  notes: string[][];
  notesSheetName: string;
}

const MAX_ROWS_WITH_LISTS = 2000;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function templateXlsx(spec: TemplateSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sunlight';
  const sheet = wb.addWorksheet(spec.sheetName);
  sheet.addRow(spec.headers);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  // The allowed values live on a hidden sheet: a list longer than 255 characters cannot be inline.
  const options = wb.addWorksheet('options', { state: 'veryHidden' });
  spec.lists.forEach((list, i) => {
    list.values.forEach((v, r) => (options.getCell(r + 1, i + 1).value = v));
    if (list.values.length === 0) return;
    const col = columnLetter(i);
    const range = `options!$${col}$1:$${col}$${list.values.length}`;
    const letter = columnLetter(list.column);
    for (let r = 2; r <= MAX_ROWS_WITH_LISTS; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: false };
    }
  });

  const notes = wb.addWorksheet(spec.notesSheetName);
  spec.notes.forEach((row) => notes.addRow(row));
  notes.getRow(1).font = { bold: true };
  notes.getColumn(1).width = 24;
  notes.getColumn(2).width = 60;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function templateCsv(spec: Pick<TemplateSpec, 'headers'>): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse([spec.headers])}\r\n`);
}
