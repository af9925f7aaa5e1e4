// The district's contact for objections to a 公示 (DESIGN §6, issue 14): printed on every notice
// published afterwards beside the online form. District admins keep it; every change is audited.
import { eq } from 'drizzle-orm';
import { districts } from '@/db/schema';
import type { NoticeContactInput } from '@/modules/org/validation/settings';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import type { Scope } from '@/core/scope';

export async function noticeContactOf(scope: Scope): Promise<{ issuingBody: string; noticeContact: string }> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const [d] = await tx.select({ issuingBody: districts.issuingBody, noticeContact: districts.noticeContact }).from(districts).where(eq(districts.id, s.districtId));
    return d ?? { issuingBody: '', noticeContact: '' };
  });
}

export async function saveNoticeContact(scope: Scope, input: NoticeContactInput): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const [before] = await tx.select({ noticeContact: districts.noticeContact }).from(districts).where(eq(districts.id, s.districtId));
    await tx.update(districts).set({ noticeContact: input.noticeContact }).where(eq(districts.id, s.districtId));
    await audit(tx, s, { entity: 'district', entityId: s.districtId, action: 'update', before: { noticeContact: before?.noticeContact ?? '' }, after: { noticeContact: input.noticeContact } });
  });
}
