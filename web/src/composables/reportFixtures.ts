import { translate } from './useI18n';
import type { Dashboard, ReportWords } from './reportCharts';
import type { UnitScorecard } from './unitScorecard';

/** A year of figures like the office's 2025 report, for the report composables' specs. */
export const zhWords: ReportWords = {
  t: (key, params) => translate('zh-CN', key, params),
  category: (code) => ({ 'urban-construction': '城建', economy: '经济发展' })[code] ?? code,
  channel: (code) => ({ letter: '来信', visit: '来访' })[code] ?? code,
  unit: (code) => ({ HOUSING: '市住建局' })[code] ?? code,
};

export function sampleDashboard(): Dashboard {
  return {
    window: { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z', fromDay: '2026-01-01', toDay: '2026-12-31' },
    summary: {
      window: { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' },
      cases: {
        received: 176,
        accepted: 170,
        rejected: 6,
        groupPetitions: 3,
        supervisedItems: 9,
        byChannel: { visit: 70, letter: 106 },
        byCategory: { economy: 50, 'urban-construction': 126 },
        byGrade: { normal: 170, escalated: 6 },
        byRegion: { 茅箭区: 100, 张湾区: 76 },
        byHandlingUnit: { HOUSING: 120, GOV: 56 },
        byStatus: { closed: 176 },
      },
      replies: { replied: 160, onTime: 160, withFeedback: 160, satisfied: 150 },
      rates: { onTimeCompletion: 1, feedback: 1, satisfaction: 0.9375 },
      resupervisions: 1,
      extensionsUsed: 2,
      meetings: { held: { special: 2, joint: 1, supervision: 0 }, confirmed: {} },
      leaders: [],
      leaderReceptions: 12,
      lettersInstructed: 66,
      conversions: {},
    },
    trend: [
      { month: '2026-01', received: 10, accepted: 9, closed: 5, replied: 4, repliedOnTime: 4 },
      { month: '2026-02', received: 20, accepted: 18, closed: 9, replied: 8, repliedOnTime: 7 },
    ],
    heatmap: {
      categories: ['urban-construction', 'economy'],
      regions: ['茅箭区', '张湾区'],
      cells: [
        { category: 'urban-construction', region: '茅箭区', count: 80, open: 5, earlyWarning: 1, warning: true },
        { category: 'economy', region: '张湾区', count: 30, open: 0, earlyWarning: 0, warning: false },
      ],
    },
    leaders: [{ leaderId: 'l1', name: '赵哲主任', openCases: 3, maxActiveCases: 10, casesInCharge: 4, receptions: 12, instructions: 66 }],
    deputies: {
      meetings: 3,
      invitations: 5,
      accepted: 4,
      attended: 2,
      byStation: [{ station: '茅箭区人大代表之家', stationKind: 'home', meetings: 3, invitations: 5, accepted: 4, attended: 2 }],
    },
  };
}

/** Two units' scorecards as GET /reports/units answers them: one with cases, one without. */
export function sampleUnits(): UnitScorecard[] {
  return [
  {
    unitId: 'u1',
    unitCode: 'GOV',
    unitName: '市人民政府',
    figures: {
      received: 3,
      signedOnTime: 1,
      signedLate: 1,
      unsignedOverdue: 1,
      repliedOnTime: 2,
      repliedLate: 1,
      openOverdue: 1,
      extensionsRequested: 2,
      extensionsApproved: 1,
      extensionsRefused: 1,
      urgedManually: 1,
      urgedAutomatically: 2,
      urgings: 3,
      casesUrged: 2,
      resupervisions: 1,
      feedback: { satisfied: 2, dissatisfied: 1 },
    },
    rates: { signOnTime: 0.3333, replyOnTime: 0.6667, satisfaction: 0.6667 },
      evaluation: null,
  },
  {
    unitId: 'u2',
    unitCode: 'COURT',
    unitName: '市中级人民法院',
    figures: {
      received: 0,
      signedOnTime: 0,
      signedLate: 0,
      unsignedOverdue: 0,
      repliedOnTime: 0,
      repliedLate: 0,
      openOverdue: 0,
      extensionsRequested: 0,
      extensionsApproved: 0,
      extensionsRefused: 0,
      urgedManually: 0,
      urgedAutomatically: 0,
      urgings: 0,
      casesUrged: 0,
      resupervisions: 0,
      feedback: {},
    },
    rates: { signOnTime: null, replyOnTime: null, satisfaction: null },
      evaluation: null,
  },
  ];
}
