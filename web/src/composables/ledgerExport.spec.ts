import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveBlob } from './ledgerExport';

describe('saveBlob', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a download link named like the file and releases the object URL afterwards', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ledger');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    saveBlob(new Blob(['编号\n'], { type: 'text/csv' }), '台账-2026-12-04.csv');

    expect(create).toHaveBeenCalledOnce();
    expect(clicked).toEqual([{ href: 'blob:ledger', download: '台账-2026-12-04.csv' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(revoke).toHaveBeenCalledWith('blob:ledger');
  });
});
