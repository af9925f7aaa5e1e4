// In-memory rows of the demo, collected per table and then inserted in foreign-key order with
// multi-row INSERTs (chunks of CHUNK rows per statement).
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';

/** Every table the seed writes, parents before children. */
export const TABLE_ORDER: readonly PgTable[] = [
  s.checklistTemplates,
  s.checklistTemplateItems,
  s.districts,
  s.zones,
  s.schools,
  s.districtSettings,
  s.holidays,
  s.users,
  s.userZones,
  s.checklistVersions,
  s.checklistItems,
  s.declaredEvents,
  s.noMatterStatements,
  s.disclosures,
  s.disclosureRejections,
  s.quarterlyReports,
  s.reportTransitions,
  s.evaluations,
  s.reportItemComments,
  s.findings,
  s.rectifications,
  s.surveys,
  s.surveyQuestions,
  s.surveyCodeBatches,
  s.surveyCodes,
  s.surveyResponses,
  s.surveyAnswers,
  s.auditLog,
];

const CHUNK = 500;

export class SeedRows {
  private readonly byTable = new Map<PgTable, unknown[]>();

  add<T extends PgTable>(table: T, ...rows: T['$inferInsert'][]): void {
    let list = this.byTable.get(table);
    if (!list) {
      list = [];
      this.byTable.set(table, list);
    }
    for (const r of rows) list.push(r);
  }

  rows<T extends PgTable>(table: T): T['$inferInsert'][] {
    return (this.byTable.get(table) ?? []) as T['$inferInsert'][];
  }

  /** Row counts by SQL table name, in insert order. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of TABLE_ORDER) out[getTableName(t)] = this.byTable.get(t)?.length ?? 0;
    return out;
  }

  async insertAll(db: Db): Promise<void> {
    for (const [t] of this.byTable) {
      if (!TABLE_ORDER.includes(t)) throw new Error(`seed: table ${getTableName(t)} missing from TABLE_ORDER`);
    }
    for (const table of TABLE_ORDER) {
      const list = this.byTable.get(table) ?? [];
      for (let i = 0; i < list.length; i += CHUNK) {
        await db.insert(table).values(list.slice(i, i + CHUNK) as (typeof table)['$inferInsert'][]);
      }
    }
  }
}

/** A fixed instant: `YYYY-MM-DD` at `hh:mm` Asia/Shanghai (China has no DST, so +08:00 is exact). */
export function at(day: string, hour = 9, minute = 0): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}
