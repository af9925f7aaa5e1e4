// Chinese wording for the demo: event titles, disclosure summaries, reasons and comments.
// Phrasing follows the school year-end summaries in /work/shared/seeds.
import type { Rng } from './rng';

const CN_NUM = ['零', '一', '二', '三', '四'];

/** Human label of a calendar period key (`2026-03`, `2026-Q1`, `2026-H1`, `2026-T2`, `2026`). */
export function periodLabel(periodKey: string): string {
  const [y, rest] = periodKey.split('-');
  if (rest === undefined) return `${y}年度`;
  if (rest.startsWith('Q')) return `${y}年第${CN_NUM[Number(rest.slice(1))]}季度`;
  if (rest === 'H1') return `${y}年上半年`;
  if (rest === 'H2') return `${y}年下半年`;
  if (rest === 'T1') return `${y}年春季学期`;
  if (rest === 'T2') return `${y}年秋季学期`;
  return `${y}年${Number(rest)}月`;
}

const money = (n: number): string => n.toFixed(2);

/** B02 purchases: title and a plausible amount range (元). */
export const PURCHASES: readonly [title: string, min: number, max: number][] = [
  ['大宗物资采购：课桌椅', 60_000, 180_000],
  ['多媒体教学设备采购', 50_000, 260_000],
  ['图书室图书采购', 12_000, 60_000],
  ['实验室仪器设备采购', 20_000, 120_000],
  ['办公电脑采购', 30_000, 90_000],
  ['体育器材采购', 8_000, 40_000],
  ['食堂厨具设备采购', 15_000, 80_000],
  ['校园监控设备更新采购', 25_000, 110_000],
];

export const EVENT_TITLES: Record<string, readonly string[]> = {
  G04: ['{y}年奖励性绩效工资分配方案修订', '{y}年课后服务实施方案', '教职工考勤管理制度修订', '{y}年校园安全管理改革方案', '学校作息时间调整方案', '{y}年教师岗位聘任实施方案'],
  M05: ['校友会捐资助学', '爱心企业捐赠图书', '社会人士捐赠体育器材', '区慈善会捐赠学习用品'],
  P01: ['{y}年职称评审推荐', '{y}年中小学一级教师职称推荐', '{y}年中小学高级教师职称推荐'],
  P02: ['{y}年教师公开招聘', '{y}年岗位设置与竞聘上岗', '{y}年班主任竞聘上岗'],
  P05: ['{y}年中层干部竞聘上岗', '教务处副主任选拔任用', '德育处主任选拔任用', '总务处主任选拔任用'],
  B01: ['教学楼维修工程招标', '校舍维修改造工程', '操场塑胶跑道翻新工程', '食堂改造工程', '卫生间改造工程', '围墙及大门改造工程'],
};

export function eventTitle(code: string, year: number, r: Rng, quarter: number, senior: boolean): string {
  if (code === 'F03') {
    if (quarter <= 2) return `${year}年春季学期家庭经济困难学生生活补助`;
    return senior ? `${year}年秋季学期国家助学金评定` : `${year}年秋季学期‘两免一补’资助`;
  }
  if (code === 'A01') return quarter === 3 ? `${year}年教师节优秀教师评选` : `${year}年度先进教育工作者推荐`;
  return r.pick(EVENT_TITLES[code] ?? ['{y}年专项事项']).replace('{y}', String(year));
}

export interface SummaryCtx {
  code: string;
  school: string;
  district: string;
  year: number;
  period: string;
  title: string;
  amount: number | null;
  method: string | null;
  r: Rng;
}

/** A realistic 公开内容摘要 for one disclosure. */
export function summaryFor(c: SummaryCtx): string {
  const { r, year: y, period, title } = c;
  const n = (a: number, b: number) => r.int(a, b);
  switch (c.code) {
    case 'G01':
      return `公开《${c.school}${y}年度工作计划》及三年发展规划（${y}—${y + 2}年），明确办学目标、重点工作和责任分工，已经教代会讨论通过。`;
    case 'G02':
      return `公开修订后的《${c.school}章程》及教学管理、财务管理、安全管理等${n(8, 16)}项规章制度全文。`;
    case 'G03':
      return `公开${period}学校工作总结，涵盖教育教学、德育、安全、后勤等工作完成情况，以及存在问题和下阶段改进措施。`;
    case 'G04':
      return `就“${title}”召开教职工大会征求意见，方案全文在校务公开栏公示${n(7, 10)}日，收到意见建议${n(3, 21)}条，采纳${n(1, 3)}条。`;
    case 'C01': {
      const a = n(38, 96);
      return `${period}召开第${n(3, 7)}届教职工代表大会第${n(1, 4)}次会议，应到代表${a}人、实到${a - n(0, 3)}人，审议通过学校工作报告、绩效工资分配方案等决议，决议全文公开。`;
    }
    case 'C02':
      return `${y}年校长工作报告、财务工作报告提交教代会审议，代表满意度测评结果为${n(90, 99)}%，审议意见已公开。`;
    case 'F01':
      return `公示${period}收费项目、收费依据及标准（作业本费、保险费按自愿原则代收），批准文号${c.district}教财〔${y}〕${n(3, 40)}号，公布监督举报电话。`;
    case 'F02': {
      const a = n(40_000, 180_000) + n(0, 99) / 100;
      const b = a - n(200, 3_000);
      return `公开${period}代收费收支情况：代收${money(a)}元，支出${money(b)}元，结余${money(a - b)}元已按规定退还家长。`;
    }
    case 'F03':
      return `公示“${title}”受助学生名单（已隐去身份证号等敏感信息）共${n(6, 48)}人，资助金额合计${money(n(3_000, 60_000))}元，公示期7日。`;
    case 'M01': {
      const a = n(120_000, 480_000);
      const b = n(60_000, a);
      return `公开${period}财务收支情况：本月收入${money(a)}元，公用经费支出${money(b)}元，其中办公费${money(n(3_000, 12_000))}元、水电费${money(n(5_000, 20_000))}元。`;
    }
    case 'M02':
      return `公开${y}年度预算安排及${y - 1}年度决算执行情况，预算总额${n(300, 2_400)}万元，重大项目支出逐项说明。`;
    case 'M03': {
      const a = n(80_000, 260_000) + n(0, 99) / 100;
      const b = a - n(500, 6_000);
      return `公开${period}食堂伙食费收支清单：收入${money(a)}元，食材采购支出${money(b)}元，结余${money(a - b)}元，每生每日伙食成本${(n(80, 140) / 10).toFixed(1)}元。`;
    }
    case 'M04':
      return `公开${period}奖励性绩效工资分配方案及发放情况，发放总额${money(n(150_000, 600_000))}元，方案已经教代会讨论通过。`;
    case 'M05':
      return `公开“${title}”：捐赠款物折合${money(n(5_000, 80_000))}元，全部用于改善办学条件和资助困难学生，使用明细同步公示。`;
    case 'P01':
      return `公示“${title}”推荐条件、名额、评审程序及量化积分结果，拟推荐${n(1, 6)}人，公示期5个工作日。`;
    case 'P02':
      return `公开“${title}”岗位设置、竞聘条件与程序，拟聘用人员${n(1, 8)}人，名单同步公示。`;
    case 'P03':
      return `公开${y}年度教职工考核办法及考核结果，优秀等次${n(8, 24)}人（占比不超过20%）。`;
    case 'P04':
      return `公开${period}教师绩效考核结果，共考核教师${n(40, 160)}人，考核细则及得分在校务公开栏张贴。`;
    case 'P05':
      return `公示“${title}”拟任人选，民主推荐得票率${n(72, 96)}%，公示期5个工作日。`;
    case 'A01':
      return `公示“${title}”评选条件、名额（${n(2, 8)}名）、评选程序及推荐人选，接受教职工监督。`;
    case 'A02':
      return `公开${period}三好学生、优秀学生干部评选结果，共表彰学生${n(30, 180)}名。`;
    case 'E01':
      return `公开${y}年招生简章：招生计划${n(4, 16)}个班，招生范围、报名条件与流程、录取结果查询方式及咨询电话。`;
    case 'B01':
      return `公开“${title}”立项预算${n(12, 180)}万元、招标方式、中标单位及合同金额，工程进度和经费使用情况同步公开。`;
    case 'B02':
      return `公开“${title}”：采购金额${money(c.amount ?? 0)}元，采购方式为${c.method ?? '集体采购'}，供应商、验收情况及经费来源已公示。`;
    case 'S01':
      return `公开${y}年度领导班子述职述廉报告及民主测评结果，“优秀”“称职”票合计${n(88, 99)}%。`;
    case 'S02': {
      const k = n(2, 15);
      return `公开${period}监督电话、校长信箱意见处理情况：收到意见建议${k}条，已办结${k}条并逐一答复。`;
    }
    case 'S03':
      return `公开“${title}”：整改措施、责任人及完成时限，整改结果经督导复查通过。`;
    case 'T01':
      return `公开${y}年师资配备情况：在岗教职工${n(35, 180)}人，其中高级职称${n(5, 40)}人，介绍区级骨干教师${n(2, 12)}名。`;
    default:
      return `公开${period}${title}相关情况。`;
  }
}

export const NO_MATTER_REASONS: Record<string, string> = {
  G04: '本季度无涉及教职工切身利益的重大决策和改革方案。',
  M05: '本季度学校未接受社会捐赠。',
  P02: '本季度无教师招聘及岗位竞聘事项。',
  P05: '本季度未开展中层干部选拔任用工作。',
  B01: '本季度无基建维修项目。',
  B02: '本季度无3000元以上大宗物资采购。',
};

export const REJECTION_REASONS = [
  '公开内容过于简略，未列明收支明细，请补充后重新公开。',
  '公开渠道不符合要求：本事项应在校务公开栏张贴公开，请补充公开照片。',
  '公开材料与上报数据不一致，请核实后重新公开。',
] as const;

export const RETURN_REASONS = [
  '部分事项公开材料缺少佐证照片，请补充后重新提交。',
  '食堂伙食费收支清单未附明细，请补充。',
  '本季度绩效考核结果未在公开栏张贴，请核实。',
  '“无此事项”说明与实际情况不符，请据实填报。',
] as const;

export const ITEM_COMMENTS: Record<string, string> = {
  M01: '财务收支公开未列明公用经费支出明细，请补充。',
  M03: '伙食费收支清单缺少食材采购明细和每生每日成本，请补充。',
  M04: '绩效工资分配方案未附教代会审议情况说明。',
  P04: '绩效考核结果仅在会议上通报，未在校务公开栏张贴，请补充公开。',
  S02: '意见处理情况未写明答复结果，请补充。',
  F02: '代收费结余退还情况不清楚，请补充退费明细。',
};

export const EVALUATION_COMMENTS = {
  high: ['校务公开工作领导重视，内容翔实，程序规范，资料归档完整。', '公开及时全面，公开栏更新规范，群众满意度高。'],
  mid: ['公开工作总体规范，个别事项公开不够及时，请加强。', '内容基本完整，佐证材料需进一步规范。'],
  low: ['多项事项未按时公开，公开内容较为简略，请限期整改。', '公开工作制度不够健全，部分事项缺少公开记录。'],
} as const;
