// A large synthetic district for benchmarks (issue 4: "a generated district of 500 schools").
// It reuses the demo's generators — the same checklist template, disclosure behaviour per
// profile (activity.ts) and report workflow (reports.ts) — only the organisation is generated.
// Deterministic: the same options give the same rows. Seeds into a database that has no
// district with the same code yet.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import * as s from '@/db/schema';
import { hashPassword } from '@/core/auth/password';
import { DEFAULT_SETTINGS, SCHOOL_TYPES, type ChecklistItem, type LocalDate } from '@/core/domain/types';
import { buildSchoolYear } from './activity';
import type { ChecklistCtx, DistrictCtx, SchoolCtx } from './build-org';
import { DEFAULT_CHECKLIST_TEMPLATE } from '@/modules/checklist/domain/default-template';
import { seedId } from './ids';
import { DEMO_PASSWORD, type Profile, type SchoolDef } from './org';
import { buildReports } from './reports';
import { at, SeedRows } from './rows';
import { buildSurveys } from './surveys';
import { rebuildDistrict } from '@/modules/facts/data/rebuild';

export interface SyntheticOptions {
  /** District code (also the prefix of usernames), default `synth`. */
  code?: string;
  schools?: number;
  zones?: number;
  years?: readonly number[];
  asOf?: LocalDate;
  /** A password hash to reuse for every account (default: one fresh argon2 hash per district). */
  passwordHash?: string;
  /** Also a leader (`<code>.leader`) and a district admin (`<code>.admin`). Default false. */
  staff?: boolean;
  /**
   * Also the satisfaction surveys of the years (seed/surveys.ts: questions and anonymous
   * responses; no access codes, which are only needed to answer). Default false.
   */
  surveys?: boolean;
}

/** Profiles in the proportions of the demo: mostly good, some late or missing. */
const PROFILES: readonly Profile[] = ['good', 'good', 'good', 'exemplary', 'good', 'late', 'good', 'missing', 'good', 'noCongress', 'good', 'veto'];

export interface SyntheticSummary {
  code: string;
  districtId: string;
  evaluatorUsername: string;
  zoneEvaluatorUsername: string;
  counts: Record<string, number>;
  ms: number;
}

function checklistFor(rows: SeedRows, code: string, districtId: string, year: number): ChecklistCtx {
  const versionId = seedId(`synthetic/${code}/checklist/${year}`);
  const versionRow: typeof s.checklistVersions.$inferInsert = { id: versionId, districtId, year, version: 1, effectiveFromQuarter: 1, createdAt: at(`${year - 1}-12-20`, 10) };
  rows.add(s.checklistVersions, versionRow);
  const items: ChecklistItem[] = DEFAULT_CHECKLIST_TEMPLATE.map((it) => {
    const id = seedId(`synthetic/${code}/checklist/${year}/${it.code}`);
    rows.add(s.checklistItems, { ...it, id, districtId, versionId });
    return {
      id,
      code: it.code,
      name: it.name,
      domain: it.domain,
      frequency: it.frequency,
      deadlineDays: it.deadlineDays,
      workingDays: it.workingDays,
      annualDueDate: it.annualDueDate,
      weight: it.weight,
      mandatory: it.mandatory,
      tags: it.tags,
      timing: it.timing,
      audience: it.audience,
    };
  });
  return { versionRow, items, byCode: new Map(items.map((i) => [i.code, i])) };
}

/** Every row of the synthetic district, in memory (pure apart from one password hash). */
export async function buildSyntheticRows(opts: SyntheticOptions = {}): Promise<{ rows: SeedRows; summary: Omit<SyntheticSummary, 'counts' | 'ms'> }> {
  const code = opts.code ?? 'synth';
  const nSchools = opts.schools ?? 500;
  const nZones = opts.zones ?? 10;
  const years = opts.years ?? [2026];
  const asOf = opts.asOf ?? '2026-11-20';
  const rows = new SeedRows();
  const districtId = seedId(`synthetic/${code}`);
  const created = at('2023-12-20', 9);
  rows.add(s.districts, { id: districtId, code, name: `合成区${code}`, issuingBody: '合成区教育局', createdAt: created });
  const zoneIds = Array.from({ length: nZones }, (_, i) => seedId(`synthetic/${code}/zone/${i}`));
  zoneIds.forEach((id, i) => rows.add(s.zones, { id, districtId, code: `z${i + 1}`, name: `第${i + 1}片区`, sortOrder: i, createdAt: created }));
  // One hash for every synthetic account: argon2 per user would dominate the generation time.
  const hash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const user = (username: string, role: s.User['role'], schoolId: string | null = null) => {
    const id = seedId(`synthetic/${code}/user/${username}`);
    rows.add(s.users, { id, districtId, username, displayName: username, role, schoolId, passwordHash: hash, createdAt: created, updatedAt: created });
    return id;
  };
  const evalId = user(`${code}.eval`, 'evaluator');
  const evalZ1Id = user(`${code}.eval.z1`, 'evaluator');
  rows.add(s.userZones, { districtId, userId: evalZ1Id, zoneId: zoneIds[0]! });
  const leaderId = opts.staff ? user(`${code}.leader`, 'leader') : evalId;
  const adminId = opts.staff ? user(`${code}.admin`, 'districtAdmin') : evalId;

  const defs: SchoolDef[] = Array.from({ length: nSchools }, (_, i) => ({
    code: `${code}${String(i + 1).padStart(4, '0')}`,
    name: `合成学校${i + 1}`,
    type: SCHOOL_TYPES[i % SCHOOL_TYPES.length]!,
    zone: `z${(i % nZones) + 1}`,
    profile: PROFILES[i % PROFILES.length]!,
  }));
  const schools: SchoolCtx[] = defs.map((def, index) => {
    const id = seedId(`synthetic/${code}/school/${def.code}`);
    const zoneIndex = index % nZones;
    rows.add(s.schools, { id, districtId, zoneId: zoneIds[zoneIndex]!, code: def.code, name: def.name, type: def.type, createdAt: created, updatedAt: created });
    return { def, id, index, zoneId: zoneIds[zoneIndex]!, zoneIndex, coordinatorId: user(`${code}.${def.code}`, 'coordinator', id) };
  });
  const checklists = new Map<number, ChecklistCtx>();
  for (const year of years) {
    rows.add(s.districtSettings, {
      districtId,
      year,
      reportDueDays: DEFAULT_SETTINGS.reportDueDays,
      closeDays: DEFAULT_SETTINGS.closeDays,
      weightCoverage: DEFAULT_SETTINGS.weights.coverage,
      weightTimeliness: DEFAULT_SETTINGS.weights.timeliness,
      weightScore: DEFAULT_SETTINGS.weights.score,
      weightSatisfaction: DEFAULT_SETTINGS.weights.satisfaction,
      quotaPercent: DEFAULT_SETTINGS.quotaPercent,
      minComposite: DEFAULT_SETTINGS.minComposite,
      minResponses: DEFAULT_SETTINGS.minResponses,
      noticeWorkingDays: DEFAULT_SETTINGS.noticeWorkingDays,
    });
    checklists.set(year, checklistFor(rows, code, districtId, year));
  }
  const d: DistrictCtx = {
    def: {
      code,
      name: `合成区${code}`,
      issuingBody: '',
      noticeContact: '',
      zones: zoneIds.map((_, i) => ({ code: `z${i + 1}`, name: `第${i + 1}片区` })),
      schools: defs,
      people: { admin: '', eval: '', evalZ1: '', leader: '' },
    },
    id: districtId,
    schools,
    adminId,
    evalId,
    evalZ1Id,
    leaderId,
    checklists,
  };
  for (const year of years) {
    for (const sc of schools) buildReports(rows, d, sc, year, buildSchoolYear(rows, d, sc, year, asOf), asOf);
  }
  if (opts.surveys) addSurveys(rows, d, years, asOf);
  return { rows, summary: { code, districtId, evaluatorUsername: `${code}.eval`, zoneEvaluatorUsername: `${code}.eval.z1` } };
}

/** The demo's survey generator for this district, limited to `years`, without access codes. */
function addSurveys(rows: SeedRows, d: DistrictCtx, years: readonly number[], asOf: LocalDate): void {
  const scratch = new SeedRows();
  buildSurveys(scratch, d, asOf, new Set());
  const keep = new Set(years);
  const surveyIds = new Set(
    scratch
      .rows(s.surveys)
      .filter((x) => keep.has(x.year))
      .map((x) => x.id!),
  );
  const responseIds = new Set<string>();
  rows.add(s.surveys, ...scratch.rows(s.surveys).filter((x) => surveyIds.has(x.id!)));
  rows.add(s.surveyQuestions, ...scratch.rows(s.surveyQuestions).filter((x) => surveyIds.has(x.surveyId)));
  for (const r of scratch.rows(s.surveyResponses)) {
    if (!surveyIds.has(r.surveyId)) continue;
    responseIds.add(r.id!);
    rows.add(s.surveyResponses, r);
  }
  for (const a of scratch.rows(s.surveyAnswers)) if (responseIds.has(a.responseId)) rows.add(s.surveyAnswers, a);
}

/** Generate and insert a synthetic district (one transaction). */
export async function seedSynthetic(db: Db, opts: SyntheticOptions = {}): Promise<SyntheticSummary> {
  const started = Date.now();
  const { rows, summary } = await buildSyntheticRows(opts);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727276)`);
    await rows.insertAll(tx as unknown as Db);
    // The fact store (issue 15) from the rows just written, in the same transaction.
    for (const d of rows.rows(s.districts)) await rebuildDistrict(tx as unknown as Tx, d.id!);
  });
  return { ...summary, counts: rows.counts(), ms: Date.now() - started };
}
