import { describe, expect, it } from 'vitest';
import { annualReport, fullYear } from './annualReport';
import { sampleDashboard, sampleUnits, zhWords } from './reportFixtures';
import { translate } from './useI18n';

describe('annual report', () => {
  it('titles a calendar year as that year’s report, any other window by its days', () => {
    expect(fullYear('2025-01-01', '2025-12-31')).toBe(2025);
    expect(fullYear('2025-01-01', '2025-11-30')).toBeNull();
    expect(annualReport(sampleDashboard(), zhWords).title).toBe('2026年度信访工作情况报告');
    const d = sampleDashboard();
    d.window = { ...d.window, toDay: '2026-11-29' };
    expect(annualReport(d, zhWords)).toMatchObject({ title: '信访工作情况报告', subtitle: '（统计区间：2026年1月1日至2026年11月29日）' });
  });

  it('numbers the sections 一、二、三… and writes the figures as the office reports them', () => {
    const r = annualReport(sampleDashboard(), zhWords);
    expect(r.sections.map((s) => `${s.number}、${s.heading}`)).toEqual(['一、基本情况', '二、办理质效', '三、领导重视', '四、信访事项分布', '五、成果转化', '六、承办单位考评']);
    expect(r.sections[0].paragraphs[0]).toContain('共登记来信来访 176 件次，依法规范受理 170 件');
    expect(r.sections[0].paragraphs[0]).toContain('督办件交办 9 件');
    expect(r.sections[1].paragraphs[0]).toContain('按期办结率 100%，反馈率 100%，满意率 93.8%');
    expect(r.sections[2].paragraphs[0]).toContain('专题会议 2 次');
    expect(r.sections[2].paragraphs[0]).toContain('接访 12 次，阅批来信来访 66 件次');
    expect(r.sections[3].paragraphs[0]).toBe('按问题类别，城建 126 件，经济发展 50 件；按地区，茅箭区 100 件，张湾区 76 件；按渠道，来信 106 件，来访 70 件。');
    expect(r.sections[4].paragraphs[0]).toBe('推动信访成果转化 0 项：无。');
  });

  it('ends with the handling units’ scorecard: totals in words and a row per unit with cases', () => {
    const units = annualReport(sampleDashboard(), zhWords, sampleUnits()).sections[5];
    expect(units.paragraphs[0]).toBe('1 个承办单位共收到交办转送事项 3 件，按期签收 1 件、逾期签收 1 件，按期答复 2 件、逾期答复 1 件，被催办 3 次，再督办 1 次。各单位情况见下表。');
    expect(units.table).toEqual({ columns: ['承办单位', '交办转送', '按期签收率', '按期答复率', '催办', '再督办', '满意率'], rows: [['市人民政府', '3', '33.3%', '66.7%', '3', '1', '66.7%']] });
    expect(annualReport(sampleDashboard(), zhWords, []).sections[5]).toEqual({ number: '六', heading: '承办单位考评', paragraphs: ['统计区间内没有交办转送承办单位的事项。'] });
  });

  it('reads in English when the console does', () => {
    const en = { ...zhWords, t: (key: string, params?: Record<string, string | number>) => translate('en', key, params) };
    const r = annualReport(sampleDashboard(), en);
    expect(r.sections[0].number).toBe('I');
    expect(r).toMatchObject({ title: 'Petition work report 2026', subtitle: '(Period: 2026-01-01 to 2026-12-31)' });
  });
});
