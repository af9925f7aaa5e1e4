// Names for the ids in an audit page (issue 14: the viewer showed bare UUIDs). Every UUID of the
// page — the entries' own ids and those inside before/after — is looked up in the tables it can
// belong to, under the caller's row-level security (a district admin resolves only their
// district's records; anything else stays an id). One query per table for the whole page.
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  apiTokens,
  checklistItems,
  checklistTemplates,
  checklistVersions,
  declaredEvents,
  disclosures,
  districts,
  evidenceFiles,
  findings,
  quarterlyReports,
  rankingObjections,
  rankingSnapshots,
  rectifications,
  reminderRobots,
  reportItemComments,
  schools,
  surveyCodeBatches,
  surveys,
  users,
  zones,
} from '@/db/schema';

/** A record in words: a message key of `adminAudit.ref` with its values, and a period to spell out. */
export interface EntityRef {
  key: string;
  values: Record<string, string | number>;
  /** A period key (§3) of the record, shown in words by the page. */
  periodKey?: string;
  event?: { title: string; eventDate: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every UUID string inside a JSON value. */
export function uuidsIn(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') {
    if (UUID.test(v)) out.add(v.toLowerCase());
  } else if (Array.isArray(v)) for (const x of v) uuidsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) uuidsIn(x, out);
  return out;
}

export async function entityRefs(tx: Tx, idList: Iterable<string>): Promise<Map<string, EntityRef>> {
  const ids = [...new Set([...idList].filter((i) => UUID.test(i)).map((i) => i.toLowerCase()))];
  const refs = new Map<string, EntityRef>();
  if (ids.length === 0) return refs;
  const set = (id: string, key: string, values: Record<string, string | number>, extra: Partial<EntityRef> = {}) => refs.set(id, { key, values, ...extra });

  const [userRows, schoolRows, zoneRows, districtRows] = await Promise.all([
    tx.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.id, ids)),
    tx.select({ id: schools.id, code: schools.code, name: schools.name }).from(schools).where(inArray(schools.id, ids)),
    tx.select({ id: zones.id, name: zones.name }).from(zones).where(inArray(zones.id, ids)),
    tx.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, ids)),
  ]);
  for (const u of userRows) set(u.id, 'user', { name: u.name, username: u.username });
  for (const s of schoolRows) set(s.id, 'school', { code: s.code, name: s.name });
  for (const z of zoneRows) set(z.id, 'zone', { name: z.name });
  for (const d of districtRows) set(d.id, 'district', { name: d.name });

  const [disc, reports, finds, events, rects, comments, batches] = await Promise.all([
    tx
      .select({ id: disclosures.id, itemCode: disclosures.itemCode, periodKey: disclosures.periodKey, school: schools.name, eventTitle: declaredEvents.title, eventDate: declaredEvents.eventDate })
      .from(disclosures)
      .innerJoin(schools, eq(schools.id, disclosures.schoolId))
      .leftJoin(declaredEvents, eq(declaredEvents.id, disclosures.eventId))
      .where(inArray(disclosures.id, ids)),
    tx
      .select({ id: quarterlyReports.id, year: quarterlyReports.year, quarter: quarterlyReports.quarter, school: schools.name })
      .from(quarterlyReports)
      .innerJoin(schools, eq(schools.id, quarterlyReports.schoolId))
      .where(inArray(quarterlyReports.id, ids)),
    tx.select({ id: findings.id, title: findings.title, school: schools.name }).from(findings).innerJoin(schools, eq(schools.id, findings.schoolId)).where(inArray(findings.id, ids)),
    tx
      .select({ id: declaredEvents.id, title: declaredEvents.title, eventDate: declaredEvents.eventDate, school: schools.name })
      .from(declaredEvents)
      .innerJoin(schools, eq(schools.id, declaredEvents.schoolId))
      .where(inArray(declaredEvents.id, ids)),
    tx
      .select({ id: rectifications.id, title: findings.title, school: schools.name })
      .from(rectifications)
      .innerJoin(findings, eq(findings.id, rectifications.findingId))
      .innerJoin(schools, eq(schools.id, findings.schoolId))
      .where(inArray(rectifications.id, ids)),
    tx
      .select({ id: reportItemComments.id, itemCode: reportItemComments.itemCode, year: quarterlyReports.year, quarter: quarterlyReports.quarter, school: schools.name })
      .from(reportItemComments)
      .innerJoin(quarterlyReports, eq(quarterlyReports.id, reportItemComments.reportId))
      .innerJoin(schools, eq(schools.id, quarterlyReports.schoolId))
      .where(inArray(reportItemComments.id, ids)),
    tx
      .select({ id: surveyCodeBatches.id, count: surveyCodeBatches.count, school: schools.name, survey: surveys.title })
      .from(surveyCodeBatches)
      .innerJoin(schools, eq(schools.id, surveyCodeBatches.schoolId))
      .innerJoin(surveys, eq(surveys.id, surveyCodeBatches.surveyId))
      .where(inArray(surveyCodeBatches.id, ids)),
  ]);
  for (const d of disc)
    set(d.id, 'disclosure', { school: d.school, item: d.itemCode }, { periodKey: d.periodKey, event: d.eventTitle && d.eventDate ? { title: d.eventTitle, eventDate: d.eventDate } : null });
  for (const r of reports) set(r.id, 'report', { school: r.school, year: r.year, quarter: r.quarter });
  for (const f of finds) set(f.id, 'finding', { school: f.school, title: f.title });
  for (const e of events) set(e.id, 'event', { school: e.school, title: e.title, date: e.eventDate });
  for (const r of rects) set(r.id, 'rectification', { school: r.school, title: r.title });
  for (const c of comments) set(c.id, 'comment', { school: c.school, item: c.itemCode, year: c.year, quarter: c.quarter });
  for (const b of batches) set(b.id, 'batch', { school: b.school, survey: b.survey, count: b.count });

  const [surveyRows, objections, snapshots, versions, items, evidence, tokens, robots, templates] = await Promise.all([
    tx.select({ id: surveys.id, title: surveys.title }).from(surveys).where(inArray(surveys.id, ids)),
    tx.select({ id: rankingObjections.id, reference: rankingObjections.reference }).from(rankingObjections).where(inArray(rankingObjections.id, ids)),
    tx.select({ id: rankingSnapshots.id, year: rankingSnapshots.year, version: rankingSnapshots.version }).from(rankingSnapshots).where(inArray(rankingSnapshots.id, ids)),
    tx.select({ id: checklistVersions.id, year: checklistVersions.year, version: checklistVersions.version }).from(checklistVersions).where(inArray(checklistVersions.id, ids)),
    tx.select({ id: checklistItems.id, code: checklistItems.code, name: checklistItems.name }).from(checklistItems).where(inArray(checklistItems.id, ids)),
    tx.select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, url: evidenceFiles.url }).from(evidenceFiles).where(inArray(evidenceFiles.id, ids)),
    tx.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, ids)),
    tx.select({ id: reminderRobots.id, name: reminderRobots.name }).from(reminderRobots).where(inArray(reminderRobots.id, ids)),
    tx.select({ id: checklistTemplates.id, name: checklistTemplates.name }).from(checklistTemplates).where(inArray(checklistTemplates.id, ids)),
  ]);
  for (const s of surveyRows) set(s.id, 'named', { name: s.title });
  for (const o of objections) set(o.id, 'objection', { reference: o.reference ?? '—' });
  for (const s of snapshots) set(s.id, 'snapshot', { year: s.year, version: s.version });
  for (const v of versions) set(v.id, 'version', { year: v.year, version: v.version });
  for (const i of items) set(i.id, 'item', { code: i.code, name: i.name });
  for (const e of evidence) set(e.id, 'named', { name: e.fileName ?? e.url ?? '—' });
  for (const t of [...tokens, ...robots, ...templates]) set(t.id, 'named', { name: t.name });
  return refs;
}
