// What the disclosure pages show: the obligation and its item (§2 seven elements), the rules of
// the form, the values (saved, or defaults for a new one), the autosaved draft, other disclosures
// of the same obligation, evidence, rejections (§5) and whether the quarter is open.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { disclosureRejections, disclosures, type ChecklistItemRow } from '@/db/schema';
import { disclosureEntryBlock, type EntryBlock } from '@/modules/obligations/domain/entry-window';
import type { Audience, Channel, ObligationStatus, QuarterRef, ReportState } from '@/core/domain/types';
import type { DisclosureRules, DisclosureValues } from '@/modules/disclosures/validation/disclosures';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { addedAfterLock, entryState, findObligation, ownSchool, type FoundObligation } from '@/modules/obligations/data/entry';
import { loadDraftTx, type StoredDraft } from '@/core/forms/drafts';
import { disclosureBriefs, type DisclosureBrief } from '@/modules/obligations/data/school-queries';
import { editFormKey, newFormKey, ownDisclosure, rulesOf, valuesOf } from './disclosures';
import { evidenceOf, type EvidenceView } from './evidence';
import type { Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';

export interface ItemInfo {
  code: string;
  name: string;
  domain: string;
  basis: string;
  content: string;
  responsibleParty: string;
  timeLimit: string;
  channels: Channel[];
  audience: Audience;
  timingBefore: boolean;
}

export interface DisclosureFormData {
  mode: 'new' | 'edit';
  id: string;
  version: number;
  formKey: string;
  q: QuarterRef;
  item: ItemInfo;
  periodKey: string;
  obligation: { status: ObligationStatus; deadline: string; windowStart: string | null; windowEnd: string; event: FoundObligation['event'] };
  rules: DisclosureRules;
  values: DisclosureValues;
  /** Why this disclosure cannot be recorded or changed now (§3, §5); null = open. */
  block: EntryBlock | null;
  /**
   * §3: the report is approved (or with the evaluator) but this obligation's deadline has not
   * passed, so the disclosure can still be recorded; the evaluator sees it flagged.
   */
  afterLock: 'submitted' | 'approved' | null;
  reportState: ReportState | null;
  siblings: DisclosureBrief[];
  evidence: EvidenceView[];
  rejections: { reason: string; at: Date; revisedAt: Date | null }[];
  procurementFlag: boolean;
  draft: StoredDraft | null;
}

function itemInfo(i: ChecklistItemRow): ItemInfo {
  return {
    code: i.code,
    name: i.name,
    domain: i.domain,
    basis: i.basis,
    content: i.content,
    responsibleParty: i.responsibleParty,
    timeLimit: i.timeLimit,
    channels: i.channels,
    audience: i.audience,
    timingBefore: i.timing === 'before' && i.frequency === 'event',
  };
}

/** §3: the disclosure's own entry window inside the quarter's (see disclosureEntryBlock). */
function windowOf(quarterBlock: EntryBlock | null, found: FoundObligation, today: string, afterLock: boolean): Pick<DisclosureFormData, 'block' | 'afterLock'> {
  const block = disclosureEntryBlock(quarterBlock, found.result.obligation.deadline, today, afterLock);
  return { block, afterLock: block === null && (quarterBlock === 'approved' || quarterBlock === 'submitted') ? quarterBlock : null };
}

function obligationInfo(found: FoundObligation): DisclosureFormData['obligation'] {
  const ob = found.result.obligation;
  return { status: found.result.status, deadline: ob.deadline, windowStart: ob.windowStart, windowEnd: ob.windowEnd, event: found.event };
}

/** Coordinator: the form for recording a new disclosure of an obligation (404 when there is none). */
export async function newDisclosureForm(scope: Scope, itemCode: string, periodKey: string): Promise<DisclosureFormData> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!/^[A-Z][A-Z0-9]{1,15}$/.test(itemCode) || periodKey.length > 64) notFound();
    const found = (await findObligation(tx, s.districtId, school.id, itemCode, periodKey, today())) ?? notFound();
    const entry = await entryState(tx, s, school.id, found.q);
    const formKey = newFormKey(itemCode, periodKey);
    const draft = await loadDraftTx(tx, s, formKey);
    // The id is chosen now so that evidence can be uploaded before the first save; a draft keeps it.
    let id = typeof draft?.values.id === 'string' && isUuid(draft.values.id) ? draft.values.id : randomUUID();
    const [taken] = await tx
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(and(eq(disclosures.id, id), eq(disclosures.districtId, s.districtId)));
    if (taken) id = randomUUID();
    const evidence = (await evidenceOf(tx, s.districtId, school.id, 'disclosure', [id])).get(id) ?? [];
    const rules = rulesOf(found, entry.closeDays, entry.today);
    const ob = found.result.obligation;
    return {
      mode: 'new',
      id,
      version: 0,
      formKey,
      q: found.q,
      item: itemInfo(found.item),
      periodKey,
      obligation: obligationInfo(found),
      rules,
      values: {
        disclosedOn: entry.today,
        channels: found.item.channels.slice(0, 1),
        audience: found.item.audience,
        summary: '',
        plannedOn: ob.timingBefore && ob.eventDate ? ob.eventDate : '',
        procurementAmount: '',
        procurementMethod: '',
      },
      ...windowOf(entry.block, found, entry.today, true),
      reportState: entry.report?.state ?? null,
      siblings: await disclosureBriefs(tx, s.districtId, school.id, found.q, { itemCode, periodKey }),
      evidence,
      rejections: [],
      procurementFlag: false,
      draft,
    };
  });
}

/** Coordinator: one of their school's disclosures, for viewing and (when open) editing. */
export async function disclosureForm(scope: Scope, id: string): Promise<DisclosureFormData> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const d = await ownDisclosure(tx, s, school.id, id);
    const found = (await findObligation(tx, s.districtId, school.id, d.itemCode, d.periodKey, today())) ?? notFound();
    const entry = await entryState(tx, s, school.id, found.q);
    const formKey = editFormKey(d.id);
    const rejections = await tx
      .select({ reason: disclosureRejections.reason, at: disclosureRejections.rejectedAt, revisedAt: disclosureRejections.revisedAt })
      .from(disclosureRejections)
      .where(and(eq(disclosureRejections.districtId, s.districtId), eq(disclosureRejections.disclosureId, d.id), isNull(disclosureRejections.withdrawnAt)))
      .orderBy(desc(disclosureRejections.rejectedAt));
    const siblings = await disclosureBriefs(tx, s.districtId, school.id, found.q, { itemCode: d.itemCode, periodKey: d.periodKey });
    const win = windowOf(entry.block, found, entry.today, addedAfterLock(entry.report, d));
    return {
      mode: 'edit',
      id: d.id,
      version: d.version,
      formKey,
      q: found.q,
      item: itemInfo(found.item),
      periodKey: d.periodKey,
      obligation: obligationInfo(found),
      rules: rulesOf(found, entry.closeDays, entry.today),
      values: valuesOf(d),
      ...win,
      reportState: entry.report?.state ?? null,
      siblings: siblings.filter((x) => x.id !== d.id),
      evidence: (await evidenceOf(tx, s.districtId, school.id, 'disclosure', [d.id])).get(d.id) ?? [],
      rejections,
      procurementFlag: d.procurementFlag,
      draft: win.block ? null : await loadDraftTx(tx, s, formKey),
    };
  });
}
