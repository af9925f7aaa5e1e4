// Benchmark (issue 4, not a timed test): server-side time of the review queue and the year's
// coverage matrix on the demo seed and on a generated district of 500 schools, in a temporary
// PGlite — and in a temporary database on PostgreSQL when DATABASE_URL is set. Prints p50/p95.
//   npm run bench                      (PGlite only)
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SCHOOLS=1000 BENCH_RUNS=50 npm run bench
// Province scale (issue 8): when DATABASE_URL points at a database filled by `npm run seed:scale`
// (recognised by its marker row; BENCH_SCALE=1 insists on it), the benchmark runs against that
// database instead — see scaleBench() below and docs/BENCHMARKS.md.
// Light pages (issue 15): BENCH_PAGES=1 also prints the HTML bytes of the matrix and the queues of a
// 300-school district on the production build (pageBytesBench() below, scripts/page-bytes.ts).
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';

process.env.SUNLIGHT_NOW ??= '2026-11-23T10:00:00+08:00';
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

interface Row {
  db: string;
  dataset: string;
  fn: string;
  rows: number;
  p50: number;
  p95: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function measure(fn: () => Promise<number>, before?: () => void, runs = RUNS): Promise<{ rows: number; p50: number; p95: number; max: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { rows, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1]! };
}

async function runOn(kind: 'pglite' | 'postgres'): Promise<Row[]> {
  const { freshTestDatabase } = await import('@/db/testing');
  if (kind === 'postgres') {
    process.env.SUNLIGHT_TEST_DB = 'postgres';
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  } else {
    delete process.env.SUNLIGHT_TEST_DB;
  }
  const fresh = await freshTestDatabase();
  const out: Row[] = [];
  try {
    const client = await import('@/db/client');
    const schema = await import('@/db/schema');
    const { loadScope } = await import('@/core/auth/users');
    const { reviewQueue } = await import('@/modules/reports/data/review');
    const { coverageMatrix } = await import('@/modules/dashboard/data/matrix');
    const clearSchoolTableCache = () => {};
    const { seedDemo } = await import('@/seed/demo');
    const { seedSynthetic } = await import('@/seed/synthetic');
    const db = await client.getDb();
    let t = Date.now();
    await seedDemo(db);
    console.error(`[${kind}] demo seeded in ${Date.now() - t} ms`);
    t = Date.now();
    const synth = await seedSynthetic(db, { schools: SCHOOLS });
    console.error(`[${kind}] ${SCHOOLS}-school district generated in ${Date.now() - t} ms (${synth.counts.disclosures} disclosures, ${synth.counts.declared_events} events)`);
    const scopeOf = async (username: string) => {
      const [u] = await client.withSystem((d) => d.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)));
      const s = await loadScope(u!.id);
      if (!s) throw new Error(`no scope for ${username}`);
      return s;
    };
    for (const [dataset, username] of [
      ['demo (东城区, 26 schools)', 'dongcheng.eval'],
      [`synthetic (${SCHOOLS} schools)`, synth.evaluatorUsername],
    ] as const) {
      const scope = await scopeOf(username);
      const cases: [string, () => Promise<number>][] = [
        ['reviewQueue 2026 Q4', async () => (await reviewQueue(scope, { year: 2026, quarter: 4 })).rows.length],
        ['reviewQueue 2026 Q3', async () => (await reviewQueue(scope, { year: 2026, quarter: 3 })).rows.length],
        ['coverageMatrix 2026 (year)', async () => (await coverageMatrix(scope, { year: 2026, quarter: null })).rows.length],
      ];
      for (const [fn, run] of cases) {
        // Steady state: the cache holds while nothing changed (see modules/dashboard/data/school-table-cache.ts).
        out.push({ db: kind, dataset, fn, ...(await measure(run)) });
        // Cold: right after a change (every run recomputes everything from the database).
        out.push({ db: kind, dataset, fn: `${fn} — cold`, ...(await measure(run, clearSchoolTableCache, Math.min(RUNS, 10))) });
      }
    }
  } finally {
    await fresh.cleanup();
  }
  return out;
}

async function main(): Promise<void> {
  if (process.env.BENCH_PAGES === '1') await pageBytesBench();
  const rows: Row[] = [];
  const pgUrl = process.env.DATABASE_URL;
  if (pgUrl && (process.env.BENCH_SCALE === '1' || (await isScaleDatabase(pgUrl)))) {
    await scaleBench(pgUrl);
    return;
  }
  rows.push(...(await runOn('pglite')));
  if (pgUrl) {
    process.env.DATABASE_URL = pgUrl;
    rows.push(...(await runOn('postgres')));
  }
  console.log(`\nServer-side time of the data functions (${RUNS} runs after ${WARMUP} warm-up; ms)\n`);
  console.log(['db', 'dataset', 'function', 'schools', 'p50', 'p95', 'max'].join('\t'));
  for (const r of rows) console.log([r.db, r.dataset, r.fn, r.rows, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1)].join('\t'));
  const slow = rows.filter((r) => r.p95 > 100 && !r.fn.endsWith('cold'));
  console.log(slow.length ? `\n${slow.length} steady-state case(s) above the 100 ms p95 target.` : '\nAll steady-state cases within the 100 ms p95 target (cold = first read after a change).');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

// ---------------------------------------------------------------------------------------------
// Province scale (issue 8): a database seeded by `npm run seed:scale`.

interface ScaleRow {
  target: string;
  case: string;
  variant: string;
  runs: number;
  size: string;
  p50: number;
  p95: number;
  max: number;
}

interface ScaleMarker {
  schools: number;
  years: number[];
  districts: number;
  benchDistrict: string;
  asOf: string;
}

async function readMarker(url: string): Promise<ScaleMarker | null> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ after: ScaleMarker }[]>`
      select after from audit_log where entity = 'system' and entity_id = 'scale-seed' and action = 'seed' order by id desc limit 1`;
    return rows[0]?.after ?? null;
  } catch {
    return null; // not migrated (no audit_log): not a scale database
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function isScaleDatabase(url: string): Promise<boolean> {
  return (await readMarker(url)) !== null;
}

async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number, before?: () => unknown): Promise<{ p50: number; p95: number; max: number; times: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1]!, times };
}

/**
 * Bare SQL of a district-year (or of every district when `districtId` is null): the aggregates
 * behind the ranking and the dashboard, computed in one statement as the superuser (no RLS):
 * per school the obligations disclosed (earliest accepted disclosure per item and period, any
 * rejection), the declared events, the reports submitted / on time and the mean approved score,
 * the overall-question survey figures per group, and the year's findings. What it cannot do is
 * what lib/domain does in the app: expand the checklist into obligations and judge each one.
 */
function bareYearSql(sql: import('postgres').Sql, districtId: string | null, year: number) {
  const d = (col: string) => (districtId ? sql`and ${sql.unsafe(col)} = ${districtId}` : sql``);
  return sql`
    with facts as (
      select d.school_id, d.item_code, d.period_key, d.quarter,
             min(d.disclosed_on) filter (where r.disclosure_id is null) as first_ok,
             bool_or(r.disclosure_id is not null) as any_rejected
      from disclosures d
      left join (select distinct disclosure_id from disclosure_rejections where withdrawn_at is null ${d('district_id')}) r on r.disclosure_id = d.id
      where d.year = ${year} and d.deleted_at is null ${d('d.district_id')}
      group by 1, 2, 3, 4
    ), obl as (
      select school_id, count(*) filter (where first_ok is not null) as met, count(*) filter (where any_rejected) as rejected,
             jsonb_object_agg(item_code || '|' || period_key, first_ok) as first_ok
      from facts group by school_id
    ), ev as (
      select school_id, count(*) as events from declared_events
      where year = ${year} and deleted_at is null ${d('district_id')} group by school_id
    ), rep as (
      select q.school_id, count(q.submitted_at) as submitted,
             count(*) filter (where q.submitted_at < ((make_date(q.year, q.quarter * 3, 1) + interval '1 month')::date + st.report_due_days) at time zone 'Asia/Shanghai') as on_time,
             avg(e.attention + e.content + e.form + e.procedure + e.rules) filter (where q.state = 'approved') as score
      from quarterly_reports q
      join district_settings st on st.district_id = q.district_id and st.year = q.year
      left join evaluations e on e.report_id = q.id
      where q.year = ${year} ${d('q.district_id')}
      group by q.school_id
    ), sv as materialized (
      select sv.id, sv."group", qq.id as question_id
      from surveys sv join survey_questions qq on qq.survey_id = sv.id and qq.is_overall
      where sv.year = ${year} ${d('sv.district_id')}
    ), sa as materialized (
      select a.response_id, a.value from survey_answers a where a.question_id in (select question_id from sv) ${d('a.district_id')}
    ), sr as materialized (
      select r.id, r.school_id, sv."group" from survey_responses r join sv on sv.id = r.survey_id where true ${d('r.district_id')}
    ), sat as (
      -- Same shape as the app (ranking-facts.ts): from the overall questions, answers joined to
      -- the surveys' responses by hash (index survey_answers_question, migration 0003).
      select school_id, jsonb_object_agg("group", jsonb_build_array(n, satisfied, total)) as groups from (
        select sr.school_id, sr."group", count(*) as n, count(*) filter (where sa.value >= 4) as satisfied, sum(sa.value) as total
        from sa join sr on sr.id = sa.response_id
        group by 1, 2) g
      group by school_id
    ), fin as (
      select school_id, count(*) filter (where status <> 'closed') as open_findings, count(*) as findings
      from findings where year = ${year} ${d('district_id')} group by school_id
    )
    select sc.id, sc.code, sc.type, sc.zone_id, obl.met, obl.rejected, obl.first_ok, ev.events, rep.submitted, rep.on_time, rep.score,
           sat.groups, fin.open_findings, fin.findings
    from schools sc
    left join obl on obl.school_id = sc.id
    left join ev on ev.school_id = sc.id
    left join rep on rep.school_id = sc.id
    left join sat on sat.school_id = sc.id
    left join fin on fin.school_id = sc.id
    where sc.active ${d('sc.district_id')}
    order by sc.district_id, sc.code`;
}

/**
 * Bare SQL on the fact store of a district-year (or of every district when `districtId` is
 * null), as the superuser (no RLS): per school its quarters' sums and reports, its year facts.
 */
function bareFactYearSql(sql: import('postgres').Sql, districtId: string | null, year: number) {
  const d = (col: string) => (districtId ? sql`and ${sql.unsafe(col)} = ${districtId}` : sql``);
  return sql`
    with p as (
      select school_id, jsonb_agg(jsonb_build_array(quarter, obligations, weight_total, weight_met, weight_on_time, report_state, submitted_at, score)) as periods
      from school_period_facts where year = ${year} ${d('district_id')} group by school_id
    ), due as (
      select school_id, sum(weight) filter (where deadline < current_date) as w_due, count(*) filter (where deadline >= current_date) as not_yet_due
      from obligation_facts where year = ${year} ${d('district_id')} group by school_id
    )
    select sc.id, sc.code, sc.type, sc.zone_id, p.periods, due.w_due, due.not_yet_due, y.congress_met, y.findings,
           y.teachers_n, y.teachers_satisfied, y.teachers_sum, y.parents_n, y.parents_satisfied, y.parents_sum
    from schools sc
    left join p on p.school_id = sc.id
    left join due on due.school_id = sc.id
    left join school_year_facts y on y.district_id = sc.district_id and y.year = ${year} and y.school_id = sc.id
    where sc.active ${d('sc.district_id')}
    order by sc.district_id, sc.code`;
}

/** Bare SQL on the fact store of the coverage matrix: per school and item its obligations. */
function bareFactMatrixSql(sql: import('postgres').Sql, districtId: string, year: number, quarter: number | null) {
  return sql`
    with cells as (
      select school_id, jsonb_object_agg(item_code, obl) as cells from (
        select school_id, item_code, jsonb_agg(jsonb_build_array(period_key, deadline, met, on_time, weight)) as obl
        from obligation_facts where district_id = ${districtId} and year = ${year} ${quarter ? sql`and quarter = ${quarter}` : sql``}
        group by 1, 2) c
      group by school_id
    ), rep as (
      select school_id, jsonb_agg(jsonb_build_array(quarter, report_state, submitted_at, score)) as reports
      from school_period_facts where district_id = ${districtId} and year = ${year} ${quarter ? sql`and quarter = ${quarter}` : sql``}
      group by school_id
    )
    select sc.id, sc.code, sc.name, sc.zone_id, cells.cells, rep.reports
    from schools sc left join cells on cells.school_id = sc.id left join rep on rep.school_id = sc.id
    where sc.district_id = ${districtId} and sc.active
    order by sc.code`;
}

async function scaleBench(url: string): Promise<void> {
  const marker = await readMarker(url);
  if (!marker) throw new Error('BENCH_SCALE=1 but the database holds no seed:scale marker: run `npm run seed:scale` first');
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const provinceRuns = Number(process.env.BENCH_PROVINCE_RUNS ?? 5);
  const reportRuns = Number(process.env.BENCH_REPORT_RUNS ?? 20);
  const year = Number((process.env.SUNLIGHT_NOW ?? '').slice(0, 4)) || marker.years[marker.years.length - 1]!;
  process.env.SUNLIGHT_DB_POOL ??= '4';
  const client = await import('@/db/client');
  const schema = await import('@/db/schema');
  const { loadScope } = await import('@/core/auth/users');
  const { leaderDashboard } = await import('@/modules/dashboard/data/dashboard');
  const { coverageMatrix } = await import('@/modules/dashboard/data/matrix');
  const { provinceRanking } = await import('@/modules/ranking/data/province');
  const { coordinatorReport, submitQuarterReport } = await import('@/modules/reports/data/school-report');
  const { createDisclosure } = await import('@/modules/disclosures/data/disclosures');
  const { reviewQueue } = await import('@/modules/reports/data/review');
  const { rankingView } = await import('@/modules/ranking/data/view');
  const { apiSchoolMetrics } = await import('@/modules/api/data/api');
  const { currentQuarter, previousQuarter } = await import('@/core/domain/periods');
  const { submissionOpensOn } = await import('@/modules/reports/domain/workflow');
  const { now } = await import('@/core/env');
  const os = await import('node:os');
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`machine: ${os.cpus().length} cores; load average (1, 5, 15 min) at the start: ${load()}`);
  const { default: postgres } = await import('postgres');
  const bare = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'sunlight-bench-bare' } });
  const out: ScaleRow[] = [];
  const ratios: { case: string; app: number; bare: number }[] = [];
  try {
    const [{ n: schools }] = await bare<{ n: number }[]>`select count(*)::int as n from schools`;
    const [{ n: districtCount }] = await bare<{ n: number }[]>`select count(*)::int as n from districts`;
    const code = marker.benchDistrict;
    const [district] = await bare<{ id: string; n: number }[]>`
      select d.id, (select count(*)::int from schools s where s.district_id = d.id) as n from districts d where d.code = ${code}`;
    if (!district) throw new Error(`district ${code} not found`);
    const scopeOf = async (username: string) => {
      const [u] = await client.withSystem((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)));
      const sc = u ? await loadScope(u.id) : null;
      if (!sc) throw new Error(`no user ${username}`);
      return sc;
    };
    const leader = await scopeOf(`${code}.leader`);
    const evaluator = await scopeOf(`${code}.eval`);
    const [pa] = await bare<{ username: string }[]>`select username from users where role = 'platformAdmin' and not disabled order by username limit 1`;
    const platform = await scopeOf(pa!.username);
    // Records one disclosure at a time in the district through the app, for the next open
    // obligation of some coordinator of the district (see "first read after a change" below).
    const disclosureWriter = async (districtCode: string) => {
      const coordinators = await bare<{ username: string }[]>`
        select u.username from users u join schools s on s.id = u.school_id join districts d on d.id = s.district_id and d.code = ${districtCode}
        where u.role = 'coordinator' and not u.disabled order by s.code desc`;
      const day = now().toISOString().slice(0, 10);
      let written = 0;
      let queue: { scope: Awaited<ReturnType<typeof scopeOf>>; itemCode: string; periodKey: string }[] = [];
      return {
        written: () => written,
        async next(): Promise<void> {
          for (;;) {
            while (queue.length === 0) {
              const c = coordinators.shift();
              if (!c) throw new Error(`no open obligation left in ${districtCode} to write`);
              const scope = await scopeOf(c.username);
              const view = await coordinatorReport(scope, currentQuarter(now()));
              queue = [...view.gaps, ...view.optional].map((g) => ({ scope, itemCode: g.itemCode, periodKey: g.periodKey }));
            }
            const g = queue.shift()!;
            const r = await createDisclosure(g.scope, {
              id: crypto.randomUUID(),
              itemCode: g.itemCode,
              periodKey: g.periodKey,
              values: { disclosedOn: day, channels: ['noticeBoard'], audience: 'both', summary: '按规定公开（基准测试）', plannedOn: day, procurementAmount: '5000', procurementMethod: '集体采购' },
            });
            if (r.ok) {
              written++;
              return;
            }
          }
        },
      };
    };
    console.error(`[scale] ${schools} schools in ${districtCount} districts; bench district ${code} (${district.n} schools); year ${year}; ${runs} runs`);
    console.error(`[scale] pool SUNLIGHT_DB_POOL=${process.env.SUNLIGHT_DB_POOL}; province concurrency ${process.env.SUNLIGHT_PROVINCE_CONCURRENCY ?? 'default (pool − 2, 1–4)'}`);

    const add = (c: string, variant: string, n: number, size: string, r: { p50: number; p95: number; max: number }, target = '') => {
      out.push({ case: c, variant, runs: n, size, p50: r.p50, p95: r.p95, max: r.max, target });
      // Each figure as soon as it is measured, with the load beside it (a later failure loses none).
      console.error(`[scale] ${c} — ${variant}: p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} ms (load ${load()})`);
    };

    // "First read after a change": before each timed read, one disclosure is recorded in the bench
    // district through the app (createDisclosure: the row, its audit row and the fact update in one
    // transaction), untimed. With the fact store there is no cache to invalidate: the read after a
    // write reads the updated store, so "first read" and "steady" differ only by PostgreSQL's buffers.
    const writer = await disclosureWriter(code);
    const afterWrite = () => writer.next();
    const q0 = currentQuarter(now());
    const coldRuns = Math.min(runs, 15);

    // BENCH_CASES=a,f (letters): only those cases (default: all).
    const cases = new Set((process.env.BENCH_CASES ?? 'a,b,c,d,e,f').split(',').map((x) => x.trim()));
    let dashSchools = 0;
    let dashBareP50 = Number.NaN;

    if (cases.has('a')) {
      // (a) the leader dashboard (/overview data function).
      const dashCold = await timeRuns(async () => (dashSchools = (await leaderDashboard(leader, year)).schools), coldRuns, 1, afterWrite);
      add('a. district overview (leaderDashboard)', 'app, first read after a write', coldRuns, `${dashSchools} schools`, dashCold, '≤ 50 (fn), ≤ 100 (page)');
      const dash = await timeRuns(() => leaderDashboard(leader, year), runs, 3);
      add('a. district overview (leaderDashboard)', 'app, steady', runs, `${dashSchools} schools`, dash);
      const dashBare = await timeRuns(
        async () => {
          await bareFactYearSql(bare, district.id, year);
          await bareFactYearSql(bare, district.id, year - 1);
        },
        runs,
        3,
      );
      add('a. district overview', 'bare SQL on the fact store', runs, `${dashSchools} schools`, dashBare);
      const dashRaw = await timeRuns(() => bareYearSql(bare, district.id, year), Math.min(runs, 10), 1);
      add('a. district overview', 'bare SQL on the raw rows (one year, no expansion)', Math.min(runs, 10), `${dashSchools} schools`, dashRaw);
      dashBareP50 = dashBare.p50;
      ratios.push({ case: 'a. district overview, after write', app: dashCold.p50, bare: dashBare.p50 });
    }

    if (cases.has('b')) {
      // (b) the coverage matrix of the district: the quarter and the year.
      let matrixRows = 0;
      for (const [label, period, target] of [
        ['quarter', { year: q0.year, quarter: q0.quarter }, '≤ 100 (page)'],
        ['year', { year, quarter: null }, '≤ 150 (page)'],
      ] as const) {
        const matCold = await timeRuns(async () => (matrixRows = (await coverageMatrix(evaluator, period)).rows.length), coldRuns, 1, afterWrite);
        add(`b. coverage matrix (${label})`, 'app, first read after a write', coldRuns, `${matrixRows} schools`, matCold, target);
        const mat = await timeRuns(() => coverageMatrix(evaluator, period), runs, 3);
        add(`b. coverage matrix (${label})`, 'app, steady', runs, `${matrixRows} schools`, mat);
        const matBare = await timeRuns(() => bareFactMatrixSql(bare, district.id, period.year, period.quarter), runs, 3);
        add(`b. coverage matrix (${label})`, 'bare SQL on the fact store', runs, `${matrixRows} schools`, matBare);
        ratios.push({ case: `b. matrix ${label}, after write`, app: matCold.p50, bare: matBare.p50 });
      }
    }

    if (cases.has('c')) {
      // (c) the review queue (quarter) and the API's school metrics (year).
      let queueRows = 0;
      const queueCold = await timeRuns(async () => (queueRows = (await reviewQueue(evaluator, { year: q0.year, quarter: q0.quarter })).rows.length), coldRuns, 1, afterWrite);
      add('c. review queue (quarter)', 'app, first read after a write', coldRuns, `${queueRows} schools`, queueCold, '≤ 80 (page)');
      const queue = await timeRuns(() => reviewQueue(evaluator, { year: q0.year, quarter: q0.quarter }), runs, 3);
      add('c. review queue (quarter)', 'app, steady', runs, `${queueRows} schools`, queue);
      const apiCold = await timeRuns(() => apiSchoolMetrics(evaluator, year - 1, null), coldRuns, 1, afterWrite);
      add(`c. /api/v1/metrics/schools?year=${year - 1}`, 'app, first read after a write', coldRuns, `${queueRows} schools`, apiCold, '≤ 30');
      const api = await timeRuns(() => apiSchoolMetrics(evaluator, year - 1, null), runs, 3);
      add(`c. /api/v1/metrics/schools?year=${year - 1}`, 'app, steady', runs, `${queueRows} schools`, api);
      const apiBare = await timeRuns(() => bareFactYearSql(bare, district.id, year - 1), runs, 3);
      add(`c. /api/v1/metrics/schools?year=${year - 1}`, 'bare SQL on the fact store', runs, `${queueRows} schools`, apiBare);
      ratios.push({ case: 'c. API school metrics, after write', app: apiCold.p50, bare: apiBare.p50 });
    }

    if (cases.has('d')) {
      // (d) the district ranking (live, with rank changes), last year and this year.
      const rankCold = await timeRuns(() => rankingView(evaluator, year, { live: true, compare: true }), coldRuns, 1, afterWrite);
      add('d. district ranking (rankingView, live)', 'app, first read after a write', coldRuns, `${dashSchools} schools`, rankCold, '≤ 100 (page)');
      const rank = await timeRuns(() => rankingView(evaluator, year, { live: true, compare: true }), runs, 3);
      add('d. district ranking (rankingView, live)', 'app, steady', runs, `${dashSchools} schools`, rank);
      ratios.push({ case: 'd. district ranking, after write', app: rankCold.p50, bare: dashBareP50 });
    }

    if (cases.has('e')) {
      // (e) every district's ranking (platform admin): the first look (nothing in any cache of this
      // process for the year) after a write, and again.
      let ranked = 0;
      const prov = await timeRuns(async () => (ranked = (await provinceRanking(platform, year)).schools), provinceRuns, 0, afterWrite);
      add('e. province ranking (provinceRanking)', 'app, after a write', provinceRuns, `${ranked} schools`, prov, '≤ 1 500, aim 300');
      const provSteady = await timeRuns(() => provinceRanking(platform, year), provinceRuns, 1);
      add('e. province ranking (provinceRanking)', 'app, steady', provinceRuns, `${ranked} schools`, provSteady);
      const provBare = await timeRuns(() => bareFactYearSql(bare, null, year), provinceRuns, 1);
      add('e. province ranking', 'bare SQL on the fact store', provinceRuns, `${ranked} schools`, provBare);
      ratios.push({ case: 'e. province ranking', app: prov.p50, bare: provBare.p50 });
    }

    console.error(`[scale] ${writer.written()} disclosures written by the "after a write" cases`);

    if (cases.has('f')) {
      // (f) a coordinator records a disclosure for every open obligation of the current quarter (open
      // for entry), then submits a quarterly report: the current quarter's once its submission has
      // opened (§3: the day after it ends), else the previous quarter's while the district has draft
      // reports of it left (a past quarter is closed for new disclosures, not for its report).
      const day = now().toISOString().slice(0, 10);
      const reportDistrict = process.env.BENCH_REPORT_DISTRICT ?? (districtCount > 1 ? 'p002' : code);
      const draftsOf = (qq: { year: number; quarter: number }) => bare<{ username: string }[]>`
        select u.username from users u
        join schools s on s.id = u.school_id
        join districts d on d.id = s.district_id and d.code = ${reportDistrict}
        left join quarterly_reports r on r.school_id = s.id and r.year = ${qq.year} and r.quarter = ${qq.quarter}
        where u.role = 'coordinator' and coalesce(r.state, 'draft') = 'draft' and r.submitted_at is null
        order by s.code limit ${reportRuns}`;
      const q = currentQuarter(now());
      let qs = q;
      let candidates = await draftsOf(q);
      if (day < submissionOpensOn(q)) {
        const prev = previousQuarter(q) as typeof q;
        const older = await draftsOf(prev);
        if (older.length) [qs, candidates] = [prev, older];
      }
      console.error(`[scale] report save: ${reportDistrict}, disclosures ${q.year}Q${q.quarter}, submission ${qs.year}Q${qs.quarter}, ${candidates.length} coordinators`);
      let notYet = 0;
      const perDisclosure: number[] = [];
      const perSubmit: number[] = [];
      const perReport: number[] = [];
      const perReportBare: number[] = [];
      const perDisclosureBare: number[] = [];
      const perSubmitBare: number[] = [];
      let disclosed = 0;
      let refused = 0;
      for (const [i, c] of candidates.entries()) {
        const scope = await scopeOf(c.username);
        const view = await coordinatorReport(scope, q);
        const todo = [...view.gaps, ...view.optional];
        const t0 = performance.now();
        let saved = 0;
        for (const g of todo) {
          const t = performance.now();
          const r = await createDisclosure(scope, {
            id: crypto.randomUUID(),
            itemCode: g.itemCode,
            periodKey: g.periodKey,
            values: {
              disclosedOn: day,
              channels: ['noticeBoard'],
              audience: 'both',
              summary: `${g.name}：按规定公开（基准测试）`,
              plannedOn: day,
              procurementAmount: '5000',
              procurementMethod: '集体采购',
            },
          });
          perDisclosure.push(performance.now() - t);
          if (r.ok) saved++;
          else refused++;
        }
        const toSubmit = qs === q ? view : await coordinatorReport(scope, qs);
        const ts = performance.now();
        const res = await submitQuarterReport(scope, { year: qs.year, quarter: qs.quarter, version: toSubmit.report?.version ?? 0, confirmGaps: true });
        const te = performance.now();
        if (!res.ok && res.kind === 'notYet') notYet++;
        else if (!res.ok) throw new Error(`submit failed for ${c.username}: ${JSON.stringify(res)}`);
        else perSubmit.push(te - ts);
        perReport.push(te - t0);
        disclosed += saved;
        // Bare SQL of the same writes, request by request as the coordinator makes them (one
        // transaction per disclosure, one for the submission — no requests merged): the disclosure
        // row with its audit row; then the report update, its transition and audit row. Rolled back.
        const [sc] = await bare<{ school_id: string; district_id: string; id: string }[]>`
          select u.school_id, u.district_id, u.id from users u where u.username = ${c.username}`;
        const rolledBack = (e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        };
        const tb = performance.now();
        for (const g of todo.slice(0, saved)) {
          const t = performance.now();
          await bare
            .begin(async (tx) => {
              await tx`insert into disclosures (district_id, school_id, item_code, period_key, year, quarter, disclosed_on, channels, audience, summary, created_by)
                       values (${sc!.district_id}, ${sc!.school_id}, ${g.itemCode}, ${g.periodKey + ':bare'}, ${q.year}, ${q.quarter}, ${day}, ${'{noticeBoard}'}, 'both', 'bare', ${sc!.id})`;
              await tx`insert into audit_log (district_id, actor_id, actor_role, entity, entity_id, action, after) values (${sc!.district_id}, ${sc!.id}, 'coordinator', 'disclosure', 'bare', 'create', ${tx.json({ itemCode: g.itemCode })})`;
              throw new Rollback();
            })
            .catch(rolledBack);
          perDisclosureBare.push(performance.now() - t);
        }
        const tsb = performance.now();
        await bare
          .begin(async (tx) => {
            const [r] = await tx<{ id: string; version: number }[]>`
              update quarterly_reports set version = version + 1, updated_at = now() where school_id = ${sc!.school_id} and year = ${qs.year} and quarter = ${qs.quarter} returning id, version`;
            if (!r) throw new Rollback(); // no report row (its submission was refused)
            await tx`insert into report_transitions (district_id, report_id, from_state, to_state, actor_id) values (${sc!.district_id}, ${r!.id}, 'submitted', 'submitted', ${sc!.id})`;
            await tx`insert into audit_log (district_id, actor_id, actor_role, entity, entity_id, action) values (${sc!.district_id}, ${sc!.id}, 'coordinator', 'quarterly_report', ${r!.id}, 'submit')`;
            throw new Rollback();
          })
          .catch(rolledBack);
        const teb = performance.now();
        perSubmitBare.push(teb - tsb);
        perReportBare.push(teb - tb);
        if (i === 0) console.error(`[scale] report save: ${todo.length} open obligations, ${saved} disclosed (the rest not disclosable yet), submitted`);
      }
      const stats = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] ?? 0 };
      };
      if (candidates.length) {
        // Each disclosure and the submission is its own request (and transaction): the request
        // figures are per request; the full report is the sum of one coordinator's requests.
        add('f. one disclosure (createDisclosure), per request', 'app', perDisclosure.length, `${reportDistrict}`, stats(perDisclosure), '≤ 50 incl. facts');
        add('f. one disclosure, per request', 'bare SQL', perDisclosureBare.length, `${reportDistrict}`, stats(perDisclosureBare));
        if (perSubmit.length) add('f. report submission (submitQuarterReport), per request', 'app', perSubmit.length, `${reportDistrict}`, stats(perSubmit), '≤ 50 incl. facts');
        add('f. report submission, per request', 'bare SQL', perSubmitBare.length, `${reportDistrict}`, stats(perSubmitBare));
        add('f. full quarterly report (sum of its requests)', 'app', perReport.length, `${(disclosed / candidates.length).toFixed(1)} disclosures`, stats(perReport));
        add('f. full quarterly report (sum of its requests)', 'bare SQL', perReportBare.length, `${(disclosed / candidates.length).toFixed(1)} disclosures`, stats(perReportBare));
        ratios.push({ case: 'f. one disclosure (request)', app: stats(perDisclosure).p50, bare: stats(perDisclosureBare).p50 });
        if (perSubmit.length) ratios.push({ case: 'f. report submission (request)', app: stats(perSubmit).p50, bare: stats(perSubmitBare).p50 });
        ratios.push({ case: 'f. full quarterly report', app: stats(perReport).p50, bare: stats(perReportBare).p50 });
        if (notYet) console.error(`[scale] ${notYet} submissions refused: ${qs.year}Q${qs.quarter} not open for submission yet`);
        if (refused) console.error(`[scale] ${refused} disclosures refused by validation (not disclosable on ${day})`);
      } else {
        console.error(`[scale] no draft report left in ${reportDistrict} for Q${q.quarter} ${q.year}: set BENCH_REPORT_DISTRICT to another district (p003, …)`);
      }
    }

    console.log(`\nProvince-scale benchmark: ${schools} schools in ${districtCount} districts, year ${year}; server-side time in ms\n`);
    console.log(['case', 'variant', 'runs', 'size', 'p50', 'p95', 'max', 'target p95'].join('\t'));
    for (const r of out) console.log([r.case, r.variant, r.runs, r.size, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.target].join('\t'));
    console.log('\nRatio app / bare SQL (p50):');
    for (const r of ratios) console.log(`  ${r.case.padEnd(36)} ${(r.app / r.bare).toFixed(2)}  (${r.app.toFixed(1)} / ${r.bare.toFixed(1)} ms)`);
    console.log(
      `\nload average (1, 5, 15 min) at the end: ${load()}; durable commits: synchronous_commit=${(await bare<{ s: string }[]>`select current_setting('synchronous_commit') as s`)[0]!.s}, fsync=${(await bare<{ s: string }[]>`select current_setting('fsync') as s`)[0]!.s}`,
    );
  } finally {
    await bare.end({ timeout: 5 });
    await client.closeDb();
  }
}

class Rollback extends Error {}

// ---------------------------------------------------------------------------------------------
// Light pages (issue 15): the HTML of the matrix and the queues of a generated district
// (BENCH_PAGE_SCHOOLS, default 300) on the production build in NEXT_DIST_DIR (default .next),
// served on BENCH_PAGE_PORT (default 3212). scripts/page-bytes.ts does the work, in its own processes.
async function pageBytesBench(): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const args = ['scripts/page-bytes.ts', '--schools', process.env.BENCH_PAGE_SCHOOLS ?? '300', '--port', process.env.BENCH_PAGE_PORT ?? '3212'];
  const r = spawnSync('node_modules/.bin/tsx', args, { stdio: 'inherit' });
  if (r.status !== 0) console.error(`page bytes: exit status ${r.status} (a page over its budget, or no production build)`);
}
