// Issue 17 on the seeded demo, PGlite and PostgreSQL: the DOCX of dc01's 2025 summary is read back
// and its figures equal /api/v1/metrics/schools (the same school-table rows) and the ranking
// (/api/v1/rankings' view); a narrative edit survives a reload and appears in the file; stale edits
// are refused with the other texts; scope (other schools, zone evaluators, leaders' read-only) holds;
// the district 通报 and annual report quote the dashboard's and the ranking's figures.
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import type { Quarter } from '@/core/domain/types';
import { documentText } from '@/modules/documents/domain/model';

let demo: SeededDemo;
let schema: typeof import('@/db/schema');
let docs: typeof import('./school-documents');
let district: typeof import('./district-documents');
let docx: typeof import('@/modules/documents/export/docx');
let api: typeof import('@/modules/api/data/api');
let ranking: typeof import('@/modules/ranking/data/view');
let dashboard: typeof import('@/modules/dashboard/data/dashboard');

beforeAll(async () => {
  demo = await seededDemo();
  schema = await import('@/db/schema');
  docs = await import('./school-documents');
  district = await import('./district-documents');
  docx = await import('@/modules/documents/export/docx');
  api = await import('@/modules/api/data/api');
  ranking = await import('@/modules/ranking/data/view');
  dashboard = await import('@/modules/dashboard/data/dashboard');
}, 120_000);

afterAll(() => demo?.cleanup());

/** The words of word/document.xml (runs joined, XML entities decoded). */
async function wordText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

async function schoolId(code: string): Promise<string> {
  const [row] = await demo.client.withSystem((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, code)));
  return row!.id;
}

const pct = (v: number | null) => (v === null ? '无数据' : `${v.toFixed(2)}%`);

describe('school annual summary', () => {
  it('the DOCX of dc01 2025 states the figures of /api/v1/metrics/schools and of the ranking', async () => {
    const coord = await scopeOf('dongcheng.dc01');
    const evaluator = await scopeOf('dongcheng.eval');
    const summary = await docs.coordinatorSummary(coord, 2025);
    const text = await wordText(await docx.documentDocx(summary.doc));
    expect(text).toContain('2025年度校务公开工作总结');

    const yearRow = (await api.apiSchoolMetrics(evaluator, 2025, null)).schools.find((r) => r.code === 'dc01')!;
    expect(summary.figures.totals).toMatchObject({ obligations: yearRow.obligations, met: yearRow.met, onTime: yearRow.onTime, coverage: yearRow.coverage, timeliness: yearRow.timeliness });
    expect(yearRow.coverage).not.toBeNull();
    expect(text).toContain(`应公开${yearRow.obligations}项次，已公开${yearRow.met}项次，其中按时公开${yearRow.onTime}项次`);
    expect(text).toContain(`公开覆盖率${pct(yearRow.coverage)}，按时公开率${pct(yearRow.timeliness)}`);
    expect(text).toContain(`季度报告按时报送率${pct(yearRow.reportOnTime as number)}`);
    if (yearRow.evaluatorScore !== null) expect(text).toContain(`季度评估平均得分${yearRow.evaluatorScore.toFixed(2)}分`);

    // The quarter table: one row per quarter, equal to the API's quarter rows.
    const lines = text.split('\n');
    for (const q of [1, 2, 3, 4] as Quarter[]) {
      const r = (await api.apiSchoolMetrics(evaluator, 2025, q)).schools.find((x) => x.code === 'dc01')!;
      const at = lines.indexOf(`第${['', '一', '二', '三', '四'][q]}季度`);
      expect(at, `quarter ${q} row`).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 4)).toEqual([String(r.obligations), pct(r.coverage), pct(r.timeliness)]);
      expect(lines[at + 6]).toBe(r.evaluatorScore === null ? '—' : r.evaluatorScore.toFixed(2));
    }

    // The rank: the row of the ranking in force, as /api/v1/rankings shows it. The demo's 2025
    // ranking is still a draft: the bureau's readers see it, the school does not quote it yet.
    const view = await ranking.rankingView(evaluator, 2025);
    expect(view.state).toBe('draft');
    const row = view.ranking.rows.find((r) => r.code === 'dc01')!;
    expect(summary.figures.rank).toMatchObject({ withheld: true, rank: null });
    expect(text).toContain('评选结果尚未公示');
    expect(text).not.toContain(row.composite.toFixed(2));
    const read = await docs.readerSchoolSummary(evaluator, await schoolId('dc01'), 2025);
    expect(read.figures.rank).toMatchObject({ withheld: false, rank: row.rank, composite: row.composite, eligible: row.eligible, state: view.state });
    const readText = await wordText(await docx.documentDocx(read.doc));
    expect(readText).toContain(`学校综合得分${row.composite.toFixed(2)}`);
    expect(row.rank).not.toBeNull();
    expect(readText).toContain(`排名第${row.rank}位（评选草稿，尚未公示）`);
  });

  it('a narrative edit survives a reload, appears in the file, and a stale edit gets the other texts', async () => {
    const coord = await scopeOf('dongcheng.dc01');
    const before = await docs.coordinatorSummary(coord, 2025);
    expect(before.version).toBe(0);
    expect(before.doc.sections[0]!.blocks[0]).toMatchObject({ source: 'placeholder', field: 'leadership' });
    const texts = { leadership: '学校成立了以校长为组长、工会主席为副组长的校务公开领导小组。', rules: '', highlights: '', nextSteps: '明年将公开栏搬到校门口。' };
    expect(await docs.saveSchoolSummaryTexts(coord, { year: 2025, version: 0, texts })).toEqual({ ok: true, version: 1 });

    const reloaded = await docs.coordinatorSummary(coord, 2025);
    expect(reloaded.version).toBe(1);
    expect(reloaded.texts.leadership).toBe(texts.leadership);
    expect(reloaded.doc.sections[0]!.blocks[0]).toMatchObject({ source: 'narrative', text: texts.leadership });
    const text = await wordText(await docx.documentDocx(reloaded.doc));
    expect(text).toContain(texts.leadership);
    expect(text).toContain(texts.nextSteps);

    // Another tab still on version 0: nothing written, the current texts come back.
    const stale = await docs.saveSchoolSummaryTexts(coord, { year: 2025, version: 0, texts: { ...texts, leadership: '覆盖' } });
    expect(stale).toEqual({ ok: false, kind: 'conflict', current: texts, currentVersion: 1 });
    expect(await docs.saveSchoolSummaryTexts(coord, { year: 2025, version: 1, texts: { ...texts, rules: '制定了《校务公开实施方案》。' } })).toEqual({ ok: true, version: 2 });

    // Audited, with before and after.
    const rows = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, 'document_text'))),
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]!.before).toMatchObject({ version: 1, texts: { rules: '' } });
    expect(rows[1]!.after).toMatchObject({ version: 2, texts: { rules: '制定了《校务公开实施方案》。' } });

    // Evaluators and leaders read the same document (but for the draft rank, which only they see).
    const id = await schoolId('dc01');
    const seen = await docs.readerSchoolSummary(await scopeOf('dongcheng.leader'), id, 2025);
    const withoutRank = (t: string) => t.replace(/^年度先进单位评选：.*$/m, '');
    expect(withoutRank(documentText(seen.doc))).toBe(withoutRank(documentText((await docs.coordinatorSummary(coord, 2025)).doc)));
    expect(documentText(seen.doc)).toContain(texts.leadership);
  });

  it('keeps to scope: other schools, other districts, zones, roles, years', async () => {
    const dc02 = await scopeOf('dongcheng.dc02');
    const own = await docs.coordinatorSummary(dc02, 2025);
    expect(own.school.code).toBe('dc02');
    expect(own.texts.leadership).toBe('');
    await expect(docs.readerSchoolSummary(dc02, await schoolId('dc01'), 2025)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(docs.readerSchoolSummary(await scopeOf('xishan.eval'), await schoolId('dc01'), 2025)).rejects.toMatchObject({ code: 'notFound' });
    const z1 = await scopeOf('dongcheng.eval.z1');
    const outside = await demo.client.withSystem((db) => db.select().from(schema.schools).where(eq(schema.schools.districtId, z1.districtId!)));
    const foreign = outside.find((s) => s.zoneId !== null && !z1.zoneIds!.includes(s.zoneId))!;
    await expect(docs.readerSchoolSummary(z1, foreign.id, 2025)).rejects.toMatchObject({ code: 'notFound' });
    await expect(docs.coordinatorSummary(dc02, 2031)).rejects.toMatchObject({ code: 'notFound' });
    await expect(docs.saveSchoolSummaryTexts(dc02, { year: 2031, version: 0, texts: {} })).rejects.toMatchObject({ code: 'notFound' });
    await expect(docs.saveSchoolSummaryTexts(await scopeOf('dongcheng.eval'), { year: 2025, version: 0, texts: {} })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('district documents', () => {
  it('the quarterly 通报 quotes the dashboard’s quarter figures and names the demo’s schools', async () => {
    const leader = await scopeOf('dongcheng.leader');
    const d = await district.quarterlyDocument(leader, 2026, 3);
    const board = await dashboard.leaderDashboard(leader, 2026);
    const q3 = board.trend.find((q) => q.quarter === 3)!;
    expect(d.figures.district).toMatchObject({ coverage: q3.coverage, timeliness: q3.timeliness, reportCompleteness: q3.reportCompleteness, reportOnTime: q3.reportOnTime });
    expect(d.canEdit).toBe(false);
    const text = await wordText(await docx.documentDocx(d.doc));
    expect(text).toContain(`全区公开覆盖率${pct(q3.coverage)}，按时公开率${pct(q3.timeliness)}`);
    const exemplary = d.figures.exemplary.map((s) => s.code);
    const named = d.figures.named.map((s) => s.code);
    for (const code of exemplary) expect(named).not.toContain(code);
    expect(named.length).toBeGreaterThan(0);
    for (const s of d.figures.named) expect(text).toContain(s.name);
    expect(d.figures.next).toMatchObject({ year: 2026, quarter: 4, hasChecklist: true });
    expect(d.figures.next.deadlines.length).toBeGreaterThan(0);
  });

  it('the annual report quotes the dashboard’s year figures and the ranking', async () => {
    const leader = await scopeOf('dongcheng.leader');
    const d = await district.annualDocument(leader, 2025);
    const board = await dashboard.leaderDashboard(leader, 2025);
    expect(d.figures.kpis).toMatchObject({ coverage: board.yearKpis.coverage, timeliness: board.yearKpis.timeliness, satisfaction: board.yearKpis.satisfaction });
    const view = await ranking.rankingView(leader, 2025);
    expect(d.figures.ranking!.groups.flatMap((g) => g.awarded.map((s) => s.code)).sort()).toEqual(
      view.ranking.rows
        .filter((r) => r.inQuota)
        .map((r) => r.code)
        .sort(),
    );
    expect(d.figures.ineligible.map((s) => s.code).sort()).toEqual(
      view.ranking.rows
        .filter((r) => !r.eligible)
        .map((r) => r.code)
        .sort(),
    );
    const dc17 = d.figures.ineligible.find((s) => s.code === 'dc17');
    expect(dc17?.reasons).toContain('未按规定召开教代会（教职工大会）');
    expect(d.figures.comparison.available).toBe(true);
    const text = await wordText(await docx.documentDocx(d.doc));
    expect(text).toContain(`公开覆盖率${pct(board.yearKpis.coverage)}`);
    expect(text).toContain('草稿，仅供参考');
  });

  it('whole-district evaluators edit the 文号; leaders and zone evaluators may not', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const texts = { docNumber: '东教督〔2026〕12号', issuingOffice: '东城区教育局', issuedOn: '2026-11-20', intro: '', requirements: '' };
    expect(await district.saveDistrictTexts(evaluator, { kind: 'districtQuarterly', year: 2026, quarter: 3, version: 0, texts })).toEqual({ ok: true, version: 1 });
    const d = await district.quarterlyDocument(evaluator, 2026, 3);
    expect(d.canEdit).toBe(true);
    expect(d.doc.docNumber).toBe('东教督〔2026〕12号');
    expect(d.doc.signature.date).toBe('2026年11月20日');
    await expect(district.saveDistrictTexts(await scopeOf('dongcheng.leader'), { kind: 'districtQuarterly', year: 2026, quarter: 3, version: 1, texts })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(district.quarterlyDocument(await scopeOf('dongcheng.eval.z1'), 2026, 3)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(district.annualDocument(await scopeOf('dongcheng.dc01'), 2025)).rejects.toMatchObject({ code: 'forbidden' });
    // A quarter that has not started is not there yet.
    await expect(district.quarterlyDocument(evaluator, 2027, 1)).rejects.toMatchObject({ code: 'notFound' });
    // The other district sees nothing of it.
    const xs = await district.quarterlyDocument(await scopeOf('xishan.leader'), 2026, 3);
    expect(xs.doc.docNumber).toBeNull();
  });
});
