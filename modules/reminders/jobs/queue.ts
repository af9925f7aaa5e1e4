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
    await boss.start();
    this.boss = boss;
    // 'short': one queued job per key — a delivery is queued at most once at a time, and ticks
    // do not pile up while a long one runs.
    // Several processes starting at once would deadlock creating the same queue partitions:
    // each step is retried after a short random pause (the winner's work is then found done).
    await settle(async () => {
      if (!(await boss.getQueue(QUEUES.tick))) await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: 'short', retryLimit: 0, expireInSeconds: 600 });
    });
    await settle(async () => {
      if (!(await boss.getQueue(QUEUES.deliver)))
        await boss.createQueue(QUEUES.deliver, { name: QUEUES.deliver, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 });
    });
    await settle(async () => {
      if (!(await boss.getQueue(QUEUES.recompute))) await boss.createQueue(QUEUES.recompute, { name: QUEUES.recompute, policy: 'short', retryLimit: 2, retryDelay: 30, expireInSeconds: 3600 });
    });
    await settle(() => boss.schedule(QUEUES.tick, this.opts.tickCron ?? '* * * * *', {}, { tz: 'Asia/Shanghai' }));
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

async function settle(step: () => Promise<unknown>, tries = 6): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await step();
      return;
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 100 * i + Math.floor(Math.random() * 200)));
    }
  }
}
