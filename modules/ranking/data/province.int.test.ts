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
      expect(d.ranking.rows).toEqual(own.ranking.rows);
    }
    const rows = result.districts.flatMap((d) => d.ranking.rows);
    expect(result.schools).toBe(rows.length);
    expect(result.schools).toBeGreaterThan(40);
    expect(result.eligible).toBe(rows.filter((r) => r.eligible).length);
    expect(result.inQuota).toBeGreaterThan(0);
  });

  it('shows a change in a district at the next look (cached rankings follow the change stamp)', async () => {
    const platform = await scopeOf('platform');
    const first = await province.provinceRanking(platform, 2026);
    const again = await province.provinceRanking(platform, 2026);
    expect(again.districts.map((d) => d.ranking)).toEqual(first.districts.map((d) => d.ranking));
    const xishan = first.districts.find((d) => d.code === 'xishan')!;
    expect(xishan.source).toBe('live');
    const target = xishan.ranking.rows.find((r) => r.facts.vetoOpen === 0 && !r.reasons.includes('vetoUnresolved'))!;
    expect(target).toBeDefined();
    // An evaluator raises a 一票否决 finding (written with its audit row, like every change).
    const findings = await import('@/modules/reports/data/findings');
    await findings.raiseFinding(await scopeOf('xishan.eval'), { schoolId: target.schoolId, severity: 'veto', itemCode: null, dueOn: '2026-12-31', title: '否决事项', description: '' });
    const after = await province.provinceRanking(platform, 2026);
    const row = after.districts.find((d) => d.code === 'xishan')!.ranking.rows.find((r) => r.schoolId === target.schoolId)!;
    expect(row.eligible).toBe(false);
    expect(row.reasons).toContain('vetoUnresolved');
    expect(row.facts.vetoOpen).toBe(1);
    const own = await view.rankingView(await scopeOf('xishan.eval'), 2026);
    expect(after.districts.find((d) => d.code === 'xishan')!.ranking.rows).toEqual(own.ranking.rows);
    // The other district did not change.
    expect(after.districts.find((d) => d.code === 'dongcheng')!.ranking).toEqual(first.districts.find((d) => d.code === 'dongcheng')!.ranking);
  });

  it('is for platform admins only', async () => {
    for (const u of ['dongcheng.admin', 'dongcheng.eval', 'dongcheng.leader', 'dongcheng.dc01']) {
      await expect(province.provinceRanking(await scopeOf(u), 2025)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
