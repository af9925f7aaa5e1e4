// Secrets at rest (issue 16): SMTP passwords, robot tokens and secrets, webhook secrets are stored
// as AES-256-GCM ciphertexts. The key is SHA-256 of SUNLIGHT_SECRET_KEY, or of a random value
// generated once into the data folder (like the auth secret), so `npm start` needs no set-up.
// Each ciphertext is bound to where it belongs (associated data, e.g. `smtp:<district id>`), so
// a value copied into another district's row or another field does not decrypt.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/core/env';

const VERSION = 'v1';
let cachedKey: { source: string; key: Buffer } | undefined;

function keySource(): string {
  const configured = env().SUNLIGHT_SECRET_KEY;
  if (configured) return configured;
  const file = path.join(dataDir(), 'secret-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': two processes starting together do not overwrite each other's key.
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function key(): Buffer {
  const source = keySource();
  if (cachedKey?.source !== source) cachedKey = { source, key: crypto.createHash('sha256').update(source, 'utf8').digest() };
  return cachedKey.key;
}

/** `v1:<iv>:<tag>:<ciphertext>` (base64url), bound to `context`. */
export function encryptSecret(plain: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** The plain text, or null when the value is not ours, was tampered with, or the key changed. */
export function decryptSecret(stored: string | null | undefined, context: string): string | null {
  if (!stored) return null;
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
