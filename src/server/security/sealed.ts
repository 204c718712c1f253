// Secrets Landfall must read back (webhook signing secrets, a CRM's client secret) are stored sealed with
// AES-256-GCM under a key from configuration, so a copy of the database alone gives none of them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A short, non-secret name of a key, stored with what it sealed: it says which key of the ring opens it. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

const generated = new Map<string, Buffer[]>();

/**
 * The keys: LANDFALL_SECRET_KEY (the first seals, every one opens, so a key can be rotated), or, when it is not
 * set, a key generated once and kept in the data directory (`secret.key`, readable by its owner only).
 */
export function keyRing(config: { secretKeys: Buffer[]; dataDir: string }): Buffer[] {
  if (config.secretKeys.length > 0) return config.secretKeys;
  const known = generated.get(config.dataDir);
  if (known) return known;
  const file = path.join(config.dataDir, 'secret.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key (base64): restore it, or set LANDFALL_SECRET_KEY.`);
  const ring = [key];
  generated.set(config.dataDir, ring);
  return ring;
}

export function seal(keys: Buffer[], plaintext: string): string {
  const key = keys[0]!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${keyId(key)}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The secret; a value stored before sealing existed is returned as it is (and is sealed when next written). */
export function unseal(keys: Buffer[], stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [id, data = ''] = stored.slice(PREFIX.length).split(':');
  const key = keys.find((candidate) => keyId(candidate) === id);
  if (!key) throw new Error('A stored secret was sealed with a key that is not in LANDFALL_SECRET_KEY: list the old key after the new one.');
  const raw = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Whether a stored value is plain or sealed under an older key: then it is worth sealing again with the current one. */
export const needsResealing = (keys: Buffer[], stored: string) => !stored.startsWith(`${PREFIX}${keyId(keys[0]!)}:`);
