// A school's annual 校务公开工作总结 (issue 17), worded from its figures in the structure and tone
// of the schools' own year-end summaries (shared/seeds): 组织领导与制度建设, 公开内容, 公开形式,
// 公开程序, 监督与反馈, 成效与不足, 下一步打算. Every section says something: a school with nothing in
// a domain gets a sentence saying so, never a blank. Pure: figures in, document model out.
import { CHANNELS, type Channel } from '@/core/domain/types';
import { percent } from '@/modules/obligations/domain/metrics';
import type { DisclosureLine, ItemFigures, SchoolSummaryFigures, Shortfall, SurveyGroupFigures } from './figures';
import { cnDate, cnNumber, CHANNEL_WORDS, enumerate, excerpt, FINDING_STATUS_WORDS, num2, pct, periodWords, quarterName, RANKING_STATE_WORDS, sectionHeading, SEVERITY_WORDS, yuan } from './format';
import { generated, narrative, type Block, type DocumentModel, type Paragraph, type Section } from './model';
import type { NarrativeTexts } from './narrative';

/** §2: procurements of 3000元 or more must state their method. */
const PROCUREMENT_THRESHOLD = 3000;
const EXAMPLES_PER_DOMAIN = 3;
const SHORTFALLS_LISTED = 12;

const REPORT_STATE_WORDS = { none: '未报送', draft: '未报送', submitted: '已报送，待审核', returned: '被退回修改', approved: '已审核通过' } as const;
const GROUP_WORDS = { teachers: '教职工', parents: '家长' } as const;

function schoolSummaryTitle(f: Pick<SchoolSummaryFigures, 'school' | 'year'>): string {
  return `${f.school.name}${f.year}年度校务公开工作总结`;
}

/** 全年 for a year that is over; 年初以来 while it runs (the figures are then so far). */
const whole = (f: SchoolSummaryFigures) => (f.yearEnded ? '全年' : '年初以来');

function acceptedOf(f: SchoolSummaryFigures): DisclosureLine[] {
  return f.disclosures.filter((d) => !d.rejected);
}

function opening(f: SchoolSummaryFigures): Paragraph {
  if (!f.hasChecklist) return generated(`${f.year}年，区教育局尚未发布本年度校务公开事项清单，本总结暂无可统计的公开事项。`);
  const when = f.yearEnded ? `${f.year}年` : `${f.year}年以来（统计截至${cnDate(f.asOf)}）`;
  const domains = new Set(f.items.map((i) => i.domain)).size;
  return generated(
    `${when}，我校按照${f.districtName}教育局关于推行校务公开工作的部署，对照本年度校务公开事项清单${f.items.length}个事项（涉及${domains}个公开领域），坚持事前公开与事后公开相结合、对内公开与对外公开相结合，` +
      `${whole(f)}应公开${f.totals.obligations}项次，已公开${f.totals.met}项次，其中按时公开${f.totals.onTime}项次；公开覆盖率${pct(f.totals.coverage)}，按时公开率${pct(f.totals.timeliness)}。现将有关情况总结如下。`,
  );
}

function congressSentence(f: SchoolSummaryFigures): Paragraph {
  const congress = f.items.filter((i) => i.domain === '教代会');
  if (congress.length === 0) return generated('本年度事项清单未列教代会事项。');
  const obligations = congress.reduce((n, i) => n + i.obligations, 0);
  const met = congress.reduce((n, i) => n + i.met, 0);
  if (met === 0) return generated(`本年度应公开教代会（教职工大会）召开情况及决议等${obligations}项次，尚无公开记录，教代会民主管理作用有待加强。`);
  return generated(
    `学校坚持以教代会为校务公开的基本载体，本年度公开教代会（教职工大会）召开情况及决议、校长工作报告和财务工作报告审议情况等${met}项次（应公开${obligations}项次），保障了教职工的知情权、参与权和监督权。`,
  );
}

function reportsSentence(f: SchoolSummaryFigures): Paragraph {
  const t = f.totals;
  if (t.reportsExpected === 0) return generated('本年度尚无到期的校务公开季度报告。');
  return generated(
    `按照季度报告制度，本年度应向区教育局报送校务公开季度报告${t.reportsExpected}份，已报送${t.reportsSubmitted}份，季度报告按时报送率${pct(t.reportOnTimeRate)}` +
      (t.evaluatorScore !== null ? `，评估人员季度评分平均${num2(t.evaluatorScore)}分。` : '，尚无已审核的季度评分。'),
  );
}

function organisation(f: SchoolSummaryFigures, texts: NarrativeTexts, n: number): Section {
  return {
    id: 'organisation',
    heading: sectionHeading(n, '组织领导与制度建设'),
    blocks: [
      narrative('leadership', texts.leadership, '（请在此填写本校校务公开领导小组、监督小组的组成和分工。）'),
      narrative('rules', texts.rules, '（请在此填写本校校务公开的制度建设情况，如实施方案、责任追究制度等。）'),
      congressSentence(f),
      reportsSentence(f),
    ],
  };
}

function itemsSentence(items: readonly ItemFigures[]): string {
  return enumerate(items.map((i) => i.name));
}

function domainParagraph(domain: string, items: ItemFigures[], lines: DisclosureLine[], index: number): Paragraph {
  const obligations = items.reduce((n, i) => n + i.obligations, 0);
  const met = items.reduce((n, i) => n + i.met, 0);
  const onTime = items.reduce((n, i) => n + i.onTime, 0);
  const head = `（${cnNumber(index)}）${domain}。`;
  if (obligations === 0) return generated(`${head}本年度该领域${itemsSentence(items)}等事项没有发生，无须公开。`);
  if (met === 0) return generated(`${head}本年度该领域应公开${itemsSentence(items)}等${obligations}项次，尚无公开记录，须尽快补充公开。`);
  // Examples of different items first (the first disclosure of each), then more of the same.
  const firstOfItem = lines.filter((d, i) => lines.findIndex((x) => x.itemCode === d.itemCode) === i);
  const picked = [...firstOfItem, ...lines.filter((d) => !firstOfItem.includes(d))]
    .slice(0, EXAMPLES_PER_DOMAIN)
    .sort((a, b) => (a.disclosedOn < b.disclosedOn ? -1 : a.disclosedOn > b.disclosedOn ? 1 : 0));
  const examples = picked.map((d) => `${cnDate(d.disclosedOn)}，${excerpt(d.summary)}`);
  return generated(
    `${head}公开${itemsSentence(items.filter((i) => i.met > 0))}等事项，应公开${obligations}项次，已公开${met}项次（按时${onTime}项次），共发布公开信息${lines.length}条。` +
      (examples.length ? `如：${examples.join('；')}。` : ''),
  );
}

function feesParagraph(f: SchoolSummaryFigures): Paragraph {
  const fees = f.items.filter((i) => i.domain === '收费');
  const canteen = f.items.find((i) => i.code === 'M03');
  if (fees.length === 0 && !canteen) return generated('收费与食堂账目：本年度事项清单未列收费和食堂伙食费事项。');
  const parts: string[] = [];
  for (const i of fees) parts.push(i.obligations === 0 ? `${i.name}本年度没有发生` : `${i.name}应公开${i.obligations}次、已公开${i.met}次（按时${i.onTime}次）`);
  if (canteen)
    parts.push(canteen.obligations === 0 ? '食堂伙食费收支清单本年度无须公开' : `食堂伙食费收支清单按月公开，应公开${canteen.obligations}个月、已公开${canteen.met}个月（按时${canteen.onTime}个月）`);
  return generated(`收费与食堂账目：${parts.join('；')}。`);
}

function procurementBlocks(f: SchoolSummaryFigures): Block[] {
  const big = acceptedOf(f).filter((d) => d.amount !== null && d.amount >= PROCUREMENT_THRESHOLD);
  if (big.length === 0) return [generated(`大宗物资采购：本年度没有${PROCUREMENT_THRESHOLD}元以上的大宗物资采购公开记录。`)];
  const total = big.reduce((s, d) => s + (d.amount ?? 0), 0);
  const byMethod = new Map<string, number>();
  for (const d of big) byMethod.set(d.method ?? '未注明', (byMethod.get(d.method ?? '未注明') ?? 0) + 1);
  const flagged = big.filter((d) => d.flagged);
  const out: Block[] = [
    generated(
      `大宗物资采购：本年度公开${PROCUREMENT_THRESHOLD}元以上的采购${big.length}项，金额合计${yuan(total)}元，其中${enumerate([...byMethod].map(([m, c]) => `${m}${c}项`))}。` +
        (flagged.length ? `其中${flagged.length}项未按规定采用集体采购或公开招标方式，须说明原因并整改。` : `各项采购均按规定采用集体采购或公开招标方式，并在公开时注明了金额和方式。`),
    ),
    {
      kind: 'table',
      caption: `${PROCUREMENT_THRESHOLD}元以上大宗物资采购公开情况`,
      columns: [
        { label: '公开日期', width: 1.2 },
        { label: '采购事项', width: 3.2 },
        { label: '金额（元）', numeric: true, width: 1.3 },
        { label: '采购方式', width: 1.2 },
        { label: '是否合规', width: 0.9 },
      ],
      rows: big.map((d) => [d.disclosedOn, excerpt(d.summary, 40), yuan(d.amount!), d.method ?? '未注明', d.flagged ? '否' : '是']),
    },
  ];
  return out;
}

function content(f: SchoolSummaryFigures, n: number): Section {
  const blocks: Block[] = [];
  if (!f.hasChecklist || f.items.length === 0) {
    blocks.push(generated('本年度没有校务公开事项清单，暂无公开内容可统计。'));
    return { id: 'content', heading: sectionHeading(n, '公开内容'), blocks };
  }
  const accepted = acceptedOf(f);
  const domains = [...new Set(f.items.map((i) => i.domain))];
  blocks.push(generated(`按照“内容真实、全面、及时”的要求，学校围绕${enumerate(domains)}等${domains.length}个领域公开校务信息，${whole(f)}共发布公开信息${accepted.length}条。各领域公开情况如下：`));
  domains.forEach((domain, i) => {
    const items = f.items.filter((x) => x.domain === domain);
    const codes = new Set(items.map((x) => x.code));
    blocks.push(
      domainParagraph(
        domain,
        items,
        accepted.filter((d) => codes.has(d.itemCode)),
        i + 1,
      ),
    );
  });
  blocks.push({
    kind: 'table',
    caption: '各领域公开情况统计',
    columns: [
      { label: '公开领域', width: 1.4 },
      { label: '事项数', numeric: true },
      { label: '应公开（项次）', numeric: true, width: 1.3 },
      { label: '已公开', numeric: true },
      { label: '按时公开', numeric: true },
    ],
    rows: domains.map((domain) => {
      const items = f.items.filter((x) => x.domain === domain);
      const sum = (k: 'obligations' | 'met' | 'onTime') => String(items.reduce((s, x) => s + x[k], 0));
      return [domain, String(items.length), sum('obligations'), sum('met'), sum('onTime')];
    }),
  });
  blocks.push(feesParagraph(f));
  blocks.push(...procurementBlocks(f));
  return { id: 'content', heading: sectionHeading(n, '公开内容'), blocks };
}

function form(f: SchoolSummaryFigures, n: number): Section {
  const accepted = acceptedOf(f);
  const heading = sectionHeading(n, '公开形式');
  if (accepted.length === 0) return { id: 'form', heading, blocks: [generated('本年度尚无公开记录，各公开渠道均未使用。')] };
  const counts = new Map<Channel, number>();
  for (const d of accepted) for (const c of d.channels) counts.set(c, (counts.get(c) ?? 0) + 1);
  const used = CHANNELS.filter((c) => counts.has(c)).sort((a, b) => counts.get(b)! - counts.get(a)!);
  const unused = CHANNELS.filter((c) => !counts.has(c) && c !== 'other');
  const multi = accepted.filter((d) => d.channels.length > 1).length;
  return {
    id: 'form',
    heading,
    blocks: [
      generated(
        `学校综合运用${enumerate(used.map((c) => CHANNEL_WORDS[c]))}等渠道公开校务信息，做到对内公开与对外公开相结合。${whole(f)}${accepted.length}条公开信息中，` +
          `使用最多的是${CHANNEL_WORDS[used[0]!]}（${counts.get(used[0]!)}次），${multi}条信息通过两种及以上渠道同时公开。` +
          (unused.length ? `${enumerate(unused.map((c) => CHANNEL_WORDS[c]))}本年度未使用。` : ''),
      ),
      {
        kind: 'table',
        caption: '公开渠道使用情况',
        columns: [
          { label: '公开渠道', width: 2 },
          { label: '使用次数', numeric: true },
          { label: '占公开信息的比例', numeric: true, width: 1.4 },
        ],
        rows: used.map((c) => [CHANNEL_WORDS[c], String(counts.get(c)), pct(percent(counts.get(c)!, accepted.length))]),
      },
    ],
  };
}

function shortfallWords(s: Shortfall): string {
  return `${s.itemName}（${periodWords(s.periodKey, s.eventTitle)}）`;
}

function procedure(f: SchoolSummaryFigures, n: number): Section {
  const before = f.items.filter((i) => i.timingBefore);
  const beforeObligations = before.reduce((s, i) => s + i.obligations, 0);
  const blocks: Block[] = [];
  if (beforeObligations === 0) {
    blocks.push(generated('事前公开：本年度没有发生须事前公开的事项（如职称评聘推荐、中层干部选拔任用、评优评先等）。'));
  } else {
    const onTime = before.reduce((s, i) => s + i.onTime, 0);
    const periods = before.filter((i) => i.obligations > 0 && i.timeLimit).map((i) => `${i.name}，${i.timeLimit!.replace(/[。；]$/, '')}`);
    const after = f.shortfalls.filter((s) => s.status === 'afterEvent');
    blocks.push(
      generated(
        `事前公开：对${itemsSentence(before.filter((i) => i.obligations > 0))}等须在实施前公示的事项，${whole(f)}涉及${beforeObligations}项次，其中在规定公示期前公开${onTime}项次。` +
          (periods.length ? `执行的公示期为：${periods.join('；')}。` : '') +
          (after.length
            ? `有${after.length}项次在事项实施当日或之后才公开，事前公开未落实：${enumerate(after.slice(0, SHORTFALLS_LISTED).map(shortfallWords))}。`
            : '所有事前公开事项均在事项实施前公开。'),
      ),
    );
  }
  const late = f.items.reduce((s, i) => s + i.late, 0);
  const missing = f.items.reduce((s, i) => s + i.missing, 0);
  const pending = f.items.reduce((s, i) => s + i.notYetDue, 0);
  blocks.push(
    generated(
      f.totals.obligations === 0
        ? '事后公开：本年度没有应公开的事项。'
        : `事后公开：其余事项按公开时限在事项完成后公开。${whole(f)}按时公开率${pct(f.totals.timeliness)}，逾期公开${late}项次，到期未公开${missing}项次` +
            (pending ? `，另有${pending}项次尚未到公开时限。` : '。'),
    ),
  );
  const shown = f.quarters;
  blocks.push(
    shown.length === 0
      ? generated('本年度尚无已开始的季度。')
      : {
          kind: 'table',
          caption: '各季度公开及报告情况',
          columns: [
            { label: '季度', width: 1.1 },
            { label: '应公开（项次）', numeric: true, width: 1.2 },
            { label: '覆盖率', numeric: true },
            { label: '按时公开率', numeric: true, width: 1.1 },
            { label: '季度报告', width: 1.5 },
            { label: '按时报送', width: 0.9 },
            { label: '评估得分', numeric: true },
          ],
          rows: shown.map((q) => [
            quarterName(q.quarter),
            String(q.obligations),
            pct(q.coverage),
            pct(q.timeliness),
            REPORT_STATE_WORDS[q.reportState],
            q.reportOnTime === null ? '未到期' : q.reportOnTime ? '是' : '否',
            q.score === null ? '—' : num2(q.score),
          ]),
        },
  );
  return { id: 'procedure', heading: sectionHeading(n, '公开程序'), blocks };
}

function surveySentence(g: SurveyGroupFigures, floor: number, min: number): string {
  const who = GROUP_WORDS[g.group];
  if (g.responses === null) return `${who}问卷答卷不足${floor}份，按规定不公布结果`;
  return `${who}问卷收回答卷${g.responses}份，满意率${pct(g.rate)}` + (g.valid ? '' : `（不足${min}份，结果不计入评选）`);
}

function supervision(f: SchoolSummaryFigures, n: number): Section {
  const blocks: Block[] = [];
  if (f.findings.length === 0) {
    blocks.push(generated('问题整改：本年度区教育局督导评估中未发现需要整改的问题。'));
  } else {
    const by = (k: keyof typeof SEVERITY_WORDS) => f.findings.filter((x) => x.severity === k).length;
    const closed = f.findings.filter((x) => x.status === 'closed').length;
    blocks.push(
      generated(
        `问题整改：本年度督导评估中发现问题${f.findings.length}项（一般${by('minor')}项、较重${by('serious')}项、一票否决${by('veto')}项），已整改销号${closed}项，${f.findings.length - closed}项正在整改。` +
          `具体为：${f.findings.map((x, i) => `${i + 1}. ${x.title}（${SEVERITY_WORDS[x.severity]}，${x.raisedOn}提出，整改期限${x.dueOn}，${FINDING_STATUS_WORDS[x.status]}）`).join('；')}。`,
      ),
    );
  }
  if (!f.surveys || f.surveys.groups.length === 0) {
    blocks.push(generated('满意度测评：本年度未组织教职工和家长满意度测评。'));
  } else {
    const s = f.surveys;
    blocks.push(
      generated(
        `满意度测评：${s.groups.map((g) => surveySentence(g, s.anonymityFloor, s.minResponses)).join('；')}。` + (s.combined !== null ? `综合满意率${pct(s.combined)}。` : '暂无有效的综合满意率。'),
      ),
    );
  }
  const { statements, challenged } = f.noMatter;
  const s02 = f.items.find((i) => i.code === 'S02');
  blocks.push(
    generated(
      `意见反馈：` +
        (s02 ? `公开监督电话、校长信箱及意见处理情况${s02.met}次（应公开${s02.obligations}次）；` : '') +
        (statements === 0 ? '本年度未作“无此事项”说明。' : `本年度作“无此事项”说明${statements}次，` + (challenged ? `其中${challenged}次被评估人员质疑，已按要求核实说明。` : '均未被质疑。')),
    ),
  );
  return { id: 'supervision', heading: sectionHeading(n, '监督与反馈'), blocks };
}

function rankSentence(f: SchoolSummaryFigures): Paragraph {
  const r = f.rank;
  if (!r) return generated('年度先进单位评选：本年度评选数据尚未生成。');
  if (r.withheld) return generated('年度先进单位评选：本年度评选结果尚未公示，公示后在此写明学校的综合得分和组内排名。');
  const where = `在${f.districtName}${r.groupType}组${r.groupSchools}所学校中`;
  const state = RANKING_STATE_WORDS[r.state] + (r.state === 'notice' && r.noticeEndsOn ? `，公示期至${cnDate(r.noticeEndsOn)}` : '');
  if (!r.eligible) return generated(`年度先进单位评选：学校综合得分${num2(r.composite)}，因${enumerate(r.reasons)}，本年度不具备先进单位评选资格（${state}）。`);
  return generated(
    `年度先进单位评选：学校综合得分${num2(r.composite)}，${where}排名第${r.rank}位（${state}）` +
      (r.inQuota ? (r.state === 'final' ? '，被评为先进单位。' : '，列入先进单位拟表彰名单。') : '，未进入先进单位名额。'),
  );
}

function results(f: SchoolSummaryFigures, texts: NarrativeTexts, n: number): Section {
  const t = f.totals;
  const blocks: Block[] = [
    generated(
      `主要成效：${whole(f)}校务公开覆盖率${pct(t.coverage)}，按时公开率${pct(t.timeliness)}，季度报告按时报送率${pct(t.reportOnTimeRate)}` +
        (t.evaluatorScore !== null ? `，季度评估平均得分${num2(t.evaluatorScore)}分。` : '。'),
    ),
    rankSentence(f),
  ];
  if ((texts.highlights ?? '').trim()) blocks.push(narrative('highlights', texts.highlights, ''));
  const missing = f.shortfalls.filter((s) => s.status === 'missing' || s.status === 'rejected');
  const late = f.shortfalls.filter((s) => s.status === 'late' || s.status === 'afterEvent');
  if (missing.length === 0 && late.length === 0) {
    blocks.push(generated(`存在的不足：${whole(f)}到期应公开事项均已按时公开，未发现漏公开或逾期公开的情况；今后仍须在公开内容的深度和群众意见的反馈上下功夫。`));
  } else {
    const list = (xs: Shortfall[]) => enumerate(xs.slice(0, SHORTFALLS_LISTED).map(shortfallWords)) + (xs.length > SHORTFALLS_LISTED ? `等${xs.length}项次` : '');
    blocks.push(
      generated(
        `存在的不足：` +
          (missing.length ? `到期未公开${missing.length}项次：${list(missing)}。` : '到期应公开事项均已公开。') +
          (late.length ? `逾期公开${late.length}项次：${list(late)}。` : '没有逾期公开的事项。'),
      ),
    );
  }
  return { id: 'results', heading: sectionHeading(n, '成效与不足'), blocks };
}

function nextSteps(texts: NarrativeTexts, n: number): Section {
  return {
    id: 'nextSteps',
    heading: sectionHeading(n, '下一步打算'),
    blocks: [narrative('nextSteps', texts.nextSteps, '（请在此填写下一年度推进校务公开工作的打算和措施。）')],
  };
}

/** The school's annual summary as a document model (§2–§7 figures, the school's own texts). */
export function buildSchoolSummary(f: SchoolSummaryFigures, texts: NarrativeTexts): DocumentModel {
  const sections = [organisation(f, texts, 1), content(f, 2), form(f, 3), procedure(f, 4), supervision(f, 5), results(f, texts, 6), nextSteps(texts, 7)];
  return {
    kind: 'schoolSummary',
    title: schoolSummaryTitle(f),
    docNumber: null,
    addressees: null,
    note: f.yearEnded ? null : `（${f.year}年度尚未结束，数据统计截至${cnDate(f.asOf)}）`,
    opening: [opening(f)],
    sections,
    signature: { lines: [f.school.name], date: cnDate(f.asOf) },
  };
}
