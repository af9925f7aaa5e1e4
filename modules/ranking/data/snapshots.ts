// Frozen 先进单位 rankings (DESIGN §6): reading snapshots back (validated), the year's version
// history, and turning a live ranking into the jsonb that is frozen. Runs inside a district
// transaction; every query filters by district.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { rankingSnapshots, users, type RankingSnapshot } from '@/db/schema';
import type { SnapshotState } from '@/modules/ranking/domain/notice';
import { snapshotRowsSchema, snapshotSettingsSchema, type SnapshotSettings } from '@/modules/ranking/validation/snapshot';
import type { RankingResult } from '@/modules/ranking/domain/composition';

export interface Snapshot {
  id: string;
  version: number;
  state: SnapshotState;
  publishedAt: Date;
  noticeStartsOn: string;
  noticeEndsOn: string;
  approvedAt: Date | null;
  districtName: string;
  issuingBody: string;
  /** Null for a notice frozen before the contact was part of it. */
  noticeContact: string | null;
  ranking: RankingResult;
}

/** The jsonb frozen for a ranking: its rows as they are, and the settings and context used. */
export function snapshotValues(ranking: RankingResult, district: { name: string; issuingBody: string; noticeContact: string }): { rows: unknown; settings: SnapshotSettings } {
  return {
    rows: ranking.rows,
    settings: {
      year: ranking.year,
      computedOn: ranking.computedOn,
      ...ranking.settings,
      groups: ranking.groups,
      districtName: district.name,
      issuingBody: district.issuingBody,
      noticeContact: district.noticeContact,
    },
  };
}

/** A stored snapshot, validated; throws when the jsonb does not have the expected shape. */
export function readSnapshot(row: RankingSnapshot): Snapshot {
  const settings = snapshotSettingsSchema.parse(row.settings);
  const rows = snapshotRowsSchema.parse(row.rows);
  const { groups, computedOn, districtName, issuingBody, noticeContact, year, ...used } = settings;
  return {
    id: row.id,
    version: row.version,
    state: row.state,
    publishedAt: row.publishedAt,
    noticeStartsOn: row.noticeStartsOn,
    noticeEndsOn: row.noticeEndsOn,
    approvedAt: row.approvedAt,
    districtName,
    issuingBody,
    noticeContact: noticeContact ?? null,
    ranking: { year, computedOn, settings: used, groups, rows },
  };
}

/** The year's active snapshot (公示 or final), or null when only the live draft exists. */
export async function activeSnapshotRow(tx: Tx, districtId: string, year: number): Promise<RankingSnapshot | null> {
  const [row] = await tx
    .select()
    .from(rankingSnapshots)
    .where(and(eq(rankingSnapshots.districtId, districtId), eq(rankingSnapshots.year, year), inArray(rankingSnapshots.state, ['notice', 'final'])))
    .orderBy(desc(rankingSnapshots.version))
    .limit(1);
  return row ?? null;
}

export interface VersionInfo {
  id: string;
  version: number;
  state: SnapshotState;
  publishedAt: Date;
  publishedBy: string | null;
  noticeStartsOn: string;
  noticeEndsOn: string;
  approvedAt: Date | null;
  approvedBy: string | null;
  supersededAt: Date | null;
  reopenReason: string | null;
}

/** Every version of the year's ranking, newest first, with who published and approved it. */
export async function versionHistory(tx: Tx, districtId: string, year: number): Promise<VersionInfo[]> {
  const publisher = alias(users, 'publisher');
  const approver = alias(users, 'approver');
  return tx
    .select({
      id: rankingSnapshots.id,
      version: rankingSnapshots.version,
      state: rankingSnapshots.state,
      publishedAt: rankingSnapshots.publishedAt,
      publishedBy: publisher.displayName,
      noticeStartsOn: rankingSnapshots.noticeStartsOn,
      noticeEndsOn: rankingSnapshots.noticeEndsOn,
      approvedAt: rankingSnapshots.approvedAt,
      approvedBy: approver.displayName,
      supersededAt: rankingSnapshots.supersededAt,
      reopenReason: rankingSnapshots.reopenReason,
    })
    .from(rankingSnapshots)
    .leftJoin(publisher, eq(publisher.id, rankingSnapshots.publishedBy))
    .leftJoin(approver, eq(approver.id, rankingSnapshots.approvedBy))
    .where(and(eq(rankingSnapshots.districtId, districtId), eq(rankingSnapshots.year, year)))
    .orderBy(desc(rankingSnapshots.version));
}
