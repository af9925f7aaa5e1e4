import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { getSchool } from '@/modules/org/data/schools-admin';
import { found } from '@/core/found';
import { SchoolActiveToggle, SchoolForm } from '@/modules/org/ui/SchoolForm';

export const dynamic = 'force-dynamic';

export default async function SchoolPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const { id } = await params;
  const { school, zones } = await found(getSchool(scope, id));
  const [t, sp] = await Promise.all([getTranslations('adminSchools'), searchParams]);
  return (
    <AppShell scope={scope}>
      <p>
        <Link href="/admin/schools">← {t('title')}</Link>
      </p>
      <h1>{t('editTitle', { name: school.name })}</h1>
      {sp.created === '1' && (
        <p role="status" className="notice-ok">
          {t('created')}
        </p>
      )}
      <section className="card">
        <SchoolForm
          schoolId={school.id}
          zones={zones.map((z) => ({ id: z.id, name: z.name, active: z.active }))}
          initial={{ code: school.code, name: school.name, type: school.type, zoneId: school.zoneId ?? '' }}
        />
      </section>
      <section className="card">
        <h2>{school.active ? t('activeTitle') : t('inactiveTitle')}</h2>
        <p className="muted">{school.active ? t('deactivateHint') : t('reactivateHint')}</p>
        <SchoolActiveToggle schoolId={school.id} active={school.active} />
      </section>
    </AppShell>
  );
}
