import '@/modules/reminders/ui/reminders.css';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { myPreferences } from '@/modules/reminders/data/preferences';
import { savePreferencesAction } from '@/modules/reminders/actions/preferences';
import { ReminderForm } from '@/modules/reminders/ui/ReminderForm';

export const dynamic = 'force-dynamic';

export default async function NotificationSettingsPage() {
  const scope = await requirePageScope(['districtAdmin', 'evaluator', 'leader', 'coordinator']);
  const [t, data] = await Promise.all([getTranslations(), myPreferences(scope)]);
  const p = data.prefs;
  const off = [
    !data.available.email && t('reminders.admin.channels.email'),
    !data.available.robot && t('reminders.admin.robots'),
    !data.available.webhook && t('reminders.admin.channels.webhook'),
  ].filter(Boolean);
  return (
    <AppShell scope={scope}>
      <p className="no-print">
        <Link href="/account/password">{t('reminders.prefs.back')}</Link> · <Link href="/inbox">{t('reminders.inbox.title')}</Link>
      </p>
      <h1>{t('reminders.prefs.title')}</h1>
      <p className="muted">{t('reminders.prefs.intro')}</p>
      {off.length > 0 && <p className="small muted">{t('reminders.prefs.channelsOff', { channels: off.join('、') })}</p>}
      <section className="card">
        <ReminderForm
          action={savePreferencesAction}
          testId="preferences"
          submitLabel={t('reminders.prefs.save')}
          savedText={t('reminders.prefs.saved')}
          fields={[
            { name: 'email', label: t('reminders.prefs.email'), kind: 'email', defaultValue: p.email ?? '', autoComplete: 'email' },
            { name: 'byEmail', label: t('reminders.prefs.byEmail'), kind: 'checkbox', defaultChecked: p.byEmail },
            { name: 'byRobot', label: t('reminders.prefs.byRobot'), kind: 'checkbox', defaultChecked: p.byRobot },
            { name: 'phone', label: t('reminders.prefs.phone'), kind: 'tel', defaultValue: p.phone ?? '', autoComplete: 'tel' },
            { name: 'byWebhook', label: t('reminders.prefs.byWebhook'), kind: 'checkbox', defaultChecked: p.byWebhook },
          ]}
        />
      </section>
    </AppShell>
  );
}
