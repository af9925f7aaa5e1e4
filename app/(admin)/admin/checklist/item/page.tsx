import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { checklistItemForEdit, checklistPlan, type PlanSummary } from '@/modules/checklist/data/admin';
import { thisQuarter } from '@/core/context';
import { yearFrom } from '@/modules/org/validation/settings-form';
import { found } from '@/core/found';
import { ItemForm } from '@/modules/checklist/ui/ItemForm';
import { EMPTY_ITEM, itemFormValues } from '@/modules/checklist/ui/item-values';

export const dynamic = 'force-dynamic';

export default async function ChecklistItemPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const sp = await searchParams;
  const year = yearFrom(sp.year, thisQuarter().year);
  const code = typeof sp.code === 'string' ? sp.code.slice(0, 20) : null;
  const t = await getTranslations('adminChecklist');
  let plan: PlanSummary;
  let initial: Record<string, string> = EMPTY_ITEM;
  if (code) {
    const data = await found(checklistItemForEdit(scope, year, code));
    plan = data.plan;
    initial = itemFormValues(data.item);
  } else {
    plan = await checklistPlan(scope, year);
  }
  const note =
    plan.kind === 'newVersion'
      ? t('plan.newVersion', { version: plan.version, previous: plan.version - 1, quarter: plan.effectiveFromQuarter })
      : plan.kind === 'inPlace'
        ? t('plan.inPlace', { version: plan.version })
        : plan.kind === 'refused' && plan.reason === 'quarterReported'
          ? t('plan.quarterReported', { quarter: plan.quarter })
          : t(`plan.${plan.kind === 'refused' ? plan.reason : 'noVersion'}`);
  return (
    <AppShell scope={scope}>
      <p>
        <Link href={`/admin/checklist?year=${year}`}>← {t('title', { year })}</Link>
      </p>
      <h1>{code ? t('editItem', { code }) : t('addItem')}</h1>
      <ItemForm year={year} originalCode={code ?? undefined} initial={initial} note={note} newVersion={plan.kind === 'newVersion'} />
    </AppShell>
  );
}
