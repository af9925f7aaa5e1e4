// The demo organisation: two districts with their zones, schools (and each school's behaviour
// profile, which drives the generated activity), people and holidays. Pure data, no I/O.
import type { LocalDate, Role, SchoolType } from '@/core/domain/types';

/**
 * How a school behaves in the demo:
 * - exemplary: every obligation met and on time, top scores;
 * - good: ≈95% met, mostly on time;
 * - late: most obligations met but many after the deadline (before close);
 * - missing: ≈60–80% met;
 * - noCongress: good, but held no staff congress in 2025 (C01 both halves unmet → fails the gate);
 * - veto: good, but has an unresolved 一票否决 finding (违规收费) in 2025.
 */
export type Profile = 'exemplary' | 'good' | 'late' | 'missing' | 'noCongress' | 'veto';

export interface SchoolDef {
  code: string;
  name: string;
  type: SchoolType;
  zone: string;
  profile: Profile;
}

export interface ZoneDef {
  code: string;
  name: string;
}

export interface DistrictDef {
  code: string;
  name: string;
  issuingBody: string;
  /** Where objections to a 公示 are lodged besides the online form (fictitious numbers). */
  noticeContact: string;
  zones: ZoneDef[];
  schools: SchoolDef[];
  people: { admin: string; eval: string; evalZ1: string; leader: string };
}

export const DEMO_PASSWORD = 'Sunlight-2026';
export const DEMO_YEARS = [2024, 2025, 2026] as const;
export const DEFAULT_AS_OF: LocalDate = '2026-11-20';

type Row = [code: string, name: string, type: SchoolType, zone: string, profile?: Profile];
const schools = (rows: Row[]): SchoolDef[] => rows.map(([code, name, type, zone, profile]) => ({ code, name, type, zone, profile: profile ?? 'good' }));

export const DISTRICTS: readonly DistrictDef[] = [
  {
    code: 'dongcheng',
    name: '东城区',
    issuingBody: '东城区教育局　东城区教育工会',
    noticeContact: '东城区教育局督导室，电话 010-6401 2345（工作日 8:30–17:00），地址 东城区和平路 12 号 305 室',
    zones: [
      { code: 'east', name: '城东片区' },
      { code: 'west', name: '城西片区' },
      { code: 'north', name: '城北片区' },
    ],
    people: { admin: '周建华', eval: '郑文静', evalZ1: '孙立新', leader: '王志刚' },
    schools: schools([
      ['dc01', '东城区实验小学', 'primary', 'east', 'exemplary'],
      ['dc02', '东城区第二中学', 'senior', 'east', 'exemplary'],
      ['dc03', '东城区育才小学', 'primary', 'east'],
      ['dc04', '东城区第五中学', 'junior', 'east'],
      ['dc05', '东城区景山学校', 'nineYear', 'east', 'exemplary'],
      ['dc06', '东城区光明小学', 'primary', 'east'],
      ['dc07', '东城区和平里小学', 'primary', 'east'],
      ['dc08', '东城区第七中学', 'junior', 'east', 'late'],
      ['dc09', '东城区第一中学', 'senior', 'west'],
      ['dc10', '东城区新华路小学', 'primary', 'west'],
      ['dc11', '东城区东风小学', 'primary', 'west', 'missing'],
      ['dc12', '东城区育英中学', 'junior', 'west'],
      ['dc13', '东城区培新学校', 'nineYear', 'west'],
      ['dc14', '东城区红旗小学', 'primary', 'west', 'late'],
      ['dc15', '东城区第十一中学', 'senior', 'west'],
      ['dc16', '东城区春晓小学', 'primary', 'west'],
      ['dc17', '东城区第九中学', 'junior', 'north', 'noCongress'],
      ['dc18', '东城区朝阳小学', 'primary', 'north'],
      ['dc19', '东城区青年路小学', 'primary', 'north', 'missing'],
      ['dc20', '东城区民族学校', 'nineYear', 'north'],
      ['dc21', '东城区实验中学', 'junior', 'north', 'late'],
      ['dc22', '东城区滨河小学', 'primary', 'north'],
      ['dc23', '东城区第四中学', 'senior', 'north'],
      ['dc24', '东城区城北小学', 'primary', 'north'],
      ['dc25', '东城区东湖中学', 'junior', 'north'],
      ['dc26', '东城区城北高级中学', 'senior', 'north'],
    ]),
  },
  {
    code: 'xishan',
    name: '西山县',
    issuingBody: '西山县教育局　西山县教育工会',
    noticeContact: '西山县教育局督导评估股，电话 0571-8812 3456（工作日），地址 西山县城关镇人民路 8 号',
    zones: [
      { code: 'chengguan', name: '城关片区' },
      { code: 'shanqu', name: '山区片区' },
    ],
    people: { admin: '刘国庆', eval: '陈秀兰', evalZ1: '马红梅', leader: '赵德明' },
    schools: schools([
      ['xs01', '西山县实验小学', 'primary', 'chengguan', 'exemplary'],
      ['xs02', '西山县第一中学', 'senior', 'chengguan'],
      ['xs03', '西山县城关镇中心小学', 'primary', 'chengguan'],
      ['xs04', '西山县城关中学', 'junior', 'chengguan', 'exemplary'],
      ['xs05', '西山县城关镇第二小学', 'primary', 'chengguan'],
      ['xs06', '西山县第二中学', 'senior', 'chengguan', 'veto'],
      ['xs07', '西山县民族小学', 'primary', 'chengguan'],
      ['xs08', '西山县实验中学', 'junior', 'chengguan'],
      ['xs09', '西山县石门九年一贯制学校', 'nineYear', 'chengguan', 'late'],
      ['xs10', '西山县城关镇第三小学', 'primary', 'chengguan'],
      ['xs11', '西山县民族中学', 'senior', 'chengguan'],
      ['xs12', '西山县青石镇中心小学', 'primary', 'shanqu'],
      ['xs13', '西山县青石镇初级中学', 'junior', 'shanqu', 'missing'],
      ['xs14', '西山县柳河乡中心小学', 'primary', 'shanqu'],
      ['xs15', '西山县柳河中学', 'junior', 'shanqu'],
      ['xs16', '西山县龙潭镇中心小学', 'primary', 'shanqu', 'late'],
      ['xs17', '西山县龙潭镇初级中学', 'junior', 'shanqu'],
      ['xs18', '西山县白云乡九年一贯制学校', 'nineYear', 'shanqu'],
      ['xs19', '西山县桃源镇中心小学', 'primary', 'shanqu'],
      ['xs20', '西山县桃源中学', 'junior', 'shanqu', 'missing'],
      ['xs21', '西山县马场乡九年一贯制学校', 'nineYear', 'shanqu'],
      ['xs22', '西山县马场乡小学', 'primary', 'shanqu'],
      ['xs23', '西山县高峰九年一贯制学校', 'nineYear', 'shanqu', 'missing'],
      ['xs24', '西山县白云乡中心小学', 'primary', 'shanqu'],
    ]),
  },
];

/** Public holidays (days off) per year, for the working-day calendar of the 公示 period. */
const HOLIDAY_RANGES: Record<number, [name: string, from: string, to: string][]> = {
  2024: [
    ['元旦', '01-01', '01-01'],
    ['春节', '02-10', '02-17'],
    ['清明节', '04-04', '04-06'],
    ['劳动节', '05-01', '05-05'],
    ['端午节', '06-10', '06-10'],
    ['中秋节', '09-15', '09-17'],
    ['国庆节', '10-01', '10-07'],
  ],
  2025: [
    ['元旦', '01-01', '01-01'],
    ['春节', '01-28', '02-04'],
    ['清明节', '04-04', '04-06'],
    ['劳动节', '05-01', '05-05'],
    ['端午节', '05-31', '06-02'],
    ['国庆节、中秋节', '10-01', '10-08'],
  ],
  2026: [
    ['元旦', '01-01', '01-03'],
    ['春节', '02-15', '02-23'],
    ['清明节', '04-04', '04-06'],
    ['劳动节', '05-01', '05-05'],
    ['端午节', '06-19', '06-21'],
    ['中秋节', '09-25', '09-27'],
    ['国庆节', '10-01', '10-07'],
  ],
};

export function holidaysOf(year: number): { day: LocalDate; name: string }[] {
  const out: { day: LocalDate; name: string }[] = [];
  for (const [name, from, to] of HOLIDAY_RANGES[year] ?? []) {
    const [m, d1] = from.split('-').map(Number);
    const d2 = Number(to.split('-')[1]);
    for (let d = d1; d <= d2; d++) out.push({ day: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, name });
  }
  return out;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '晓燕',
  '建国',
  '丽华',
  '志强',
  '海燕',
  '文博',
  '春梅',
  '立军',
  '秀英',
  '国华',
  '红霞',
  '卫东',
  '静怡',
  '明辉',
  '玉兰',
  '振宇',
  '桂芳',
  '永生',
  '雪梅',
  '俊杰',
  '淑珍',
  '宏伟',
  '美玲',
  '德胜',
  '佳琪',
  '子豪',
  '慧敏',
  '学文',
  '亚楠',
  '鹏飞',
];

/** A deterministic Chinese name for the coordinator of school number `n` of a district. */
export function coordinatorName(districtIndex: number, n: number): string {
  const i = districtIndex * 31 + n * 7;
  return SURNAMES[i % SURNAMES.length] + GIVEN[(n * 11 + districtIndex * 5) % GIVEN.length];
}

export interface DemoLogin {
  username: string;
  role: Role;
  /** District code, null for the platform admin. */
  district: string | null;
  /** School code, for coordinators. */
  school?: string;
  /** Evaluators limited to zones: the zone codes. */
  zones?: string[];
  displayName: string;
}

/** Every demo account (all share DEMO_PASSWORD). */
export function demoLogins(): DemoLogin[] {
  const out: DemoLogin[] = [{ username: 'platform', role: 'platformAdmin', district: null, displayName: '平台管理员' }];
  DISTRICTS.forEach((d, di) => {
    out.push(
      { username: `${d.code}.admin`, role: 'districtAdmin', district: d.code, displayName: d.people.admin },
      { username: `${d.code}.eval`, role: 'evaluator', district: d.code, displayName: d.people.eval },
      { username: `${d.code}.eval.z1`, role: 'evaluator', district: d.code, zones: [d.zones[0].code], displayName: d.people.evalZ1 },
      { username: `${d.code}.leader`, role: 'leader', district: d.code, displayName: d.people.leader },
    );
    d.schools.forEach((s, si) => out.push({ username: `${d.code}.${s.code}`, role: 'coordinator', district: d.code, school: s.code, displayName: coordinatorName(di, si + 1) }));
  });
  return out;
}
