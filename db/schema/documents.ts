// Issue 17: the narrative texts of the documents Sunlight drafts from its data — a school's annual
// 校务公开工作总结 (leading group, rules, next steps) and the district's quarterly 通报 and annual
// report (文号, issuing office, opening and closing paragraphs). The figures are never stored: they
// are generated from the data each time. One row per district / document kind / school / period,
// edited with an optimistic version (like disclosures) and audited.
import { integer, jsonb, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id, updatedAt } from './columns';
import { districts, schools, users } from './tenancy';

export type DocumentKind = 'schoolSummary' | 'districtQuarterly' | 'districtAnnual';

export const documentTexts = pgTable(
  'document_texts',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    kind: text('kind').$type<DocumentKind>().notNull(),
    /** The school of a school summary; null for the district's documents. */
    schoolId: uuid('school_id').references(() => schools.id),
    year: integer('year').notNull(),
    /** The quarter of a quarterly 通报; 0 for the annual documents. */
    quarter: smallint('quarter').notNull().default(0),
    /** Field → text (the kind's narrative fields only; see modules/documents/domain/narrative.ts). */
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    /** Optimistic lock: a save names the version it was typed on. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('document_texts_key').on(t.districtId, t.kind, t.schoolId, t.year, t.quarter).nullsNotDistinct()],
);

export type DocumentTextRow = typeof documentTexts.$inferSelect;
