// Surveys on the seeded demo (today = 2026-11-23), against PGlite and PostgreSQL (SUNLIGHT_TEST_DB):
// single use under concurrency, refused codes, the anonymity floor, and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let admin: typeof import('./admin');
let codes: typeof import('./codes');
let pub: typeof import('./public');
let results: typeof import('./results');
let throttle: typeof import('./throttle');

async function schoolId(code: string) {
  const [r] = await client.withSystem((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, code)));
  return r!.id;
}

async function surveyId(district: string, year: number, group: 'teachers' | 'parents') {
  const [r] = await client.withSystem((db) =>
    db
      .select({ id: schema.surveys.id })
      .from(schema.surveys)
      .innerJoin(schema.districts, eq(schema.districts.id, schema.surveys.districtId))
      .where(and(eq(schema.districts.code, district), eq(schema.surveys.year, year), eq(schema.surveys.group, group))),
  );
  return r!.id;
}

async function newBatch(username: string, school: string, survey: string, count = 5) {
  const r = await codes.generateBatch(await scopeOf(username), { surveyId: survey, schoolId: await schoolId(school), count });
  if (!('batchId' in r)) throw new Error(`batch refused: ${r.key}`);
  return codes.batchForPrint(await scopeOf(username), r.batchId);
}

async function answerValues(code: string, overall = '5') {
  const l = await pub.lookupCode(code);
  if (l.state !== 'open') throw new Error(`code not open: ${l.state}`);
  const values: Record<string, string> = {};
  for (const q of l.questions) if (q.kind === 'likert') values[`q_${q.id}`] = q.isOverall ? overall : '4';
  return values;
}

async function responsesOf(survey: string, school: string) {
  const [r] = await client.withSystem((db) =>
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(schema.surveyResponses)
      .where(and(eq(schema.surveyResponses.surveyId, survey), eq(schema.surveyResponses.schoolId, school))),
  );
  return r!.n;
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  admin = await import('./admin');
  codes = await import('./codes');
  pub = await import('./public');
  results = await import('./results');
  throttle = await import('./throttle');
});

afterAll(() => demo?.cleanup());

describe('answering with a code', () => {
  it('50 concurrent submissions with one code store exactly one response', async () => {
    const survey = await surveyId('dongcheng', 2026, 'parents');
    const batch = await newBatch('dongcheng.dc03', 'dc03', survey);
    const code = batch.codes[0]!;
    const values = await answerValues(code);
    const before = await responsesOf(survey, batch.school.id);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => pub.submitResponse(code, values)));
    expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'refused' && o.reason === 'used')).toHaveLength(49);
    expect(await responsesOf(survey, batch.school.id)).toBe(before + 1);
    expect(await pub.lookupCode(code)).toEqual({ state: 'used' });
  });

  it('stores nothing personal: the day only, no link to the code', async () => {
    const survey = await surveyId('dongcheng', 2026, 'teachers');
    const batch = await newBatch('dongcheng.dc04', 'dc04', survey);
    const code = batch.codes[1]!;
    const r = await pub.submitResponse(code.toLowerCase(), { ...(await answerValues(code, '2')), freeText: '  希望公开更及时。 ' });
    expect(r).toEqual({ status: 'saved' });
    const rows = await client.withSystem((db) => db.select().from(schema.surveyResponses).where(eq(schema.surveyResponses.freeText, '希望公开更及时。')));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['districtId', 'freeText', 'id', 'schoolId', 'submittedOn', 'surveyId']);
    expect(rows[0]!.submittedOn).toBe('2026-11-23');
    const [c] = await client.withSystem((db) => db.select().from(schema.surveyCodes).where(eq(schema.surveyCodes.code, code)));
    expect(c!.usedOn).toBe('2026-11-23');
    const audit = await client.withSystem((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, rows[0]!.id)));
    expect(audit).toHaveLength(0);
  });

  it('a reprinted sheet marks the codes already answered, and the results show each school’s response rate (issue 14)', async () => {
    const survey = await surveyId('dongcheng', 2026, 'parents');
    const eval_ = await scopeOf('dongcheng.eval');
    const rowOf = async () => (await results.surveyResults(eval_, 2026)).schools.find((s) => s.code === 'dc05')!.codes.parents!;
    const before = await rowOf();
    const batch = await newBatch('dongcheng.dc05', 'dc05', survey, 4);
    expect(batch.usedOn).toEqual({});
    expect(await pub.submitResponse(batch.codes[2]!, await answerValues(batch.codes[2]!))).toEqual({ status: 'saved' });
    const reprint = await codes.batchForPrint(await scopeOf('dongcheng.dc05'), batch.batch.id);
    expect(reprint.codes).toEqual(batch.codes);
    expect(reprint.usedOn).toEqual({ [batch.codes[2]!]: '2026-11-23' });
    expect(await rowOf()).toEqual({ issued: before.issued + 4, used: before.used + 1 });
  });

  it('refuses an incomplete answer and keeps the code unused', async () => {
    const survey = await surveyId('dongcheng', 2026, 'teachers');
    const batch = await newBatch('dongcheng.dc04', 'dc04', survey);
    const code = batch.codes[0]!;
    const values = await answerValues(code);
    const firstKey = Object.keys(values)[0]!;
    delete values[firstKey];
    const r = await pub.submitResponse(code, values);
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.fieldErrors[firstKey]).toEqual({ key: 'surveyErrors.chooseOne' });
    expect((await pub.lookupCode(code)).state).toBe('open');
  });

  it('refuses unknown, expired and not-yet-open codes, each with its reason', async () => {
    expect(await pub.lookupCode('ZZZZZZZZZZZZ')).toEqual({ state: 'unknown' });
    expect(await pub.submitResponse('ZZZZZZZZZZZZ', {})).toEqual({ status: 'refused', reason: 'unknown' });
    expect(await pub.lookupCode("' or 1=1 --")).toEqual({ state: 'unknown' });

    const [old] = await client.withSystem((db) =>
      db
        .select({ code: schema.surveyCodes.code })
        .from(schema.surveyCodes)
        .innerJoin(schema.surveys, eq(schema.surveys.id, schema.surveyCodes.surveyId))
        .where(and(eq(schema.surveys.year, 2025), isNull(schema.surveyCodes.usedOn)))
        .limit(1),
    );
    expect(await pub.lookupCode(old!.code)).toEqual({ state: 'closed', date: '2025-12-15' });
    expect(await pub.submitResponse(old!.code, {})).toEqual({ status: 'refused', reason: 'closed', date: '2025-12-15' });

    const created = await admin.createSurvey(await scopeOf('dongcheng.admin'), { year: 2027, group: 'teachers', title: '2027年度调查（教师卷）', opensOn: '2027-11-01', closesOn: '2027-12-15' });
    expect('id' in created).toBe(true);
    const future = await newBatch('dongcheng.admin', 'dc05', (created as { id: string }).id, 3);
    expect(await pub.lookupCode(future.codes[0]!)).toEqual({ state: 'notOpen', date: '2027-11-01' });
    expect(await pub.submitResponse(future.codes[0]!, {})).toEqual({ status: 'refused', reason: 'notOpen', date: '2027-11-01' });
  });
});

describe('set-up and codes: rules and scope', () => {
  it('a coordinator generates codes for their own school only; another district’s admin cannot print them', async () => {
    const survey = await surveyId('dongcheng', 2026, 'parents');
    const dc01 = await scopeOf('dongcheng.dc01');
    await expect(codes.generateBatch(dc01, { surveyId: survey, schoolId: await schoolId('dc02'), count: 5 })).rejects.toMatchObject({ code: 'notFound' });
    const batch = await newBatch('dongcheng.dc01', 'dc01', survey, 60);
    expect(batch.codes).toHaveLength(60);
    expect(new Set(batch.codes).size).toBe(60);
    expect(batch.codes.every((c) => /^[A-HJKMNP-Z2-9]{12}$/.test(c))).toBe(true);
    await expect(codes.batchForPrint(await scopeOf('dongcheng.dc02'), batch.batch.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(codes.batchForPrint(await scopeOf('xishan.admin'), batch.batch.id)).rejects.toMatchObject({ code: 'notFound' });
    expect((await codes.batchForPrint(await scopeOf('dongcheng.admin'), batch.batch.id)).codes).toEqual(batch.codes);
    // A coordinator's list holds only their school.
    const mine = await codes.codeBatches(dc01, 2026);
    expect(mine.batches.every((b) => b.schoolCode === 'dc01')).toBe(true);
    expect(mine.batches.length).toBeGreaterThan(0);
    // Another district's survey is not found.
    await expect(codes.generateBatch(await scopeOf('xishan.admin'), { surveyId: survey, schoolId: await schoolId('xs01'), count: 5 })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('no codes for a closed survey; questions cannot change once the survey is open', async () => {
    const adminScope = await scopeOf('dongcheng.admin');
    const closed = await surveyId('dongcheng', 2025, 'parents');
    expect(await codes.generateBatch(adminScope, { surveyId: closed, schoolId: await schoolId('dc01'), count: 5 })).toEqual({ field: 'surveyId', key: 'surveyErrors.surveyClosed' });
    const open = await surveyId('dongcheng', 2026, 'parents');
    await expect(admin.saveQuestions(adminScope, { surveyId: open, likert: ['新的总体题'], freeText: '意见？' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await admin.updateSurveySettings(adminScope, { surveyId: open, title: 't', opensOn: '2026-11-02', closesOn: '2026-12-20' })).toEqual({ field: 'opensOn', key: 'surveyErrors.opensFixed' });
    await expect(admin.createSurvey(adminScope, { year: 2026, group: 'parents', title: 'x', opensOn: '2026-12-01', closesOn: '2026-12-20' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(codes.generateBatch(await scopeOf('dongcheng.eval'), { surveyId: open, schoolId: await schoolId('dc01'), count: 5 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the admin edits questions before opening; the overall question stays first', async () => {
    const adminScope = await scopeOf('dongcheng.admin');
    const created = await admin.createSurvey(adminScope, { year: 2027, group: 'parents', title: '2027年度调查（家长卷）', opensOn: '2027-11-01', closesOn: '2027-12-15' });
    const id = (created as { id: string }).id;
    expect(await admin.saveQuestions(adminScope, { surveyId: id, likert: ['总体满意度', '收费公开清楚'], freeText: '其他意见？' })).toBe('saved');
    const view = await admin.adminSurveys(adminScope, 2027);
    expect(view.surveys.parents!.questions.map((q) => [q.kind, q.text, q.isOverall])).toEqual([
      ['likert', '总体满意度', true],
      ['likert', '收费公开清楚', false],
      ['text', '其他意见？', false],
    ]);
    expect(await admin.updateSurveySettings(adminScope, { surveyId: id, title: 'x', opensOn: '2026-11-01', closesOn: '2027-12-15' })).toEqual({
      field: 'opensOn',
      key: 'surveyErrors.opensBeforeToday',
    });
  });
});

describe('results', () => {
  it('hide every figure of a school-group under 5 responses; 5–9 are shown but not valid', async () => {
    const r = await results.surveyResults(await scopeOf('xishan.eval'), 2025);
    expect(r.minResponses).toBe(10);
    const xs22 = r.schools.find((s) => s.code === 'xs22')!;
    for (const g of ['teachers', 'parents'] as const) {
      expect(xs22.groups[g]).toMatchObject({ visible: false, valid: false, responses: null, satisfactionRate: null, meanScore: null, questionMeans: null, distribution: null });
    }
    expect(xs22.combined).toBeNull();
    const xs18 = r.schools.find((s) => s.code === 'xs18')!;
    expect(xs18.groups.teachers).toMatchObject({ visible: true, valid: false, responses: 8 });
    expect(xs18.groups.parents).toMatchObject({ visible: true, valid: false, responses: 6 });
    expect(xs18.groups.teachers!.satisfactionRate).not.toBeNull();
    const xs01 = r.schools.find((s) => s.code === 'xs01')!;
    expect(xs01.groups.teachers!.valid).toBe(true);
    expect(Object.keys(xs01.groups.teachers!.questionMeans!)).toHaveLength(5);
    // The district roll-up leaves the hidden school-groups out.
    const visibleTeachers = r.schools.reduce((n, s) => n + (s.groups.teachers!.responses ?? 0), 0);
    expect(r.district.groups.teachers!.figures.responses).toBe(visibleTeachers);
    expect(r.district.groups.teachers!.hidden).toBe(1);
  });

  it('one school’s results: free texts for evaluators only, none under the floor; 404 outside scope', async () => {
    const evalScope = await scopeOf('xishan.eval');
    const xs01 = await results.schoolSurveyResults(evalScope, await schoolId('xs01'), 2025);
    expect(xs01.freeTexts).not.toBeNull();
    expect(xs01.freeTexts!.teachers.length + xs01.freeTexts!.parents.length).toBeGreaterThan(0);
    const xs22 = await results.schoolSurveyResults(evalScope, await schoolId('xs22'), 2025);
    expect(xs22.freeTexts).toEqual({ teachers: [], parents: [] });
    expect((await results.schoolSurveyResults(await scopeOf('xishan.leader'), await schoolId('xs01'), 2025)).freeTexts).toBeNull();
    await expect(results.schoolSurveyResults(await scopeOf('dongcheng.eval'), await schoolId('xs01'), 2025)).rejects.toMatchObject({ code: 'notFound' });
    await expect(results.surveyResults(await scopeOf('xishan.xs01'), 2025)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(results.surveyResults(await scopeOf('xishan.admin'), 2025)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('agrees with the seed’s own figures (same domain functions)', async () => {
    const { buildDemoRows } = await import('@/seed/demo');
    const { demoFigures } = await import('@/seed/figures');
    const expected = demoFigures(await buildDemoRows(), 'dongcheng', 2025, '2026-11-20').schools;
    const r = await results.surveyResults(await scopeOf('dongcheng.eval'), 2025);
    for (const s of r.schools) expect(s.combined, s.code).toBe(expected.find((e) => e.code === s.code)!.satisfaction);
  });

  it('a zone evaluator sees only the zone’s schools', async () => {
    const r = await results.surveyResults(await scopeOf('dongcheng.eval.z1'), 2025);
    const all = await results.surveyResults(await scopeOf('dongcheng.eval'), 2025);
    expect(r.limitedToZones).toBe(true);
    expect(r.schools.length).toBeLessThan(all.schools.length);
    expect(r.zones).toHaveLength(1);
  });
});

describe('rate limit per client address (bucket survey-address)', () => {
  it('blocks an address past the limit, not another; the state is in the database and survives a restart', async () => {
    const { limit } = throttle.SURVEY_ADDRESS_RULE;
    let over = false;
    for (let i = 0; i <= limit; i++) over = await throttle.countSurveyHit('203.0.113.7');
    expect(over).toBe(true);
    expect(await throttle.surveyBlocked('203.0.113.7')).toBe(true);
    expect(await throttle.surveyBlocked('203.0.113.8')).toBe(false);
    // The counters hold a keyed hash, never the address itself.
    const rows = await client.withSystem((db) => db.select().from(schema.rateLimits).where(eq(schema.rateLimits.bucket, throttle.SURVEY_BUCKET)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes('203.0.113'))).toBe(false);
    // "Restart": close the connection; a new one (as another process would) still sees the block.
    await client.closeDb();
    expect(await throttle.surveyBlocked('203.0.113.7')).toBe(true);
  });
});
