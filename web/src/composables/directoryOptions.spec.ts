import { describe, expect, it } from 'vitest';
import { directoryRegions, unitNamer, unitOptions } from './directoryOptions';

const unit = (code: string, name: string, nameEn: string | null, active = true) => ({ id: code, code, name, shortName: null, nameEn, kind: 'committee' as const, categories: [], responsibilities: [], email: null, active });

describe('directory options', () => {
  const units = [unit('GOV', '市人民政府', 'Municipal Government'), unit('OLD', '旧单位', null, false), unit('COURT', '市中级人民法院', null)];

  it('offers the active units by code, named in the chosen language', () => {
    expect(unitOptions(units, 'zh-CN')).toEqual([
      { value: 'GOV', label: '市人民政府' },
      { value: 'COURT', label: '市中级人民法院' },
    ]);
    expect(unitOptions(units, 'en')[0]).toEqual({ value: 'GOV', label: 'Municipal Government' });
    expect(unitOptions(units, 'en')[1]).toEqual({ value: 'COURT', label: '市中级人民法院' });
  });

  it('names a unit code, an unknown one as itself', () => {
    const name = unitNamer(units, 'zh-CN');
    expect(name('OLD')).toBe('旧单位');
    expect(name('NOPE')).toBe('NOPE');
    expect(name(null)).toBe('');
  });

  it('gathers the regions of leaders and deputies once each', () => {
    const regions = directoryRegions([{ regions: ['茅箭区', '张湾区'] }, { regions: ['茅箭区', ' '] }], [{ region: '房县' }, { region: null }]);
    expect(regions).toHaveLength(3);
    expect(new Set(regions)).toEqual(new Set(['茅箭区', '张湾区', '房县']));
  });
});
