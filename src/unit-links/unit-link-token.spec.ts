import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/errors.js';
import { replyLinkKey } from '../meetings/replies/reply-link.js';
import { linkActorId, UnitLinkSigner, unitLinkKey } from './unit-link-token.js';

const LINK = 'abcdef33-3333-4333-8333-333333333333';
const signer = new UnitLinkSigner(unitLinkKey('a-secret-of-the-deployment'));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
};

describe('UnitLinkSigner', () => {
  const token = signer.sign(LINK);

  it('signs a link id as <id>.<43-character MAC> and reads the id back', () => {
    expect(token).toMatch(/^abcdef33-3333-4333-8333-333333333333\.[A-Za-z0-9_-]{43}$/);
    expect(signer.linkIdOf(token)).toBe(LINK);
    expect(signer.sign(LINK)).toBe(token);
  });

  it('refuses another key, another id with this MAC, an altered MAC and malformed input with 404 UNIT_LINK_INVALID', () => {
    const [, mac] = token.split('.');
    const other = new UnitLinkSigner(unitLinkKey('another-secret')).sign(LINK);
    const otherId = `44444444-4444-4444-8444-444444444444.${mac}`;
    const flipped = `${LINK}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`;
    for (const bad of [other, otherId, flipped, '', LINK, `${LINK}.`, `${token}.x`, `${LINK.toUpperCase()}.${mac}`, '中文.中文', 'a'.repeat(5000)]) {
      expect(codeOf(() => signer.linkIdOf(bad))).toBe('404 UNIT_LINK_INVALID');
    }
  });

  it('uses a key of its own: a reply link key signs nothing a unit link accepts', () => {
    const secret = 'shared-deployment-secret';
    expect(unitLinkKey(secret).equals(replyLinkKey(secret))).toBe(false);
    const forged = new UnitLinkSigner(replyLinkKey(secret)).sign(LINK);
    expect(codeOf(() => new UnitLinkSigner(unitLinkKey(secret)).linkIdOf(forged))).toBe('404 UNIT_LINK_INVALID');
  });
});

describe('linkActorId', () => {
  it('names the link in 27 characters (actor ids are at most 36), one name per link', () => {
    const id = linkActorId(LINK);
    expect(id).toMatch(/^link:[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id.slice(5), 'base64url').toString('hex')).toBe(LINK.replace(/-/g, ''));
    expect(linkActorId('44444444-4444-4444-8444-444444444444')).not.toBe(id);
  });
});
