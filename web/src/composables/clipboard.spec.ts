import { describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    expect(await copyText('webcal://x/feed.ics', document, { writeText })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('webcal://x/feed.ics');
  });

  it('falls back to select-and-copy when the Clipboard API refuses, and leaves nothing behind', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('NotAllowedError'));
    const copied: string[] = [];
    const execCommand = vi.fn(() => {
      copied.push((document.activeElement as HTMLTextAreaElement | null)?.value ?? (document.querySelector('textarea')?.value ?? ''));
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    expect(await copyText('webcal://x/feed.ics', document, { writeText })).toBe(true);
    expect(copied).toEqual(['webcal://x/feed.ics']);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('says so when nothing could copy', async () => {
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    expect(await copyText('x', document, null)).toBe(false);
  });
});
