import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { isMissing } from './caseDetail';

describe('a case out of reach', () => {
  it('reads a 404, a 403 and a malformed id alike, and nothing else', () => {
    expect(isMissing(ApiError.from(404, { code: 'CASE_NOT_FOUND' }))).toBe(true);
    expect(isMissing(ApiError.from(403, undefined))).toBe(true);
    expect(isMissing(ApiError.from(400, { code: 'INVALID_UUID' }))).toBe(true);
    expect(isMissing(ApiError.from(500, undefined))).toBe(false);
    expect(isMissing(new TypeError('Failed to fetch'))).toBe(false);
  });
});
