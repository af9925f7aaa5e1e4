import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/AppShell';
import { requirePageScope } from '@/lib/auth/session';
import { thisQuarter } from '@/lib/data/context';
import { settingsForYear } from '@/lib/data/settings';
import { SettingsForm } from './SettingsForm';

export const dynamic = 'force-dynamic';

export default async function AdminHome() {
  const scope = await requirePageScope(['districtAdmin']);
  const { year } = thisQuarter();
  const [t, s] = await Promise.all([getTranslations(), settingsForYear(scope, year)]);
  const initial = {
    reportDueDays: String(s.reportDueDays),
    closeDays: String(s.closeDays),
    weightCoverage: String(s.weights.coverage),
    weightTimeliness: String(s.weights.timeliness),
    weightScore: String(s.weights.score),
    weightSatisfaction: String(s.weights.satisfaction),
    quotaPercent: String(s.quotaPercent),
    minComposite: String(s.minComposite),
    minResponses: String(s.minResponses),
    noticeWorkingDays: String(s.noticeWorkingDays),
  };
  return (
    <AppShell scope={scope}>
      <h1>{t('admin.title')}</h1>
      <h2>{t('admin.yearSettings', { year })}</h2>
      <SettingsForm year={year} initial={initial} />
    </AppShell>
  );
}
