import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/errors.js';
import { assertLinkUsable, unitLinkExpiry } from './unit-link-validity.js';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'usable';
};
const NOW = new Date('2026-11-26T02:00:00Z');

describe('unitLinkExpiry', () => {
  it('is the running deadline plus 30 days when that is more than 30 days away', () => {
    expect(unitLinkExpiry(NOW, new Date('2026-12-26T02:00:00Z')).toISOString()).toBe('2027-01-25T02:00:00.000Z');
  });

  it('is at least 30 days from now: for a late case, or a case with no running deadline', () => {
    expect(unitLinkExpiry(NOW, new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-12-26T02:00:00.000Z');
    expect(unitLinkExpiry(NOW, null).toISOString()).toBe('2026-12-26T02:00:00.000Z');
  });

  it('takes another number of days when configured', () => {
    expect(unitLinkExpiry(NOW, new Date('2026-12-10T00:00:00Z'), 60).toISOString()).toBe('2027-02-08T00:00:00.000Z');
  });
});

describe('assertLinkUsable', () => {
  const link = { unitCode: 'GOV', expiresAt: new Date('2026-12-26T02:00:00Z'), revokedAt: null };

  it('lets a live link of the handling unit through', () => {
    expect(codeOf(() => assertLinkUsable(link, 'GOV', NOW))).toBe('usable');
  });

  it('answers 410 EXPIRED from the expiry instant on', () => {
    expect(codeOf(() => assertLinkUsable(link, 'GOV', new Date('2026-12-26T01:59:59.999Z')))).toBe('usable');
    expect(codeOf(() => assertLinkUsable(link, 'GOV', new Date('2026-12-26T02:00:00Z')))).toBe('410 UNIT_LINK_EXPIRED');
  });

  it('answers 410 REVOKED once revoked, even when it has also expired or was handed over', () => {
    const revoked = { ...link, revokedAt: new Date('2026-11-27T00:00:00Z') };
    expect(codeOf(() => assertLinkUsable(revoked, 'GOV', NOW))).toBe('410 UNIT_LINK_REVOKED');
    expect(codeOf(() => assertLinkUsable(revoked, 'EDU', new Date('2027-01-01T00:00:00Z')))).toBe('410 UNIT_LINK_REVOKED');
  });

  it('answers 410 HANDED_OVER when the case went to another unit or has none any more', () => {
    expect(codeOf(() => assertLinkUsable(link, 'EDU', NOW))).toBe('410 UNIT_LINK_HANDED_OVER');
    expect(codeOf(() => assertLinkUsable(link, null, NOW))).toBe('410 UNIT_LINK_HANDED_OVER');
  });
});
