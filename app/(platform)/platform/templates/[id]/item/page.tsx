import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { getTemplate } from '@/modules/checklist/data/templates';
import { found } from '@/core/found';
import { EMPTY_ITEM, itemFormValues } from '@/modules/checklist/ui/item-values';
import { TemplateItemForm } from '@/modules/checklist/ui/TemplateForms';

export const dynamic = 'force-dynamic';

export default async function TemplateItemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ code?: string }> }) {
  const scope = await requirePageScope(['platformAdmin']);
  const [{ id }, { code }] = await Promise.all([params, searchParams]);
  const { template, items } = await found(getTemplate(scope, id));
  const item = code ? items.find((i) => i.code === code) : undefined;
  if (code && !item) notFound();
  const t = await getTranslations('platformTemplates');
  return (
    <AppShell scope={scope}>
      <p>
        <Link href={`/platform/templates/${template.id}`}>← {template.name}</Link>
      </p>
      <h1>{item ? t('editItem', { code: item.code }) : t('addItem')}</h1>
      <TemplateItemForm templateId={template.id} originalCode={item?.code} initial={item ? itemFormValues(item) : EMPTY_ITEM} />
    </AppShell>
  );
}
