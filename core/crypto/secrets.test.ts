import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/core/env';
import { decryptSecret, encryptSecret } from './secrets';

const saved = { key: process.env.SUNLIGHT_SECRET_KEY, dir: process.env.SUNLIGHT_DATA_DIR };
afterEach(() => {
  for (const [k, v] of [
    ['SUNLIGHT_SECRET_KEY', saved.key],
    ['SUNLIGHT_DATA_DIR', saved.dir],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
});

describe('secrets at rest (AES-256-GCM)', () => {
  it('round-trips, never stores the plain text, and binds the value to its place', () => {
    process.env.SUNLIGHT_SECRET_KEY = 'k'.repeat(40);
    resetEnvForTests();
    const c = encryptSecret('smtp-pa55', 'smtp:district-a');
    expect(c).not.toContain('smtp-pa55');
    expect(c).not.toBe(encryptSecret('smtp-pa55', 'smtp:district-a')); // random IV
    expect(decryptSecret(c, 'smtp:district-a')).toBe('smtp-pa55');
    expect(decryptSecret(c, 'smtp:district-b')).toBeNull();
    const [v, iv, tag, body] = c.split(':');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(decryptSecret([v, iv, tag, flipped.toString('base64url')].join(':'), 'smtp:district-a')).toBeNull();
    process.env.SUNLIGHT_SECRET_KEY = 'o'.repeat(40);
    resetEnvForTests();
    expect(decryptSecret(c, 'smtp:district-a')).toBeNull();
  });

  it('without SUNLIGHT_SECRET_KEY uses a key generated once into the data folder', () => {
    delete process.env.SUNLIGHT_SECRET_KEY;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-key-'));
    process.env.SUNLIGHT_DATA_DIR = dir;
    resetEnvForTests();
    const c = encryptSecret('x', 'ctx');
    const file = path.join(dir, 'secret-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(decryptSecret(c, 'ctx')).toBe('x');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
