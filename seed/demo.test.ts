// The demo data in memory (no database): template shape, determinism, and that the school
// profiles come out as designed when measured with the domain core's own metric functions.
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { congressMet } from '@/modules/ranking/domain/eligibility';
import { CHANNELS } from '@/core/domain/types';
import { DEFAULT_CHECKLIST_TEMPLATE } from '@/modules/checklist/domain/default-template';
import { isProcurementFlagged } from '@/modules/checklist/domain/procurement';
import { buildDemoRows } from './demo';
import { demoFigures } from './figures';
import { seedId } from './ids';
import { DISTRICTS, holidaysOf, type Profile } from './org';
import { noticeDeadline } from '@/modules/obligations/domain/obligations';
import type { SeedRows } from './rows';

const CODES = 'G01 G02 G03 G04 C01 C02 F01 F02 F03 M01 M02 M03 M04 M05 P01 P02 P03 P04 P05 A01 A02 E01 B01 B02 S01 S02 S03 T01'.split(' ');
const AS_OF = '2026-11-20';

describe('default checklist template', () => {
  it('has the 28 items of DESIGN §2 in order, with the 事前 and congress markers', () => {
    expect(DEFAULT_CHECKLIST_TEMPLATE.map((i) => i.code)).toEqual(CODES);
    expect(DEFAULT_CHECKLIST_TEMPLATE.filter((i) => i.timing === 'before').map((i) => i.code)).toEqual(['G04', 'F03', 'P01', 'P05', 'A01']);
    expect(DEFAULT_CHECKLIST_TEMPLATE.filter((i) => i.tags.includes('congress')).map((i) => i.code)).toEqual(['C01', 'C02']);
    for (const it of DEFAULT_CHECKLIST_TEMPLATE) {
      expect(it.frequency === 'event', it.code).toBe(it.deadlineDays !== null);
      expect(it.channels.length, it.code).toBeGreaterThan(0);
      for (const c of it.channels) expect(CHANNELS).toContain(c);
      for (const text of [it.basis, it.content, it.responsibleParty, it.timeLimit]) expect(text.length, it.code).toBeGreaterThan(2);
    }
    expect(DEFAULT_CHECKLIST_TEMPLATE.find((i) => i.code === 'G01')!.annualDueDate).toBe('03-31');
    expect(DEFAULT_CHECKLIST_TEMPLATE.find((i) => i.code === 'E01')!.annualDueDate).toBe('06-30');
  });

  it('flags B02 purchases of 3000元 or more bought other than by 集体采购/公开招标', () => {
    expect(isProcurementFlagged(4800, '询价')).toBe(true);
    expect(isProcurementFlagged(3000, '其他')).toBe(true);
    expect(isProcurementFlagged(2999.99, '询价')).toBe(false);
    expect(isProcurementFlagged(50_000, '集体采购')).toBe(false);
    expect(isProcurementFlagged(500_000, '公开招标')).toBe(false);
  });
});

describe('seedId', () => {
  it('is a stable, well-formed UUID', () => {
    expect(seedId('a')).toBe(seedId('a'));
    expect(seedId('a')).not.toBe(seedId('b'));
    expect(seedId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('demo rows', () => {
  let rows: SeedRows;
  const profileOf = new Map(DISTRICTS.flatMap((d) => d.schools.map((sc) => [sc.code, sc.profile] as [string, Profile])));

  beforeAll(async () => {
    rows = await buildDemoRows(AS_OF);
  }, 60_000);

  it('is the same on every build (apart from password salts)', async () => {
    const again = await buildDemoRows(AS_OF);
    for (const t of [s.disclosures, s.declaredEvents, s.quarterlyReports, s.surveyCodes, s.surveyAnswers] as const) {
      expect(JSON.stringify(again.rows(t))).toBe(JSON.stringify(rows.rows(t)));
    }
  }, 60_000);

  it('gives each school profile the coverage and timeliness it was designed for (2024, 2025)', () => {
    for (const d of DISTRICTS) {
      for (const year of [2024, 2025]) {
        for (const f of demoFigures(rows, d.code, year, AS_OF).schools) {
          const profile = profileOf.get(f.code)!;
          const [cov, tim] = [f.coverage!, f.timeliness!];
          const label = `${f.code} ${profile} ${year}: coverage ${cov} timeliness ${tim}`;
          if (profile === 'exemplary') expect([cov, tim], label).toEqual([100, 100]);
          else if (profile === 'missing') expect(cov > 60 && cov < 82, label).toBe(true);
          else if (profile === 'late') expect(cov >= 90 && tim < 65, label).toBe(true);
          else expect(cov >= 88 && tim >= 70, label).toBe(true);
          expect(congressMet(f.items, f.results, year), label).toBe(!(profile === 'noCongress' && year === 2025));
        }
      }
    }
  });

  it('§3 事前公开: exemplary schools disclose a full notice period ahead; late schools are late, some only after the matter', () => {
    const before = (profile: Profile) =>
      DISTRICTS.flatMap((d) => [2024, 2025].flatMap((year) => demoFigures(rows, d.code, year, AS_OF).schools.filter((f) => profileOf.get(f.code) === profile))).flatMap((f) =>
        f.results.filter((r) => r.obligation.timingBefore && r.met),
      );
    const exemplary = before('exemplary');
    expect(exemplary.length).toBeGreaterThan(20);
    for (const r of exemplary) {
      expect(r.firstDisclosedOn! <= r.obligation.deadline, `${r.obligation.itemCode} ${r.obligation.periodKey}`).toBe(true);
      expect(r.obligation.deadline < r.obligation.eventDate!).toBe(true);
    }
    const late = before('late');
    expect(late.some((r) => !r.onTime && !r.notBefore)).toBe(true); // after the deadline, before the matter
    expect(late.some((r) => r.notBefore)).toBe(true); // 事前公开未落实
    // P01 and P05 count their notice period in working days (公示期不少于5个工作日), the others calendar days.
    const all = [...exemplary, ...late];
    const holidays = [2023, 2024, 2025, 2026].flatMap((y) => holidaysOf(y).map((h) => h.day));
    for (const r of all.filter((x) => ['P01', 'P05'].includes(x.obligation.itemCode))) {
      expect(r.obligation.deadline).toBe(noticeDeadline({ workingDays: true }, r.obligation.eventDate!, 5, { holidays }));
    }
    for (const r of all.filter((x) => x.obligation.itemCode === 'A01')) expect(r.obligation.deadline).toBe(noticeDeadline({ workingDays: false }, r.obligation.eventDate!, 5));
  });

  it('makes the designed schools ineligible in 2025 and awards someone in every group', () => {
    const reasons = new Map<string, string[]>();
    for (const d of DISTRICTS) {
      const { ranking } = demoFigures(rows, d.code, 2025, AS_OF);
      for (const r of ranking) reasons.set(r.schoolId, r.reasons);
      for (const type of new Set(ranking.map((r) => r.schoolType))) {
        expect(
          ranking.some((r) => r.schoolType === type && r.awarded),
          `${d.code} ${type}`,
        ).toBe(true);
      }
    }
    expect(reasons.get('dc17')).toEqual(['congressNotMet']);
    expect(reasons.get('xs06')).toEqual(['vetoUnresolved']);
    expect(reasons.get('xs22')).toEqual(['noValidSatisfaction']);
    expect(reasons.get('dc19')).toContain('reportsNotApproved');
    for (const code of ['dc01', 'dc02', 'dc05', 'xs01', 'xs04']) expect(reasons.get(code), code).toEqual([]);
  });

  it('has survey groups below the validity threshold and one below the anonymity floor in 2025', () => {
    const surveys2025 = new Set(
      rows
        .rows(s.surveys)
        .filter((x) => x.year === 2025)
        .map((x) => x.id),
    );
    const perSchoolSurvey = new Map<string, number>();
    for (const r of rows.rows(s.surveyResponses)) {
      if (!surveys2025.has(r.surveyId)) continue;
      const k = `${r.schoolId}/${r.surveyId}`;
      perSchoolSurvey.set(k, (perSchoolSurvey.get(k) ?? 0) + 1);
    }
    const counts = [...perSchoolSurvey.values()];
    expect(counts.filter((n) => n < 5).length).toBeGreaterThanOrEqual(1);
    expect(counts.filter((n) => n >= 5 && n < 10).length).toBeGreaterThanOrEqual(2);
    expect(counts.filter((n) => n >= 10).length).toBeGreaterThan(90);
  });
});
