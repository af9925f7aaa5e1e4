// A checklist or template item as form values (arrays comma-joined), for ItemFields.

/** A new item's starting values: weight 1, mandatory. */
export const EMPTY_ITEM: Record<string, string> = {
  code: '',
  name: '',
  domain: '',
  basis: '',
  content: '',
  responsibleParty: '',
  channels: '',
  timeLimit: '',
  audience: '',
  frequency: '',
  deadlineDays: '',
  workingDays: 'false',
  annualDueDate: '',
  weight: '1',
  mandatory: 'true',
  tags: '',
  timing: '',
  sortOrder: '',
};

/** An item row as form values (arrays comma-joined). */
export function itemFormValues(item: {
  code: string;
  name: string;
  domain: string;
  basis: string;
  content: string;
  responsibleParty: string;
  channels: string[];
  timeLimit: string;
  audience: string;
  frequency: string;
  deadlineDays: number | null;
  workingDays: boolean;
  annualDueDate: string | null;
  weight: number;
  mandatory: boolean;
  tags: string[];
  timing: string | null;
  sortOrder: number;
}): Record<string, string> {
  return {
    code: item.code,
    name: item.name,
    domain: item.domain,
    basis: item.basis,
    content: item.content,
    responsibleParty: item.responsibleParty,
    channels: item.channels.join(','),
    timeLimit: item.timeLimit,
    audience: item.audience,
    frequency: item.frequency,
    deadlineDays: item.deadlineDays === null ? '' : String(item.deadlineDays),
    workingDays: String(item.workingDays),
    annualDueDate: item.annualDueDate ?? '',
    weight: String(item.weight),
    mandatory: String(item.mandatory),
    tags: item.tags.join(', '),
    timing: item.timing ?? '',
    sortOrder: String(item.sortOrder),
  };
}
