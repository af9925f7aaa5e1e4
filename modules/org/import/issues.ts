// What an import preview reports for each bad row (issue 7: "a preview lists every bad row with
// its reason before anything is written"). Reasons are message keys of `adminImport.reasons`.

export const IMPORT_REASONS = [
  'missingColumn',
  'missing',
  'duplicateInFile',
  'duplicateExisting',
  'unknownZone',
  'badType',
  'badRole',
  'unknownSchool',
  'badFormat',
  'tooLong',
  'schoolRequired',
  'schoolNotAllowed',
  'zonesNotAllowed',
  'badDate',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export interface ImportIssue {
  /** Row number as the spreadsheet shows it (the header is row 1 in a plain file). */
  line: number;
  /** The logical column (e.g. `code`), not the header text the file used. */
  field: string;
  reason: ImportReason;
  /** The offending value, shortened, so the admin can find it. */
  value?: string;
}

/** Problems with the file as a whole (nothing could be checked row by row). */
export const FILE_PROBLEMS = ['empty', 'unreadable', 'xls', 'tooLarge', 'tooManyRows', 'noHeader'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem);
    this.name = 'ImportFileError';
  }
}

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Issues in file order: by row, then by column order of the spec. */
export function sortIssues(issues: ImportIssue[], fieldOrder: readonly string[]): ImportIssue[] {
  const pos = (f: string) => {
    const i = fieldOrder.indexOf(f);
    return i < 0 ? fieldOrder.length : i;
  };
  return [...issues].sort((a, b) => a.line - b.line || pos(a.field) - pos(b.field));
}
