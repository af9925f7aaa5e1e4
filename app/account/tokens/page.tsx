import '@/modules/reports/ui/review.css';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { API_ROLES, listTokens } from '@/core/auth/tokens';
import { CreateTokenForm } from '@/modules/org/ui/CreateTokenForm';
import { RevokeButton } from '@/modules/org/ui/RevokeButton';

export const dynamic = 'force-dynamic';

export default async function TokensPage() {
  const scope = await requirePageScope(API_ROLES);
  const [t, locale, tokens] = await Promise.all([getTranslations(), getLocale(), listTokens(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('apiTokens.title')}</h1>
      <p className="muted">{t('apiTokens.intro')}</p>
      <pre className="code-sample">
        curl -H &quot;Authorization: Bearer $TOKEN&quot; &quot;{'<'}host{'>'}/api/v1/metrics/schools?year=2026&amp;quarter=3&quot;
      </pre>
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <p className="muted">{t('apiTokens.none')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="tokens">
            <thead>
              <tr>
                <th>{t('apiTokens.name')}</th>
                <th>{t('apiTokens.created')}</th>
                <th>{t('apiTokens.lastUsed')}</th>
                <th>{t('common.state')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.id} data-token={k.name}>
                  <td>{k.name}</td>
                  <td>{dateTime(k.createdAt, locale)}</td>
                  <td>{dateTime(k.lastUsedAt, locale)}</td>
                  <td>{k.revokedAt ? t('apiTokens.revoked') : t('apiTokens.active')}</td>
                  <td>{!k.revokedAt && <RevokeButton tokenId={k.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AppShell>
  );
}
