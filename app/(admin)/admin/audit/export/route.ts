// Audit log CSV export (issue 7): the same filters as /admin/audit, newest first, for Excel
// (UTF-8 with BOM). District admins get their district's entries, the platform admin the platform's.
import Papa from 'papaparse';
import { getTranslations } from 'next-intl/server';
import { defineRoute } from '@/core/guard';
import { now } from '@/core/env';
import { auditExport } from '@/modules/audit/data/viewer';
import { auditFilterFrom } from '@/modules/audit/validation/filter';

export const dynamic = 'force-dynamic';

// Cells that Excel would run as formulas are defused with a leading apostrophe.
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
// Asia/Shanghai wall-clock time, as `2026-11-23 10:00:00` (sv-SE writes ISO-like dates).
const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

export const GET = defineRoute({ roles: ['districtAdmin', 'platformAdmin'], anonymous: 404, forbidden: 404, errors: 'text' }, async ({ scope, query }) => {
  const filter = auditFilterFrom(Object.fromEntries(query));
  const [rows, t] = await Promise.all([auditExport(scope, filter), getTranslations('adminAudit.csv')]);
  const csv = Papa.unparse({
    fields: [t('at'), t('actorUsername'), t('actorName'), t('actorRole'), t('entity'), t('entityId'), t('action'), t('before'), t('after')],
    data: rows.map((r) => [shanghai.format(r.at), r.actorUsername ?? '', r.actorName ?? '', r.actorRole, r.entity, r.entityId, r.action, json(r.before), json(r.after)].map(safe)),
  });
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="sunlight-audit-${now().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
