// DESIGN §2, the rule from the seeds: a procurement (item B02) of 3000元 or more must record its
// method as 集体采购 or 公开招标; any other method is flagged for the evaluator.

/** The checklist item whose disclosures record a procurement (amount and method). */
export const PROCUREMENT_ITEM = 'B02';
/** From this amount (元) on, only the approved methods are allowed. */
export const PROCUREMENT_THRESHOLD = 3000;
export const PROCUREMENT_APPROVED_METHODS = ['集体采购', '公开招标'] as const;

/** Whether disclosures of this item record a procurement. */
export function isProcurementItem(itemCode: string): boolean {
  return itemCode === PROCUREMENT_ITEM;
}

/** Whether a procurement is flagged: 3000元 or more, bought by any other method. */
export function isProcurementFlagged(amount: number | null, method: string | null): boolean {
  if (amount === null || amount < PROCUREMENT_THRESHOLD) return false;
  return !(PROCUREMENT_APPROVED_METHODS as readonly string[]).includes(method ?? '');
}
