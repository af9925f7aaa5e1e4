// The job queue behind the reminders (issue 16) and the fact store's recomputes (issue 15). On
// PostgreSQL (DATABASE_URL) it is pg-boss: durable jobs shared by every app process, a cron "tick" that exactly one process receives per
// minute, delayed delivery attempts. On the embedded PGlite default (one process) the same
// handlers run in the app process on a timer, one job at a time. Whatever the queue, the
// delivery records in PostgreSQL decide what is sent (exactly once) and hold the retry state,
// so jobs lost with a process are found again by the next tick.
import type { RecomputeJob } from '@/modules/facts/data/jobs';

export interface DeliveryJob {
  districtId: string;
  deliveryId: string;
}

export interface Handlers {
  tick(): Promise<void>;
  deliver(job: DeliveryJob): Promise<void>;
  recompute(job: RecomputeJob): Promise<void>;
}

export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  start(handlers: Handlers): Promise<void>;
  /** A delivery attempt, at `startAfter` (default: at once). Duplicates while queued are dropped. */
  sendDelivery(job: DeliveryJob, startAfter?: Date): Promise<void>;
  /** A recompute of a district-year's facts. Duplicates while queued are dropped. */
  sendRecompute(job: RecomputeJob): Promise<void>;
  /** A tick as soon as possible (after a change that should go out quickly). */
  nudge(): Promise<void>;
  stop(): Promise<void>;
}

export const QUEUES = { tick: 'sunlight-reminders-tick', deliver: 'sunlight-reminders-deliver', recompute: 'sunlight-facts-recompute' } as const;

/** One process, one worker: jobs run one after another on timers. */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private handlers: Handlers | null = null;
  private timers = new Map<string, NodeJS.Timeout>();
  private recomputes = new Set<string>();
  private tickTimer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly tickMs = 60_000,
    private readonly realNow: () => number = Date.now,
  ) {}

  private run(fn: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => (this.stopped ? undefined : fn())).catch((e: unknown) => console.error('[reminders]', e instanceof Error ? e.message : e));
    this.chain = next;
    return next;
  }

  async start(handlers: Handlers): Promise<void> {
    this.handlers = handlers;
    const loop = () => {
      void this.run(() => handlers.tick());
      this.tickTimer = setTimeout(loop, this.tickMs);
      this.tickTimer.unref?.();
    };
    loop();
  }

  async sendDelivery(job: DeliveryJob, startAfter?: Date): Promise<void> {
    if (this.stopped || this.timers.has(job.deliveryId)) return;
    const wait = Math.min(Math.max(0, (startAfter?.getTime() ?? 0) - this.realNow()), 2 ** 31 - 1);
    const t = setTimeout(() => {
      this.timers.delete(job.deliveryId);
      void this.run(() => this.handlers!.deliver(job));
    }, wait);
    t.unref?.();
    this.timers.set(job.deliveryId, t);
  }

  async sendRecompute(job: RecomputeJob): Promise<void> {
    const key = `${job.districtId}:${job.year}`;
    if (this.stopped || !this.handlers || this.recomputes.has(key)) return;
    this.recomputes.add(key);
    void this.run(async () => {
      this.recomputes.delete(key);
      await this.handlers!.recompute(job);
    });
  }

  async nudge(): Promise<void> {
    if (this.handlers && !this.stopped) void this.run(() => this.handlers!.tick());
  }

  /** Waits until every job queued so far has run (tests). */
  async idle(): Promise<void> {
    while (this.timers.size > 0) await new Promise((r) => setTimeout(r, 10));
    let seen: Promise<void>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.chain;
  }
}

/** pg-boss on the app's PostgreSQL (its own schema `pgboss`, created on first start). */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private boss: import('pg-boss') | null = null;

  constructor(
    private readonly url: string,
    private readonly opts: { tickCron?: string; pollSeconds?: number } = {},
  ) {}

  async start(handlers: Handlers): Promise<void> {
    const { default: PgBoss } = await import('pg-boss');
    const boss = new PgBoss({ connectionString: this.url, max: 4, application_name: 'sunlight-reminders', schema: 'pgboss' });
    boss.on('error', (e: Error) => console.error('[reminders] queue:', e.message));
    // Setting pg-boss up (its schema, its queues, the cron schedule) is done by one process at a
    // time. Done at once, it races: two `pgboss.create_queue` calls for the same queue (pg-boss
    // makes its own '__pgboss__send-it' queue inside boss.start()) each insert the queue row and
    // then add a foreign key to `pgboss.queue` — a lock cycle that only PostgreSQL's deadlock
    // detector breaks, and that detector (like lock_timeout) runs on a timer that does not fire
    // on every server (e.g. under libfaketime): both processes then wait forever in start().
    // The loser of pg-boss's own schema-creation race is also left with a connection in an
    // aborted transaction. Under the lock the second process finds everything made.
    try {
      await oneAtATime(this.url, async () => {
        await boss.start();
        // 'short': one queued job per key — a delivery is queued at most once at a time, and
        // ticks do not pile up while a long one runs.
        if (!(await boss.getQueue(QUEUES.tick))) await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: 'short', retryLimit: 0, expireInSeconds: 600 });
        if (!(await boss.getQueue(QUEUES.deliver)))
          await boss.createQueue(QUEUES.deliver, { name: QUEUES.deliver, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 });
        if (!(await boss.getQueue(QUEUES.recompute))) await boss.createQueue(QUEUES.recompute, { name: QUEUES.recompute, policy: 'short', retryLimit: 2, retryDelay: 30, expireInSeconds: 3600 });
        await boss.schedule(QUEUES.tick, this.opts.tickCron ?? '* * * * *', {}, { tz: 'Asia/Shanghai' });
      });
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => {});
      throw e;
    }
    this.boss = boss;
    const pollingIntervalSeconds = this.opts.pollSeconds ?? 2;
    await boss.work(QUEUES.tick, { pollingIntervalSeconds }, async () => handlers.tick());
    await boss.work<DeliveryJob>(QUEUES.deliver, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handlers.deliver(job.data);
    });
    await boss.work<RecomputeJob>(QUEUES.recompute, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handlers.recompute(job.data);
    });
  }

  async sendDelivery(job: DeliveryJob, startAfter?: Date): Promise<void> {
    await this.boss?.send(QUEUES.deliver, job, { singletonKey: job.deliveryId, ...(startAfter ? { startAfter } : {}) });
  }

  async sendRecompute(job: RecomputeJob): Promise<void> {
    await this.boss?.send(QUEUES.recompute, job, { singletonKey: `${job.districtId}:${job.year}` });
  }

  async nudge(): Promise<void> {
    await this.boss?.send(QUEUES.tick, {}, { singletonKey: 'tick' });
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }
}

/** The advisory lock that lets one process at a time set pg-boss up (see PgBossQueue.start). */
const SETUP_LOCK = 'sunlight-reminders:pgboss-setup';

/**
 * Runs `fn` while this process holds SETUP_LOCK, on a connection of its own: a transaction-level
 * lock, so it is let go at commit, at rollback and when the process dies. A process waiting for
 * it holds nothing another one needs, so the wait always ends when the holder is done.
 */
async function oneAtATime(url: string, fn: () => Promise<void>): Promise<void> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5, connection: { application_name: 'sunlight-reminders' } });
  try {
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${SETUP_LOCK}, 0))`;
      await fn();
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
