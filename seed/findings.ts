// Findings (整改) across severities, with rectifications; rectified findings are disclosed as S03
// events of the school (DESIGN §5: "rectification responses should also be disclosed").
import * as s from '@/db/schema';
import type { FindingSeverity, LocalDate } from '@/core/domain/types';
import type { DistrictCtx } from './build-org';
import { seedId } from './ids';
import { at, type SeedRows } from './rows';

interface FindingDef {
  school: string;
  year: number;
  severity: FindingSeverity;
  item: string | null;
  title: string;
  description: string;
  raised: LocalDate;
  due: LocalDate;
  /** The school's rectification response and its date. */
  response?: [on: LocalDate, text: string];
  /** Closed by the evaluator on this date; otherwise open (no response) or responded. */
  closed?: LocalDate;
}

const F = (
  school: string,
  year: number,
  severity: FindingSeverity,
  item: string | null,
  title: string,
  description: string,
  raised: LocalDate,
  due: LocalDate,
  response?: [LocalDate, string],
  closed?: LocalDate,
): FindingDef => ({ school, year, severity, item, title, description, raised, due, response, closed });

const FINDINGS: Record<string, FindingDef[]> = {
  dongcheng: [
    F(
      'dc11',
      2024,
      'minor',
      'M03',
      '食堂伙食费收支清单未按月公开',
      '一季度督查发现，该校1—3月食堂伙食费收支清单未在校务公开栏公开。',
      '2024-04-25',
      '2024-05-31',
      ['2024-05-20', '已补充公开1—3月伙食费收支清单，并明确总务处专人每月10日前更新。'],
      '2024-05-28',
    ),
    F(
      'dc14',
      2024,
      'veto',
      'F01',
      '违规收取教辅资料费',
      '经家长反映并核实，该校2024年春季学期统一向学生收取教辅资料费，属违规收费。',
      '2024-04-18',
      '2024-06-30',
      ['2024-05-30', '已全额清退违规收取的教辅资料费，对相关责任人进行诫勉谈话，并在家长会上公开致歉。'],
      '2024-06-12',
    ),
    F(
      'dc08',
      2024,
      'serious',
      'P04',
      '教师季度绩效考核结果公开滞后',
      '二季度教师绩效考核结果延迟一个月才公开，且未在公开栏张贴。',
      '2024-07-22',
      '2024-08-31',
      ['2024-08-26', '已修订绩效考核公开流程，考核结果于季度结束后10日内张贴公开。'],
      '2024-09-05',
    ),
    F('dc17', 2025, 'serious', 'C01', '本年度未按规定召开教职工代表大会', '该校2025年上、下学期均未召开教代会（教职工大会），绩效工资分配方案等事项未经教代会审议。', '2025-12-18', '2026-03-31'),
    F(
      'dc19',
      2025,
      'minor',
      'F02',
      '代收费收支情况公开内容不完整',
      '上半年代收费公开未列明支出明细和结余退还情况。',
      '2025-07-25',
      '2025-08-31',
      ['2025-08-20', '已补充公开代收费支出明细，结余款项已通过家长群逐一退还。'],
      '2025-09-02',
    ),
    F('dc08', 2025, 'minor', 'S02', '校长信箱意见处理情况未公开答复结果', '三季度校长信箱收到的意见未公开处理和答复情况。', '2025-10-20', '2025-11-30', [
      '2025-11-25',
      '已将三季度校长信箱意见及答复结果在公开栏和公众号公开。',
    ]),
    F('dc11', 2026, 'serious', 'B02', '大宗物资采购未履行集体采购程序', '该校5月办公用品采购4800元，采用询价方式，未按规定集体采购或招标。', '2026-07-20', '2026-09-30'),
    F(
      'dc14',
      2026,
      'minor',
      'M03',
      '食堂伙食费收支清单缺少明细',
      '4月伙食费收支清单只公布总额，未列食材采购明细。',
      '2026-05-10',
      '2026-06-30',
      ['2026-06-20', '已按要求补充伙食费收支明细，今后按统一模板公开。'],
      '2026-07-02',
    ),
    F('dc21', 2026, 'minor', 'M01', '财务收支公开滞后', '8—9月财务收支情况均晚于次月10日公开。', '2026-10-22', '2026-12-15'),
  ],
  xishan: [
    F('xs13', 2024, 'minor', 'M01', '财务收支未按月公开', '该校4月份财务收支情况未公开。', '2024-05-15', '2024-06-30', ['2024-06-25', '已补充公开4月财务收支情况，建立每月公开台账。'], '2024-07-03'),
    F(
      'xs20',
      2024,
      'serious',
      'E01',
      '招生结果未公开',
      '2024年秋季招生录取结果未按规定向社会公开。',
      '2024-07-10',
      '2024-08-15',
      ['2024-08-10', '已在校门公示牌和学校公众号公开2024年招生录取结果。'],
      '2024-08-20',
    ),
    F('xs06', 2025, 'veto', 'F01', '违规收取补课费', '经家长举报并核实，该校2025年暑期组织在校生有偿补课，收取补课费共计86400元。', '2025-09-12', '2025-10-31'),
    F(
      'xs09',
      2025,
      'minor',
      'A02',
      '学生评优结果公开不及时',
      '上学期三好学生评选结果未在学期结束后10日内公开。',
      '2025-07-18',
      '2025-08-31',
      ['2025-08-28', '已公开上学期学生评优结果，并将评优公开纳入德育处工作职责。'],
      '2025-09-05',
    ),
    F('xs20', 2025, 'serious', 'M03', '食堂伙食费收支长期未公开', '该校2025年1—5月食堂伙食费收支清单均未公开。', '2025-06-10', '2025-07-31'),
    F(
      'xs23',
      2025,
      'minor',
      'S02',
      '监督电话和校长信箱处理情况未公开',
      '三季度未公开监督电话、校长信箱意见处理情况。',
      '2025-10-15',
      '2025-11-30',
      ['2025-11-20', '已公开三季度意见处理情况，并在校门公示牌公布监督电话。'],
      '2025-12-01',
    ),
    F(
      'xs13',
      2026,
      'minor',
      'M04',
      '绩效工资分配方案未经教代会审议即公开执行',
      '二季度绩效工资分配方案未提交教代会讨论。',
      '2026-08-05',
      '2026-09-15',
      ['2026-09-30', '已召开教代会补充审议绩效工资分配方案，审议结果已公开。'],
      '2026-10-10',
    ),
    F('xs23', 2026, 'serious', 'P01', '职称评审推荐人选未事前公示', '该校2026年职称评审推荐人选上报前未在校内公示。', '2026-06-05', '2026-07-15', [
      '2026-07-10',
      '已补充公示推荐条件、程序和人选，并对推荐工作进行复核。',
    ]),
    F('xs16', 2026, 'minor', 'S02', '监督电话未在校门公示牌公布', '督查发现校门公示牌未公布监督举报电话。', '2026-10-28', '2026-12-31'),
  ],
};

/** An S03 event: the disclosure of a rectification. */
export interface RectificationEvent {
  school: string;
  date: LocalDate;
  title: string;
}

export function rectificationEvents(districtCode: string): RectificationEvent[] {
  return (FINDINGS[districtCode] ?? []).filter((f) => f.response).map((f) => ({ school: f.school, date: f.response![0], title: `整改情况：${f.title}` }));
}

/** Findings and rectifications of one district (all dates must be on or before asOf). */
export function buildFindings(rows: SeedRows, d: DistrictCtx, asOf: LocalDate): void {
  for (const [i, f] of (FINDINGS[d.def.code] ?? []).entries()) {
    const sc = d.schools.find((x) => x.def.code === f.school);
    if (!sc) throw new Error(`seed: finding for unknown school ${f.school}`);
    if (f.raised > asOf || (f.response && f.response[0] > asOf) || (f.closed && f.closed > asOf)) continue;
    const evaluator = sc.zoneIndex === 0 ? d.evalZ1Id : d.evalId;
    const id = seedId(`finding/${d.def.code}/${i}`);
    const status = f.closed ? 'closed' : f.response ? 'responded' : 'open';
    rows.add(s.findings, {
      id,
      districtId: d.id,
      schoolId: sc.id,
      itemCode: f.item,
      year: f.year,
      severity: f.severity,
      title: f.title,
      description: f.description,
      dueOn: f.due,
      status,
      raisedBy: evaluator,
      raisedAt: at(f.raised, 15, 30),
      closedAt: f.closed ? at(f.closed, 16) : null,
      closedBy: f.closed ? evaluator : null,
    });
    if (f.response) {
      rows.add(s.rectifications, {
        id: seedId(`rectification/${d.def.code}/${i}`),
        districtId: d.id,
        findingId: id,
        response: f.response[1],
        submittedBy: sc.coordinatorId,
        submittedAt: at(f.response[0], 11),
      });
    }
  }
}
