// The district's annual report on 校务公开 (issue 17): the year's figures, the trend against last
// year (like-for-like on the items both years' checklists share; the changed items listed apart),
// survey results, the 先进单位 list (final, 公示中 or 草稿), findings, and the schools that lost
// award eligibility with their reasons. Pure: figures in, model out.
import { DATA_DIGITS, roundHalfUp } from '@/core/domain/rounding';
import type { DistrictAnnualFigures } from './figures';
import { issuingOffice, kpiCells, kpiColumns, kpiValues, KPI_SERIES } from './district-quarterly';
import { cnDate, enumerate, FINDING_STATUS_WORDS, num2, pct, RANKING_STATE_WORDS, sectionHeading } from './format';
import { generated, type Block, type DocumentModel, type Paragraph, type Section } from './model';
import type { NarrativeTexts } from './narrative';

const GROUP_WORDS = { teachers: '教职工', parents: '家长' } as const;

function annualTitle(f: Pick<DistrictAnnualFigures, 'districtName' | 'year'>): string {
  return `${f.districtName}${f.year}年度中小学校务公开工作报告`;
}

function opening(f: DistrictAnnualFigures, texts: NarrativeTexts): Paragraph[] {
  const typed = (texts.intro ?? '').trim();
  if (typed) return [{ kind: 'paragraph', text: typed, source: 'narrative', field: 'intro' }];
  return [
    generated(
      `${f.year}年，全区教育系统坚持把校务公开作为推进依法治校、民主管理和党风廉政建设的重要抓手，以公开事项清单为依据，以季度报告和督导评估为手段，推动${f.schools}所中小学校务公开工作制度化、规范化。现将全年工作情况报告如下。`,
    ),
  ];
}

function yearFigures(f: DistrictAnnualFigures, n: number): Section {
  const k = f.kpis;
  const blocks: Block[] = [
    f.hasChecklist
      ? generated(
          `${f.yearEnded ? '全年' : '年初以来'}全区应公开${k.obligations}项次，已公开${k.met}项次，其中按时公开${k.onTime}项次，公开覆盖率${pct(k.coverage)}，按时公开率${pct(k.timeliness)}；季度报告报送率${pct(k.reportCompleteness)}，按时报送率${pct(k.reportOnTime)}。` +
            (k.satisfaction !== null ? `${k.satisfactionSchools}所学校取得有效满意度测评结果，全区综合满意率${pct(k.satisfaction)}。` : '全年尚无有效的满意度测评结果。'),
        )
      : generated(`${f.year}年全区尚无校务公开事项清单，暂无可统计的公开事项。`),
  ];
  if (f.zones.length > 1) {
    blocks.push({
      kind: 'table',
      caption: `${f.year}年各片区校务公开情况`,
      columns: [...kpiColumns('片区'), { label: '满意率', numeric: true }],
      rows: [...f.zones.map((z) => [z.name, String(z.schools), ...kpiCells(z), pct(z.satisfaction)]), ['全区', String(f.schools), ...kpiCells(k), pct(k.satisfaction)]],
    });
    blocks.push({
      kind: 'chart',
      title: `${f.year}年各片区校务公开情况（%）`,
      categories: f.zones.map((z) => z.name),
      series: KPI_SERIES.map((name, i) => ({ name, values: f.zones.map((z) => kpiValues(z)[i]!) })),
    });
  } else {
    blocks.push(generated('全区未划分片区，不再分片区统计。'));
  }
  return { id: 'year', heading: sectionHeading(n, '全年工作情况'), blocks };
}

/** The change between two figures as the reader sees them (each rounded once to 2 decimals), so it adds up. */
function change(a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  const d = roundHalfUp(roundHalfUp(b, DATA_DIGITS) - roundHalfUp(a, DATA_DIGITS), DATA_DIGITS);
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}个百分点`;
}

function comparison(f: DistrictAnnualFigures, n: number): Section {
  const c = f.comparison;
  const heading = sectionHeading(n, '与上年比较');
  if (!c.available) return { id: 'comparison', heading, blocks: [generated(`${c.previousYear}年没有可比的校务公开数据，本年度不作同比分析。`)] };
  const blocks: Block[] = [
    generated(
      `按两年事项清单共有的${c.shared}个事项同口径比较：${c.previousYear}年公开覆盖率${pct(c.previous.coverage)}、按时公开率${pct(c.previous.timeliness)}，` +
        `${f.year}年公开覆盖率${pct(c.current.coverage)}、按时公开率${pct(c.current.timeliness)}，覆盖率${change(c.previous.coverage, c.current.coverage)}，按时公开率${change(c.previous.timeliness, c.current.timeliness)}。`,
    ),
    {
      kind: 'table',
      caption: `同口径比较（${c.shared}个共有事项）`,
      columns: [
        { label: '指标', width: 1.4 },
        { label: `${c.previousYear}年`, numeric: true },
        { label: `${f.year}年`, numeric: true },
        { label: '变化', numeric: true, width: 1.4 },
      ],
      rows: [
        ['应公开（项次）', String(c.previous.obligations), String(c.current.obligations), String(c.current.obligations - c.previous.obligations)],
        ['公开覆盖率', pct(c.previous.coverage), pct(c.current.coverage), change(c.previous.coverage, c.current.coverage)],
        ['按时公开率', pct(c.previous.timeliness), pct(c.current.timeliness), change(c.previous.timeliness, c.current.timeliness)],
      ],
    },
  ];
  const words = (xs: { code: string; name: string }[]) => enumerate(xs.map((x) => `${x.code} ${x.name}`));
  blocks.push(
    c.added.length || c.removed.length
      ? generated(
          `事项清单调整（不计入上述比较）：` +
            (c.added.length ? `本年度新增${words(c.added)}${c.added.length}个事项` : '本年度没有新增事项') +
            '；' +
            (c.removed.length ? `不再列入${words(c.removed)}${c.removed.length}个事项。` : '没有删减事项。'),
        )
      : generated('两年事项清单相同，没有新增或删减的事项。'),
  );
  return { id: 'comparison', heading, blocks };
}

function surveys(f: DistrictAnnualFigures, n: number): Section {
  const s = f.surveys;
  const heading = sectionHeading(n, '满意度测评');
  if (!s || s.groups.length === 0) return { id: 'surveys', heading, blocks: [generated(`${f.year}年全区未组织满意度测评。`)] };
  const lines = s.groups.map((g) =>
    g.responses === null
      ? `${GROUP_WORDS[g.group]}问卷答卷不足，不公布结果`
      : `${GROUP_WORDS[g.group]}问卷汇总${g.schools}所学校答卷${g.responses}份，满意率${pct(g.rate)}` + (g.hidden ? `（${g.hidden}所学校答卷不足5份，未计入）` : ''),
  );
  return {
    id: 'surveys',
    heading,
    blocks: [generated(`${f.year}年组织教职工和家长满意度测评。${lines.join('；')}。` + (s.combined !== null ? `按全区答卷汇总的综合满意率${pct(s.combined)}。` : '全区暂无有效的综合满意率。'))],
  };
}

function honours(f: DistrictAnnualFigures, n: number): Section {
  const r = f.ranking;
  const heading = sectionHeading(n, '年度先进单位评选');
  if (!r) return { id: 'honours', heading, blocks: [generated('本年度先进单位评选数据尚未生成。')] };
  const awarded = r.groups.flatMap((g) => g.awarded);
  const lead =
    r.state === 'final'
      ? `经综合评定、公示和局领导审定，以下${awarded.length}所学校被评为${f.year}年度校务公开先进单位（评选结果已确定）：`
      : r.state === 'notice'
        ? `${f.year}年度校务公开先进单位评选结果正在公示（${r.noticeStartsOn ? cnDate(r.noticeStartsOn) : ''}至${r.noticeEndsOn ? cnDate(r.noticeEndsOn) : ''}），拟表彰${awarded.length}所学校（公示中）：`
        : `${f.year}年度校务公开先进单位评选尚未公示，按当前数据测算的拟表彰学校${awarded.length}所如下（草稿，仅供参考，以公示结果为准）：`;
  const blocks: Block[] = [generated(lead)];
  blocks.push({
    kind: 'table',
    caption: `${f.year}年度先进单位（${RANKING_STATE_WORDS[r.state]}）`,
    columns: [
      { label: '组别', width: 1.3 },
      { label: '参评学校', numeric: true },
      { label: '具备资格', numeric: true },
      { label: '名额', numeric: true, width: 0.7 },
      { label: '先进单位（综合得分）', width: 4 },
    ],
    rows: r.groups.map((g) => [g.type, String(g.schools), String(g.eligible), String(g.quota), g.awarded.length ? enumerate(g.awarded.map((s) => `${s.name}（${num2(s.composite)}）`)) : '无']),
  });
  if (awarded.length === 0) blocks.push(generated('本年度没有学校达到先进单位的评选条件。'));
  return { id: 'honours', heading, blocks };
}

function findings(f: DistrictAnnualFigures, n: number): Section {
  const x = f.findings;
  const blocks: Block[] = [
    x.total === 0
      ? generated(`${f.year}年督导评估中没有提出整改问题。`)
      : generated(`${f.year}年督导评估共提出整改问题${x.total}项，其中一般${x.minor}项、较重${x.serious}项、一票否决${x.veto}项；已整改销号${x.closed}项，${x.open}项正在整改。`),
  ];
  if (f.vetoOpen.length)
    blocks.push({
      kind: 'table',
      caption: '未整改到位的一票否决问题',
      columns: [
        { label: '学校', width: 1.5 },
        { label: '问题', width: 3 },
        { label: '提出日期', width: 1.1 },
        { label: '整改期限', width: 1.1 },
        { label: '状态', width: 1.4 },
      ],
      rows: f.vetoOpen.map((v) => [v.school, v.title, v.raisedOn, v.dueOn, FINDING_STATUS_WORDS[v.status]]),
    });
  else blocks.push(generated('全年没有未整改到位的一票否决问题。'));
  return { id: 'findings', heading: sectionHeading(n, '问题整改'), blocks };
}

function ineligible(f: DistrictAnnualFigures, n: number): Section {
  const heading = sectionHeading(n, '不具备评选资格的学校');
  if (f.ineligible.length === 0) return { id: 'ineligible', heading, blocks: [generated('本年度全区学校均具备先进单位评选资格。')] };
  return {
    id: 'ineligible',
    heading,
    blocks: [
      generated(`按照先进单位评选的资格条件，以下${f.ineligible.length}所学校本年度不具备评选资格：`),
      {
        kind: 'table',
        caption: '不具备评选资格的学校及原因',
        columns: [
          { label: '学校', width: 1.8 },
          { label: '组别', width: 1 },
          { label: '原因', width: 4 },
        ],
        rows: f.ineligible.map((s) => [s.name, s.type, enumerate(s.reasons)]),
      },
    ],
  };
}

function nextYear(f: DistrictAnnualFigures, texts: NarrativeTexts, n: number): Section {
  const typed = (texts.nextYear ?? '').trim();
  return {
    id: 'nextYear',
    heading: sectionHeading(n, `${f.year + 1}年工作打算`),
    blocks: [
      typed
        ? { kind: 'paragraph', text: typed, source: 'narrative', field: 'nextYear' }
        : generated(`${f.year + 1}年，区教育局将继续完善校务公开事项清单，加强季度报告审核和督导评估，督促学校对未公开、逾期公开事项和评估发现的问题限期整改，推动校务公开工作向深层次、常态化发展。`),
    ],
  };
}

/** The annual report as a document model. */
export function buildDistrictAnnual(f: DistrictAnnualFigures & { issuingBody: string }, texts: NarrativeTexts): DocumentModel {
  const sections = [yearFigures(f, 1), comparison(f, 2), surveys(f, 3), honours(f, 4), findings(f, 5), ineligible(f, 6), nextYear(f, texts, 7)];
  const issued = /^\d{4}-\d{2}-\d{2}$/.test((texts.issuedOn ?? '').trim()) ? texts.issuedOn!.trim() : f.asOf;
  return {
    kind: 'districtAnnual',
    title: annualTitle(f),
    docNumber: (texts.docNumber ?? '').trim() || null,
    addressees: null,
    note: f.yearEnded ? null : `（${f.year}年度尚未结束，数据统计截至${cnDate(f.asOf)}）`,
    opening: opening(f, texts),
    sections,
    signature: { lines: [issuingOffice(texts, f.issuingBody, f.districtName)], date: cnDate(issued) },
  };
}
