// The 先进单位 ranking as an XLSX workbook (DESIGN §6, §8): one row per school with its components,
// composite, eligibility and reasons, rank and quota; a second sheet with the settings and the
// groups' quotas. Chinese headers; figures stored as numbers with two decimals.
import type { RankingView } from '@/modules/ranking/data/view';
import { RANKING_COMPONENTS } from '@/modules/ranking/domain/ranking';
import { newWorkbook, num, styleHeader, toBuffer, type Translate } from '@/core/export/xlsx';

const TWO_DECIMALS = '0.00';

export async function rankingWorkbook(view: RankingView, t: Translate): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(t('sheetRanking'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] });
  ws.columns = [
    { header: t('col.group'), key: 'group', width: 12 },
    { header: t('col.rank'), key: 'rank', width: 8 },
    { header: t('col.code'), key: 'code', width: 10 },
    { header: t('col.name'), key: 'name', width: 28 },
    { header: t('col.zone'), key: 'zone', width: 12 },
    ...RANKING_COMPONENTS.map((c) => ({ header: t(`component.${c}`), key: c, width: 12, style: { numFmt: TWO_DECIMALS } })),
    { header: t('col.composite'), key: 'composite', width: 10, style: { numFmt: TWO_DECIMALS } },
    { header: t('col.missing'), key: 'missing', width: 18 },
    { header: t('col.eligible'), key: 'eligible', width: 10 },
    { header: t('col.reasons'), key: 'reasons', width: 40 },
    { header: t('col.inQuota'), key: 'inQuota', width: 10 },
  ];
  styleHeader(ws.getRow(1));
  for (const r of view.ranking.rows) {
    ws.addRow({
      group: t(`group.${r.type}`),
      rank: num(r.rank),
      code: r.code,
      name: r.name,
      zone: r.zone ?? '',
      // As ranked (§6: a missing component counts as 0), so Σ weight × component = composite.
      ...Object.fromEntries(RANKING_COMPONENTS.map((c) => [c, r.components[c]])),
      composite: r.composite,
      missing: RANKING_COMPONENTS.filter((c) => r.values[c] === null)
        .map((c) => t(`component.${c}`))
        .join('、'),
      eligible: t(r.eligible ? 'yes' : 'no'),
      reasons: r.reasons.map((x) => t(`reason.${x}`)).join('；'),
      inQuota: t(r.inQuota ? 'yes' : 'no'),
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };

  const info = wb.addWorksheet(t('sheetSettings'));
  info.columns = [
    { header: t('settings.item'), key: 'k', width: 28 },
    { header: t('settings.value'), key: 'v', width: 36 },
  ];
  styleHeader(info.getRow(1));
  const s = view.ranking.settings;
  const snap = view.snapshot;
  info.addRows([
    { k: t('settings.year'), v: view.year },
    { k: t('settings.source'), v: view.source === 'live' ? t('state.draft') : `${t(`state.${snap?.state ?? 'draft'}`)} ${t('settings.version', { version: snap?.version ?? 0 })}` },
    { k: t('settings.computedOn'), v: view.ranking.computedOn },
    ...(snap ? [{ k: t('settings.period'), v: `${snap.noticeStartsOn} — ${snap.noticeEndsOn}` }] : []),
    ...RANKING_COMPONENTS.map((c) => ({ k: t('settings.weight', { component: t(`component.${c}`) }), v: s.weights[c] })),
    { k: t('settings.quotaPercent'), v: s.quotaPercent },
    { k: t('settings.minComposite'), v: s.minComposite },
    { k: t('settings.minResponses'), v: s.minResponses },
  ]);
  info.addRow([]);
  const head = info.addRow([t('settings.group'), t('settings.groupFigures')]);
  styleHeader(head);
  for (const g of view.ranking.groups) {
    info.addRow([t(`group.${g.schoolType}`), t('settings.groupLine', { schools: g.schools, eligible: g.eligible, quota: g.quota, awarded: g.awarded })]);
  }
  return toBuffer(wb);
}
