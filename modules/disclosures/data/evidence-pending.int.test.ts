// Issue 13, "Uploads", on PGlite and PostgreSQL (SUNLIGHT_TEST_DB): files uploaded for forms not
// saved yet are bounded per school, and those untouched for a day are cleaned up.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/core/env';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let evidence: typeof import('./evidence');
let pending: typeof import('./evidence-pending');
let schema: typeof import('@/db/schema');

const MB = 1024 * 1024;

/** A valid, harmless PDF of about `bytes` bytes. */
function pdfOf(bytes: number): Uint8Array {
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%';
  const tail = '\ntrailer\n%%EOF\n';
  return new TextEncoder().encode(head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail);
}

beforeAll(async () => {
  process.env.SUNLIGHT_PENDING_UPLOAD_QUOTA_MB = '10';
  demo = await seededDemo();
  evidence = await import('./evidence');
  pending = await import('./evidence-pending');
  schema = await import('@/db/schema');
});

afterAll(async () => {
  delete process.env.SUNLIGHT_PENDING_UPLOAD_QUOTA_MB;
  await demo?.cleanup();
});

const upload = async (username: string, ownerId: string, size: number) =>
  evidence.addEvidenceFile(await scopeOf(username), { ownerType: 'disclosure', ownerId, fileName: 'scan.pdf', bytes: pdfOf(size) });

/** Moves a school's pending uploads back in time, as if they had been made `hours` ago. */
async function age(ids: string[], hours: number) {
  await demo.client.withSystem((db) =>
    db.execute(
      sql`update evidence_files set created_at = created_at - make_interval(hours => ${hours}) where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
}

async function live(ids: string[]) {
  const rows = await demo.client.withSystem((db) =>
    db
      .select({ id: schema.evidenceFiles.id, deletedAt: schema.evidenceFiles.deletedAt, hasData: sql<boolean>`${schema.evidenceFiles.data} is not null` })
      .from(schema.evidenceFiles)
      .where(
        sql`${schema.evidenceFiles.id} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
  );
  return rows.filter((r) => r.deletedAt === null).map((r) => r.id);
}

const idOf = (r: Awaited<ReturnType<typeof upload>>) => {
  if (!r.ok) throw new Error(`upload refused: ${r.reason}`);
  return r.evidence.id;
};

describe('per-school quota for uploads of forms not saved yet', () => {
  it('refuses the upload that would pass the quota, whatever owner ids are invented', async () => {
    const ids = [idOf(await upload('dongcheng.dc03', randomUUID(), 3 * MB)), idOf(await upload('dongcheng.dc03', randomUUID(), 3 * MB)), idOf(await upload('dongcheng.dc03', randomUUID(), 3 * MB))];
    expect(ids).toHaveLength(3);
    expect(await upload('dongcheng.dc03', randomUUID(), 3 * MB)).toEqual({ ok: false, reason: 'quota' });
    // A small one still fits under the 10 MB.
    expect((await upload('dongcheng.dc03', randomUUID(), 200 * 1024)).ok).toBe(true);
    // Another school has its own quota.
    expect((await upload('dongcheng.dc05', randomUUID(), 3 * MB)).ok).toBe(true);
  });

  it('does not count uploads to saved records, nor limit them', async () => {
    const scope = await scopeOf('dongcheng.dc06');
    const [saved] = await demo.client.withSystem((db) =>
      db
        .select({ id: schema.disclosures.id })
        .from(schema.disclosures)
        .where(and(eq(schema.disclosures.schoolId, scope.schoolId!), isNull(schema.disclosures.deletedAt), eq(schema.disclosures.year, 2026), eq(schema.disclosures.quarter, 4))),
    );
    expect(saved).toBeDefined();
    for (let i = 0; i < 4; i++) expect((await upload('dongcheng.dc06', saved!.id, 3 * MB)).ok, `upload ${i + 1} to a saved disclosure`).toBe(true);
    expect((await upload('dongcheng.dc06', randomUUID(), 3 * MB)).ok).toBe(true);
  });

  it('removing a pending file frees its room', async () => {
    const owner = randomUUID();
    const first = idOf(await upload('dongcheng.dc07', owner, 6 * MB));
    expect(await upload('dongcheng.dc07', randomUUID(), 6 * MB)).toEqual({ ok: false, reason: 'quota' });
    await evidence.removeEvidence(await scopeOf('dongcheng.dc07'), first);
    expect((await upload('dongcheng.dc07', randomUUID(), 6 * MB)).ok).toBe(true);
  });
});

describe('clean-up of pending uploads older than a day', () => {
  it('the next upload of the school expires them: marked deleted, bytes dropped, audited, room freed', async () => {
    const old = [idOf(await upload('dongcheng.dc08', randomUUID(), 4 * MB)), idOf(await upload('dongcheng.dc08', randomUUID(), 4 * MB))];
    expect(await upload('dongcheng.dc08', randomUUID(), 4 * MB)).toEqual({ ok: false, reason: 'quota' });
    await age(old, 25);
    expect((await upload('dongcheng.dc08', randomUUID(), 4 * MB)).ok).toBe(true);
    expect(await live(old)).toEqual([]);
    const rows = await demo.client.withSystem((db) =>
      db.select({ data: schema.evidenceFiles.data, size: schema.evidenceFiles.size }).from(schema.evidenceFiles).where(eq(schema.evidenceFiles.id, old[0]!)),
    );
    expect(rows[0]!.data).toBeNull();
    expect(rows[0]!.size).toBeGreaterThan(0); // the history keeps what it was
    const log = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, 'evidence'), eq(schema.auditLog.action, 'expirePending'))),
    );
    expect(log.some((l) => (l.after as { ids?: string[] }).ids?.includes(old[0]!))).toBe(true);
  });

  it('keeps uploads younger than a day, those of saved records, and those of a draft worked on today', async () => {
    const scope = await scopeOf('dongcheng.dc09');
    const young = idOf(await upload('dongcheng.dc09', randomUUID(), 1 * MB));
    const draftOwner = randomUUID();
    const drafted = idOf(await upload('dongcheng.dc09', draftOwner, 1 * MB));
    await demo.client.withSystem((db) =>
      db.insert(schema.formDrafts).values({ districtId: scope.districtId!, userId: scope.userId, formKey: 'disclosure:new', data: { values: { disclosureId: draftOwner }, at: 1 } }),
    );
    await age([drafted], 30);
    const expired = await demo.client.withSystem((db) => db.transaction((tx) => pending.expireStalePending(tx, scope.districtId!, scope.schoolId)));
    expect(expired.count).toBe(0);
    expect(await live([young, drafted])).toHaveLength(2);
  });

  it('runs over every school at start-up', async () => {
    const a = idOf(await upload('dongcheng.dc10', randomUUID(), 1 * MB));
    const b = idOf(await upload('xishan.xs10', randomUUID(), 1 * MB));
    await age([a, b], 48);
    expect(await demo.client.withSystem((db) => pending.expireAllStalePending(db))).toBeGreaterThanOrEqual(2);
    expect(await live([a, b])).toEqual([]);
  });
});

describe('quota setting', () => {
  it('defaults to 100 MB and ignores nonsense', () => {
    const set = process.env.SUNLIGHT_PENDING_UPLOAD_QUOTA_MB;
    delete process.env.SUNLIGHT_PENDING_UPLOAD_QUOTA_MB;
    resetEnvForTests(); // read through core/env.ts, parsed once
    expect(pending.pendingQuotaBytes()).toBe(100 * MB);
    process.env.SUNLIGHT_PENDING_UPLOAD_QUOTA_MB = set;
    resetEnvForTests();
    expect(pending.pendingQuotaBytes()).toBe(10 * MB);
    expect(pending.pendingQuotaBytes('500')).toBe(500 * MB);
    for (const bad of ['', 'x', '0', '5', '-1', '1.5']) expect(pending.pendingQuotaBytes(bad)).toBe(100 * MB);
  });
});
