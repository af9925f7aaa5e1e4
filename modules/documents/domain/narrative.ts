// The narrative fields of each document (issue 17): the short texts a person writes, kept per
// district / school / period in document_texts. Everything else in a document is generated.
import type { DocumentModel } from './model';

export type DocumentKind = DocumentModel['kind'];

export interface NarrativeField {
  name: string;
  /** Longest text accepted (characters). */
  max: number;
  /** One line (文号, office, date) or a paragraph. */
  multiline: boolean;
}

export const NARRATIVE_FIELDS: Record<DocumentKind, readonly NarrativeField[]> = {
  schoolSummary: [
    { name: 'leadership', max: 2000, multiline: true },
    { name: 'rules', max: 2000, multiline: true },
    { name: 'highlights', max: 2000, multiline: true },
    { name: 'nextSteps', max: 2000, multiline: true },
  ],
  districtQuarterly: [
    { name: 'docNumber', max: 60, multiline: false },
    { name: 'issuingOffice', max: 120, multiline: false },
    { name: 'issuedOn', max: 10, multiline: false },
    { name: 'intro', max: 2000, multiline: true },
    { name: 'requirements', max: 3000, multiline: true },
  ],
  districtAnnual: [
    { name: 'docNumber', max: 60, multiline: false },
    { name: 'issuingOffice', max: 120, multiline: false },
    { name: 'issuedOn', max: 10, multiline: false },
    { name: 'intro', max: 2000, multiline: true },
    { name: 'nextYear', max: 3000, multiline: true },
  ],
};

export type NarrativeTexts = Record<string, string>;

/** Only the kind's own fields, as strings (a stored row may hold anything jsonb can). */
export function cleanTexts(kind: DocumentKind, raw: unknown): NarrativeTexts {
  const out: NarrativeTexts = {};
  const src = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const f of NARRATIVE_FIELDS[kind]) {
    const v = src[f.name];
    out[f.name] = typeof v === 'string' ? v : '';
  }
  return out;
}
