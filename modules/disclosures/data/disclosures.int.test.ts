// Disclosures on the seeded demo, against PGlite and PostgreSQL: record / edit / delete with the
// optimistic version check, the shared date rules, the entry window, victim and attacker, evidence
// files checked by their bytes, and the public page (external only).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TINY_PNG } from '@/modules/disclosures/evidence/samples.testutil';
import { auditOf, disclosureRow, reportOf, scopeOf, seededWorld, sys, type World } from '@/modules/reports/data/coordinator.int.testutil';
import { atClock } from '@/seed/testing';

let w: World;
let d: typeof import('./disclosures');
let ev: typeof import('./evidence');
let serve: typeof import('./evidence-serve');
let pub: typeof import('./public');
let events: typeof import('@/modules/obligations/data/events');
let report: typeof import('@/modules/reports/data/school-report');

beforeAll(async () => {
  w = await seededWorld();
  d = await import('./disclosures');
  ev = await import('./evidence');
  serve = await import('./evidence-serve');
  pub = await import('./public');
  events = await import('@/modules/obligations/data/events');
  report = await import('@/modules/reports/data/school-report');
});
afterAll(async () => w?.cleanup());

const values = (over: Record<string, unknown> = {}) => ({
  disclosedOn: '2026-11-05',
  channels: ['noticeBoard', 'website'],
  audience: 'external',
  summary: '公开10月食堂伙食费收支清单，收入12.6万元，支出12.1万元。',
  ...over,
});

describe('record, edit, delete (dc03, Q4 2026 draft)', () => {
  it('records a disclosure against an obligation, creating the draft report, audited', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    const id = randomUUID();
    const r = await d.createDisclosure(dc03, { id, itemCode: 'M03', periodKey: '2026-10', values: values() });
    expect(r).toMatchObject({ ok: true, id, version: 1, warnings: [], q: { year: 2026, quarter: 4 } });
    const row = await disclosureRow(w, id);
    expect(row).toMatchObject({ itemCode: 'M03', periodKey: '2026-10', year: 2026, quarter: 4, audience: 'external', channels: ['noticeBoard', 'website'] });
    expect((await reportOf(w, 'dc03', 2026, 4))?.state).toBe('draft');
    expect((await auditOf(w, id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses dates outside the rules with the reason, writing nothing', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    const id = randomUUID();
    const future = await d.createDisclosure(dc03, { id, itemCode: 'M03', periodKey: '2026-11', values: values({ disclosedOn: '2026-11-24' }) });
    expect(future).toEqual({ ok: false, kind: 'invalid', fieldErrors: { disclosedOn: { key: 'coordValidation.date.inFuture', values: { date: '2026-11-23' } } } });
    const early = await d.createDisclosure(dc03, { id, itemCode: 'M03', periodKey: '2026-11', values: values({ disclosedOn: '2026-10-31', channels: [] }) });
    expect(early).toMatchObject({
      ok: false,
      fieldErrors: { disclosedOn: { key: 'coordValidation.date.beforeWindow', values: { date: '2026-11-01' } }, channels: { key: 'coordValidation.channelsRequired' } },
    });
    expect(await disclosureRow(w, id)).toBeNull();
  });

  it('an unknown obligation is not found', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    await expect(d.createDisclosure(dc03, { id: randomUUID(), itemCode: 'M03', periodKey: '2026-Q4', values: values() })).rejects.toMatchObject({ code: 'notFound' });
    await expect(d.createDisclosure(dc03, { id: randomUUID(), itemCode: 'ZZ9', periodKey: '2026-10', values: values() })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('two tabs: the second save with the old version gets a conflict and the other values; nothing is overwritten', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    const id = randomUUID();
    await d.createDisclosure(dc03, { id, itemCode: 'M01', periodKey: '2026-10', values: values({ audience: 'internal', summary: '10月财务收支' }) });
    const tabA = await d.updateDisclosure(dc03, { id, version: 1, values: values({ audience: 'internal', summary: 'A 的修改' }) });
    expect(tabA).toMatchObject({ ok: true, version: 2 });
    const tabB = await d.updateDisclosure(dc03, { id, version: 1, values: values({ audience: 'internal', summary: 'B 的修改' }) });
    expect(tabB).toMatchObject({ ok: false, kind: 'conflict', currentVersion: 2, current: { summary: 'A 的修改' } });
    expect((await disclosureRow(w, id))?.summary).toBe('A 的修改');
    // Seeing the other version, B saves again on top of it.
    expect(await d.updateDisclosure(dc03, { id, version: 2, values: values({ audience: 'internal', summary: 'B 的修改' }) })).toMatchObject({ ok: true, version: 3 });
    const trail = await auditOf(w, id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(trail[1].before).toMatchObject({ summary: '10月财务收支' });
    expect(trail[1].after).toMatchObject({ summary: 'A 的修改' });
  });

  it('deletes only the version the user saw', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    const id = randomUUID();
    await d.createDisclosure(dc03, { id, itemCode: 'M01', periodKey: '2026-11', values: values({ disclosedOn: '2026-11-20', audience: 'internal' }) });
    expect(await d.deleteDisclosure(dc03, { id, version: 7 })).toEqual({ ok: false, kind: 'conflict', currentVersion: 1 });
    expect((await disclosureRow(w, id))?.deletedAt).toBeNull();
    expect(await d.deleteDisclosure(dc03, { id, version: 1 })).toEqual({ ok: true, q: { year: 2026, quarter: 4 } });
    expect((await disclosureRow(w, id))?.deletedAt).not.toBeNull();
    await expect(d.updateDisclosure(dc03, { id, version: 2, values: values() })).rejects.toMatchObject({ code: 'notFound' });
    expect((await auditOf(w, id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('§2 B02: 3000元 or more by 询价 is saved but flagged for the evaluator', async () => {
    const dc03 = await scopeOf(w, 'dongcheng.dc03');
    expect(await events.declareEvent(dc03, { itemCode: 'B02', eventDate: '2026-11-12', title: '办公用品采购' })).toMatchObject({ ok: true });
    const view = await events.coordinatorEvents(dc03, { year: 2026, quarter: 4 });
    const ev0 = view.items.find((i) => i.code === 'B02')!.events.find((e) => e.title === '办公用品采购')!;
    const id = randomUUID();
    const r = await d.createDisclosure(dc03, {
      id,
      itemCode: 'B02',
      periodKey: ev0.id,
      values: values({ disclosedOn: '2026-11-13', audience: 'internal', procurementAmount: '4800', procurementMethod: '询价' }),
    });
    expect(r).toMatchObject({ ok: true, warnings: ['procurementFlagged'] });
    expect(await disclosureRow(w, id)).toMatchObject({ procurementAmount: 4800, procurementMethod: '询价', procurementFlag: true, eventId: ev0.id });
  });
});

describe('victim and attacker', () => {
  let victimId: string;
  beforeAll(async () => {
    const dc05 = await scopeOf(w, 'dongcheng.dc05');
    victimId = randomUUID();
    await d.createDisclosure(dc05, { id: victimId, itemCode: 'M03', periodKey: '2026-10', values: values({ summary: '受害方的公开内容' }) });
    await ev.addEvidenceFile(dc05, { ownerType: 'disclosure', ownerId: victimId, fileName: '公开栏.png', bytes: TINY_PNG });
  });

  it('another school’s disclosure id is not found for every action, and nothing changes', async () => {
    const before = await disclosureRow(w, victimId);
    for (const attacker of ['dongcheng.dc04', 'xishan.xs04']) {
      const a = await scopeOf(w, attacker);
      await expect(d.updateDisclosure(a, { id: victimId, version: 1, values: values({ summary: '篡改' }) })).rejects.toMatchObject({ code: 'notFound' });
      await expect(d.deleteDisclosure(a, { id: victimId, version: 1 })).rejects.toMatchObject({ code: 'notFound' });
      await expect(d.createDisclosure(a, { id: victimId, itemCode: 'M03', periodKey: '2026-10', values: values({ summary: '篡改' }) })).rejects.toMatchObject({ code: 'notFound' });
    }
    // Same district: the id is seen to be another school's and refused. Another district cannot
    // even see that the id exists (RLS), so its upload stays a pending attachment of its own school.
    await expect(ev.addEvidenceLink(await scopeOf(w, 'dongcheng.dc04'), { ownerType: 'disclosure', ownerId: victimId, url: 'https://evil.example.com' })).rejects.toMatchObject({ code: 'notFound' });
    const xs04 = await scopeOf(w, 'xishan.xs04');
    await ev.addEvidenceLink(xs04, { ownerType: 'disclosure', ownerId: victimId, url: 'https://evil.example.com/x' });
    const attached = await sys(w, (db) => db.select().from(w.schema.evidenceFiles).where(eq(w.schema.evidenceFiles.ownerId, victimId)));
    expect(attached.filter((e) => e.url?.startsWith('https://evil')).map((e) => e.schoolId)).toEqual([xs04.schoolId]);
    expect(await disclosureRow(w, victimId)).toEqual(before);
    // The owner still has it, with its evidence.
    const owner = await scopeOf(w, 'dongcheng.dc05');
    const form = await (await import('./form')).disclosureForm(owner, victimId);
    expect(form.values.summary).toBe('受害方的公开内容');
    expect(form.evidence).toHaveLength(1);
  });

  it('another school’s evidence cannot be removed or downloaded', async () => {
    const owner = await scopeOf(w, 'dongcheng.dc05');
    const form = await (await import('./form')).disclosureForm(owner, victimId);
    const fileId = form.evidence[0].id;
    await expect(ev.removeEvidence(await scopeOf(w, 'dongcheng.dc04'), fileId)).rejects.toMatchObject({ code: 'notFound' });
    // The disclosure is external, so its file is public: everyone may see it; a signed-in
    // coordinator of another school gets it only through that public rule.
    expect((await serve.evidenceForViewer(await scopeOf(w, 'dongcheng.dc04'), fileId))?.isPublic).toBe(true);
    expect((await serve.evidenceForViewer(owner, fileId))?.isPublic).toBe(false);
    await ev.removeEvidence(owner, fileId);
    expect(await serve.evidenceForViewer(null, fileId)).toBeNull();
  });
});

describe('entry window (§3, §5)', () => {
  it('a submitted report locks what it holds: no changed or deleted disclosures or evidence, no new ones past their deadline', async () => {
    const dc09 = await scopeOf(w, 'dongcheng.dc09');
    const id = randomUUID();
    await d.createDisclosure(dc09, { id, itemCode: 'M03', periodKey: '2026-10', values: values() });
    const rep = await reportOf(w, 'dc09', 2026, 4);
    // §3: Q4 can be submitted from the day after it ends (then back to the demo's date).
    expect(await atClock('2027-01-02T10:00:00+08:00', () => report.submitQuarterReport(dc09, { year: 2026, quarter: 4, version: rep!.version, confirmGaps: true }))).toMatchObject({ ok: true });
    const locked = { code: 'locked', block: 'submitted' };
    await expect(d.updateDisclosure(dc09, { id, version: 1, values: values({ summary: '提交后修改' }) })).rejects.toMatchObject(locked);
    await expect(d.deleteDisclosure(dc09, { id, version: 1 })).rejects.toMatchObject(locked);
    await expect(d.createDisclosure(dc09, { id: randomUUID(), itemCode: 'M01', periodKey: '2026-10', values: values({ audience: 'internal' }) })).rejects.toMatchObject(locked);
    await expect(ev.addEvidenceFile(dc09, { ownerType: 'disclosure', ownerId: id, fileName: 'x.png', bytes: TINY_PNG })).rejects.toMatchObject(locked);
    expect((await disclosureRow(w, id))?.summary).toBe(values().summary);
    // §3: an obligation whose deadline has not passed (November's canteen accounts, due 10 December) can still be disclosed.
    expect(
      await d.createDisclosure(dc09, { id: randomUUID(), itemCode: 'M03', periodKey: '2026-11', values: values({ disclosedOn: '2026-11-23', summary: '公开11月食堂伙食费收支清单。' }) }),
    ).toMatchObject({ ok: true });
  });

  it('a draft report of a closed quarter takes no entries (Q3 closed on 2026-11-14)', async () => {
    const dc07 = await scopeOf(w, 'dongcheng.dc07');
    expect((await reportOf(w, 'dc07', 2026, 3))?.state).toBe('draft');
    await expect(d.createDisclosure(dc07, { id: randomUUID(), itemCode: 'M01', periodKey: '2026-09', values: values({ disclosedOn: '2026-10-05', audience: 'internal' }) })).rejects.toMatchObject({
      block: 'closed',
    });
  });
});

describe('evidence files', () => {
  it('refuses HTML in disguise and non-http links, storing nothing', async () => {
    const dc06 = await scopeOf(w, 'dongcheng.dc06');
    const owner = randomUUID();
    const html = new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>');
    expect(await ev.addEvidenceFile(dc06, { ownerType: 'disclosure', ownerId: owner, fileName: 'photo.png', bytes: html })).toEqual({ ok: false, reason: 'html' });
    expect(await ev.addEvidenceLink(dc06, { ownerType: 'disclosure', ownerId: owner, url: 'javascript:alert(1)' })).toEqual({ ok: false, reason: 'urlInvalid' });
    const rows = await sys(w, (db) => db.select().from(w.schema.evidenceFiles).where(eq(w.schema.evidenceFiles.ownerId, owner)));
    expect(rows).toHaveLength(0);
  });

  it('stores a real image with its detected type and hash, audited without the bytes', async () => {
    const dc06 = await scopeOf(w, 'dongcheng.dc06');
    const owner = randomUUID();
    const r = await ev.addEvidenceFile(dc06, { ownerType: 'disclosure', ownerId: owner, fileName: '照片.jpg', bytes: TINY_PNG });
    expect(r).toMatchObject({ ok: true, evidence: { kind: 'file', mimeType: 'image/png', fileName: '照片.jpg', size: TINY_PNG.length } });
    const id = r.ok ? r.evidence.id : '';
    const [row] = await sys(w, (db) => db.select().from(w.schema.evidenceFiles).where(eq(w.schema.evidenceFiles.id, id)));
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.compare(row.data!, Buffer.from(TINY_PNG))).toBe(0);
    const [entry] = await auditOf(w, id);
    expect(JSON.stringify(entry.after)).not.toContain('data');
  });
});

describe('evidence in a directory (SUNLIGHT_EVIDENCE_DIR)', () => {
  it('writes the bytes under the directory, not into the database, and serves them back', async () => {
    const { resetEnvForTests } = await import('@/core/env');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-evidence-'));
    process.env.SUNLIGHT_EVIDENCE_DIR = dir;
    resetEnvForTests();
    try {
      const dc06 = await scopeOf(w, 'dongcheng.dc06');
      const r = await ev.addEvidenceFile(dc06, { ownerType: 'disclosure', ownerId: randomUUID(), fileName: 'dir.png', bytes: TINY_PNG });
      const id = r.ok ? r.evidence.id : '';
      const [row] = await sys(w, (db) => db.select().from(w.schema.evidenceFiles).where(eq(w.schema.evidenceFiles.id, id)));
      expect(row.data).toBeNull();
      expect(row.storagePath).toBe(path.join(row.districtId, id.slice(0, 2), id));
      expect(Buffer.compare(fs.readFileSync(path.join(dir, row.storagePath!)), Buffer.from(TINY_PNG))).toBe(0);
      const served = await serve.evidenceForViewer(dc06, id);
      expect(Buffer.compare(served!.bytes, Buffer.from(TINY_PNG))).toBe(0);
    } finally {
      delete process.env.SUNLIGHT_EVIDENCE_DIR;
      resetEnvForTests();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('public page of a school', () => {
  let external: string;
  let internal: string;
  let rejected: string;
  let externalFile: string;
  let internalFile: string;
  beforeAll(async () => {
    const dc06 = await scopeOf(w, 'dongcheng.dc06');
    external = randomUUID();
    internal = randomUUID();
    rejected = randomUUID();
    await d.createDisclosure(dc06, { id: external, itemCode: 'M03', periodKey: '2026-10', values: values({ summary: '家长可见：10月伙食费收支' }) });
    await d.createDisclosure(dc06, { id: internal, itemCode: 'M01', periodKey: '2026-10', values: values({ audience: 'internal', summary: '仅校内：10月财务收支' }) });
    await d.createDisclosure(dc06, { id: rejected, itemCode: 'M03', periodKey: '2026-11', values: values({ disclosedOn: '2026-11-20', summary: '被退回的公开' }) });
    const fe = await ev.addEvidenceFile(dc06, { ownerType: 'disclosure', ownerId: external, fileName: 'a.png', bytes: TINY_PNG });
    const fi = await ev.addEvidenceFile(dc06, { ownerType: 'disclosure', ownerId: internal, fileName: 'b.png', bytes: TINY_PNG });
    externalFile = fe.ok ? fe.evidence.id : '';
    internalFile = fi.ok ? fi.evidence.id : '';
    const evaluator = await scopeOf(w, 'dongcheng.eval');
    const [row] = await sys(w, (db) => db.select().from(w.schema.disclosures).where(eq(w.schema.disclosures.id, rejected)));
    await sys(w, (db) => db.insert(w.schema.disclosureRejections).values({ districtId: row.districtId, disclosureId: rejected, reason: '内容不完整', rejectedBy: evaluator.userId }));
  });

  it('shows external disclosures with their evidence, never internal, rejected or deleted ones', async () => {
    const page = await pub.publicSchoolPage('dongcheng', 'dc06');
    const ids = page!.disclosures.map((x) => x.id);
    expect(ids).toContain(external);
    expect(ids).not.toContain(internal);
    expect(ids).not.toContain(rejected);
    expect(page!.disclosures.find((x) => x.id === external)).toMatchObject({ itemName: '食堂伙食费收支清单', evidence: [expect.objectContaining({ id: externalFile })] });
    expect(page!.disclosures.every((x) => x.disclosedOn >= page!.disclosures[page!.disclosures.length - 1].disclosedOn)).toBe(true);
    const dates = page!.disclosures.map((x) => x.disclosedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('serves the external file publicly and the internal one only within scope', async () => {
    expect(await serve.publicEvidence('dongcheng', 'dc06', externalFile)).toMatchObject({ mimeType: 'image/png', isPublic: true });
    expect(await serve.publicEvidence('dongcheng', 'dc06', internalFile)).toBeNull();
    expect(await serve.publicEvidence('dongcheng', 'dc05', externalFile)).toBeNull();
    expect(await serve.publicEvidence('xishan', 'dc06', externalFile)).toBeNull();
    expect(await serve.evidenceForViewer(null, internalFile)).toBeNull();
    expect(await serve.evidenceForViewer(await scopeOf(w, 'dongcheng.dc04'), internalFile)).toBeNull();
    expect(await serve.evidenceForViewer(await scopeOf(w, 'xishan.eval'), internalFile)).toBeNull();
    expect(await serve.evidenceForViewer(await scopeOf(w, 'dongcheng.eval'), internalFile)).toMatchObject({ isPublic: false });
    expect(await serve.evidenceForViewer(await scopeOf(w, 'dongcheng.dc06'), internalFile)).toMatchObject({ isPublic: false });
  });

  it('unknown or inactive schools and districts have no public page', async () => {
    expect(await pub.publicSchoolPage('dongcheng', 'nope')).toBeNull();
    expect(await pub.publicSchoolPage("dongcheng' or 1=1", 'dc06')).toBeNull();
    expect(await pub.publicSchoolPage('xishan', 'dc06')).toBeNull();
  });

  it('the district index lists its active schools with their public counts, and searches by name or code (issue 14)', async () => {
    const index = await pub.publicDistrictIndex('dongcheng');
    const codes = index!.schools.map((s) => s.code);
    expect(codes.length).toBe(index!.total);
    expect(codes.every((c) => c.startsWith('dc'))).toBe(true);
    // The count is what the school's own public page shows: external only, no rejected or deleted one.
    const dc06 = index!.schools.find((s) => s.code === 'dc06')!;
    const page = await pub.publicSchoolPage('dongcheng', 'dc06');
    expect(dc06.disclosures).toBe(page!.total);
    expect(dc06.latest).toBe(page!.disclosures[0]!.disclosedOn);
    expect((await pub.publicDistrictIndex('dongcheng', ' DC06 '))!.schools.map((s) => s.code)).toEqual(['dc06']);
    expect((await pub.publicDistrictIndex('dongcheng', page!.school.name))!.schools.map((s) => s.code)).toEqual(['dc06']);
    // Another district's school is not found by name, and unknown districts have no index.
    expect((await pub.publicDistrictIndex('xishan', page!.school.name))!.schools).toEqual([]);
    expect(await pub.publicDistrictIndex('nowhere')).toBeNull();
  });
});
