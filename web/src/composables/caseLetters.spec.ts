import { describe, expect, it } from 'vitest';
import { printableKinds } from './caseLetters';

describe('printableKinds', () => {
  it('offers the petitioner’s notices the API allows now, and none of the letters that go to units', () => {
    expect(printableKinds(['acceptance-notice', 'transfer-letter', 'urging-notice'])).toEqual(['acceptance-notice']);
    expect(printableKinds(['rejection-notice'])).toEqual(['rejection-notice']);
    expect(printableKinds(['transfer-letter', 'supervision-letter'])).toEqual([]);
    expect(printableKinds([])).toEqual([]);
  });
});
