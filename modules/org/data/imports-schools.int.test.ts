// Issue 7: importing a 500-school XLSX with three bad rows shows exactly those three errors and
// writes nothing; the corrected file imports all 500 in one go. On PGlite and PostgreSQL
// (SUNLIGHT_TEST_DB). Files are generated here with exceljs.
import ExcelJS from 'exceljs';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let imports: typeof import('./imports-schools');
let table: typeof import('@/modules/org/import/table');

const TYPES = ['小学', '初中', '九年一贯制', '高中', '完中', 'primary', 'junior', 'nineYear', 'senior'];
const ZONES = ['east', '城西片区', 'north', ''];

/** 500 schools im001…im500; `mutate` spoils some rows. */
async function schoolsXlsx(mutate: (row: (string | null)[], n: number) => void = () => {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校');
  ws.addRow(['学校代码', '学校名称', '类型', '片区']);
  for (let n = 1; n <= 500; n++) {
    const row: (string | null)[] = [`im${String(n).padStart(3, '0')}`, `导入测试学校${n}号`, TYPES[n % TYPES.length]!, ZONES[n % ZONES.length]!];
    mutate(row, n);
    ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function importedCount(districtCode: string): Promise<number> {
  const [{ n }] = await client.withSystem((db) =>
    db
      .select({ n: count() })
      .from(schema.schools)
      .innerJoin(schema.districts, eq(schema.districts.id, schema.schools.districtId))
      .where(and(eq(schema.districts.code, districtCode), like(schema.schools.code, 'im%'))),
  );
  return Number(n);
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  imports = await import('./imports-schools');
  table = await import('@/modules/org/import/table');
});

afterAll(() => demo?.cleanup());

describe('school import (500 rows)', () => {
  it('lists exactly the three bad rows and writes nothing', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const data = await schoolsXlsx((row, n) => {
      if (n === 17) row[0] = 'dc05'; // an existing school's code
      if (n === 250) row[3] = '不存在的片区';
      if (n === 499) row[2] = '大学';
    });
    const t = await table.readTable(data);
    const preview = await imports.previewSchoolImport(admin, t);
    expect(preview.total).toBe(500);
    expect(preview.valid).toBe(497);
    expect(preview.issues).toEqual([
      { line: 18, field: 'code', reason: 'duplicateExisting', value: 'dc05' },
      { line: 251, field: 'zone', reason: 'unknownZone', value: '不存在的片区' },
      { line: 500, field: 'type', reason: 'badType', value: '大学' },
    ]);
    const outcome = await imports.importSchools(admin, t);
    expect(outcome).toEqual({ status: 'invalid', total: 500, issues: preview.issues });
    expect(await importedCount('dongcheng')).toBe(0);
  });

  it('imports the corrected file in full, with types and zones mapped, and audits it', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const t = await table.readTable(await schoolsXlsx());
    expect((await imports.previewSchoolImport(admin, t)).issues).toEqual([]);
    const progress: number[] = [];
    const outcome = await imports.importSchools(admin, t, (p) => progress.push(p.done));
    expect(outcome).toEqual({ status: 'imported', created: 500, updated: 0, issued: [] });
    expect(progress.at(-1)).toBe(500);
    expect(await importedCount('dongcheng')).toBe(500);
    expect(await importedCount('xishan')).toBe(0);
    // im001: 初中 in 城西片区 (zone by name); im003: 高中 without a zone; im002: zone by code.
    const school = async (code: string) => (await client.withSystem((db) => db.select().from(schema.schools).where(eq(schema.schools.code, code))))[0]!;
    const zone = async (districtId: string, code: string) =>
      (
        await client.withSystem((db) =>
          db
            .select()
            .from(schema.zones)
            .where(and(eq(schema.zones.code, code), eq(schema.zones.districtId, districtId))),
        )
      )[0]!;
    const s1 = await school('im001');
    expect(s1).toMatchObject({ name: '导入测试学校1号', type: 'junior', zoneId: (await zone(s1.districtId, 'west')).id, active: true });
    expect(await school('im002')).toMatchObject({ type: 'nineYear', zoneId: (await zone(s1.districtId, 'north')).id });
    expect(await school('im003')).toMatchObject({ type: 'senior', zoneId: null });
    const entries = await client.withSystem((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, 'school'), eq(schema.auditLog.action, 'import'))),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ count: 500 });
  });

  it('refuses the same file again: every code now exists', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const preview = await imports.previewSchoolImport(admin, await table.readTable(await schoolsXlsx()));
    expect(preview.issues).toHaveLength(500);
    expect(new Set(preview.issues.map((i) => i.reason))).toEqual(new Set(['duplicateExisting']));
  });

  it('is for district admins only', async () => {
    const t = await table.readTable(await schoolsXlsx());
    await expect(imports.previewSchoolImport(await scopeOf('dongcheng.eval'), t)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(imports.importSchools(await scopeOf('platform'), t)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
