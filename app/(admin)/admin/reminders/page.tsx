import '@/modules/reminders/ui/reminders.css';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { deliveryLog, reminderAdmin } from '@/modules/reminders/data/admin';
import {
  addRobotAction,
  removeRobotAction,
  retryDeliveryAction,
  saveScheduleAction,
  saveSmtpAction,
  saveWebhookAction,
  sendTestEmailAction,
  sendTestRobotAction,
} from '@/modules/reminders/actions/admin';
import { ReminderForm } from '@/modules/reminders/ui/ReminderForm';

export const dynamic = 'force-dynamic';

export default async function ReminderAdminPage() {
  const scope = await requirePageScope(['districtAdmin']);
  const [t, locale, data, log] = await Promise.all([getTranslations(), getLocale(), reminderAdmin(scope), deliveryLog(scope)]);
  const a = (k: string, v?: Record<string, string | number>) => t(`reminders.admin.${k}`, v);
  const s = data.settings;
  const secretHint = (set: boolean) => (set ? a('secretSaved') : a('secretNotSet'));
  const table = (rows: typeof log.log, testId: string, withRetry: boolean) => (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{a('columns.time')}</th>
            <th>{a('columns.recipient')}</th>
            <th>{a('columns.kind')}</th>
            <th>{a('columns.channel')}</th>
            <th>{a('columns.target')}</th>
            <th>{a('columns.status')}</th>
            <th className="num">{a('columns.attempts')}</th>
            <th>{a('columns.error')}</th>
            {withRetry && <th>{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-status={d.status} data-channel={d.channel}>
              <td>{dateTime(d.updatedAt, locale)}</td>
              <td>{d.recipient}</td>
              <td>{t(`reminders.kinds.${d.kind}`)}</td>
              <td>{a(`channels.${d.channel}`)}</td>
              <td>{d.target}</td>
              <td>{a(`statuses.${d.status}`)}</td>
              <td className="num">{d.attempts}</td>
              <td className="small">{d.lastError ?? ''}</td>
              {withRetry && (
                <td>
                  <ReminderForm action={retryDeliveryAction} hidden={{ deliveryId: d.id }} submitLabel={a('retry')} savedText={a('retried')} testId={`retry-${d.id}`} className="inline-form" />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <AppShell scope={scope}>
      <h1>{a('title')}</h1>
      <p className="muted">{a('intro')}</p>

      <section className="card">
        <h2>{a('schedule')}</h2>
        <ReminderForm
          action={saveScheduleAction}
          testId="schedule"
          submitLabel={a('save')}
          fields={[
            { name: 'enabled', label: a('enabled'), kind: 'checkbox', defaultChecked: s.enabled },
            { name: 'dailyHour', label: a('dailyHour'), kind: 'number', min: 7, max: 21, defaultValue: String(s.dailyHour) },
            { name: 'skipWeekends', label: a('skipWeekends'), kind: 'checkbox', defaultChecked: s.skipWeekends },
            { name: 'skipHolidays', label: a('skipHolidays'), kind: 'checkbox', defaultChecked: s.skipHolidays },
            { name: 'dueSoonDays', label: a('dueSoonDays'), kind: 'number', min: 0, max: 60, defaultValue: String(s.dueSoonDays) },
            { name: 'reviewWaitDays', label: a('reviewWaitDays'), kind: 'number', min: 1, max: 90, defaultValue: String(s.reviewWaitDays) },
            { name: 'findingDueSoonDays', label: a('findingDueSoonDays'), kind: 'number', min: 0, max: 60, defaultValue: String(s.findingDueSoonDays) },
            { name: 'leaderWeekly', label: a('leaderWeekly'), kind: 'checkbox', defaultChecked: s.leaderWeekly },
          ]}
        />
      </section>

      <section className="card">
        <h2>{a('smtp')}</h2>
        <ReminderForm
          action={saveSmtpAction}
          testId="smtp"
          submitLabel={a('save')}
          fields={[
            { name: 'host', label: a('smtpHost'), kind: 'text', defaultValue: data.smtp.host },
            { name: 'port', label: a('smtpPort'), kind: 'number', min: 1, max: 65535, defaultValue: data.smtp.port ? String(data.smtp.port) : '465' },
            { name: 'tls', label: a('smtpTls'), kind: 'select', defaultValue: data.smtp.tls, options: (['tls', 'starttls', 'none'] as const).map((v) => ({ value: v, label: a(`tls.${v}`) })) },
            { name: 'user', label: a('smtpUser'), kind: 'text', defaultValue: data.smtp.user, autoComplete: 'off' },
            { name: 'password', label: a('smtpPassword'), kind: 'password', hint: secretHint(data.smtp.passwordSet) },
            ...(data.smtp.passwordSet ? [{ name: 'clearPassword', label: a('clearSecret'), kind: 'checkbox' as const }] : []),
            { name: 'from', label: a('smtpFrom'), kind: 'email', defaultValue: data.smtp.from },
          ]}
        />
        <ReminderForm action={sendTestEmailAction} testId="test-email" submitLabel={a('sendTestEmail')} fields={[{ name: 'to', label: a('testTo'), kind: 'email' }]} className="form inline-form" />
      </section>

      <section className="card">
        <h2>{a('robots')}</h2>
        {data.robots.length === 0 ? (
          <p className="muted">{a('noRobots')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="robots">
              <thead>
                <tr>
                  <th>{a('robotName')}</th>
                  <th>{a('robotKind')}</th>
                  <th>{a('robotZone')}</th>
                  <th>{a('robotUrl')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.robots.map((r) => (
                  <tr key={r.id} data-robot={r.name}>
                    <td>{r.name}</td>
                    <td>
                      {a(`robotKinds.${r.kind}`)}
                      {r.signed ? ` · ${a('signed')}` : ''}
                    </td>
                    <td>{r.zone ?? a('wholeDistrict')}</td>
                    <td className="small">{r.urlHint}</td>
                    <td>
                      <ReminderForm action={sendTestRobotAction} hidden={{ robotId: r.id }} submitLabel={a('sendTest')} testId={`test-robot-${r.id}`} className="inline-form" />
                      <ReminderForm action={removeRobotAction} hidden={{ robotId: r.id }} submitLabel={a('removeRobot')} testId={`remove-robot-${r.id}`} className="inline-form" danger />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{a('addRobot')}</h3>
        <ReminderForm
          action={addRobotAction}
          testId="add-robot"
          submitLabel={a('addRobot')}
          fields={[
            { name: 'kind', label: a('robotKind'), kind: 'select', options: (['dingtalk', 'wecom'] as const).map((v) => ({ value: v, label: a(`robotKinds.${v}`) })) },
            { name: 'name', label: a('robotName'), kind: 'text' },
            { name: 'zoneId', label: a('robotZone'), kind: 'select', options: [{ value: '', label: a('wholeDistrict') }, ...data.zones.map((z) => ({ value: z.id, label: z.name }))] },
            { name: 'url', label: a('robotUrl'), kind: 'url', autoComplete: 'off' },
            { name: 'secret', label: a('robotSecret'), kind: 'password' },
          ]}
        />
      </section>

      <section className="card">
        <h2>{a('webhook')}</h2>
        <ReminderForm
          action={saveWebhookAction}
          testId="webhook"
          submitLabel={a('save')}
          fields={[
            { name: 'url', label: a('webhookUrl'), kind: 'url', defaultValue: data.webhook.url, autoComplete: 'off' },
            { name: 'secret', label: a('webhookSecret'), kind: 'password', hint: secretHint(data.webhook.secretSet) },
            ...(data.webhook.secretSet ? [{ name: 'clearSecret', label: a('clearSecret'), kind: 'checkbox' as const }] : []),
          ]}
        />
      </section>

      <section className="card">
        <h2>{a('dead')}</h2>
        {log.dead.length === 0 ? (
          <p className="muted">{a('noDead')}</p>
        ) : (
          <>
            <ReminderForm action={retryDeliveryAction} hidden={{ deliveryId: 'all' }} submitLabel={a('retryAll')} savedText={a('retried')} testId="retry-all" className="inline-form" />
            {table(log.dead, 'dead-letters', true)}
          </>
        )}
        <h2>{a('log')}</h2>
        {log.log.length === 0 ? <p className="muted">{a('noDeliveries')}</p> : table(log.log, 'delivery-log', false)}
      </section>
    </AppShell>
  );
}
