import type { Dashboard, ReportWords } from './reportCharts';
import { namedCounts } from './reportCharts';
import type { UnitScorecard } from './unitScorecard';

export interface AnnualSection {
  /** 一、二、三… */
  number: string;
  heading: string;
  paragraphs: string[];
  /** A table under the paragraphs (the units' scorecard). */
  table?: { columns: string[]; rows: string[][] };
}

export interface AnnualReport {
  title: string;
  subtitle: string;
  issuer: string;
  sections: AnnualSection[];
  note: string;
}

const percent = (rate: number | null, none: string): string => (rate === null ? none : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** An office day as the document writes it (2026年1月1日). */
export function documentDay(day: string, w: ReportWords): string {
  const [y, mm, dd] = day.split('-');
  return w.t('reports.annual.day', { y, mm, dd, m: Number(mm), d: Number(dd) });
}

/** A window that is exactly one calendar year reads as that year's report (2025年度…). */
export function fullYear(fromDay: string, toDay: string): number | null {
  const year = fromDay.slice(0, 4);
  return fromDay === `${year}-01-01` && toDay === `${year}-12-31` ? Number(year) : null;
}

/**
 * The annual report (年度信访工作情况报告) from the dashboard's figures, in the office's words and
 * order: numbered sections 一、二、三…, every number from the API (the units' scorecards from GET /reports/units
 * for the same window).
 */
export function annualReport(d: Dashboard, w: ReportWords, units: UnitScorecard[] = []): AnnualReport {
  const s = d.summary;
  const { fromDay, toDay } = d.window;
  const none = w.t('reports.annual.nothing');
  const sep = w.t('reports.annual.separator');
  const top = (counts: Record<string, number>, name: (code: string) => string): string =>
    namedCounts(counts, name)
      .slice(0, 5)
      .map((e) => w.t('reports.annual.top', { name: e.name, count: e.value }))
      .join(sep) || none;
  const year = fullYear(fromDay, toDay);
  const conversions = Object.entries(s.conversions).filter(([, n]) => n > 0);
  const sections: Omit<AnnualSection, 'number'>[] = [
    {
      heading: w.t('reports.annual.sections.basics'),
      paragraphs: [
        w.t('reports.annual.basics', { received: s.cases.received, accepted: s.cases.accepted, rejected: s.cases.rejected, group: s.cases.groupPetitions, supervised: s.cases.supervisedItems }),
      ],
    },
    {
      heading: w.t('reports.annual.sections.quality'),
      paragraphs: [
        w.t('reports.annual.quality', {
          replied: s.replies.replied,
          onTime: percent(s.rates.onTimeCompletion, none),
          feedback: percent(s.rates.feedback, none),
          satisfaction: percent(s.rates.satisfaction, none),
          resupervisions: s.resupervisions,
          extensions: s.extensionsUsed,
        }),
      ],
    },
    {
      heading: w.t('reports.annual.sections.leadership'),
      paragraphs: [
        w.t('reports.annual.leadership', {
          special: s.meetings.held.special ?? 0,
          joint: s.meetings.held.joint ?? 0,
          supervision: s.meetings.held.supervision ?? 0,
          receptions: s.leaderReceptions,
          instructions: s.lettersInstructed,
        }),
      ],
    },
    {
      heading: w.t('reports.annual.sections.distribution'),
      paragraphs: [
        w.t('reports.annual.distribution', {
          categories: top(s.cases.byCategory, w.category),
          regions: top(s.cases.byRegion, (r) => r),
          channels: top(s.cases.byChannel, w.channel),
        }),
      ],
    },
    {
      heading: w.t('reports.annual.sections.conversions'),
      paragraphs: [
        w.t('reports.annual.conversions', {
          total: conversions.reduce((sum, [, n]) => sum + n, 0),
          items: conversions.map(([kind, n]) => `${w.t(`reports.annual.conversionKinds.${kind}`)} ${n}`).join(sep) || none,
        }),
      ],
    },
    unitsSection(units, w, none),
  ];
  const numerals = w.t('reports.annual.numerals').split(',');
  return {
    title: year ? w.t('reports.annual.titleYear', { year }) : w.t('reports.annual.titleRange'),
    subtitle: w.t('reports.annual.subtitle', { from: documentDay(fromDay, w), to: documentDay(toDay, w) }),
    issuer: w.t('reports.annual.issuer'),
    sections: sections.map((section, i) => ({ number: numerals[i] ?? String(i + 1), ...section })),
    note: w.t('reports.annual.note'),
  };
}

/** 承办单位考评: the units that had cases in the window, their totals in a sentence and a row each (figures from the API). */
function unitsSection(all: UnitScorecard[], w: ReportWords, none: string): Omit<AnnualSection, 'number'> {
  const units = all.filter((u) => u.figures.received + u.figures.repliedOnTime + u.figures.repliedLate + u.figures.urgings + u.figures.unsignedOverdue > 0);
  const heading = w.t('reports.annual.sections.units');
  if (!units.length) return { heading, paragraphs: [w.t('reports.annual.unitsNone')] };
  const sum = (key: 'received' | 'signedOnTime' | 'signedLate' | 'repliedOnTime' | 'repliedLate' | 'urgings' | 'resupervisions'): number => units.reduce((s, u) => s + u.figures[key], 0);
  return {
    heading,
    paragraphs: [
      w.t('reports.annual.units', {
        count: units.length,
        received: sum('received'),
        signedOnTime: sum('signedOnTime'),
        signedLate: sum('signedLate'),
        repliedOnTime: sum('repliedOnTime'),
        repliedLate: sum('repliedLate'),
        urgings: sum('urgings'),
        resupervisions: sum('resupervisions'),
      }),
    ],
    table: {
      columns: w.t('reports.annual.unitColumns').split(','),
      rows: units.map((u) => [
        u.unitName,
        String(u.figures.received),
        percent(u.rates.signOnTime, none),
        percent(u.rates.replyOnTime, none),
        String(u.figures.urgings),
        String(u.figures.resupervisions),
        percent(u.rates.satisfaction, none),
      ]),
    },
  };
}
