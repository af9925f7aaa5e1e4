import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { getZone } from '@/modules/org/data/zones-admin';
import { found } from '@/core/found';
import { ZoneForm } from '@/modules/org/ui/ZoneForm';
import { DeactivateZone, ReactivateZone } from '@/modules/org/ui/ZoneStatus';

export const dynamic = 'force-dynamic';

export default async function ZonePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const { id } = await params;
  const data = await found(getZone(scope, id));
  const t = await getTranslations('adminZones');
  const { zone, others } = data;
  return (
    <AppShell scope={scope}>
      <p>
        <Link href="/admin/zones">← {t('title')}</Link>
      </p>
      <h1>{t('editTitle', { name: zone.name })}</h1>
      <section className="card">
        <ZoneForm zoneId={zone.id} initial={{ code: zone.code, name: zone.name, sortOrder: String(zone.sortOrder) }} />
      </section>
      <section className="card">
        <h2>{zone.active ? t('deactivateTitle') : t('inactiveTitle')}</h2>
        <p className="muted">{t('counts', { schools: zone.schools, evaluators: zone.evaluators })}</p>
        {zone.active ? <DeactivateZone zoneId={zone.id} schools={zone.schools} others={others.map((o) => ({ id: o.id, name: o.name }))} /> : <ReactivateZone zoneId={zone.id} />}
      </section>
    </AppShell>
  );
}
