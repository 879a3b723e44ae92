import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

/** A hash as the first version of the service stored it (scrypt N=16384, r=8, p=1). */
function legacyScrypt(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('hashes with Argon2id at 19 MiB, 2 passes, 1 lane and verifies only the right password', async () => {
    const stored = await hashPassword('春眠不觉晓-2026-处处');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('春眠不觉晓-2026-处处', stored)).toBe(true);
    expect(await verifyPassword('春眠不觉晓-2026-处', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verifies an old scrypt hash and asks for it to be replaced', async () => {
    const stored = legacyScrypt('secretary-demo-2026');
    expect(await verifyPassword('secretary-demo-2026', stored)).toBe(true);
    expect(await verifyPassword('secretary-demo-2027', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('treats a malformed stored hash as a wrong password, not an error', async () => {
    expect(await verifyPassword('anything-at-all', '$argon2id$garbage')).toBe(false);
    expect(await verifyPassword('anything-at-all', 'plain')).toBe(false);
  });
});
