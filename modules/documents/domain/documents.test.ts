import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDistrictAnnual } from './district-annual';
import { buildDistrictQuarterly } from './district-quarterly';
import { annualFigures, busySchool, emptySchool, quarterFigures } from './fixtures.testutil';
import { cnNumber, excerpt, pct, periodWords, yuan } from './format';
import { documentText, type DocumentModel } from './model';
import { buildSchoolSummary } from './school-summary';

/** No section without words; no paragraph, cell or heading that is blank or shows a JS artefact. */
function expectComplete(doc: DocumentModel): void {
  expect(doc.sections.length).toBeGreaterThan(0);
  for (const s of doc.sections) {
    const paragraphs = s.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.length, `section ${s.id} has a paragraph`).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p.text.trim().length, `a paragraph of ${s.id}`).toBeGreaterThan(0);
    for (const b of s.blocks) if (b.kind === 'table') for (const row of b.rows) for (const cell of row) expect(cell.trim(), `a cell of ${b.caption}`).not.toBe('');
  }
  expect(documentText(doc)).not.toMatch(/undefined|NaN|null|\[object/);
}

describe('school annual summary', () => {
  it('has the seeds’ seven sections, in order, each with words', () => {
    const doc = buildSchoolSummary(busySchool(), {});
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、组织领导与制度建设', '二、公开内容', '三、公开形式', '四、公开程序', '五、监督与反馈', '六、成效与不足', '七、下一步打算']);
    expect(doc.title).toBe('东城区第一小学2025年度校务公开工作总结');
    expectComplete(doc);
  });

  it('words the figures exactly as given (two decimals)', () => {
    const text = documentText(buildSchoolSummary(busySchool(), {}));
    expect(text).toContain('公开覆盖率96.67%');
    expect(text).toContain('按时公开率91.67%');
    expect(text).toContain('季度报告按时报送率75.00%');
    expect(text).toContain('排名第2位');
    expect(text).toContain('91.23');
    expect(text).toContain('满意率95.24%');
  });

  it('does not state the school’s place while the ranking is a draft it may not quote', () => {
    const f = busySchool();
    f.rank = { ...f.rank!, withheld: true, rank: null, composite: 0 };
    const text = documentText(buildSchoolSummary(f, {}));
    expect(text).toContain('评选结果尚未公示');
    expect(text).not.toContain('排名第');
  });

  it('shows the school’s own texts, and a reminder where a text is still missing', () => {
    const typed = buildSchoolSummary(busySchool(), { leadership: '成立了以校长为组长的校务公开领导小组。', nextSteps: '继续完善公开栏。' });
    const org = typed.sections[0]!.blocks[0]!;
    expect(org).toMatchObject({ kind: 'paragraph', source: 'narrative', field: 'leadership', text: '成立了以校长为组长的校务公开领导小组。' });
    expect(typed.sections[6]!.blocks[0]).toMatchObject({ source: 'narrative', text: '继续完善公开栏。' });
    const rules = typed.sections[0]!.blocks[1]!;
    expect(rules).toMatchObject({ source: 'placeholder', field: 'rules' });
    // Whitespace only counts as missing.
    expect(buildSchoolSummary(busySchool(), { nextSteps: '  \n ' }).sections[6]!.blocks[0]).toMatchObject({ source: 'placeholder' });
  });

  it('gives a school with nothing recorded a sentence per domain and per section, never a blank', () => {
    const doc = buildSchoolSummary(emptySchool(), {});
    expectComplete(doc);
    const text = documentText(doc);
    expect(text).toContain('（一）综合。本年度该领域应公开');
    expect(text).toContain('尚无公开记录');
    expect(text).toContain('本年度尚无公开记录，各公开渠道均未使用。');
    expect(text).toContain('没有3000元以上的大宗物资采购公开记录');
    expect(text).toContain('未发现需要整改的问题');
    expect(text).toContain('未组织教职工和家长满意度测评');
    expect(text).toContain('评选数据尚未生成');
    expect(text).toContain('（八）师资。本年度该领域师资配备及骨干教师简介等事项没有发生，无须公开。');
    expect(doc.note).toContain('尚未结束');
  });

  it('lists procurements of 3000元 or more with amount and method, and flags the irregular one', () => {
    const doc = buildSchoolSummary(busySchool(), {});
    const table = doc.sections[1]!.blocks.find((b) => b.kind === 'table' && b.caption.includes('大宗物资'));
    expect(table && table.kind === 'table' ? table.rows : []).toEqual([
      ['2025-05-10', '大宗物资采购：课桌椅，公开招标', '86,000.00', '公开招标', '是'],
      ['2025-09-10', '图书室图书采购', '12,000.00', '询价采购', '否'],
    ]);
    expect(documentText(doc)).toContain('其中1项未按规定采用集体采购或公开招标方式');
  });

  it('counts channels over accepted disclosures only, and names the 事前公开 lapses', () => {
    const doc = buildSchoolSummary(busySchool(), {});
    const channels = doc.sections[2]!.blocks.find((b) => b.kind === 'table');
    expect(channels && channels.kind === 'table' ? channels.rows[0] : []).toEqual(['校务公开栏', '3', '75.00%']);
    const text = documentText(doc);
    expect(text).toContain('职称评聘条件、程序及推荐人选，事前公示，公示期不少于5个工作日');
    expect(text).toContain('事前公开未落实：职称评聘条件、程序及推荐人选（“2025年职称评审推荐”）');
    expect(text).toContain('到期未公开1项次：食堂伙食费收支清单（2025年7月）');
  });

  it('never yields an empty section, whatever the figures (property)', () => {
    const base = busySchool();
    fc.assert(
      fc.property(
        fc.record({
          met: fc.nat(5),
          keepItems: fc.boolean(),
          disclosures: fc.nat(base.disclosures.length),
          findings: fc.boolean(),
          surveys: fc.boolean(),
          rank: fc.option(fc.constantFrom('draft', 'notice', 'final') as fc.Arbitrary<'draft' | 'notice' | 'final'>),
          eligible: fc.boolean(),
          texts: fc.dictionary(fc.constantFrom('leadership', 'rules', 'highlights', 'nextSteps'), fc.string({ maxLength: 20 })),
        }),
        (r) => {
          const f = busySchool();
          f.items = r.keepItems ? f.items.map((i) => ({ ...i, met: Math.min(i.obligations, r.met), onTime: Math.min(i.obligations, r.met) })) : [];
          f.hasChecklist = r.keepItems;
          f.disclosures = f.disclosures.slice(0, r.disclosures);
          if (!r.findings) f.findings = [];
          if (!r.surveys) f.surveys = null;
          f.rank = r.rank ? { ...f.rank!, state: r.rank, eligible: r.eligible, rank: r.eligible ? 1 : null, reasons: r.eligible ? [] : ['未召开教代会'] } : null;
          expectComplete(buildSchoolSummary(f, r.texts));
        },
      ),
    );
  });
});

describe('district quarterly 通报', () => {
  it('has its sections, the 文号 and office as typed, and words every group', () => {
    const doc = buildDistrictQuarterly(quarterFigures(), { docNumber: '东教督〔2026〕12号', issuingOffice: '东城区教育局督导室', issuedOn: '2026-11-20' });
    expectComplete(doc);
    expect(doc.title).toBe('关于2026年第三季度全区中小学校务公开工作情况的通报');
    expect(doc.docNumber).toBe('东教督〔2026〕12号');
    expect(doc.signature).toEqual({ lines: ['东城区教育局督导室'], date: '2026年11月20日' });
    const text = documentText(doc);
    expect(text).toContain('全区公开覆盖率92.50%');
    expect(text).toContain('东城区第一小学等1所学校本季度应公开事项全部按时公开');
    expect(text).toContain('食堂伙食费收支清单（2026年8月）');
    expect(text).toContain('目前全区没有未整改到位的一票否决问题');
    expect(doc.sections[0]!.blocks.some((b) => b.kind === 'chart')).toBe(true);
  });

  it('falls back to the district’s issuing body and the day of generation, and says so when nobody is named or praised', () => {
    const f = quarterFigures();
    f.exemplary = [];
    f.named = [];
    f.reports.notSubmitted = [];
    f.zones = [];
    f.trend = [];
    f.next = { ...f.next, hasChecklist: false, deadlines: [] };
    const doc = buildDistrictQuarterly(f, { issuedOn: 'not a date' });
    expectComplete(doc);
    expect(doc.docNumber).toBeNull();
    expect(doc.signature).toEqual({ lines: ['东城区教育局'], date: '2026年11月23日' });
    const text = documentText(doc);
    expect(text).toContain('没有应公开事项全部按时公开且季度报告按时报送的学校');
    expect(text).toContain('没有需要通报的学校');
    expect(text).toContain('事项清单尚未发布');
  });
});

describe('district annual report', () => {
  it('has its sections and words the comparison, honours and ineligible schools', () => {
    const doc = buildDistrictAnnual(annualFigures(), {});
    expectComplete(doc);
    const text = documentText(doc);
    expect(text).toContain('两年事项清单共有的27个事项同口径比较');
    expect(text).toContain('覆盖率+3.05个百分点');
    expect(text).toContain('本年度新增T01 师资配备及骨干教师简介1个事项');
    expect(text).toContain('被评为2025年度校务公开先进单位（评选结果已确定）');
    expect(text).toContain('东城区第一小学（95.12）');
    expect(text).toContain('东城区第十七小学');
    expect(text).toContain('未召开教代会');
  });

  it('marks a draft or a 公示 as such and has a sentence for every empty part', () => {
    const f = annualFigures();
    f.ranking = { ...f.ranking!, state: 'draft', source: 'live', groups: [{ ...f.ranking!.groups[0]!, awarded: [] }] };
    f.comparison = { ...f.comparison, available: false };
    f.surveys = null;
    f.findings = { total: 0, minor: 0, serious: 0, veto: 0, closed: 0, open: 0 };
    f.vetoOpen = [];
    f.ineligible = [];
    const doc = buildDistrictAnnual(f, { nextYear: '明年继续加强督导。' });
    expectComplete(doc);
    const text = documentText(doc);
    expect(text).toContain('草稿，仅供参考');
    expect(text).toContain('没有可比的校务公开数据');
    expect(text).toContain('未组织满意度测评');
    expect(text).toContain('均具备先进单位评选资格');
    expect(text).toContain('明年继续加强督导。');
    f.ranking = { ...f.ranking, state: 'notice' };
    expect(documentText(buildDistrictAnnual(f, {}))).toContain('正在公示（2026年1月10日至2026年1月16日）');
  });
});

describe('district documents never leave a section empty (property)', () => {
  it('whatever is missing from the quarter’s or the year’s figures', () => {
    fc.assert(
      fc.property(
        fc.record({
          zones: fc.nat(3),
          trend: fc.nat(3),
          exemplary: fc.boolean(),
          named: fc.boolean(),
          veto: fc.boolean(),
          nextChecklist: fc.boolean(),
          deadlines: fc.boolean(),
          ranking: fc.option(fc.constantFrom('draft', 'notice', 'final') as fc.Arbitrary<'draft' | 'notice' | 'final'>),
          awarded: fc.boolean(),
          comparison: fc.boolean(),
          surveys: fc.boolean(),
          findings: fc.boolean(),
          ineligible: fc.boolean(),
          texts: fc.dictionary(fc.constantFrom('docNumber', 'issuingOffice', 'issuedOn', 'intro', 'requirements', 'nextYear'), fc.string({ maxLength: 12 })),
        }),
        (r) => {
          const q = quarterFigures();
          q.zones = q.zones.slice(0, r.zones);
          q.trend = q.trend.slice(0, r.trend);
          if (!r.exemplary) q.exemplary = [];
          if (!r.named) q.named = [];
          if (r.veto) q.vetoOpen = [{ school: '东城区第九中学', title: '违规收费', raisedOn: '2026-05-01', dueOn: '2026-06-01', status: 'responded' }];
          q.next = { ...q.next, hasChecklist: r.nextChecklist, deadlines: r.deadlines ? q.next.deadlines : [] };
          expectComplete(buildDistrictQuarterly(q, r.texts));

          const a = annualFigures();
          a.zones = a.zones.slice(0, r.zones);
          a.ranking = r.ranking ? { ...a.ranking!, state: r.ranking, groups: r.awarded ? a.ranking!.groups : a.ranking!.groups.map((g) => ({ ...g, awarded: [] })) } : null;
          a.comparison = { ...a.comparison, available: r.comparison };
          if (!r.surveys) a.surveys = null;
          if (!r.findings) a.findings = { total: 0, minor: 0, serious: 0, veto: 0, closed: 0, open: 0 };
          if (!r.ineligible) a.ineligible = [];
          expectComplete(buildDistrictAnnual(a, r.texts));
        },
      ),
    );
  });
});

describe('formats', () => {
  it('writes numbers, money, periods and excerpts as the bureaus do', () => {
    expect([1, 4, 10, 12, 20, 23].map(cnNumber)).toEqual(['一', '四', '十', '十二', '二十', '二十三']);
    expect(pct(98.5)).toBe('98.50%');
    expect(pct(null)).toBe('无数据');
    expect(yuan(1234567.5)).toBe('1,234,567.50');
    expect(periodWords('2025-03')).toBe('2025年3月');
    expect(periodWords('2025-H2')).toBe('2025年下半年');
    expect(periodWords('2025-T1')).toBe('2025年春季学期初');
    expect(periodWords('2025-Q4')).toBe('2025年第四季度');
    expect(periodWords('2025')).toBe('2025年度');
    expect(periodWords('0b8c…', '教师招聘')).toBe('“教师招聘”');
    expect(excerpt('短句。')).toBe('短句');
    expect(excerpt('甲'.repeat(40) + '，' + '乙'.repeat(40), 60)).toBe(`${'甲'.repeat(40)}……`);
  });
});
