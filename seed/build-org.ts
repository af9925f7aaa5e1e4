// Template, districts, zones, schools, settings, holidays, users and the per-year checklists.
import * as s from '@/db/schema';
import { hashPassword } from '@/core/auth/password';
import type { ChecklistItem } from '@/core/domain/types';
import { DEFAULT_SETTINGS } from '@/core/domain/types';
import { DEFAULT_CHECKLIST_TEMPLATE } from '@/modules/checklist/domain/default-template';
import { DEFAULT_TEMPLATE_ID } from '@/modules/checklist/data/reference';
import { seedId } from './ids';
import { DEMO_PASSWORD, DEMO_YEARS, DISTRICTS, demoLogins, holidaysOf, type DistrictDef, type SchoolDef } from './org';
import { at, type SeedRows } from './rows';

export interface SchoolCtx {
  def: SchoolDef;
  id: string;
  /** 0-based position in the district's list. */
  index: number;
  zoneId: string;
  /** Index of the school's zone (0 = the zone of the `.eval.z1` evaluator). */
  zoneIndex: number;
  coordinatorId: string;
}

export interface ChecklistCtx {
  versionRow: typeof s.checklistVersions.$inferInsert;
  items: ChecklistItem[];
  byCode: Map<string, ChecklistItem>;
}

export interface DistrictCtx {
  def: DistrictDef;
  id: string;
  schools: SchoolCtx[];
  adminId: string;
  evalId: string;
  evalZ1Id: string;
  leaderId: string;
  checklists: Map<number, ChecklistCtx>;
}

export interface OrgCtx {
  platformAdminId: string;
  templateId: string;
  districts: DistrictCtx[];
}

export const userId = (username: string): string => seedId(`user/${username}`);

export async function buildOrg(rows: SeedRows): Promise<OrgCtx> {
  // The default template itself is reference data (modules/checklist/data/reference.ts).
  const templateId = DEFAULT_TEMPLATE_ID;

  const districts = DISTRICTS.map((def) => buildDistrict(rows, def, templateId));

  // Users: one argon2 hash each (run in parallel on libuv's thread pool).
  const logins = demoLogins();
  const hashes = await Promise.all(logins.map(() => hashPassword(DEMO_PASSWORD)));
  logins.forEach((l, i) => {
    const d = districts.find((x) => x.def.code === l.district);
    const school = d && l.school ? d.schools.find((sc) => sc.def.code === l.school) : undefined;
    const t = at('2023-12-20', 10);
    rows.add(s.users, {
      id: userId(l.username),
      districtId: d?.id ?? null,
      username: l.username,
      displayName: l.displayName,
      role: l.role,
      schoolId: school?.id ?? null,
      passwordHash: hashes[i],
      locale: 'zh-CN',
      createdAt: t,
      updatedAt: t,
    });
    if (d && l.zones) {
      for (const z of l.zones) rows.add(s.userZones, { districtId: d.id, userId: userId(l.username), zoneId: seedId(`zone/${d.def.code}/${z}`) });
    }
  });
  return { platformAdminId: userId('platform'), templateId, districts };
}

function buildDistrict(rows: SeedRows, def: DistrictDef, templateId: string): DistrictCtx {
  const id = seedId(`district/${def.code}`);
  const t = at('2023-12-20', 9);
  rows.add(s.districts, { id, code: def.code, name: def.name, issuingBody: def.issuingBody, noticeContact: def.noticeContact, createdAt: t });
  def.zones.forEach((z, i) => rows.add(s.zones, { id: seedId(`zone/${def.code}/${z.code}`), districtId: id, code: z.code, name: z.name, sortOrder: (i + 1) * 10, createdAt: t }));
  const schools: SchoolCtx[] = def.schools.map((sd, index) => {
    const zoneIndex = def.zones.findIndex((z) => z.code === sd.zone);
    if (zoneIndex < 0) throw new Error(`seed: school ${sd.code} has unknown zone ${sd.zone}`);
    const sc: SchoolCtx = {
      def: sd,
      id: seedId(`school/${def.code}/${sd.code}`),
      index,
      zoneId: seedId(`zone/${def.code}/${sd.zone}`),
      zoneIndex,
      coordinatorId: userId(`${def.code}.${sd.code}`),
    };
    rows.add(s.schools, { id: sc.id, districtId: id, zoneId: sc.zoneId, code: sd.code, name: sd.name, type: sd.type, createdAt: t, updatedAt: t });
    return sc;
  });

  const checklists = new Map<number, ChecklistCtx>();
  for (const year of DEMO_YEARS) {
    const settingsAt = at(`${year - 1}-12-20`, 10);
    rows.add(s.districtSettings, {
      districtId: id,
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
      updatedAt: settingsAt,
    });
    for (const h of holidaysOf(year)) rows.add(s.holidays, { districtId: id, day: h.day, name: h.name });

    const versionId = seedId(`checklist/${def.code}/${year}/v1`);
    const versionRow: typeof s.checklistVersions.$inferInsert = {
      id: versionId,
      districtId: id,
      year,
      version: 1,
      effectiveFromQuarter: 1,
      frozenAt: null,
      sourceTemplateId: templateId,
      createdAt: settingsAt,
    };
    rows.add(s.checklistVersions, versionRow);
    const items: ChecklistItem[] = [];
    for (const it of DEFAULT_CHECKLIST_TEMPLATE) {
      const itemId = seedId(`checklist/${def.code}/${year}/v1/${it.code}`);
      rows.add(s.checklistItems, { ...it, id: itemId, districtId: id, versionId });
      items.push({
        id: itemId,
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
      });
    }
    checklists.set(year, { versionRow, items, byCode: new Map(items.map((i) => [i.code, i])) });
  }

  return {
    def,
    id,
    schools,
    adminId: userId(`${def.code}.admin`),
    evalId: userId(`${def.code}.eval`),
    evalZ1Id: userId(`${def.code}.eval.z1`),
    leaderId: userId(`${def.code}.leader`),
    checklists,
  };
}
