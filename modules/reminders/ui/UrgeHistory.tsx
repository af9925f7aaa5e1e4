// A school's 催办 (issue 16): today's one as a banner on the coordinator's home page, all of
// them on the school's history and on its profile for evaluators and leaders.
import { getTranslations } from 'next-intl/server';
import { today } from '@/core/context';
import type { Scope } from '@/core/scope';
import { schoolUrges } from '@/modules/reminders/data/urge';
import { UrgeForm } from './UrgeForm';

export async function UrgeBanner({ scope }: { scope: Scope }) {
  const [t, urges] = await Promise.all([getTranslations('reminders.urge'), schoolUrges(scope)]);
  const now = urges.find((u) => u.day === today());
  if (!now) return null;
  return (
    <p className="card notice-ok" role="status" data-testid="urge-banner">
      {t('banner', { count: now.items.length })} <a href="/inbox">→</a>
    </p>
  );
}

export async function UrgeHistory({ scope, schoolId, canUrge = false }: { scope: Scope; schoolId?: string; canUrge?: boolean }) {
  const [t, urges] = await Promise.all([getTranslations('reminders.urge'), schoolUrges(scope, schoolId ?? null)]);
  return (
    <section data-testid="urge-history">
      <h2>{t('history')}</h2>
      {canUrge && schoolId && <UrgeForm formId="urge-school" schoolIds={[schoolId]} label={t('one')} />}
      {urges.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="disclosures">
          {urges.map((u) => (
            <li key={u.id}>
              {t('entry', { day: u.day, who: u.sender })} · {t('items', { count: u.items.length })}
              <ul className="small">
                {u.items.map((i, n) => (
                  <li key={n}>
                    {i.itemCode === 'report' || i.itemCode === 'finding' ? i.itemName : `${i.itemCode} ${i.itemName} · ${i.periodKey}`} · {i.deadline}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
