// The neutral model of a generated document (issue 17): title, 文号, sections of headings,
// paragraphs, tables and charts. The text assembly (school-summary.ts, district-*.ts) builds it
// from plain figures; the DOCX writer (export/docx.ts) and the A4 print page (ui/DocumentView.tsx)
// both render this one model, so the Word file and the printed page always say the same thing.

/** Where a paragraph's words come from: generated from the data, typed by a person, or a reminder to type it. */
type ParagraphSource = 'generated' | 'narrative' | 'placeholder';

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  source: ParagraphSource;
  /** The narrative field a 'narrative' / 'placeholder' paragraph shows (the editor links to it). */
  field?: string;
}

interface TableColumn {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Relative width (the columns' widths are shared out in proportion); default 1. */
  width?: number;
}

export interface Table {
  kind: 'table';
  caption: string;
  columns: TableColumn[];
  rows: string[][];
}

/** A bar chart of the same figures as a table beside it (print page only; the DOCX keeps the table). */
export interface Chart {
  kind: 'chart';
  title: string;
  /** Category labels along the axis (zones, quarters). */
  categories: string[];
  /** Series of percentages 0–100 (null = no figure). */
  series: { name: string; values: (number | null)[] }[];
}

interface SubHeading {
  kind: 'subheading';
  text: string;
}

export type Block = Paragraph | Table | Chart | SubHeading;

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface DocumentModel {
  /** Which document: drives the file name and the page's labels. */
  kind: 'schoolSummary' | 'districtQuarterly' | 'districtAnnual';
  title: string;
  /** 文号 of a district document (null for a school summary or when not yet set). */
  docNumber: string | null;
  /** 主送 (addressees) line of a district document. */
  addressees: string | null;
  /** A note under the title, e.g. that the period has not ended. */
  note: string | null;
  /** Opening paragraphs before the first section. */
  opening: Paragraph[];
  sections: Section[];
  /** 落款: issuing office (or school) and the date, right-aligned at the end. */
  signature: { lines: string[]; date: string };
}

export function generated(text: string): Paragraph {
  return { kind: 'paragraph', text, source: 'generated' };
}

/** A narrative paragraph, or a reminder to write it when the field is still empty (never a blank). */
export function narrative(field: string, text: string | undefined, reminder: string): Paragraph {
  const t = (text ?? '').trim();
  return t ? { kind: 'paragraph', text: t, source: 'narrative', field } : { kind: 'paragraph', text: reminder, source: 'placeholder', field };
}

/** Every text the document shows, in order (tests; the data-equality checks read the same words). */
export function documentText(doc: DocumentModel): string {
  const parts: string[] = [doc.title, doc.docNumber ?? '', doc.addressees ?? '', doc.note ?? '', ...doc.opening.map((p) => p.text)];
  for (const s of doc.sections) {
    parts.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph' || b.kind === 'subheading') parts.push(b.text);
      else if (b.kind === 'table') parts.push(b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat());
      else parts.push(b.title);
    }
  }
  parts.push(...doc.signature.lines, doc.signature.date);
  return parts.filter(Boolean).join('\n');
}
