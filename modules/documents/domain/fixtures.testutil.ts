// Plain figures for the text-assembly tests: a busy school, a school with nothing, and district figures.
import type { DistrictAnnualFigures, DistrictQuarterFigures, ItemFigures, SchoolSummaryFigures } from './figures';

function item(code: string, name: string, domain: string, o: Partial<ItemFigures> = {}): ItemFigures {
  return { code, name, domain, obligations: 1, met: 1, onTime: 1, late: 0, missing: 0, notYetDue: 0, timingBefore: false, timeLimit: null, ...o };
}

export function busySchool(): SchoolSummaryFigures {
  return {
    districtName: '东城区',
    school: { code: 'dc01', name: '东城区第一小学', type: '小学', zone: '城关片区' },
    year: 2025,
    asOf: '2026-11-23',
    yearEnded: true,
    hasChecklist: true,
    totals: { obligations: 60, met: 58, onTime: 55, coverage: 96.67, timeliness: 91.67, reportOnTimeRate: 75, reportsSubmitted: 4, reportsExpected: 4, evaluatorScore: 88.5 },
    quarters: [1, 2, 3, 4].map((q) => ({ quarter: q as 1 | 2 | 3 | 4, obligations: 15, coverage: 96.67, timeliness: 90, reportState: 'approved' as const, reportOnTime: q !== 2, score: 88 })),
    items: [
      item('G01', '学校发展规划与年度工作计划', '综合'),
      item('C01', '教代会/教职工大会召开情况及决议', '教代会', { obligations: 2, met: 2, onTime: 2 }),
      item('F01', '收费项目、依据、标准及批准文号', '收费', { obligations: 2, met: 2, onTime: 1, late: 1 }),
      item('M03', '食堂伙食费收支清单', '财务', { obligations: 12, met: 11, onTime: 10, late: 1, missing: 1 }),
      item('P01', '职称评聘条件、程序及推荐人选', '人事', { timingBefore: true, timeLimit: '事前公示，公示期不少于5个工作日', obligations: 2, met: 2, onTime: 1, late: 1 }),
      item('B02', '大宗物资采购（3000元以上）集体采购或招标情况', '基建采购', { obligations: 2, met: 2, onTime: 2 }),
      item('S02', '监督电话、校长信箱及意见处理情况', '监督', { obligations: 4, met: 4, onTime: 4 }),
      item('T01', '师资配备及骨干教师简介', '师资', { obligations: 0, met: 0, onTime: 0 }),
    ],
    disclosures: [
      {
        itemCode: 'G01',
        periodKey: '2025',
        eventTitle: null,
        disclosedOn: '2025-03-10',
        summary: '公开《东城区第一小学2025年度工作计划》，已经教代会讨论通过。',
        channels: ['noticeBoard', 'website'],
        amount: null,
        method: null,
        flagged: false,
        rejected: false,
      },
      {
        itemCode: 'M03',
        periodKey: '2025-01',
        eventTitle: null,
        disclosedOn: '2025-02-08',
        summary: '公开1月食堂伙食费收支清单。',
        channels: ['parents'],
        amount: null,
        method: null,
        flagged: false,
        rejected: false,
      },
      {
        itemCode: 'B02',
        periodKey: 'e1',
        eventTitle: '课桌椅采购',
        disclosedOn: '2025-05-10',
        summary: '大宗物资采购：课桌椅，公开招标。',
        channels: ['noticeBoard'],
        amount: 86000,
        method: '公开招标',
        flagged: false,
        rejected: false,
      },
      {
        itemCode: 'B02',
        periodKey: 'e2',
        eventTitle: '图书采购',
        disclosedOn: '2025-09-10',
        summary: '图书室图书采购。',
        channels: ['noticeBoard'],
        amount: 12000,
        method: '询价采购',
        flagged: true,
        rejected: false,
      },
      {
        itemCode: 'F01',
        periodKey: '2025-T1',
        eventTitle: null,
        disclosedOn: '2025-03-01',
        summary: '被驳回的收费公示。',
        channels: ['website'],
        amount: null,
        method: null,
        flagged: false,
        rejected: true,
      },
    ],
    shortfalls: [
      { itemCode: 'M03', itemName: '食堂伙食费收支清单', periodKey: '2025-07', eventTitle: null, status: 'missing', deadline: '2025-08-10', disclosedOn: null },
      { itemCode: 'F01', itemName: '收费项目、依据、标准及批准文号', periodKey: '2025-T2', eventTitle: null, status: 'late', deadline: '2025-09-30', disclosedOn: '2025-10-03' },
      { itemCode: 'P01', itemName: '职称评聘条件、程序及推荐人选', periodKey: 'e9', eventTitle: '2025年职称评审推荐', status: 'afterEvent', deadline: '2025-05-05', disclosedOn: '2025-05-12' },
    ],
    findings: [{ title: '食堂账目公开不及时', severity: 'minor', status: 'closed', dueOn: '2025-09-30', raisedOn: '2025-08-20', closedOn: '2025-09-20', rectifications: 1 }],
    surveys: {
      groups: [
        { group: 'teachers', responses: 42, rate: 95.24, mean: 4.5, valid: true },
        { group: 'parents', responses: 3 > 5 ? 3 : null, rate: null, mean: null, valid: false },
      ],
      combined: 95.24,
      minResponses: 10,
      anonymityFloor: 5,
    },
    noMatter: { statements: 2, challenged: 1 },
    rank: {
      state: 'draft',
      withheld: false,
      source: 'live',
      groupType: '小学',
      groupSchools: 12,
      groupEligible: 9,
      rank: 2,
      composite: 91.23,
      eligible: true,
      reasons: [],
      inQuota: true,
      noticeEndsOn: null,
    },
  };
}

/** A school with a checklist but nothing at all recorded (and no surveys, findings or ranking). */
export function emptySchool(): SchoolSummaryFigures {
  const f = busySchool();
  return {
    ...f,
    yearEnded: false,
    totals: { obligations: 60, met: 0, onTime: 0, coverage: 0, timeliness: 0, reportOnTimeRate: null, reportsSubmitted: 0, reportsExpected: 0, evaluatorScore: null },
    quarters: [],
    items: f.items.map((i) => ({ ...i, met: 0, onTime: 0, late: 0, missing: i.obligations })),
    disclosures: [],
    shortfalls: [],
    findings: [],
    surveys: null,
    noMatter: { statements: 0, challenged: 0 },
    rank: null,
  };
}

export function quarterFigures(): DistrictQuarterFigures & { issuingBody: string } {
  const k = { coverage: 92.5, timeliness: 85.25, reportCompleteness: 95.83, reportOnTime: 87.5 };
  return {
    districtName: '东城区',
    issuingBody: '东城区教育局 东城区教育工会',
    year: 2026,
    quarter: 3,
    asOf: '2026-11-23',
    quarterEnded: true,
    hasChecklist: true,
    schools: 24,
    district: { ...k, obligations: 400, met: 370, onTime: 341 },
    zones: [
      { name: '城关片区', schools: 12, ...k },
      { name: '城南片区', schools: 12, ...k, coverage: 90.01 },
    ],
    trend: [1, 2, 3].map((q) => ({ quarter: q as 1 | 2 | 3, ...k })),
    reports: { expected: 24, submitted: 23, onTime: 21, approved: 20, due: '2026-10-15', notSubmitted: [{ code: 'dc19', name: '东城区第十九小学', zone: '城南片区' }] },
    findings: { opened: 3, closed: 2, open: 4 },
    vetoOpen: [],
    exemplary: [{ code: 'dc01', name: '东城区第一小学', zone: '城关片区' }],
    named: [
      {
        code: 'dc11',
        name: '东城区第十一小学',
        zone: '城南片区',
        missing: [{ itemCode: 'M03', itemName: '食堂伙食费收支清单', periodKey: '2026-08', eventTitle: null, status: 'missing', deadline: '2026-09-10', disclosedOn: null }],
        late: [],
      },
    ],
    next: { year: 2026, quarter: 4, reportDue: '2027-01-15', hasChecklist: true, deadlines: [{ deadline: '2026-11-10', itemCode: 'M03', itemName: '食堂伙食费收支清单', periodKey: '2026-10' }] },
  };
}

export function annualFigures(): DistrictAnnualFigures & { issuingBody: string } {
  const k = { coverage: 92.5, timeliness: 85.25, reportCompleteness: 100, reportOnTime: 87.5 };
  return {
    districtName: '东城区',
    issuingBody: '东城区教育局',
    year: 2025,
    asOf: '2026-11-23',
    yearEnded: true,
    hasChecklist: true,
    schools: 24,
    kpis: { ...k, obligations: 1500, met: 1400, onTime: 1300, satisfaction: 91.5, satisfactionSchools: 22 },
    zones: [
      { name: '城关片区', schools: 12, ...k, satisfaction: 92 },
      { name: '城南片区', schools: 12, ...k, satisfaction: 91 },
    ],
    comparison: {
      previousYear: 2024,
      available: true,
      shared: 27,
      current: { coverage: 93.1, timeliness: 86.2, obligations: 1450 },
      previous: { coverage: 90.05, timeliness: 80.5, obligations: 1440 },
      added: [{ code: 'T01', name: '师资配备及骨干教师简介' }],
      removed: [],
    },
    surveys: {
      groups: [
        { group: 'teachers', responses: 800, rate: 93.5, valid: true, schools: 23, hidden: 1 },
        { group: 'parents', responses: 2400, rate: 90.1, valid: true, schools: 24, hidden: 0 },
      ],
      combined: 91.8,
    },
    ranking: {
      state: 'final',
      source: 'snapshot',
      noticeStartsOn: '2026-01-10',
      noticeEndsOn: '2026-01-16',
      groups: [{ type: '小学', schools: 12, eligible: 10, quota: 2, awarded: [{ code: 'dc01', name: '东城区第一小学', zone: '城关片区', type: '小学', rank: 1, composite: 95.12 }] }],
    },
    findings: { total: 6, minor: 3, serious: 2, veto: 1, closed: 4, open: 2 },
    vetoOpen: [{ school: '东城区第十七小学', title: '违规收费', raisedOn: '2025-06-01', dueOn: '2025-07-01', status: 'open' }],
    ineligible: [{ code: 'dc17', name: '东城区第十七小学', zone: '城南片区', type: '小学', reasons: ['未召开教代会'] }],
  };
}
