import { describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { planDistricts, scaleDistrictCode, scaleYears } from './scale';
import { copyPayload } from './scale-copy';
import { buildSyntheticRows } from './synthetic';

describe('seed:scale plan', () => {
  it('splits the schools into districts of at most perDistrict, the last taking the remainder', () => {
    const plan = planDistricts({ schools: 20_000, perDistrict: 300 });
    expect(plan).toHaveLength(67);
    expect(plan.slice(0, 66).every((p) => p.schools === 300)).toBe(true);
    expect(plan[66]).toEqual({ index: 66, code: 'p067', schools: 200 });
    expect(plan.reduce((n, p) => n + p.schools, 0)).toBe(20_000);
    expect(scaleDistrictCode(0)).toBe('p001');
  });

  it('counts the years back from the reference day', () => {
    expect(scaleYears({ years: 3, asOf: '2026-11-23' })).toEqual([2024, 2025, 2026]);
    expect(scaleYears({ years: 1, asOf: '2030-01-01' })).toEqual([2030]);
  });
});

describe('COPY text format', () => {
  it('escapes text, encodes dates, arrays, json, booleans and nulls', () => {
    const { columns, chunks } = copyPayload(s.disclosures, [
      {
        id: '00000000-0000-4000-8000-000000000001',
        districtId: '00000000-0000-4000-8000-000000000002',
        schoolId: '00000000-0000-4000-8000-000000000003',
        itemCode: 'B02',
        periodKey: '2026-Q1',
        year: 2026,
        quarter: 1,
        disclosedOn: '2026-02-01',
        channels: ['noticeBoard', 'we"b\\site'],
        audience: 'public',
        summary: 'line one\nline\ttwo \\ end',
        procurementAmount: 12.5,
        procurementFlag: false,
        plannedOn: null,
        createdAt: new Date('2026-02-01T01:02:03.000Z'),
      },
    ]);
    // Only the columns the rows set (the rest keep their SQL defaults), by SQL name.
    expect([...columns].sort()).toEqual(
      [
        'id',
        'district_id',
        'school_id',
        'item_code',
        'period_key',
        'year',
        'quarter',
        'disclosed_on',
        'channels',
        'audience',
        'summary',
        'procurement_amount',
        'procurement_flag',
        'planned_on',
        'created_at',
      ].sort(),
    );
    const fields = chunks.join('').replace(/\n$/, '').split('\t');
    const at = (c: string) => fields[columns.indexOf(c)];
    expect(at('channels')).toBe('{"noticeBoard","we\\\\"b\\\\\\\\site"}');
    expect(at('summary')).toBe('line one\\nline\\ttwo \\\\ end');
    expect(at('procurement_flag')).toBe('f');
    expect(at('planned_on')).toBe('\\N');
    expect(at('created_at')).toBe('2026-02-01T01:02:03.000Z');
    expect(at('procurement_amount')).toBe('12.5');
    expect(chunks.join('').endsWith('\n')).toBe(true);
  });

  it('writes jsonb as JSON, also when the value is an array', () => {
    const { columns, chunks } = copyPayload(s.quarterlyReports, [
      {
        id: '00000000-0000-4000-8000-000000000001',
        districtId: '00000000-0000-4000-8000-000000000002',
        schoolId: '00000000-0000-4000-8000-000000000003',
        year: 2026,
        quarter: 1,
        state: 'submitted',
        gapsAtSubmit: [{ itemCode: 'M01', periodKey: '2026-01' }],
      },
    ]);
    const fields = chunks.join('').trimEnd().split('\t');
    expect(fields[columns.indexOf('gaps_at_submit')]).toBe('[{"itemCode":"M01","periodKey":"2026-01"}]');
  });

  it('refuses a defaulted column that only some rows set', () => {
    expect(() =>
      copyPayload(s.schools, [
        { id: 'a', districtId: 'b', code: 'x', name: 'x', type: 'primary', active: false },
        { id: 'c', districtId: 'b', code: 'y', name: 'y', type: 'primary' },
      ]),
    ).toThrow(/active/);
  });
});

describe('synthetic district for seed:scale', () => {
  it('adds a leader, an admin and the surveys (without codes) only when asked, with the shared hash', async () => {
    const base = await buildSyntheticRows({ code: 'tst', schools: 12, zones: 2, years: [2025], asOf: '2025-12-20', passwordHash: 'HASH' });
    const full = await buildSyntheticRows({ code: 'tst', schools: 12, zones: 2, years: [2025], asOf: '2025-12-20', passwordHash: 'HASH', staff: true, surveys: true });
    const roles = (r: typeof base) => r.rows.rows(s.users).map((u) => u.role);
    expect(roles(base)).not.toContain('leader');
    expect(roles(full).filter((x) => x === 'leader')).toHaveLength(1);
    expect(roles(full).filter((x) => x === 'districtAdmin')).toHaveLength(1);
    expect(new Set(full.rows.rows(s.users).map((u) => u.passwordHash))).toEqual(new Set(['HASH']));
    expect(base.rows.counts().survey_responses).toBe(0);
    const c = full.rows.counts();
    expect(c.surveys).toBe(2);
    expect(c.survey_responses).toBeGreaterThan(12 * 20);
    expect(c.survey_codes).toBe(0);
    expect(c.survey_code_batches).toBe(0);
    // Everything else is the same district.
    for (const t of ['schools', 'disclosures', 'quarterly_reports', 'evaluations', 'declared_events']) expect(c[t]).toBe(base.rows.counts()[t]);
    const responses = new Set(full.rows.rows(s.surveyResponses).map((r) => r.id));
    expect(full.rows.rows(s.surveyAnswers).every((a) => responses.has(a.responseId))).toBe(true);
  });
});
