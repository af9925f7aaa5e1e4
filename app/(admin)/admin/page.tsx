import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { settingsYears } from '@/modules/org/data/settings-admin';
import { thisQuarter } from '@/core/context';
import { settingsForYear } from '@/modules/org/data/settings';
import { yearFrom } from '@/modules/org/validation/settings-form';
import { YearPicker } from '@/core/ui/YearPicker';
import { SettingsForm } from '@/modules/org/ui/SettingsForm';
import { NoticeContactForm } from '@/modules/org/ui/NoticeContactForm';
import { noticeContactOf } from '@/modules/org/data/notice-contact';

export const dynamic = 'force-dynamic';

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const year = yearFrom((await searchParams).year, thisQuarter().year);
  const [t, s, years, contact] = await Promise.all([getTranslations('admin'), settingsForYear(scope, year), settingsYears(scope), noticeContactOf(scope)]);
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
  const holidays = s.holidays.filter((d) => d.startsWith(`${year}-`)).length;
  return (
    <AppShell scope={scope}>
      <h1>{t('title')}</h1>
      <YearPicker years={years} year={year} action="/admin" />
      <h2>{t('yearSettings', { year })}</h2>
      <p className="muted small">{t('weightsHint')}</p>
      {/* The key resets the form when another year is picked. */}
      <SettingsForm key={year} year={year} initial={initial} />
      <section className="card" aria-labelledby="notice-contact-h">
        <h2 id="notice-contact-h">{t('noticeContactTitle')}</h2>
        {!contact.noticeContact && <p className="small muted">{t('noticeContactMissing')}</p>}
        <NoticeContactForm initial={contact.noticeContact} />
      </section>
      <section className="card">
        <h2>{t('holidaysTitle')}</h2>
        <p>
          {t('holidaysCount', { year, count: holidays })} <Link href={`/admin/holidays?year=${year}`}>{t('holidaysManage')}</Link>
        </p>
      </section>
    </AppShell>
  );
}
