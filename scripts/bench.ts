// Benchmark (issue 4, not a timed test): server-side time of the review queue and the year's
// coverage matrix on the demo seed and on a generated district of 500 schools, in a temporary
// PGlite — and in a temporary database on PostgreSQL when DATABASE_URL is set. Prints p50/p95.
//   npm run bench                      (PGlite only)
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SCHOOLS=1000 BENCH_RUNS=50 npm run bench
// Province scale (issue 8): when DATABASE_URL points at a database filled by `npm run seed:scale`
// (recognised by its marker row; BENCH_SCALE=1 insists on it), the benchmark runs against that
// database instead — see scaleBench() below and docs/BENCHMARKS.md.
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

async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number, before?: () => void): Promise<{ p50: number; p95: number; max: number; times: number[] }> {
  for (let i = 0; i < warmup; i++) {
    before?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
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

/** Bare SQL of the coverage matrix of a district-year: per school and item, and the reports. */
function bareMatrixSql(sql: import('postgres').Sql, districtId: string, year: number) {
  return sql`
    with facts as (
      select d.school_id, d.item_code, d.period_key,
             min(d.disclosed_on) filter (where r.disclosure_id is null) as first_ok,
             bool_or(r.disclosure_id is not null) as any_rejected
      from disclosures d
      left join (select distinct disclosure_id from disclosure_rejections where district_id = ${districtId} and withdrawn_at is null) r on r.disclosure_id = d.id
      where d.district_id = ${districtId} and d.year = ${year} and d.deleted_at is null
      group by 1, 2, 3
    ), cells as (
      select school_id, jsonb_object_agg(item_code, n) as cells from (
        select school_id, item_code, count(*) filter (where first_ok is not null) as n from facts group by 1, 2) c
      group by school_id
    ), rep as (
      select q.school_id, jsonb_object_agg(q.quarter, jsonb_build_array(q.state, q.submitted_at, e.attention + e.content + e.form + e.procedure + e.rules)) as reports
      from quarterly_reports q left join evaluations e on e.report_id = q.id
      where q.district_id = ${districtId} and q.year = ${year}
      group by q.school_id
    ), ev as (
      select school_id, jsonb_agg(jsonb_build_array(item_code, event_date)) as events from declared_events
      where district_id = ${districtId} and year = ${year} and deleted_at is null group by school_id
    )
    select sc.id, sc.code, sc.zone_id, cells.cells, rep.reports, ev.events
    from schools sc left join cells on cells.school_id = sc.id left join rep on rep.school_id = sc.id left join ev on ev.school_id = sc.id
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
  const clearSchoolTableCache = () => {};
  const { currentQuarter } = await import('@/core/domain/periods');
  const { now } = await import('@/core/env');
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
    console.error(`[scale] ${schools} schools in ${districtCount} districts; bench district ${code} (${district.n} schools); year ${year}; ${runs} runs`);
    console.error(`[scale] pool SUNLIGHT_DB_POOL=${process.env.SUNLIGHT_DB_POOL}; province concurrency ${process.env.SUNLIGHT_PROVINCE_CONCURRENCY ?? 'default (pool − 2, 1–4)'}`);

    const add = (c: string, variant: string, n: number, size: string, r: { p50: number; p95: number; max: number }) =>
      out.push({ case: c, variant, runs: n, size, p50: r.p50, p95: r.p95, max: r.max });

    // (a) the leader dashboard (/overview): this year and, for rank movement, last year.
    let dashSchools = 0;
    const dash = await timeRuns(async () => (dashSchools = (await leaderDashboard(leader, year)).schools), runs, 3);
    add('a. district overview (leaderDashboard)', 'app, steady (cache valid)', runs, `${dashSchools} schools`, dash);
    const coldRuns = Math.min(runs, 10);
    const dashCold = await timeRuns(() => leaderDashboard(leader, year), coldRuns, 1, clearSchoolTableCache);
    add('a. district overview (leaderDashboard)', 'app, cold (cache cleared)', coldRuns, `${dashSchools} schools`, dashCold);
    const dashBare = await timeRuns(
      async () => {
        await bareYearSql(bare, district.id, year);
        await bareYearSql(bare, district.id, year - 1);
      },
      runs,
      3,
    );
    add('a. district overview', 'bare SQL', runs, `${dashSchools} schools`, dashBare);
    ratios.push({ case: 'a. district overview, cold', app: dashCold.p50, bare: dashBare.p50 });

    // (b) the year's coverage matrix of the district, steady (cached) and cold (cache cleared).
    let matrixRows = 0;
    const mat = await timeRuns(async () => (matrixRows = (await coverageMatrix(evaluator, { year, quarter: null })).rows.length), runs, 3);
    add('b. coverage matrix (year)', 'app, steady (cache valid)', runs, `${matrixRows} schools`, mat);
    const matCold = await timeRuns(() => coverageMatrix(evaluator, { year, quarter: null }), coldRuns, 1, clearSchoolTableCache);
    add('b. coverage matrix (year)', 'app, cold (cache cleared)', coldRuns, `${matrixRows} schools`, matCold);
    const matBare = await timeRuns(() => bareMatrixSql(bare, district.id, year), runs, 3);
    add('b. coverage matrix (year)', 'bare SQL', runs, `${matrixRows} schools`, matBare);
    ratios.push({ case: 'b. coverage matrix, cold', app: matCold.p50, bare: matBare.p50 });

    // (c) every district's ranking (platform admin).
    let ranked = 0;
    // Cold: the ranking cache cleared before every run, so every district is loaded and ranked
    // (several districts at a time over the pool: SUNLIGHT_PROVINCE_CONCURRENCY, default pool − 2,
    // at most 4). Steady: nothing changed since the last look, every district's ranking is served
    // from cachedLiveRanking (its change stamp is still read, one query per district).
    const prov = await timeRuns(async () => (ranked = (await provinceRanking(platform, year)).schools), provinceRuns, 1, clearSchoolTableCache);
    add('c. province ranking (provinceRanking)', 'app, cold (cache cleared)', provinceRuns, `${ranked} schools`, prov);
    const provSteady = await timeRuns(() => provinceRanking(platform, year), runs, 1);
    add('c. province ranking (provinceRanking)', 'app, steady (cache valid)', runs, `${ranked} schools`, provSteady);
    const provBare = await timeRuns(() => bareYearSql(bare, null, year), provinceRuns, 1);
    add('c. province ranking', 'bare SQL', provinceRuns, `${ranked} schools`, provBare);
    ratios.push({ case: 'c. province ranking', app: prov.p50, bare: provBare.p50 });

    // (d) a coordinator records a disclosure for every open obligation of the quarter and submits.
    const q = currentQuarter(now());
    const day = now().toISOString().slice(0, 10);
    const reportDistrict = process.env.BENCH_REPORT_DISTRICT ?? (districtCount > 1 ? 'p002' : code);
    const candidates = await bare<{ username: string }[]>`
      select u.username from users u
      join schools s on s.id = u.school_id
      join districts d on d.id = s.district_id and d.code = ${reportDistrict}
      left join quarterly_reports r on r.school_id = s.id and r.year = ${q.year} and r.quarter = ${q.quarter}
      where u.role = 'coordinator' and coalesce(r.state, 'draft') = 'draft' and r.submitted_at is null
      order by s.code limit ${reportRuns}`;
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
      const ts = performance.now();
      const res = await submitQuarterReport(scope, { year: q.year, quarter: q.quarter, version: view.report?.version ?? 0, confirmGaps: true });
      const te = performance.now();
      if (!res.ok) throw new Error(`submit failed for ${c.username}: ${JSON.stringify(res)}`);
      perSubmit.push(te - ts);
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
            update quarterly_reports set version = version + 1, updated_at = now() where school_id = ${sc!.school_id} and year = ${q.year} and quarter = ${q.quarter} returning id, version`;
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
      add('d. one disclosure (createDisclosure), per request', 'app', perDisclosure.length, `${reportDistrict}`, stats(perDisclosure));
      add('d. one disclosure, per request', 'bare SQL', perDisclosureBare.length, `${reportDistrict}`, stats(perDisclosureBare));
      add('d. report submission (submitQuarterReport), per request', 'app', perSubmit.length, `${reportDistrict}`, stats(perSubmit));
      add('d. report submission, per request', 'bare SQL', perSubmitBare.length, `${reportDistrict}`, stats(perSubmitBare));
      add('d. full quarterly report (sum of its requests)', 'app', perReport.length, `${(disclosed / candidates.length).toFixed(1)} disclosures`, stats(perReport));
      add('d. full quarterly report (sum of its requests)', 'bare SQL', perReportBare.length, `${(disclosed / candidates.length).toFixed(1)} disclosures`, stats(perReportBare));
      ratios.push({ case: 'd. one disclosure (request)', app: stats(perDisclosure).p50, bare: stats(perDisclosureBare).p50 });
      ratios.push({ case: 'd. report submission (request)', app: stats(perSubmit).p50, bare: stats(perSubmitBare).p50 });
      ratios.push({ case: 'd. full quarterly report', app: stats(perReport).p50, bare: stats(perReportBare).p50 });
      if (refused) console.error(`[scale] ${refused} disclosures refused by validation (not disclosable on ${day})`);
    } else {
      console.error(`[scale] no draft report left in ${reportDistrict} for Q${q.quarter} ${q.year}: set BENCH_REPORT_DISTRICT to another district (p003, …)`);
    }

    console.log(`\nProvince-scale benchmark: ${schools} schools in ${districtCount} districts, year ${year}; server-side time in ms\n`);
    console.log(['case', 'variant', 'runs', 'size', 'p50', 'p95', 'max'].join('\t'));
    for (const r of out) console.log([r.case, r.variant, r.runs, r.size, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1)].join('\t'));
    console.log('\nRatio app / bare SQL (p50):');
    for (const r of ratios) console.log(`  ${r.case.padEnd(32)} ${(r.app / r.bare).toFixed(2)}  (${r.app.toFixed(1)} / ${r.bare.toFixed(1)} ms)`);
  } finally {
    await bare.end({ timeout: 5 });
    await client.closeDb();
  }
}

class Rollback extends Error {}
