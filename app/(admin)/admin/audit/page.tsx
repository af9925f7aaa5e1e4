import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { auditPage } from '@/modules/audit/data/viewer';
import { auditFilterFrom, auditQuery } from '@/modules/audit/validation/filter';
import { Pager } from '@/core/ui/Pager';
import { periodText } from '@/core/ui/period-text';

export const dynamic = 'force-dynamic';

/** before/after as JSON, every id it names followed by the record's name. */
function json(v: unknown, name: (id: string) => string | null): string {
  if (v === null || v === undefined) return '';
  return JSON.stringify(v, null, 1).replace(/"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/gi, (m, id: string) => {
    const n = name(id.toLowerCase());
    return n ? `${m} （${n}）` : m;
  });
}

/** §8 audit log: district admins see their district's entries, the platform admin the platform's. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin', 'platformAdmin']);
  const filter = auditFilterFrom(await searchParams);
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), auditPage(scope, filter)]);
  const entity = (e: string) => (t.has(`adminAudit.entities.${e}`) ? t(`adminAudit.entities.${e}`) : e);
  const action = (a: string) => (t.has(`adminAudit.actions.${a}`) ? t(`adminAudit.actions.${a}`) : a);
  const role = (r: string) => (t.has(`roles.${r}`) ? t(`roles.${r}`) : t.has(`adminAudit.actors.${r}`) ? t(`adminAudit.actors.${r}`) : r);
  const name = (id: string): string | null => {
    const ref = data.refs.get(id);
    if (!ref) return null;
    const text = t(`adminAudit.ref.${ref.key}`, ref.values);
    return ref.periodKey ? `${text} · ${periodText(t, ref.periodKey, ref.event)}` : text;
  };
  return (
    <AppShell scope={scope}>
      <h1>{scope.role === 'platformAdmin' ? t('adminAudit.platformTitle') : t('adminAudit.title')}</h1>
      <form method="get" action="/admin/audit" className="filters no-print">
        <label>
          {t('adminAudit.actor')}{' '}
          <select name="actor" defaultValue={filter.actor ?? ''}>
            <option value="">{t('adminAudit.anyone')}</option>
            {data.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.username ? `${a.name ?? ''} (${a.username})` : a.id.slice(0, 8)}
              </option>
            ))}
            <option value="none">{t('adminAudit.noActor')}</option>
          </select>
        </label>
        <label>
          {t('adminAudit.entity')}{' '}
          <select name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">{t('adminAudit.anything')}</option>
            {data.entities.map((e) => (
              <option key={e} value={e}>
                {entity(e)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('adminAudit.from')} <input type="date" name="from" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          {t('adminAudit.to')} <input type="date" name="to" defaultValue={filter.to ?? ''} />
        </label>
        <button type="submit">{t('adminAudit.filter')}</button>
        <a href={`/admin/audit/export${auditQuery(filter)}`}>{t('adminAudit.exportCsv')}</a>
      </form>
      <div className="table-wrap">
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th>{t('adminAudit.at')}</th>
              <th>{t('adminAudit.actor')}</th>
              <th>{t('adminAudit.entity')}</th>
              <th>{t('adminAudit.action')}</th>
              <th>{t('adminAudit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id} data-entity={r.entity} data-action={r.action}>
                <td>{dateTime(r.at, locale)}</td>
                <td>
                  {r.actorName ?? '—'} {r.actorUsername && <span className="muted small">({r.actorUsername})</span>}
                  <br />
                  <span className="muted small">{role(r.actorRole)}</span>
                </td>
                <td>
                  {entity(r.entity)}
                  <br />
                  {/* The record by name; its id only as a hint for whoever needs to look it up. */}
                  <span className="small" data-testid="entity-name" title={`${t('adminAudit.idTitle')} ${r.entityId}`}>
                    {name(r.entityId.toLowerCase()) ?? <span className="muted">{r.entityId.length > 13 ? `${r.entityId.slice(0, 8)}…` : r.entityId}</span>}
                  </span>
                </td>
                <td>{action(r.action)}</td>
                <td>
                  {(r.before !== null || r.after !== null) && (
                    <details>
                      <summary>{t('adminAudit.details')}</summary>
                      {r.before !== null && (
                        <>
                          <strong className="small">{t('adminAudit.before')}</strong>
                          <pre className="json">{json(r.before, name)}</pre>
                        </>
                      )}
                      {r.after !== null && (
                        <>
                          <strong className="small">{t('adminAudit.after')}</strong>
                          <pre className="json">{json(r.after, name)}</pre>
                        </>
                      )}
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.rows.length === 0 && <p className="muted">{t('common.noData')}</p>}
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => `/admin/audit${auditQuery(filter, p)}`} />
    </AppShell>
  );
}
