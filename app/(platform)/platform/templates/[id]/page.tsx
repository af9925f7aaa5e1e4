import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { getTemplate } from '@/modules/checklist/data/templates';
import { found } from '@/core/found';
import { RemoveTemplateItem, TemplateForm } from '@/modules/checklist/ui/TemplateForms';

export const dynamic = 'force-dynamic';

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const scope = await requirePageScope(['platformAdmin']);
  const { id } = await params;
  const { template, items } = await found(getTemplate(scope, id));
  const [t, sp] = await Promise.all([getTranslations(), searchParams]);
  return (
    <AppShell scope={scope}>
      <p>
        <Link href="/platform/templates">← {t('platformTemplates.title')}</Link>
      </p>
      <h1>{template.name}</h1>
      {sp.saved === '1' && (
        <p role="status" className="notice-ok">
          {t('common.saved')}
        </p>
      )}
      <section className="card">
        <TemplateForm templateId={template.id} initial={{ code: template.code, name: template.name }} />
      </section>
      <p className="filters">
        <Link href={`/platform/templates/${template.id}/item`}>{t('platformTemplates.addItem')}</Link>
        <a href={`/platform/templates/${template.id}/export?format=yaml`}>{t('adminChecklist.exportYaml')}</a>
        <a href={`/platform/templates/${template.id}/export?format=json`}>{t('adminChecklist.exportJson')}</a>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('checklistLabels.field.code')}</th>
              <th>{t('checklistLabels.field.name')}</th>
              <th>{t('checklistLabels.field.domain')}</th>
              <th>{t('checklistLabels.field.frequency')}</th>
              <th>{t('checklistLabels.field.audience')}</th>
              <th className="num">{t('checklistLabels.field.weight')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-item={i.code}>
                <td>{i.code}</td>
                <td>{i.name}</td>
                <td>{i.domain}</td>
                <td>{t(`checklistLabels.frequency.${i.frequency}`)}</td>
                <td>{t(`checklistLabels.audience.${i.audience}`)}</td>
                <td className="num">{i.weight}</td>
                <td className="row-actions">
                  <Link href={`/platform/templates/${template.id}/item?code=${encodeURIComponent(i.code)}`}>{t('adminChecklist.edit')}</Link>
                  <RemoveTemplateItem templateId={template.id} code={i.code} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AppShell>
  );
}
