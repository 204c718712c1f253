import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyRing, needsResealing, seal, unseal } from './sealed.ts';

describe('sealed secrets', () => {
  it('seal with AES-256-GCM: the stored text shows nothing of the secret, and a changed byte is refused', () => {
    const keys = [randomBytes(32)];
    const stored = seal(keys, 'whsec_the-secret');
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain('the-secret');
    expect(seal(keys, 'whsec_the-secret')).not.toBe(stored); // a fresh IV each time
    expect(unseal(keys, stored)).toBe('whsec_the-secret');
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => unseal(keys, tampered)).toThrow();
  });

  it('rotate: the first key seals, every key listed opens, and a value under an old key or plain asks to be sealed again', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const underOld = seal([oldKey], 'client-secret');
    expect(unseal([newKey, oldKey], underOld)).toBe('client-secret');
    expect(needsResealing([newKey, oldKey], underOld)).toBe(true);
    expect(needsResealing([newKey, oldKey], seal([newKey, oldKey], 'client-secret'))).toBe(false);
    expect(() => unseal([newKey], underOld)).toThrow(/not in LANDFALL_SECRET_KEY/);
    expect(unseal([newKey], 'whsec_written-before-sealing')).toBe('whsec_written-before-sealing');
    expect(needsResealing([newKey], 'whsec_written-before-sealing')).toBe(true);
  });

  it('without LANDFALL_SECRET_KEY, generates a key once and keeps it in the data directory, readable by its owner only', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-key-'));
    try {
      const ring = keyRing({ secretKeys: [], dataDir });
      expect(ring[0]).toHaveLength(32);
      const file = path.join(dataDir, 'secret.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(ring[0]!)).toBe(true);
      const configured = [randomBytes(32)];
      expect(keyRing({ secretKeys: configured, dataDir })).toBe(configured);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
