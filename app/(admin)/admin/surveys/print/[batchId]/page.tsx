import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { batchForPrint } from '@/modules/surveys/data/codes';
import { PrintSheet } from '@/modules/surveys/ui/PrintSheet';
import { publicOrigin } from '@/modules/surveys/ui/origin';
import { found } from '@/core/found';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('surveyCodes');
  return { title: t('printMetaTitle') };
}

export default async function AdminPrintPage({ params }: { params: Promise<{ batchId: string }> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const { batchId } = await params;
  const data = await found(batchForPrint(scope, batchId));
  return (
    <AppShell scope={scope}>
      <PrintSheet data={data} origin={publicOrigin(await headers())} backHref={`/admin/surveys?year=${data.survey.year}`} />
    </AppShell>
  );
}
