// The read API's data, the school table, the coverage matrix and the XLSX exports agree exactly on
// the seed (issue 4); API scoping with a victim and an attacker; API tokens. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import type { Quarter } from '@/core/domain/types';
import { loadMessages } from '@/core/i18n/messages';
import { DATA_DIGITS, shown } from '@/core/domain/rounding';

const two = (x: number | null) => shown(x, DATA_DIGITS);

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let api: typeof import('./api');
let table: typeof import('@/modules/dashboard/data/school-table');
let matrix: typeof import('@/modules/dashboard/data/matrix');
let tokens: typeof import('@/core/auth/tokens');

/** Reads a sheet into objects keyed by the first row's headers. */
async function readSheet(buf: Buffer, sheet: number): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, vals[i] ?? null])));
  });
  return out;
}

const zh = (key: string, values?: Record<string, string | number>) => {
  // A translator over the real zh-CN message files, as the export route uses.
  const m = loadMessages('zh-CN') as unknown as Record<string, unknown>;
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], m);
  return String(v ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? ''));
};

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  api = await import('./api');
  table = await import('@/modules/dashboard/data/school-table');
  matrix = await import('@/modules/dashboard/data/matrix');
  tokens = await import('@/core/auth/tokens');
});

afterAll(() => demo?.cleanup());

describe('one computation behind the table, the matrix, the API and the exports', () => {
  it('the year loader gives exactly the statuses of quarterResults', async () => {
    const { quarterResults } = await import('@/modules/obligations/data/results');
    const { periodResults } = await import('@/modules/obligations/data/results');
    const s = await scopeOf('dongcheng.eval');
    const key = (r: import('@/core/domain/types').ObligationResult) => [r.obligation.itemCode, r.obligation.periodKey, r.obligation.deadline, r.status, r.firstDisclosedOn].join('|');
    for (const year of [2025, 2026]) {
      await client.withDistrict(s.districtId!, async (tx) => {
        const ids = (await tx.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.districtId, s.districtId!))).map((r) => r.id);
        const mine = await periodResults(tx, s.districtId!, ids, year, [1, 2, 3, 4], '2026-11-23');
        for (const q of [1, 2, 3, 4] as Quarter[]) {
          const theirs = await quarterResults(tx, s.districtId!, ids, year, q, '2026-11-23');
          for (const id of ids) {
            const a = (mine.bySchool.get(id) ?? []).filter((r) => r.obligation.quarter === q).map(key);
            expect(a).toEqual((theirs.bySchool.get(id) ?? []).map(key));
          }
        }
      });
    }
  });

  for (const period of [
    { year: 2026, quarter: 3 as Quarter },
    { year: 2025, quarter: null },
  ]) {
    it(`matrix totals = school table = API = XLSX for ${period.year}${period.quarter ? `Q${period.quarter}` : ''}`, async () => {
      const s = await scopeOf('dongcheng.eval');
      const t = await table.schoolTable(s, period);
      const m = await matrix.coverageMatrix(s, period);
      const a = await api.apiSchoolMetrics(s, period.year, period.quarter);
      expect(t.rows.length).toBe(26);
      expect(a.schools.map((r) => r.code)).toEqual(t.rows.map((r) => r.code));
      t.rows.forEach((row, i) => {
        const mr = m.rows[i]!;
        const ar = a.schools[i]!;
        expect(mr.school.code).toBe(row.code);
        expect(mr.total).toEqual(row.tally);
        // The cells add up to the row (every item of the period is a column).
        expect(mr.cells.reduce((n, c) => n + c.tally.obligations, 0)).toBe(row.tally.obligations);
        expect(mr.cells.reduce((n, c) => n + c.tally.met, 0)).toBe(row.tally.met);
        // §4: the API gives the exact figures rounded once, half up, to two decimals.
        expect([ar.obligations, ar.notYetDue, ar.met, ar.onTime, ar.coverage, ar.timeliness]).toEqual([
          row.tally.obligations,
          row.tally.notYetDue,
          row.tally.met,
          row.tally.onTime,
          two(row.coverage),
          two(row.timeliness),
        ]);
        expect([ar.reportOnTime, ar.evaluatorScore, ar.reportState]).toEqual([
          typeof row.reportOnTime === 'number' ? two(row.reportOnTime) : row.reportOnTime,
          two(row.evaluatorScore),
          row.reportState,
        ]);
      });
      const colObligations = m.columns.reduce((n, c) => n + c.tally.obligations, 0);
      expect(colObligations).toBe(m.total.tally.obligations);
      expect(m.total.tally.obligations).toBe(a.schools.reduce((n, r) => n + r.obligations, 0));

      const { schoolTableXlsx } = await import('@/modules/dashboard/export/school-table-xlsx');
      const sheet = await readSheet(await schoolTableXlsx(t, zh), 0);
      for (const ar of a.schools) {
        const x = sheet.find((r) => r['学校代码'] === ar.code)!;
        expect([x['已到期应公开义务数'], x['未到期义务数'], x['已公开'], x['按时公开'], x['公开覆盖率(%)'], x['公开及时率(%)'], x['评估得分']]).toEqual([
          ar.obligations,
          ar.notYetDue,
          ar.met,
          ar.onTime,
          ar.coverage,
          ar.timeliness,
          ar.evaluatorScore,
        ]);
        if (typeof ar.reportOnTime === 'number') expect(x['报告按时率(%)']).toBe(ar.reportOnTime);
      }
      const total = sheet.find((r) => r['学校代码'] === '合计')!;
      expect(total['公开覆盖率(%)']).toBe(two(m.total.coverage));

      const { matrixXlsx } = await import('@/modules/dashboard/export/matrix-xlsx');
      const msheet = await readSheet(await matrixXlsx(m, zh), 0);
      for (const ar of a.schools) {
        const x = msheet.find((r) => r['学校代码'] === ar.code)!;
        expect([x['已到期应公开义务数'], x['未到期义务数'], x['已公开'], x['按时公开'], x['公开覆盖率(%)'], x['公开及时率(%)']]).toEqual([
          ar.obligations,
          ar.notYetDue,
          ar.met,
          ar.onTime,
          ar.coverage,
          ar.timeliness,
        ]);
        expect(typeof x['已到期应公开义务数']).toBe('number');
      }
    });
  }
});

describe('API scoping (victim and attacker)', () => {
  it('an evaluator reads only their district; another district’s school code is not found', async () => {
    const dc = await scopeOf('dongcheng.eval');
    const d = await api.apiDisclosures(dc, 2026, 3, null);
    expect(d.disclosures.length).toBeGreaterThan(100);
    expect(d.disclosures.every((r) => r.school.startsWith('dc'))).toBe(true);
    await expect(api.apiDisclosures(dc, 2026, null, 'xs01')).rejects.toMatchObject({ code: 'notFound' });
    await expect(api.apiEvents(dc, 2026, 'xs01')).rejects.toMatchObject({ code: 'notFound' });
    await expect(api.apiEvents(dc, 2026, 'nosuch')).rejects.toMatchObject({ code: 'notFound' });
    // The owner still reads it.
    const xs = await api.apiDisclosures(await scopeOf('xishan.eval'), 2026, null, 'xs01');
    expect(xs.disclosures.length).toBeGreaterThan(0);
    expect(xs.disclosures.every((r) => r.school === 'xs01')).toBe(true);
  });

  it('a zone evaluator reads only the zone; a school outside it is not found', async () => {
    const z = await scopeOf('dongcheng.eval.z1');
    const m = await api.apiSchoolMetrics(z, 2026, 3);
    expect(m.schools.length).toBe(8);
    expect(m.schools.every((r) => r.zone === '城东片区')).toBe(true);
    await expect(api.apiDisclosures(z, 2026, 3, 'dc20')).rejects.toMatchObject({ code: 'notFound' });
    expect((await api.apiDisclosures(z, 2026, 3, 'dc01')).disclosures.length).toBeGreaterThan(0);
  });

  it('coordinators and admins may not use the API', async () => {
    await expect(api.apiSchoolMetrics(await scopeOf('dongcheng.dc01'), 2026, 3)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(api.apiChecklist(await scopeOf('dongcheng.admin'), 2026)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists the checklist with deadline rules, and rejected disclosures as rejected', async () => {
    const c = await api.apiChecklist(await scopeOf('dongcheng.leader'), 2026);
    const items = c.versions[0]!.items;
    expect(items).toHaveLength(28);
    expect(items.find((i) => i.code === 'G01')!.deadlineRule).toMatchObject({ days: null, annualDueDate: '03-31' });
    expect(items.find((i) => i.code === 'P01')!.deadlineRule).toMatchObject({ days: 5, timing: 'before' });
    expect(items.find((i) => i.code === 'C01')!.tags).toContain('congress');
    const d = await api.apiDisclosures(await scopeOf('dongcheng.eval'), 2026, 2, 'dc08');
    expect(d.disclosures.some((r) => r.item === 'P04' && r.status === 'rejected' && r.rejectionReason)).toBe(true);
    const e = await api.apiEvents(await scopeOf('dongcheng.eval'), 2026, 'dc11');
    expect(e.events.some((x) => x.item === 'B02' && x.eventDate === '2026-05-12')).toBe(true);
  });
});

describe('API tokens', () => {
  it('a token acts as its owner until revoked; only its hash is stored', async () => {
    const owner = await scopeOf('dongcheng.eval.z1');
    const { id, token } = await tokens.createToken(owner, '数据中心对接');
    const [row] = await client.withSystem((db) => db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, id)));
    expect(row!.tokenHash).toBe(tokens.hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const s = await tokens.scopeFromToken(token);
    expect(s?.userId).toBe(owner.userId);
    expect(s?.zoneIds).toEqual(owner.zoneIds);
    expect(await tokens.scopeFromToken(`${token}x`)).toBeNull();
    expect(await tokens.scopeFromToken('not-a-token')).toBeNull();
    // Another user cannot revoke it.
    await expect(tokens.revokeToken(await scopeOf('dongcheng.eval'), id)).rejects.toMatchObject({ code: 'notFound' });
    // Disabling the owner disables the token at once.
    await client.withSystem((db) => db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, owner.userId)));
    expect(await tokens.scopeFromToken(token)).toBeNull();
    await client.withSystem((db) => db.update(schema.users).set({ disabled: false }).where(eq(schema.users.id, owner.userId)));
    expect((await tokens.listTokens(owner)).map((t) => t.name)).toContain('数据中心对接');
    await tokens.revokeToken(owner, id);
    expect(await tokens.scopeFromToken(token)).toBeNull();
  });
});
