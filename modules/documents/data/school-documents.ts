// A school's annual summary (issue 17) for its coordinator (who edits the narrative texts) and for
// evaluators and leaders (who read it from the school profile). Every function takes the caller's
// scope: a coordinator only ever reaches their own school, a zone evaluator only their zones'
// schools; anything else is "not found".
import { thisQuarter, today, inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import type { DistrictScope, Scope } from '@/core/scope';
import type { Tx } from '@/db/client';
import type { School } from '@/db/schema';
import { ownSchool } from '@/modules/obligations/data/entry';
import { schoolInScope } from '@/modules/org/data/schools';
import { yearsOfDistrict } from '@/modules/ranking/data/facts';
import type { SchoolSummaryFigures } from '@/modules/documents/domain/figures';
import type { DocumentModel } from '@/modules/documents/domain/model';
import type { NarrativeTexts } from '@/modules/documents/domain/narrative';
import { buildSchoolSummary } from '@/modules/documents/domain/school-summary';
import { loadSchoolSummaryFigures } from './school-summary';
import { readTexts, writeTexts, type SaveTextsResult, type TextsKey } from './texts';

export interface SchoolSummaryDocument {
  school: { id: string; code: string; name: string };
  year: number;
  /** Years the summary can be written for (checklist years up to this one), newest first. */
  years: number[];
  figures: SchoolSummaryFigures;
  texts: NarrativeTexts;
  /** 0 = nothing saved yet. */
  version: number;
  updatedAt: Date | null;
  doc: DocumentModel;
}

const summaryKey = (schoolId: string, year: number): TextsKey => ({ kind: 'schoolSummary', schoolId, year, quarter: 0 });

/** The years with a checklist up to the current one; a year outside them is "not found". */
export async function documentYears(tx: Tx, districtId: string): Promise<number[]> {
  const current = thisQuarter().year;
  return (await yearsOfDistrict(tx, districtId)).filter((y) => y <= current);
}

async function summaryOf(tx: Tx, s: DistrictScope, school: School, year: number): Promise<SchoolSummaryDocument> {
  const years = await documentYears(tx, s.districtId);
  if (!years.includes(year)) notFound();
  const figures = await loadSchoolSummaryFigures(tx, s, school, year, today());
  const stored = await readTexts(tx, s.districtId, summaryKey(school.id, year));
  return {
    school: { id: school.id, code: school.code, name: school.name },
    year,
    years,
    figures,
    texts: stored.texts,
    version: stored.version,
    updatedAt: stored.updatedAt,
    doc: buildSchoolSummary(figures, stored.texts),
  };
}

/** Coordinator: their own school's summary of a year. */
export async function coordinatorSummary(scope: Scope, year: number): Promise<SchoolSummaryDocument> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => summaryOf(tx, s, await ownSchool(tx, s), year));
}

/** Evaluators and leaders: a school's summary (404 outside the caller's scope). */
export async function readerSchoolSummary(scope: Scope, schoolId: string, year: number): Promise<SchoolSummaryDocument> {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => summaryOf(tx, s, await schoolInScope(tx, s, schoolId), year));
}

/** Coordinator: saves their school's narrative texts of a year (optimistic version, audited). */
export async function saveSchoolSummaryTexts(scope: Scope, args: { year: number; version: number; texts: NarrativeTexts }): Promise<SaveTextsResult> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!(await documentYears(tx, s.districtId)).includes(args.year)) notFound();
    return writeTexts(tx, s, summaryKey(school.id, args.year), args.version, args.texts);
  });
}
