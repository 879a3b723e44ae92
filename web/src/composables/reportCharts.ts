import type { components } from '@/api/schema';

export type Dashboard = components['schemas']['DashboardResponse'];
type Summary = components['schemas']['SummaryResponse'];

/** How the page names codes and words: labels from @domain/labels and the directory, texts from the locale. */
export interface ReportWords {
  t(key: string, params?: Record<string, string | number>): string;
  category(code: string): string;
  channel(code: string): string;
  unit(code: string): string;
}

export interface FigureCard {
  key: string;
  label: string;
  value: string;
  detail?: string;
}

/** A chart and its text alternative: the same numbers as a table and a one-sentence summary. */
export interface ChartSpec {
  id: string;
  title: string;
  summary: string;
  table: { columns: string[]; rows: (string | number)[][] };
  /** The ECharts option (only the chart types the page registers: bar, line, heatmap). */
  option: Record<string, unknown>;
  empty: boolean;
  /** Taller charts for long category lists. */
  height: number;
}

const COLORS = { primary: '#1f5fa8', accepted: '#2e7d32', closed: '#6a3d9a', onTime: '#b45309', warning: '#b42318', capacity: '#9aa4b2' };
const percent = (rate: number | null | undefined, none: string): string => (rate === null || rate === undefined ? none : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** The annual figures as the office reports them (来信来访, 受理, 按期办结率, 反馈率, 满意率, 督办件, 会议, 接访, 批示). */
export function figureCards(s: Summary, w: ReportWords): FigureCard[] {
  const none = w.t('reports.figures.none');
  const held = s.meetings.held;
  const meetings = (held.special ?? 0) + (held.joint ?? 0) + (held.supervision ?? 0);
  const cases = (n: number): string => `${n} ${w.t('reports.figures.unitCases')}`;
  const times = (n: number): string => `${n} ${w.t('reports.figures.unitTimes')}`;
  return [
    { key: 'received', label: w.t('reports.figures.received'), value: cases(s.cases.received) },
    { key: 'accepted', label: w.t('reports.figures.accepted'), value: cases(s.cases.accepted) },
    { key: 'onTimeCompletion', label: w.t('reports.figures.onTimeCompletion'), value: percent(s.rates.onTimeCompletion, none) },
    { key: 'feedback', label: w.t('reports.figures.feedback'), value: percent(s.rates.feedback, none) },
    { key: 'satisfaction', label: w.t('reports.figures.satisfaction'), value: percent(s.rates.satisfaction, none) },
    { key: 'supervisedItems', label: w.t('reports.figures.supervisedItems'), value: cases(s.cases.supervisedItems) },
    {
      key: 'meetings',
      label: w.t('reports.figures.meetings'),
      value: `${meetings} ${w.t('reports.figures.unitMeetings')}`,
      detail: w.t('reports.figures.meetingsDetail', { special: held.special ?? 0, joint: held.joint ?? 0, supervision: held.supervision ?? 0 }),
    },
    { key: 'leaderReceptions', label: w.t('reports.figures.leaderReceptions'), value: times(s.leaderReceptions) },
    { key: 'lettersInstructed', label: w.t('reports.figures.lettersInstructed'), value: cases(s.lettersInstructed) },
  ];
}

/** Counts by code, largest first, named. */
export function namedCounts(counts: Record<string, number>, name: (code: string) => string): { name: string; value: number }[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, value]) => ({ name: name(code), value }));
}

export function barChart(id: string, title: string, entries: { name: string; value: number }[], w: ReportWords): ChartSpec {
  const shown = [...entries].reverse(); // ECharts draws a category axis bottom-up: largest on top
  return {
    id,
    title,
    empty: entries.length === 0,
    height: Math.max(220, 60 + entries.length * 28),
    summary: entries.length
      ? w.t('reports.charts.summaryBars', { title, items: entries.map((e) => `${e.name} ${e.value}`).join('，') })
      : w.t('reports.charts.summaryEmpty', { title }),
    table: { columns: [w.t('reports.charts.name'), w.t('reports.charts.count')], rows: entries.map((e) => [e.name, e.value]) },
    option: {
      animation: false, // drawn at once: screenshots, print and reduced motion see the final chart
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((e) => e.name), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', data: shown.map((e) => e.value), itemStyle: { color: COLORS.primary }, label: { show: true, position: 'right' }, barMaxWidth: 22 }],
    },
  };
}

export function trendChart(trend: Dashboard['trend'], w: ReportWords): ChartSpec {
  const title = w.t('reports.charts.trend');
  const keys = ['received', 'accepted', 'closed', 'repliedOnTime'] as const;
  const colors = [COLORS.primary, COLORS.accepted, COLORS.closed, COLORS.onTime];
  const sum = (k: (typeof keys)[number]): number => trend.reduce((s, p) => s + p[k], 0);
  return {
    id: 'trend',
    title,
    empty: trend.length === 0,
    height: 300,
    summary: w.t('reports.charts.trendSummary', { title, months: trend.length, received: sum('received'), accepted: sum('accepted'), closed: sum('closed'), onTime: sum('repliedOnTime') }),
    table: {
      columns: [w.t('reports.charts.month'), ...keys.map((k) => w.t(`reports.charts.${k}`))],
      rows: trend.map((p) => [p.month, ...keys.map((k) => p[k])]),
    },
    option: {
      animation: false, // drawn at once: screenshots, print and reduced motion see the final chart
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: keys.map((k) => w.t(`reports.charts.${k}`)) },
      xAxis: { type: 'category', data: trend.map((p) => p.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((k, i) => ({ type: 'line', name: w.t(`reports.charts.${k}`), data: trend.map((p) => p[k]), itemStyle: { color: colors[i] }, lineStyle: { color: colors[i] }, symbolSize: 6 })),
    },
  };
}

/** The category × region heat map; cells with an early warning get a red frame and are named in the table. */
export function heatmapChart(heat: Dashboard['heatmap'], w: ReportWords, maxRegions = 12, maxCategories = 11): ChartSpec {
  const title = w.t('reports.charts.heatmap');
  const regions = heat.regions.slice(0, maxRegions);
  const categories = heat.categories.slice(0, maxCategories);
  const cells = heat.cells.filter((c) => regions.includes(c.region) && categories.includes(c.category));
  const max = Math.max(1, ...cells.map((c) => c.count));
  const top = heat.cells[0];
  const warnings = heat.cells.filter((c) => c.warning).length;
  return {
    id: 'heatmap',
    title,
    empty: cells.length === 0,
    height: Math.max(260, 90 + categories.length * 30),
    summary: top
      ? w.t('reports.charts.heatSummary', { title, cells: heat.cells.length, top: `${w.category(top.category)} · ${top.region}`, count: top.count, warnings })
      : w.t('reports.charts.summaryEmpty', { title }),
    table: {
      columns: [w.t('reports.charts.category'), w.t('reports.charts.region'), w.t('reports.charts.count'), w.t('reports.charts.open'), w.t('reports.charts.warning')],
      rows: heat.cells.map((c) => [w.category(c.category), c.region, c.count, c.open, c.warning ? `${w.t('reports.charts.warningMark')} ${c.earlyWarning}` : '']),
    },
    option: {
      animation: false, // drawn at once: screenshots, print and reduced motion see the final chart
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      tooltip: { position: 'top' },
      xAxis: { type: 'category', data: regions, axisLabel: { interval: 0, rotate: regions.length > 6 ? 30 : 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: categories.map((c) => w.category(c)), splitArea: { show: true } },
      visualMap: { min: 0, max, text: [String(max), '0'], calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#eaf1f8', '#8fb0d6', '#1f5fa8'] } },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => ({
            value: [regions.indexOf(c.region), categories.indexOf(c.category), c.count],
            itemStyle: c.warning ? { borderColor: COLORS.warning, borderWidth: 3 } : undefined,
          })),
          label: { show: true },
        },
      ],
    },
  };
}

export function leaderLoadChart(leaders: Dashboard['leaders'], w: ReportWords): ChartSpec {
  const title = w.t('reports.charts.leaders');
  const shown = [...leaders].reverse();
  return {
    id: 'leaders',
    title,
    empty: leaders.length === 0,
    height: Math.max(220, 80 + leaders.length * 36),
    summary: leaders.length
      ? w.t('reports.charts.leadersSummary', { title, items: leaders.map((l) => w.t('reports.charts.leaderItem', { name: l.name, open: l.openCases, max: l.maxActiveCases })).join('，') })
      : w.t('reports.charts.summaryEmpty', { title }),
    table: {
      columns: ['leader', 'openCases', 'maxActiveCases', 'receptions', 'instructions'].map((k) => w.t(`reports.charts.${k}`)),
      rows: leaders.map((l) => [l.name, l.openCases, l.maxActiveCases, l.receptions, l.instructions]),
    },
    option: {
      animation: false, // drawn at once: screenshots, print and reduced motion see the final chart
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: ['openCases', 'maxActiveCases', 'receptions', 'instructions'].map((k) => w.t(`reports.charts.${k}`)) },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((l) => l.name) },
      series: [
        { type: 'bar', name: w.t('reports.charts.openCases'), data: shown.map((l) => l.openCases), itemStyle: { color: COLORS.primary }, barMaxWidth: 14 },
        { type: 'bar', name: w.t('reports.charts.maxActiveCases'), data: shown.map((l) => l.maxActiveCases), itemStyle: { color: COLORS.capacity }, barMaxWidth: 14 },
        { type: 'bar', name: w.t('reports.charts.receptions'), data: shown.map((l) => l.receptions), itemStyle: { color: COLORS.accepted }, barMaxWidth: 14 },
        { type: 'bar', name: w.t('reports.charts.instructions'), data: shown.map((l) => l.instructions), itemStyle: { color: COLORS.onTime }, barMaxWidth: 14 },
      ],
    },
  };
}

/** Every chart of the dashboard, in page order. */
export function dashboardCharts(d: Dashboard, w: ReportWords): ChartSpec[] {
  const c = d.summary.cases;
  return [
    barChart('category', w.t('reports.charts.byCategory'), namedCounts(c.byCategory, w.category), w),
    barChart('region', w.t('reports.charts.byRegion'), namedCounts(c.byRegion, (r) => r), w),
    barChart('unit', w.t('reports.charts.byUnit'), namedCounts(c.byHandlingUnit, w.unit), w),
    barChart('channel', w.t('reports.charts.byChannel'), namedCounts(c.byChannel, w.channel), w),
    trendChart(d.trend, w),
    heatmapChart(d.heatmap, w),
    leaderLoadChart(d.leaders, w),
  ];
}
