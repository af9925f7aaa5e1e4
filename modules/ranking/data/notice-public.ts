// The public 公示 of a year's 先进单位 (DESIGN §6; no login): the proposed schools by group, the
// notice period and the issuing body as frozen in the active snapshot, and objections from anyone
// while the period runs (rate-limited per client address). The district is resolved from its
// public code first; everything else runs under that district's row-level security.
import { and, count, eq } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { districts, rankingObjections, rankingSnapshots } from '@/db/schema';
import { localDateOf } from '@/core/domain/dates';
import { takesObjections, type SnapshotState } from '@/modules/ranking/domain/notice';
import { SCHOOL_TYPES, type LocalDate, type SchoolType } from '@/core/domain/types';
import { now } from '@/core/env';
import type { ObjectionInput } from '@/modules/ranking/validation/ranking';
import { audit } from '@/core/audit';
import { today } from '@/core/context';
import { activeSnapshotRow, readSnapshot } from './snapshots';
import { blockedFor, hit, type LimitRule } from '@/core/rate-limit';

const DISTRICT_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Objections per client address: 5 an hour, then an hour's pause. */
export const OBJECTION_RULE: LimitRule = { limit: 5, windowMs: 60 * 60_000, blockMs: 60 * 60_000 };
export const OBJECTION_BUCKET = 'notice-objection';

export interface PublicNotice {
  districtCode: string;
  districtName: string;
  issuingBody: string;
  /** Where to lodge an objection besides the online form, as published (or the district's current one for older notices). */
  contact: string;
  year: number;
  version: number;
  state: Exclude<SnapshotState, 'superseded'>;
  publishedOn: LocalDate;
  noticeStartsOn: LocalDate;
  noticeEndsOn: LocalDate;
  workingDays: number;
  /** Objections are taken today. */
  open: boolean;
  /** Every school-type group of the ranking, with its proposed schools in rank order. */
  groups: { type: SchoolType; schools: { code: string; name: string }[] }[];
}

async function districtByCode(code: string): Promise<{ id: string; noticeContact: string } | null> {
  if (!DISTRICT_CODE.test(code)) return null;
  // The one platform-wide read: a district's id from its public code.
  const [d] = await withDistrict('*', (tx) =>
    tx
      .select({ id: districts.id, noticeContact: districts.noticeContact })
      .from(districts)
      .where(and(eq(districts.code, code), eq(districts.active, true))),
  );
  return d ?? null;
}

/** The active 公示 or final notice of a district-year, or null (no such district or nothing published). */
export async function publicNotice(districtCode: string, year: number): Promise<PublicNotice | null> {
  const district = await districtByCode(districtCode);
  if (!district) return null;
  return withDistrict(district.id, async (tx) => {
    const row = await activeSnapshotRow(tx, district.id, year);
    if (!row || row.state === 'superseded') return null;
    const snap = readSnapshot(row);
    const groups = SCHOOL_TYPES.filter((type) => snap.ranking.rows.some((r) => r.type === type)).map((type) => ({
      type,
      schools: snap.ranking.rows.filter((r) => r.type === type && r.inQuota).map((r) => ({ code: r.code, name: r.name })),
    }));
    return {
      districtCode,
      districtName: snap.districtName,
      issuingBody: snap.issuingBody,
      contact: snap.noticeContact ?? district.noticeContact,
      year,
      version: snap.version,
      state: row.state,
      publishedOn: localDateOf(snap.publishedAt),
      noticeStartsOn: snap.noticeStartsOn,
      noticeEndsOn: snap.noticeEndsOn,
      workingDays: snap.ranking.settings.noticeWorkingDays,
      open: takesObjections(row, today()),
      groups,
    };
  });
}

/** Lodged (with the reference number the objector is given), or why not. */
export type LodgeResult = { outcome: 'saved'; reference: string } | 'closed' | 'notFound' | 'rateLimited';

/** An objection's reference: the year and its number in the district's objections of that year (2026-003). */
export function objectionReference(year: number, n: number): string {
  return `${year}-${String(n).padStart(3, '0')}`;
}

/** Anyone: lodge an objection against the year's 公示 while its period runs. */
export async function lodgeObjection(districtCode: string, year: number, input: ObjectionInput, address: string): Promise<LodgeResult> {
  const district = await districtByCode(districtCode);
  if (!district) return 'notFound';
  if ((await blockedFor(OBJECTION_BUCKET, address)) > 0) return 'rateLimited';
  if ((await hit(OBJECTION_BUCKET, address, OBJECTION_RULE)) > OBJECTION_RULE.limit) return 'rateLimited';
  return withDistrict(district.id, async (tx) => {
    const row = await activeSnapshotRow(tx, district.id, year);
    if (!row) return 'notFound';
    if (!takesObjections(row, today())) return 'closed';
    // Numbered one after another per district and year: the notice in force is locked while the
    // number is taken (a year has one notice in force at a time), and the unique index backs it.
    await tx.select({ id: rankingSnapshots.id }).from(rankingSnapshots).where(eq(rankingSnapshots.id, row.id)).for('update');
    const [{ n }] = await tx
      .select({ n: count() })
      .from(rankingObjections)
      .innerJoin(rankingSnapshots, eq(rankingSnapshots.id, rankingObjections.snapshotId))
      .where(and(eq(rankingObjections.districtId, district.id), eq(rankingSnapshots.year, year)));
    const reference = objectionReference(year, Number(n) + 1);
    const [created] = await tx
      .insert(rankingObjections)
      .values({ districtId: district.id, snapshotId: row.id, reference, text: input.text, contact: input.contact, submittedAt: now() })
      .returning({ id: rankingObjections.id });
    // The log records that an objection came in, not its text or contact (personal data stays
    // in the objection itself; the log is append-only).
    await audit(tx, null, { entity: 'ranking_objection', entityId: created!.id, action: 'lodge', after: { year, version: row.version, reference, hasContact: input.contact !== null } }, district.id);
    return { outcome: 'saved', reference };
  });
}
