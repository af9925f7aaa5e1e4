import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { rectificationFormKey, schoolFindings } from '@/modules/reports/data/findings-school';
import { discardPendingEvidenceAction } from '@/modules/disclosures/actions/evidence';
import { EvidenceManager } from '@/modules/disclosures/ui/EvidenceManager';
import { EvidenceThumbs } from '@/modules/disclosures/ui/EvidenceThumbs';
import styles from '@/core/ui/school.module.css';
import { RespondForm } from '@/modules/reports/ui/RespondForm';

export const dynamic = 'force-dynamic';

const SEVERITY_BADGE = { minor: 's-draft', serious: 's-returned', veto: 's-overdue' } as const;
// Badges follow the facts (issue 14): red only when overdue, amber when sent back as 整改不到位.
const STAGE_BADGE = { awaitingResponse: 's-draft', resubmit: 's-returned', responded: 's-submitted', closed: 's-approved' } as const;

/** /school/findings — findings (整改) against the school and its rectification responses (§5). */
export default async function FindingsPage() {
  const scope = await requirePageScope(['coordinator']);
  const list = await schoolFindings(scope);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const active = list.filter((f) => f.status !== 'closed');
  const closed = list.filter((f) => f.status === 'closed');
  return (
    <AppShell scope={scope}>
      <h1>{t('coordFindings.title')}</h1>
      <p className="muted">{t('coordFindings.intro')}</p>
      {list.length === 0 && <p className={`card ${styles.panel}`}>{t('coordFindings.none')}</p>}
      {[...active, ...closed].map((f) => (
        <section key={f.id} className={`card ${styles.panel}`} data-testid="finding" data-status={f.status} data-stage={f.stage}>
          <h2>
            <span className={`badge ${SEVERITY_BADGE[f.severity]}`}>{t(`coordTerms.severity.${f.severity}`)}</span> {f.title}
          </h2>
          <dl className={styles.facts}>
            <dt>{t('common.state')}</dt>
            <dd>
              <span className={`badge ${STAGE_BADGE[f.stage]}`}>{t(`coordTerms.findingStage.${f.stage}`)}</span>
            </dd>
            {f.itemCode && (
              <>
                <dt>{t('common.item')}</dt>
                <dd>{f.itemCode}</dd>
              </>
            )}
            <dt>{t('coordFindings.raised')}</dt>
            <dd>{dateTime(f.raisedAt, locale)}</dd>
            <dt>{t('coordFindings.due')}</dt>
            <dd>
              {f.dueOn} {f.overdue && <span className="badge s-overdue">{t('coordFindings.overdue')}</span>}
            </dd>
          </dl>
          {f.description && <p className={styles.pre}>{f.description}</p>}
          {f.stage === 'resubmit' && (
            <p className={`${styles.banner} ${styles.bannerWarn}`} role="status">
              {t('coordFindings.resubmitHint', { date: f.dueOn })}
            </p>
          )}
          {f.responses.map((r) => (
            <div key={r.id} className={styles.quote} data-testid="rectification">
              <strong>
                {t('coordFindings.responseOn', { time: dateTime(r.submittedAt, locale) })}
                {r.late && <span className="badge s-returned"> {t('coordFindings.late')}</span>}
              </strong>
              <p className={styles.pre}>{r.response}</p>
              <EvidenceThumbs items={r.evidence} fileBase="/files/" />
              {r.insufficient && (
                <p className={styles.bad} role="note" data-testid="insufficient">
                  {t('coordFindings.insufficient', { reason: r.insufficient.reason })} <span className="muted small">{dateTime(r.insufficient.at, locale)}</span>
                </p>
              )}
            </div>
          ))}
          {f.form && (
            <details open={f.status === 'open'}>
              <summary>{f.status === 'open' ? t('coordFindings.respond') : t('coordFindings.respondMore')}</summary>
              <RespondForm
                key={f.form.rectificationId}
                findingId={f.id}
                rectificationId={f.form.rectificationId}
                userKey={scope.userId}
                draft={f.form.draft}
                discardEvidence={discardPendingEvidenceAction.bind(null, 'rectification', f.form.rectificationId)}
                evidence={
                  <EvidenceManager
                    ownerType="rectification"
                    ownerId={f.form.rectificationId}
                    initial={f.form.evidence}
                    editable
                    pendingDraft={{ formKey: rectificationFormKey(f.id), values: { rectificationId: f.form.rectificationId } }}
                  />
                }
              />
              <p className="muted small">
                {t('coordFindings.discloseHint')} <Link href="/school/events">{t('coordQuarter.toEvents')}</Link>
              </p>
            </details>
          )}
        </section>
      ))}
    </AppShell>
  );
}
