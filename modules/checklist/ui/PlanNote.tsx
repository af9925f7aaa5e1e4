import { getTranslations } from 'next-intl/server';
import type { PlanSummary } from '@/modules/checklist/data/admin';

/** What saving an edit will do (DESIGN §2, checklist-admin-policy.ts), said before the admin edits. */
export async function PlanNote({ plan }: { plan: PlanSummary }) {
  const t = await getTranslations('adminChecklist.plan');
  switch (plan.kind) {
    case 'inPlace':
      return <p>{t('inPlace', { version: plan.version })}</p>;
    case 'newVersion':
      return <p className="notice-warn">{t('newVersion', { version: plan.version, previous: plan.version - 1, quarter: plan.effectiveFromQuarter })}</p>;
    case 'refused':
      return <p className="error">{plan.reason === 'pastYear' ? t('pastYear') : t('quarterReported', { quarter: plan.quarter })}</p>;
    default:
      return <p>{t('noVersion')}</p>;
  }
}
