// Province-wide ranking for platform admins (issue 8): every district's ranking, exactly the one
// its own evaluators see (same data path and domain computation); nobody else may ask for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let view: typeof import('./view');
let province: typeof import('./province');

beforeAll(async () => {
  demo = await seededDemo();
  view = await import('./view');
  province = await import('./province');
});

afterAll(() => demo?.cleanup());

describe('provinceRanking', () => {
  it("holds every district's ranking, equal to what the district's evaluator sees", async () => {
    const result = await province.provinceRanking(await scopeOf('platform'), 2025);
    expect(result.districts.map((d) => d.code)).toEqual(['dongcheng', 'xishan']);
    for (const d of result.districts) {
      const own = await view.rankingView(await scopeOf(`${d.code}.eval`), 2025);
      expect(d.source).toBe(own.source);
      expect(d.state).toBe(own.state);
      expect(d.ranking!.rows).toEqual(own.ranking!.rows);
    }
    const rows = result.districts.flatMap((d) => d.ranking!.rows);
    expect(result.schools).toBe(rows.length);
    expect(result.schools).toBeGreaterThan(40);
    expect(result.eligible).toBe(rows.filter((r) => r.eligible).length);
    expect(result.inQuota).toBeGreaterThan(0);
  });

  it('shows a change in a district at the next look (the fact store is updated by the write)', async () => {
    const platform = await scopeOf('platform');
    const first = await province.provinceRanking(platform, 2026);
    const again = await province.provinceRanking(platform, 2026);
    expect(again.districts.map((d) => d.ranking)).toEqual(first.districts.map((d) => d.ranking));
    const xishan = first.districts.find((d) => d.code === 'xishan')!;
    expect(xishan.source).toBe('live');
    const target = xishan.ranking!.rows.find((r) => r.facts.vetoOpen === 0 && !r.reasons.includes('vetoUnresolved'))!;
    expect(target).toBeDefined();
    // An evaluator raises a 一票否决 finding (written with its audit row, like every change).
    const findings = await import('@/modules/reports/data/findings');
    await findings.raiseFinding(await scopeOf('xishan.eval'), { schoolId: target.schoolId, severity: 'veto', itemCode: null, dueOn: '2026-12-31', title: '否决事项', description: '' });
    const after = await province.provinceRanking(platform, 2026);
    const row = after.districts.find((d) => d.code === 'xishan')!.ranking!.rows.find((r) => r.schoolId === target.schoolId)!;
    expect(row.eligible).toBe(false);
    expect(row.reasons).toContain('vetoUnresolved');
    expect(row.facts.vetoOpen).toBe(1);
    const own = await view.rankingView(await scopeOf('xishan.eval'), 2026);
    expect(after.districts.find((d) => d.code === 'xishan')!.ranking!.rows).toEqual(own.ranking!.rows);
    // The other district did not change.
    expect(after.districts.find((d) => d.code === 'dongcheng')!.ranking).toEqual(first.districts.find((d) => d.code === 'dongcheng')!.ranking);
  });

  it('the province view: every district, filtered by district and type, a page at a time, the rows of the district rankings', async () => {
    const platform = await scopeOf('platform');
    const all = await province.provinceRanking(platform, 2025);
    const v = await province.provinceView(platform, 2025);
    expect(v.districts.map((d) => [d.code, d.schools, d.eligible, d.inQuota])).toEqual(
      all.districts.map((d) => [d.code, d.ranking!.rows.length, d.ranking!.rows.filter((r) => r.eligible).length, d.ranking!.rows.filter((r) => r.inQuota).length]),
    );
    expect(v.totals).toEqual({ schools: all.schools, eligible: all.eligible, inQuota: all.inQuota });
    expect(v.matching).toBe(all.schools);
    expect(v.rows.length).toBe(Math.min(province.PROVINCE_PAGE, all.schools));
    const xs = await province.provinceView(platform, 2025, { district: 'xishan', type: 'primary' });
    const own = all.districts.find((d) => d.code === 'xishan')!.ranking!.rows.filter((r) => r.type === 'primary');
    expect(xs.rows.map((r) => [r.districtCode, r.code, r.rank, r.composite, r.inQuota])).toEqual(own.map((r) => ['xishan', r.code, r.rank, r.composite, r.inQuota]));
    expect(xs.matching).toBe(own.length);
    // Beyond the last page: the last page.
    const last = await province.provinceView(platform, 2025, { page: 999 });
    expect(last.page).toBe(last.pages);
  });

  it('while a district-year is recomputed the province shows no stale figures (a small district is computed from the raw rows)', async () => {
    const platform = await scopeOf('platform');
    const before = await province.provinceView(platform, 2025);
    const { markRecompute } = await import('@/modules/facts/data/refresh');
    const { recomputeDistrictYear } = await import('@/modules/facts/data/jobs');
    const xishan = (await scopeOf('xishan.admin')).districtId!;
    // Xishan has fewer schools than a reader computes itself (modules/facts/data/read.ts), so its
    // figures are shown, computed from the raw rows; a larger district would say "recomputing".
    await demo.client.withDistrict(xishan, (tx) => markRecompute(tx, xishan, [2025], 'test'));
    const during = await province.provinceView(platform, 2025, { district: 'xishan' });
    expect(during.districts).toEqual(before.districts);
    expect(during.districts.every((d) => d.recomputing === null)).toBe(true);
    expect(during.rows.map((r) => [r.code, r.rank, r.composite])).toEqual(before.rows.filter((r) => r.districtCode === 'xishan').map((r) => [r.code, r.rank, r.composite]));
    await recomputeDistrictYear({ districtId: xishan, year: 2025 });
    expect((await province.provinceView(platform, 2025)).districts).toEqual(before.districts);
  });

  it('is for platform admins only', async () => {
    for (const u of ['dongcheng.admin', 'dongcheng.eval', 'dongcheng.leader', 'dongcheng.dc01']) {
      await expect(province.provinceRanking(await scopeOf(u), 2025)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(province.provinceView(await scopeOf(u), 2025)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
