import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './issues';
import { decodeText, readTable } from './table';

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  rows.forEach((r) => ws.addRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readTable', () => {
  it('reads XLSX cells as text with their spreadsheet row numbers, skipping blank rows', async () => {
    const data = await xlsx([['代码', '名称', '日期'], ['dc01', { richText: [{ text: '实验' }, { text: '小学' }] }, new Date(Date.UTC(2026, 9, 1))], [], [42, '  二中  ', null]]);
    const t = await readTable(data);
    expect(t.rows).toEqual([
      { line: 1, cells: ['代码', '名称', '日期'] },
      { line: 2, cells: ['dc01', '实验小学', '2026-10-01'] },
      { line: 4, cells: ['42', '二中'] },
    ]);
  });

  it('reads CSV in UTF-8 with a BOM and in GB18030 (Excel in China)', async () => {
    const utf8 = new TextEncoder().encode('\uFEFF代码,名称\r\ndc01,"实验小学, 东校区"\r\n\r\n');
    expect((await readTable(utf8)).rows).toEqual([
      { line: 1, cells: ['代码', '名称'] },
      { line: 2, cells: ['dc01', '实验小学, 东校区'] },
    ]);
    // "代码" in GB18030.
    const gbk = new Uint8Array([0xb4, 0xfa, 0xc2, 0xeb, 0x0a, 0x61]);
    expect(decodeText(gbk)).toBe('代码\na');
  });

  it('refuses empty files and old .xls files with a reason', async () => {
    await expect(readTable(new Uint8Array())).rejects.toEqual(new ImportFileError('empty'));
    await expect(readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toEqual(new ImportFileError('xls'));
    await expect(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).rejects.toEqual(new ImportFileError('unreadable'));
  });
});
