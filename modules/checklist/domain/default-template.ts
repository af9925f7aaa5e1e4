// The platform's default checklist template (DESIGN §2): 28 items with the seven elements of a
// standard disclosure list (code, 事项名称, 公开领域, 公开依据, 公开内容, 公开主体, 公开方式, 公开时限)
// plus Sunlight's scheduling fields. Used by the demo seed and by the platform-admin screens.
//
// Choices made here (DESIGN leaves them open):
// - weight: 2 points for the domains the seeds treat as most sensitive — 教代会 (congress), 收费
//   (fees), 财务 (finance) and 基建采购 (construction & procurement); 1 point for all others.
// - mandatory: every item except T01 (师资配备及骨干教师简介), which is a recommended item: it
//   counts in coverage like any other, but a missing T01 is never listed as a gap at submission.
// - deadlineDays: the N of the §3 table for event items; null (= the frequency default) otherwise.
// - annualDueDate: '03-31' for G01, '06-30' for E01; null (= 12-31) for the other annual items.
import type { Audience, Channel, Frequency } from '@/core/domain/types';

export interface TemplateItem {
  code: string;
  name: string;
  domain: string;
  frequency: Frequency;
  audience: Audience;
  timing: 'before' | null;
  tags: string[];
  deadlineDays: number | null;
  annualDueDate: string | null;
  weight: number;
  mandatory: boolean;
  channels: Channel[];
  /** 公开依据 */
  basis: string;
  /** 公开内容 */
  content: string;
  /** 公开主体 */
  responsibleParty: string;
  /** 公开时限 (human text; the machine rule is frequency + deadlineDays + annualDueDate). */
  timeLimit: string;
  sortOrder: number;
}

export const DEFAULT_TEMPLATE_CODE = 'default-2026';
export const DEFAULT_TEMPLATE_NAME = '校务公开事项清单（默认模板）';

/** §2 rule: B02 of this amount (元) or more must be bought by one of these methods. */
export const PROCUREMENT_THRESHOLD = 3000;
export const PROCUREMENT_APPROVED_METHODS = ['集体采购', '公开招标'] as const;

const HEAVY_DOMAINS = new Set(['教代会', '收费', '财务', '基建采购']);

type Row = Omit<TemplateItem, 'weight' | 'mandatory' | 'sortOrder' | 'tags' | 'timing' | 'deadlineDays' | 'annualDueDate'> &
  Partial<Pick<TemplateItem, 'mandatory' | 'tags' | 'timing' | 'deadlineDays' | 'annualDueDate'>>;

const ROWS: Row[] = [
  {
    code: 'G01',
    name: '学校发展规划与年度工作计划',
    domain: '综合',
    frequency: 'annual',
    audience: 'both',
    annualDueDate: '03-31',
    channels: ['noticeBoard', 'website', 'congress'],
    basis: '《中华人民共和国教育法》《中小学校务公开工作指导意见》',
    content: '学校三年（五年）发展规划、本学年办学目标与年度工作计划、重点工作安排及责任分工。',
    responsibleParty: '校长办公室',
    timeLimit: '每年3月31日前',
  },
  {
    code: 'G02',
    name: '学校章程与重要规章制度',
    domain: '综合',
    frequency: 'annual',
    audience: 'both',
    channels: ['noticeBoard', 'website'],
    basis: '《中华人民共和国教育法》《中小学校务公开工作指导意见》',
    content: '学校章程及其修订情况，教学管理、财务管理、安全管理、考核奖惩等重要规章制度的制定与修订。',
    responsibleParty: '校长办公室',
    timeLimit: '每年12月31日前；制度修订后及时公开',
  },
  {
    code: 'G03',
    name: '学期工作总结',
    domain: '综合',
    frequency: 'semiannual',
    audience: 'internal',
    channels: ['noticeBoard', 'meeting'],
    basis: '《中小学校务公开工作指导意见》',
    content: '本学期学校工作目标完成情况、主要成绩、存在问题及下学期改进措施。',
    responsibleParty: '校长办公室',
    timeLimit: '每学期结束后10日内',
  },
  {
    code: 'G04',
    name: '重大决策与改革方案',
    domain: '综合',
    frequency: 'event',
    audience: 'both',
    timing: 'before',
    deadlineDays: 7,
    channels: ['congress', 'noticeBoard', 'meeting'],
    basis: '《中小学校务公开工作指导意见》《学校教职工代表大会规定》',
    content: '涉及学校发展和教职工切身利益的重大决策、内部管理体制改革方案，决策前公开征求意见及采纳情况。',
    responsibleParty: '校长办公室',
    timeLimit: '决策实施前公开（事前公开），征求意见不少于7日',
  },
  {
    code: 'C01',
    name: '教代会/教职工大会召开情况及决议',
    domain: '教代会',
    frequency: 'semiannual',
    audience: 'internal',
    tags: ['congress'],
    channels: ['congress', 'noticeBoard'],
    basis: '《学校教职工代表大会规定》《中华人民共和国工会法》',
    content: '每学期教代会（教职工大会）的召开时间、议题、代表提案及办理情况、大会通过的决议。',
    responsibleParty: '学校工会',
    timeLimit: '每学期教代会闭会后10日内',
  },
  {
    code: 'C02',
    name: '校长工作报告、财务工作报告提交教代会审议',
    domain: '教代会',
    frequency: 'annual',
    audience: 'internal',
    tags: ['congress'],
    channels: ['congress'],
    basis: '《学校教职工代表大会规定》',
    content: '校长年度工作报告、学校财务工作报告提交教代会审议的情况及审议意见。',
    responsibleParty: '校长办公室、学校工会',
    timeLimit: '每年教代会召开时，12月31日前',
  },
  {
    code: 'F01',
    name: '收费项目、依据、标准及批准文号',
    domain: '收费',
    frequency: 'termStart',
    audience: 'external',
    channels: ['gateBoard', 'noticeBoard', 'website', 'parents'],
    basis: '《教育收费公示制度》《中华人民共和国价格法》',
    content: '每学期收费项目、收费依据、收费标准、批准文号、收费范围及监督举报电话。',
    responsibleParty: '总务处、财务室',
    timeLimit: '春季学期3月31日前，秋季学期9月30日前',
  },
  {
    code: 'F02',
    name: '代收费、服务性收费收支情况',
    domain: '收费',
    frequency: 'semiannual',
    audience: 'external',
    channels: ['noticeBoard', 'parents', 'website'],
    basis: '《教育收费公示制度》《中小学校财务制度》',
    content: '作业本费、校服费、保险费等代收费和服务性收费的收取、支出及结余情况，多退少补明细。',
    responsibleParty: '财务室',
    timeLimit: '每半年结束后10日内',
  },
  {
    code: 'F03',
    name: '学生资助（两免一补、奖助学金、困难补助）名单及金额',
    domain: '收费',
    frequency: 'event',
    audience: 'both',
    timing: 'before',
    deadlineDays: 7,
    channels: ['noticeBoard', 'website', 'parents'],
    basis: '《学生资助资金管理办法》《中华人民共和国义务教育法》',
    content: '“两免一补”、国家助学金、奖学金及困难补助的评定条件、受助学生名单（隐去敏感信息）及资助金额。',
    responsibleParty: '学生资助管理办公室',
    timeLimit: '资金发放前公示，公示期不少于7日（事前公开）',
  },
  {
    code: 'M01',
    name: '学校财务收支情况',
    domain: '财务',
    frequency: 'monthly',
    audience: 'internal',
    channels: ['noticeBoard', 'meeting'],
    basis: '《中小学校财务制度》《中华人民共和国会计法》',
    content: '学校每月经费收入、公用经费支出明细、资产负债情况。',
    responsibleParty: '财务室',
    timeLimit: '每月10日前公开上月收支',
  },
  {
    code: 'M02',
    name: '年度预算及决算执行情况',
    domain: '财务',
    frequency: 'annual',
    audience: 'internal',
    channels: ['congress', 'noticeBoard'],
    basis: '《中华人民共和国预算法》《中小学校财务制度》',
    content: '学校年度经费预算安排、预算执行进度及上年度决算情况，重大项目支出说明。',
    responsibleParty: '财务室',
    timeLimit: '每年12月31日前',
  },
  {
    code: 'M03',
    name: '食堂伙食费收支清单',
    domain: '财务',
    frequency: 'monthly',
    audience: 'external',
    channels: ['noticeBoard', 'parents', 'website'],
    basis: '《学校食品安全与营养健康管理规定》《中小学校财务制度》',
    content: '食堂每月伙食费收入、食材采购支出、人员工资及其他支出、结余情况，每生每日伙食成本。',
    responsibleParty: '总务处',
    timeLimit: '每月10日前公开上月收支',
  },
  {
    code: 'M04',
    name: '教职工奖金、福利、绩效工资分配方案',
    domain: '财务',
    frequency: 'quarterly',
    audience: 'internal',
    channels: ['noticeBoard', 'congress', 'meeting'],
    basis: '《关于义务教育学校实施绩效工资的指导意见》《学校教职工代表大会规定》',
    content: '奖励性绩效工资分配方案、各类奖金和福利的发放标准、发放范围及总额。',
    responsibleParty: '校长办公室、财务室',
    timeLimit: '每季度结束后10日内',
  },
  {
    code: 'M05',
    name: '接受捐赠及使用情况',
    domain: '财务',
    frequency: 'event',
    audience: 'both',
    deadlineDays: 10,
    channels: ['noticeBoard', 'website'],
    basis: '《中华人民共和国公益事业捐赠法》《中小学校财务制度》',
    content: '接受社会捐资助学的捐赠方、款物数额、用途及使用明细。',
    responsibleParty: '财务室',
    timeLimit: '接受捐赠后10日内',
  },
  {
    code: 'P01',
    name: '职称评聘条件、程序及推荐人选',
    domain: '人事',
    frequency: 'event',
    audience: 'internal',
    timing: 'before',
    deadlineDays: 5,
    channels: ['noticeBoard', 'meeting'],
    basis: '《中华人民共和国教师法》《深化中小学教师职称制度改革的指导意见》',
    content: '职称评审推荐的任职条件、推荐名额、评审程序、量化积分及拟推荐人选。',
    responsibleParty: '人事办公室',
    timeLimit: '推荐上报前公示，公示期不少于5个工作日（事前公开）',
  },
  {
    code: 'P02',
    name: '教师招聘、岗位设置与竞聘上岗',
    domain: '人事',
    frequency: 'event',
    audience: 'both',
    deadlineDays: 7,
    channels: ['website', 'noticeBoard'],
    basis: '《事业单位人事管理条例》《事业单位公开招聘人员暂行规定》',
    content: '岗位设置方案、招聘或竞聘岗位、条件、程序及拟聘用人员名单。',
    responsibleParty: '人事办公室',
    timeLimit: '结果确定后7日内',
  },
  {
    code: 'P03',
    name: '年度考核办法及结果',
    domain: '人事',
    frequency: 'annual',
    audience: 'internal',
    channels: ['noticeBoard', 'meeting'],
    basis: '《事业单位工作人员考核规定》《中小学教师职业道德规范》',
    content: '教职工年度考核实施办法、优秀等次名额及拟定优秀等次人员名单。',
    responsibleParty: '人事办公室',
    timeLimit: '每年12月31日前',
  },
  {
    code: 'P04',
    name: '教师季度绩效考核结果',
    domain: '人事',
    frequency: 'quarterly',
    audience: 'internal',
    channels: ['noticeBoard', 'meeting'],
    basis: '《关于义务教育学校实施绩效工资的指导意见》',
    content: '教师季度绩效考核细则执行情况、考核得分及等次。',
    responsibleParty: '教务处',
    timeLimit: '每季度结束后10日内',
  },
  {
    code: 'P05',
    name: '中层干部选拔任用',
    domain: '人事',
    frequency: 'event',
    audience: 'internal',
    timing: 'before',
    deadlineDays: 5,
    channels: ['noticeBoard', 'meeting'],
    basis: '《中小学校领导人员管理暂行办法》《党政领导干部选拔任用工作条例》',
    content: '中层干部竞聘岗位、任职条件、选拔程序、民主推荐结果及拟任人选。',
    responsibleParty: '校长办公室',
    timeLimit: '任用前公示，公示期不少于5个工作日（事前公开）',
  },
  {
    code: 'A01',
    name: '教职工评优评先条件、名额、人选及结果',
    domain: '奖惩',
    frequency: 'event',
    audience: 'internal',
    timing: 'before',
    deadlineDays: 5,
    channels: ['noticeBoard', 'meeting'],
    basis: '《中华人民共和国教师法》《中小学校务公开工作指导意见》',
    content: '优秀教师、优秀班主任等评选的条件、名额、评选程序、推荐人选及最终结果。',
    responsibleParty: '校长办公室、学校工会',
    timeLimit: '推荐上报前公示，公示期不少于5日（事前公开）',
  },
  {
    code: 'A02',
    name: '学生评优（三好学生、优秀干部等）结果',
    domain: '奖惩',
    frequency: 'semiannual',
    audience: 'external',
    channels: ['noticeBoard', 'website', 'parents'],
    basis: '《中小学德育工作指南》《中小学校务公开工作指导意见》',
    content: '三好学生、优秀学生干部、优秀少先队员等评选条件、名额及评选结果。',
    responsibleParty: '德育处（政教处）',
    timeLimit: '每学期结束后10日内',
  },
  {
    code: 'E01',
    name: '招生办法、计划、范围及结果',
    domain: '招生',
    frequency: 'annual',
    audience: 'external',
    annualDueDate: '06-30',
    channels: ['website', 'gateBoard', 'parents', 'letter'],
    basis: '《中华人民共和国义务教育法》《教育部关于进一步做好普通中小学招生入学工作的通知》',
    content: '招生政策、招生计划、学区划分（招生范围）、报名条件与程序、录取结果及咨询电话。',
    responsibleParty: '教务处',
    timeLimit: '每年6月30日前',
  },
  {
    code: 'B01',
    name: '基建维修项目计划、招投标及经费使用',
    domain: '基建采购',
    frequency: 'event',
    audience: 'both',
    deadlineDays: 10,
    channels: ['noticeBoard', 'website'],
    basis: '《中华人民共和国招标投标法》《中华人民共和国政府采购法》',
    content: '基建及维修项目立项、预算、招投标过程、中标单位、合同金额、工程进度及竣工决算。',
    responsibleParty: '总务处',
    timeLimit: '立项、招标及竣工后10日内',
  },
  {
    code: 'B02',
    name: '大宗物资采购（3000元以上）集体采购或招标情况',
    domain: '基建采购',
    frequency: 'event',
    audience: 'internal',
    deadlineDays: 10,
    channels: ['noticeBoard', 'meeting'],
    basis: '《中华人民共和国政府采购法》《中小学校财务制度》',
    content: '单笔3000元以上教学仪器设备、课桌椅、图书及办公用品的采购事由、金额、采购方式（集体采购/公开招标）及供应商。',
    responsibleParty: '总务处',
    timeLimit: '采购完成后10日内',
  },
  {
    code: 'S01',
    name: '领导班子述职述廉及民主测评结果',
    domain: '监督',
    frequency: 'annual',
    audience: 'internal',
    channels: ['congress', 'noticeBoard'],
    basis: '《中国共产党党内监督条例》《学校教职工代表大会规定》',
    content: '学校领导班子及成员年度述职述廉报告、教职工民主测评结果。',
    responsibleParty: '学校党支部、学校工会',
    timeLimit: '每年12月31日前',
  },
  {
    code: 'S02',
    name: '监督电话、校长信箱及意见处理情况',
    domain: '监督',
    frequency: 'quarterly',
    audience: 'both',
    channels: ['noticeBoard', 'website', 'gateBoard'],
    basis: '《中小学校务公开工作指导意见》',
    content: '监督举报电话、校长信箱，本季度收到的意见建议数量、办理情况及答复结果。',
    responsibleParty: '校长办公室',
    timeLimit: '每季度结束后10日内',
  },
  {
    code: 'S03',
    name: '整改情况（针对评估发现的问题）',
    domain: '监督',
    frequency: 'event',
    audience: 'both',
    deadlineDays: 15,
    channels: ['noticeBoard', 'website', 'meeting'],
    basis: '《中小学校务公开工作指导意见》《教育督导条例》',
    content: '上级督导评估发现问题的整改措施、整改责任人、完成时限及整改结果。',
    responsibleParty: '校长办公室',
    timeLimit: '整改完成后15日内',
  },
  {
    code: 'T01',
    name: '师资配备及骨干教师简介',
    domain: '师资',
    frequency: 'annual',
    audience: 'external',
    mandatory: false,
    channels: ['website', 'noticeBoard'],
    basis: '《中华人民共和国教师法》《中小学校务公开工作指导意见》',
    content: '教职工编制与在岗人数、学历及职称结构、市区级骨干教师和学科带头人简介。',
    responsibleParty: '人事办公室',
    timeLimit: '每年12月31日前',
  },
];

/** The 28 items of the default template, in display order. */
export const DEFAULT_CHECKLIST_TEMPLATE: readonly TemplateItem[] = ROWS.map((r, i) => ({
  ...r,
  timing: r.timing ?? null,
  tags: r.tags ?? [],
  deadlineDays: r.deadlineDays ?? null,
  annualDueDate: r.annualDueDate ?? null,
  weight: HEAVY_DOMAINS.has(r.domain) ? 2 : 1,
  mandatory: r.mandatory ?? true,
  sortOrder: (i + 1) * 10,
}));

/** §2 rule: a B02 procurement of 3000元 or more by any other method is flagged for the evaluator. */
export function isProcurementFlagged(amount: number | null, method: string | null): boolean {
  if (amount === null || amount < PROCUREMENT_THRESHOLD) return false;
  return !(PROCUREMENT_APPROVED_METHODS as readonly string[]).includes(method ?? '');
}
