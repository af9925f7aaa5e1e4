// XLSX export of a year's survey results (the district offices work in Excel, DESIGN §8).
// Chinese headers; numbers are numbers; a school-group under the anonymity floor has empty cells.
import ExcelJS from 'exceljs';
import type { SurveyResults } from '@/modules/surveys/data/results';
import type { FreeText } from '@/modules/surveys/data/texts';
import { SURVEY_GROUPS, type SurveyGroup } from '@/core/domain/types';
import type { GroupFigures } from '@/modules/surveys/domain/results';
import { num } from '@/core/export/xlsx';

const GROUP_NAME: Record<SurveyGroup, string> = { teachers: '教师', parents: '家长' };
const TYPE_NAME: Record<string, string> = { primary: '小学', junior: '初中', nineYear: '九年一贯制', senior: '高中/完中' };

type Cell = string | number | null;

function validity(g: GroupFigures | null): string {
  if (!g) return '未开展';
  if (!g.visible) return '样本不足5份';
  return g.valid ? '有效' : '份数不足';
}

function groupCells(g: GroupFigures | null): Cell[] {
  return [g?.responses ?? null, num(g?.satisfactionRate), num(g?.meanScore), validity(g)];
}

function groupHeaders(): string[] {
  return SURVEY_GROUPS.flatMap((g) => [`${GROUP_NAME[g]}问卷份数`, `${GROUP_NAME[g]}满意率(%)`, `${GROUP_NAME[g]}平均分`, `${GROUP_NAME[g]}结果`]);
}

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: number[] = []): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const r of rows) ws.addRow(r);
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i] ?? Math.min(40, Math.max(10, h.length * 2 + 2));
  });
  ws.eachRow((row, n) => {
    if (n === 1) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'number' && !Number.isInteger(cell.value)) cell.numFmt = '0.00';
    });
  });
}

/** Workbook bytes: schools, zones, per-question means per survey, and (evaluators) free texts. */
export async function surveyWorkbook(r: SurveyResults, texts: FreeText[] | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光校务';
  wb.created = new Date(`${r.year}-01-01T00:00:00Z`);

  addSheet(
    wb,
    '学校结果',
    ['学校代码', '学校名称', '片区', '类型', ...groupHeaders(), '综合满意率(%)'],
    r.schools.map((s) => [s.code, s.name, s.zone ?? '', TYPE_NAME[s.type] ?? s.type, ...SURVEY_GROUPS.flatMap((g) => groupCells(s.groups[g])), num(s.combined)]),
    [10, 24, 12, 12],
  );
  addSheet(
    wb,
    '片区汇总',
    ['片区', '学校数', ...groupHeaders(), '综合满意率(%)'],
    [
      ...r.zones.map((z) => [z.name ?? '未分片区', z.schools, ...SURVEY_GROUPS.flatMap((g) => groupCells(z.groups[g]?.figures ?? null)), num(z.combined)]),
      ['合计', r.district.schools, ...SURVEY_GROUPS.flatMap((g) => groupCells(r.district.groups[g]?.figures ?? null)), num(r.district.combined)],
    ],
    [14, 8],
  );
  for (const g of SURVEY_GROUPS) {
    const survey = r.surveys[g];
    if (!survey) continue;
    addSheet(
      wb,
      `各题均分-${GROUP_NAME[g]}卷`,
      ['学校代码', '学校名称', ...survey.questions.map((q, i) => `${i + 1}. ${q.text}`)],
      r.schools.map((s) => [s.code, s.name, ...survey.questions.map((q) => num(s.groups[g]?.questionMeans?.[q.id]))]),
      [10, 24, ...survey.questions.map(() => 22)],
    );
  }
  if (texts) {
    addSheet(
      wb,
      '意见建议',
      ['学校代码', '学校名称', '问卷', '意见和建议'],
      texts.map((t) => [t.schoolCode, t.schoolName, `${GROUP_NAME[t.group]}卷`, t.text]),
      [10, 24, 8, 80],
    );
  }
  addSheet(
    wb,
    '说明',
    ['项目', '内容'],
    [
      ['年度', r.year],
      ['满意率', '对总体满意度题选择“满意”或“非常满意”的人数 ÷ 有效答卷人数 × 100'],
      ['有效份数', `每校每类问卷至少 ${r.minResponses} 份方为有效结果`],
      ['匿名保护', `不足 ${r.anonymityFloor} 份的学校不显示任何数据，也不计入片区和全区汇总`],
    ],
    [14, 80],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
