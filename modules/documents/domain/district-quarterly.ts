// The district's quarterly 通报 on 校务公开 (issue 17): district and zone figures, the schools
// praised and the schools named with their items, open 一票否决 findings, and next quarter's
// deadlines — worded as a bureau's 通报 (文号, 主送, sections, 落款). Pure: figures in, model out.
import type { DistrictQuarterFigures, KpiFigures, NamedSchool, Shortfall } from './figures';
import { cnDate, cnMonthDay, enumerate, FINDING_STATUS_WORDS, pct, periodWords, quarterName, sectionHeading } from './format';
import { generated, type Block, type DocumentModel, type Paragraph, type Section } from './model';
import type { NarrativeTexts } from './narrative';

const ITEMS_PER_SCHOOL = 6;

function quarterlyTitle(f: Pick<DistrictQuarterFigures, 'year' | 'quarter'>): string {
  return `关于${f.year}年${quarterName(f.quarter)}全区中小学校务公开工作情况的通报`;
}

/** The issuing office: as typed, else the district's issuing body, else 〈district〉教育局. */
export function issuingOffice(texts: NarrativeTexts, issuingBody: string, districtName: string): string {
  const typed = (texts.issuingOffice ?? '').trim();
  if (typed) return typed;
  const first = issuingBody.split(/[\s　]+/).filter(Boolean)[0];
  return first ?? `${districtName}教育局`;
}

export function kpiColumns(first: string) {
  return [
    { label: first, width: 1.6 },
    { label: '学校数', numeric: true, width: 0.8 },
    { label: '公开覆盖率', numeric: true },
    { label: '按时公开率', numeric: true },
    { label: '报告报送率', numeric: true },
    { label: '报告按时率', numeric: true },
  ];
}

export function kpiCells(k: KpiFigures): string[] {
  return [pct(k.coverage), pct(k.timeliness), pct(k.reportCompleteness), pct(k.reportOnTime)];
}

export const KPI_SERIES = ['公开覆盖率', '按时公开率', '报告报送率', '报告按时率'] as const;
export const kpiValues = (k: KpiFigures) => [k.coverage, k.timeliness, k.reportCompleteness, k.reportOnTime];

function opening(f: DistrictQuarterFigures, texts: NarrativeTexts): Paragraph[] {
  const typed = (texts.intro ?? '').trim();
  if (typed) return [{ kind: 'paragraph', text: typed, source: 'narrative', field: 'intro' }];
  return [
    generated(
      `为深入推进校务公开工作，保障教职工、学生家长和社会的知情权、参与权和监督权，根据校务公开工作有关规定，区教育局对全区${f.schools}所中小学校${f.year}年${quarterName(f.quarter)}的校务公开情况和季度报告报送情况进行了统计和评估。现将有关情况通报如下。`,
    ),
  ];
}

function overview(f: DistrictQuarterFigures, n: number): Section {
  const d = f.district;
  const r = f.reports;
  const blocks: Block[] = [];
  if (!f.hasChecklist) {
    blocks.push(generated(`本季度全区尚无校务公开事项清单，暂无可统计的公开事项。`));
  } else {
    blocks.push(
      generated(
        `本季度全区${f.schools}所学校应公开${d.obligations}项次，已公开${d.met}项次，其中按时公开${d.onTime}项次，全区公开覆盖率${pct(d.coverage)}，按时公开率${pct(d.timeliness)}。` +
          `应报送季度报告${r.expected}份，已报送${r.submitted}份（报送率${pct(d.reportCompleteness)}），按时报送${r.onTime}份（按时率${pct(d.reportOnTime)}），已审核通过${r.approved}份；季度报告截止日期为${cnDate(r.due)}。`,
      ),
    );
  }
  blocks.push(generated(`本季度督导评估新提出整改问题${f.findings.opened}项，整改销号${f.findings.closed}项；截至${cnDate(f.asOf)}，全区尚有${f.findings.open}项问题正在整改。`));
  if (f.zones.length > 1) {
    const best = [...f.zones].filter((z) => z.coverage !== null).sort((a, b) => b.coverage! - a.coverage!)[0];
    if (best) blocks.push(generated(`分片区看，${best.name}公开覆盖率最高（${pct(best.coverage)}）。各片区情况见下表。`));
    blocks.push({
      kind: 'table',
      caption: `${f.year}年${quarterName(f.quarter)}各片区校务公开情况`,
      columns: kpiColumns('片区'),
      rows: [...f.zones.map((z) => [z.name, String(z.schools), ...kpiCells(z)]), ['全区', String(f.schools), ...kpiCells(d)]],
    });
    blocks.push({
      kind: 'chart',
      title: '各片区校务公开情况（%）',
      categories: f.zones.map((z) => z.name),
      series: KPI_SERIES.map((name, i) => ({ name, values: f.zones.map((z) => kpiValues(z)[i]!) })),
    });
  } else {
    blocks.push(generated('全区未划分片区，不再分片区统计。'));
  }
  if (f.trend.length > 1) {
    blocks.push({
      kind: 'table',
      caption: `${f.year}年各季度全区校务公开情况`,
      columns: kpiColumns('季度').filter((_, i) => i !== 1),
      rows: f.trend.map((q) => [quarterName(q.quarter), ...kpiCells(q)]),
    });
    blocks.push({
      kind: 'chart',
      title: `${f.year}年各季度变化（%）`,
      categories: f.trend.map((q) => quarterName(q.quarter)),
      series: KPI_SERIES.map((name, i) => ({ name, values: f.trend.map((q) => kpiValues(q)[i]!) })),
    });
  }
  return { id: 'overview', heading: sectionHeading(n, '总体情况'), blocks };
}

function praised(f: DistrictQuarterFigures, n: number): Section {
  const list = f.exemplary;
  return {
    id: 'praised',
    heading: sectionHeading(n, '表扬的学校'),
    blocks: [
      list.length
        ? generated(`${enumerate(list.map((s) => s.name))}等${list.length}所学校本季度应公开事项全部按时公开，季度报告按时报送，校务公开工作扎实规范，予以通报表扬。`)
        : generated('本季度没有应公开事项全部按时公开且季度报告按时报送的学校，各校须对照事项清单查漏补缺。'),
    ],
  };
}

function shortfall(s: Shortfall): string {
  return `${s.itemName}（${periodWords(s.periodKey, s.eventTitle)}）`;
}

function itemList(xs: Shortfall[]): string {
  if (xs.length === 0) return '—';
  return enumerate(xs.slice(0, ITEMS_PER_SCHOOL).map(shortfall)) + (xs.length > ITEMS_PER_SCHOOL ? `等${xs.length}项次` : '');
}

function named(f: DistrictQuarterFigures, n: number): Section {
  const missing = f.named.filter((s) => s.missing.length > 0);
  const late = f.named.filter((s) => s.missing.length === 0 && s.late.length > 0);
  const blocks: Block[] = [];
  if (f.named.length === 0) {
    blocks.push(generated(f.quarterEnded ? '本季度各校到期应公开事项均已按时公开，没有需要通报的学校。' : '截至目前，各校到期应公开事项均已按时公开，没有需要通报的学校。'));
  } else {
    const words = (xs: NamedSchool[]) => enumerate(xs.map((s) => s.name));
    blocks.push(
      generated(
        (missing.length ? `${words(missing)}等${missing.length}所学校存在到期未公开的事项` : '') +
          (missing.length && late.length ? '；' : '') +
          (late.length ? `${words(late)}等${late.length}所学校存在逾期公开的事项` : '') +
          '。具体事项见下表，请有关学校于收到通报后10个工作日内补充公开，并在下季度报告中说明整改情况。',
      ),
    );
    blocks.push({
      kind: 'table',
      caption: '存在未公开、逾期公开事项的学校',
      columns: [
        { label: '学校', width: 1.6 },
        { label: '片区', width: 0.9 },
        { label: '到期未公开的事项', width: 3 },
        { label: '逾期公开的事项', width: 3 },
      ],
      rows: f.named.map((s) => [s.name, s.zone ?? '—', itemList(s.missing), itemList(s.late)]),
    });
  }
  if (f.reports.notSubmitted.length) blocks.push(generated(`截至${cnDate(f.asOf)}，${enumerate(f.reports.notSubmitted.map((s) => s.name))}${f.reports.notSubmitted.length}所学校尚未报送本季度报告。`));
  else blocks.push(generated('各校均已报送本季度报告。'));
  return { id: 'named', heading: sectionHeading(n, '存在的问题'), blocks };
}

function veto(f: DistrictQuarterFigures, n: number): Section {
  const list = f.vetoOpen;
  return {
    id: 'veto',
    heading: sectionHeading(n, '一票否决问题整改情况'),
    blocks: list.length
      ? [
          generated(`目前全区尚有${list.length}项一票否决问题未整改到位，有关学校须按期整改，整改前不得参加年度先进单位评选：`),
          {
            kind: 'table',
            caption: '未整改到位的一票否决问题',
            columns: [
              { label: '学校', width: 1.5 },
              { label: '问题', width: 3 },
              { label: '提出日期', width: 1.1 },
              { label: '整改期限', width: 1.1 },
              { label: '状态', width: 1.4 },
            ],
            rows: list.map((v) => [v.school, v.title, v.raisedOn, v.dueOn, FINDING_STATUS_WORDS[v.status]]),
          },
        ]
      : [generated('目前全区没有未整改到位的一票否决问题。')],
  };
}

function nextQuarter(f: DistrictQuarterFigures, texts: NarrativeTexts, n: number): Section {
  const nx = f.next;
  const blocks: Block[] = [];
  if (!nx.hasChecklist) {
    blocks.push(generated(`${nx.year}年${quarterName(nx.quarter)}的事项清单尚未发布，发布后另行通知各时间节点。季度报告须于${cnDate(nx.reportDue)}前报送。`));
  } else {
    blocks.push(
      generated(
        `${nx.year}年${quarterName(nx.quarter)}各校应按以下时间节点完成定期公开事项（事件类事项自事项发生之日起按清单时限公开，事前公开事项须在实施前完成公示），并于${cnDate(nx.reportDue)}前报送季度报告。`,
      ),
    );
    const byDay = new Map<string, string[]>();
    for (const d of nx.deadlines) byDay.set(d.deadline, [...(byDay.get(d.deadline) ?? []), `${d.itemName}（${periodWords(d.periodKey)}）`]);
    blocks.push(
      byDay.size
        ? {
            kind: 'table',
            caption: `${nx.year}年${quarterName(nx.quarter)}定期公开事项时间节点`,
            columns: [
              { label: '截止日期', width: 1 },
              { label: '须完成公开的事项', width: 5 },
            ],
            rows: [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, items]) => [day.startsWith(`${nx.year}-`) ? cnMonthDay(day) : cnDate(day), enumerate([...new Set(items)])]),
          }
        : generated('下季度没有定期公开事项，各校按事件类事项的时限及时公开。'),
    );
  }
  const typed = (texts.requirements ?? '').trim();
  blocks.push(
    typed
      ? { kind: 'paragraph', text: typed, source: 'narrative', field: 'requirements' }
      : generated(
          '各校要高度重视校务公开工作，对照事项清单逐项落实，做到应公开尽公开；对本通报指出的问题立即整改，整改情况在下季度报告中说明。区教育局将继续开展督导评估，评估结果纳入年度先进单位评选。',
        ),
  );
  return { id: 'next', heading: sectionHeading(n, '下季度工作安排'), blocks };
}

/** The quarterly 通报 as a document model. */
export function buildDistrictQuarterly(f: DistrictQuarterFigures & { issuingBody: string }, texts: NarrativeTexts): DocumentModel {
  const sections = [overview(f, 1), praised(f, 2), named(f, 3), veto(f, 4), nextQuarter(f, texts, 5)];
  const issued = /^\d{4}-\d{2}-\d{2}$/.test((texts.issuedOn ?? '').trim()) ? texts.issuedOn!.trim() : f.asOf;
  return {
    kind: 'districtQuarterly',
    title: quarterlyTitle(f),
    docNumber: (texts.docNumber ?? '').trim() || null,
    addressees: '各中小学校：',
    note: f.quarterEnded ? null : `（本季度尚未结束，数据统计截至${cnDate(f.asOf)}）`,
    opening: opening(f, texts),
    sections,
    signature: { lines: [issuingOffice(texts, f.issuingBody, f.districtName)], date: cnDate(issued) },
  };
}
