import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'common.pagination.total', { total: 12 })).toBe('共 12 件');
    expect(translate('en', 'common.pagination.total', { total: 12 })).toBe('12 in all');
  });

  it('falls back to Chinese, then to the key itself', () => {
    expect(translate('en', 'common.test.onlyChinese')).toBe('仅中文');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });
});
