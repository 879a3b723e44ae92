import { describe, expect, it } from 'vitest';
import { formatSize, uploadForm } from './caseAttachments';

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [340 * 1024, '340 KB'],
    [1.25 * 1024 * 1024, '1.3 MB'],
    [20 * 1024 * 1024, '20 MB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('uploadForm', () => {
  it('sends the kind and the file under the names the API reads', () => {
    const file = new File(['%PDF-1.4'], '书面报告.pdf', { type: 'application/pdf' });
    const form = uploadForm('unit-report', file);
    expect(form.get('kind')).toBe('unit-report');
    expect((form.get('file') as File).name).toBe('书面报告.pdf');
  });
});
