'use client';
// One school-type group of the ranking (DESIGN §6). Each row expands into its explanation:
// components with weight and contribution, the eligibility gates, and links to the obligations,
// scores/findings and survey results behind them.
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { useTranslations } from 'next-intl';
import { INELIGIBILITY_REASONS } from '@/modules/ranking/domain/eligibility';
import type { Contribution, RowChange } from '@/modules/ranking/domain/explain';
import { RANKING_COMPONENTS } from '@/modules/ranking/domain/ranking';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { fixed2, weightPct } from '@/core/ui/figures';
import styles from './ranking.module.css';
import type { RankingRow } from '@/modules/ranking/domain/composition';
import { Icon } from '@/core/ui/Icon';

export type TableRow = RankingRow & { parts: Contribution[]; changes: RowChange[] | null };

export function RankingTable({ year, rows, caption }: { year: number; rows: TableRow[]; caption: string }) {
  const t = useTranslations('ranking');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className={styles.ranking}>
        <caption className={styles.srOnly}>{caption}</caption>
        <colgroup>
          <col className={styles.cRank} />
          <col className={styles.cSchool} />
          <col className={styles.cZone} />
          {RANKING_COMPONENTS.map((c) => (
            <col key={c} className={styles.cNum} />
          ))}
          <col className={styles.cNum} />
          <col className={styles.cElig} />
          <col className={styles.cQuota} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">{t('col.rank')}</th>
            <th>{t('col.school')}</th>
            <th>{t('col.zone')}</th>
            {RANKING_COMPONENTS.map((c) => (
              <th key={c} className="num">
                {t(`component.${c}`)}
              </th>
            ))}
            <th className="num">{t('col.composite')}</th>
            <th>{t('col.eligibility')}</th>
            <th>{t('col.quota')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const expanded = open.has(r.schoolId);
            const detailId = `explain-${r.schoolId}`;
            return (
              <Fragment key={r.schoolId}>
                <tr data-school={r.code} className={r.inQuota ? styles.awarded : undefined}>
                  <td className="num" data-col="rank">
                    {r.rank ?? '—'}
                  </td>
                  <td>
                    <button type="button" className={styles.toggle} aria-expanded={expanded} aria-controls={detailId} onClick={() => toggle(r.schoolId)}>
                      <span aria-hidden>{expanded ? '▾' : '▸'}</span> {r.code} {r.name}
                    </button>
                    {r.changes && r.changes.length > 0 && <span className={`badge s-returned ${styles.changed}`}>{t('changedSincePublished')}</span>}
                  </td>
                  <td>{r.zone ?? '—'}</td>
                  {RANKING_COMPONENTS.map((c) => (
                    <td key={c} className="num" data-col={c}>
                      {fixed2(r.values[c])}
                    </td>
                  ))}
                  <td className="num" data-col="composite">
                    <strong>{fixed2(r.composite)}</strong>
                  </td>
                  <td data-col="eligibility">
                    {r.eligible ? (
                      <span className="badge s-approved">{t('eligible')}</span>
                    ) : (
                      <ul className={styles.reasons}>
                        {r.reasons.map((x) => (
                          <li key={x}>
                            <span className="badge s-missing">{t(`reason.${x}`)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-col="quota">
                    {r.inQuota ? (
                      <span className="badge s-metOnTime">
                        <Icon name="star" /> {t('inQuota')}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
                <tr id={detailId} hidden={!expanded} className={styles.detailRow}>
                  <td colSpan={10}>{expanded && <Explanation year={year} row={r} />}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Explanation({ year, row }: { year: number; row: TableRow }) {
  const t = useTranslations('ranking');
  const core = useTranslations('reportState');
  const f = row.facts;
  const failed = new Set(row.reasons);
  const school = encodeURIComponent(row.schoolId);
  return (
    <div className={styles.explain}>
      <section>
        <h4>{t('explain.compositeTitle')}</h4>
        <table className={styles.parts}>
          <thead>
            <tr>
              <th>{t('explain.component')}</th>
              <th className="num">{t('explain.value')}</th>
              <th className="num">{t('explain.weight')}</th>
              <th className="num">{t('explain.contribution')}</th>
            </tr>
          </thead>
          <tbody>
            {row.parts.map((p) => (
              <tr key={p.component}>
                <td>{t(`component.${p.component}`)}</td>
                <td className="num">{p.missing ? t('explain.missing') : fixed2(p.value)}</td>
                <td className="num">{weightPct(p.weight)}</td>
                <td className="num">{fixed2(p.contribution)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t('col.composite')}</th>
              <td className="num">
                <strong>{fixed2(row.composite)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
      <section>
        <h4>{t('explain.gatesTitle')}</h4>
        <ul className={styles.gates}>
          {INELIGIBILITY_REASONS.map((g) => (
            <li key={g} className={failed.has(g) ? styles.fail : styles.pass}>
              <Icon name={failed.has(g) ? 'cross' : 'check'} /> {t(`gate.${g}`)}
              <span className={styles.srOnly}>{failed.has(g) ? t('explain.failed') : t('explain.passed')}</span>
            </li>
          ))}
        </ul>
        {f.vetoOpen > 0 && <p className="small">{t('explain.vetoOpen', { count: f.vetoOpen })}</p>}
      </section>
      <section>
        <h4>{t('explain.factsTitle')}</h4>
        <p className="small">
          {t('explain.obligations', {
            total: f.tally.obligations,
            met: f.tally.met,
            onTime: f.tally.onTime,
            weightTotal: fixed2(f.tally.weightTotal),
            weightMet: fixed2(f.tally.weightMet),
            weightOnTime: fixed2(f.tally.weightOnTime),
          })}{' '}
          <Link href={`/review/matrix?year=${year}&school=${school}`}>{t('explain.toMatrix')}</Link>
        </p>
        <p className="small">
          {f.reports.map((r) => t('explain.report', { quarter: r.quarter, state: core(r.state), score: fixed2(r.score) })).join('；')}{' '}
          <Link href={`/review/schools/${school}`}>{t('explain.toProfile')}</Link>
        </p>
        <p className="small">
          {SURVEY_GROUPS.map((g) =>
            t('explain.survey', {
              group: t(`surveyGroup.${g}`),
              n: f.surveys[g].n,
              rate: f.surveys[g].rate === null ? '—' : `${fixed2(f.surveys[g].rate)}%`,
              valid: f.surveys[g].valid ? 'yes' : 'no',
            }),
          ).join('；')}{' '}
          <Link href={`/review/surveys?year=${year}&school=${school}`}>{t('explain.toSurveys')}</Link>
        </p>
      </section>
    </div>
  );
}
