import { describe, expect, it } from 'vitest';
import { barChart, dashboardCharts, figureCards, heatmapChart, namedCounts } from './reportCharts';
import { sampleDashboard as dashboard, zhWords as words } from './reportFixtures';

describe('report charts', () => {
  it('shows the annual figures the way the office reports them', () => {
    const cards = figureCards(dashboard().summary, words);
    const value = (key: string): string => cards.find((c) => c.key === key)?.value ?? '';
    expect(value('received')).toBe('176 件');
    expect(value('accepted')).toBe('170 件');
    expect(value('onTimeCompletion')).toBe('100%');
    expect(value('satisfaction')).toBe('93.8%');
    expect(value('supervisedItems')).toBe('9 件');
    expect(value('meetings')).toBe('3 次');
    expect(cards.find((c) => c.key === 'meetings')?.detail).toBe('专题 2 · 联席 1 · 督办 0');
    expect(value('leaderReceptions')).toBe('12 次');
    expect(value('lettersInstructed')).toBe('66 件');
  });

  it('shows a dash, not 0 %, for a rate with nothing to rate', () => {
    const s = { ...dashboard().summary, rates: { onTimeCompletion: null, feedback: null, satisfaction: null } };
    expect(figureCards(s, words).find((c) => c.key === 'feedback')?.value).toBe('—');
  });

  it('names codes and sorts bars largest first, with a table and a summary as text alternative', () => {
    const entries = namedCounts({ letter: 106, visit: 70 }, words.channel);
    expect(entries).toEqual([{ name: '来信', value: 106 }, { name: '来访', value: 70 }]);
    const chart = barChart('channel', '按信访渠道', entries, words);
    expect(chart.summary).toBe('按信访渠道：来信 106，来访 70。');
    expect(chart.table.rows).toEqual([['来信', 106], ['来访', 70]]);
    expect((chart.option.yAxis as { data: string[] }).data).toEqual(['来访', '来信']); // bottom-up: largest on top
    expect(barChart('x', '空', [], words)).toMatchObject({ empty: true, summary: '空：该区间内没有数据。' });
  });

  it('marks early-warning cells of the heat map in the chart and in its table', () => {
    const chart = heatmapChart(dashboard().heatmap, words);
    const data = (chart.option.series as { data: { value: number[]; itemStyle?: { borderColor: string } }[] }[])[0].data;
    expect(data[0]).toEqual({ value: [0, 0, 80], itemStyle: { borderColor: '#b42318', borderWidth: 3 } });
    expect(data[1].itemStyle).toBeUndefined();
    expect(chart.table.rows[0]).toEqual(['城建', '茅箭区', 80, 5, '预警 1']);
    expect(chart.summary).toContain('最多的是城建 · 茅箭区（80 件）；1 个组合有聚集预警');
  });

  it('builds every chart of the page with its text alternative', () => {
    const charts = dashboardCharts(dashboard(), words);
    expect(charts.map((c) => c.id)).toEqual(['category', 'region', 'unit', 'channel', 'trend', 'heatmap', 'leaders']);
    expect(charts[2].table.rows[0]).toEqual(['市住建局', 120]);
    expect(charts[4].table.rows).toEqual([['2026-01', 10, 9, 5, 4], ['2026-02', 20, 18, 9, 7]]);
    expect(charts[4].summary).toContain('共登记 30 件');
    expect(charts[6].summary).toBe('领导包案负荷：赵哲主任 在办 3/10 件。');
  });
});
