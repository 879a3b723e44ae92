import type { RouteRecordRaw } from 'vue-router';

export type Role = 'admin' | 'secretariat' | 'leader' | 'auditor' | 'unit';

declare module 'vue-router' {
  interface RouteMeta {
    /** Who sees the page in the menu and may open it (the API decides what it then shows). */
    roles?: Role[];
    /** The menu entry's message key, for pages in the menu. */
    menu?: string;
    /** Who sees the menu entry, when fewer than who may open the page (the others reach it from another page). */
    menuRoles?: Role[];
    public?: boolean;
  }
}

const OFFICE: Role[] = ['admin', 'secretariat'];
const EVERYONE: Role[] = ['admin', 'secretariat', 'leader', 'auditor'];
/** Handling units' accounts open the shared case page too (the API shows them their own cases only); their list is /unit/cases. */
const WITH_UNITS: Role[] = [...EVERYONE, 'unit'];
const ADMIN: Role[] = ['admin'];
const OVERSIGHT: Role[] = ['admin', 'auditor'];

/** Every page of the console; views load on demand so the first page stays small. */
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true } },
  /** 会议回执 by the signed link in an invite: no login, no menu. */
  { path: '/reply/:token', name: 'reply', component: () => import('@/views/reply/ReplyView.vue'), meta: { public: true }, props: true },
  /** 单位办理链接: a handling unit without an account works on its case by the signed link in the notice; no login, no menu. */
  { path: '/unit-link/:token', name: 'unit-link', component: () => import('@/views/unit/UnitLinkView.vue'), meta: { public: true }, props: true },
  {
    path: '/',
    component: () => import('@/layouts/ConsoleLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: { name: 'ledger' } },
      { path: 'ledger', name: 'ledger', component: () => import('@/views/ledger/LedgerView.vue'), meta: { roles: [...OFFICE, 'auditor'], menu: 'common.menu.ledger' } },
      { path: 'intake', name: 'intake', component: () => import('@/views/intake/IntakeView.vue'), meta: { roles: OFFICE, menu: 'common.menu.intake' } },
      { path: 'ledger-import', name: 'ledger-import', component: () => import('@/views/ledger-import/LedgerImportView.vue'), meta: { roles: OFFICE } },
      { path: 'planning', name: 'planning', component: () => import('@/views/planning/PlanningView.vue'), meta: { roles: OFFICE, menu: 'common.menu.planning' } },
      { path: 'my', name: 'mine', component: () => import('@/views/leader/LeaderView.vue'), meta: { roles: ['leader'], menu: 'common.menu.mine' } },
      { path: 'rules', name: 'rules', component: () => import('@/views/rules/RulesView.vue'), meta: { roles: ADMIN, menu: 'common.menu.rules' } },
      { path: 'rules/sets/:id', name: 'rule-set', component: () => import('@/views/rules/RuleSetView.vue'), meta: { roles: ADMIN }, props: true },
      { path: 'settings', name: 'settings', component: () => import('@/views/settings/SettingsView.vue'), meta: { roles: ADMIN, menu: 'common.menu.settings' } },
      { path: 'letter-templates', name: 'letter-templates', component: () => import('@/views/letters/LetterTemplatesView.vue'), meta: { roles: ADMIN } },
      { path: 'directory', name: 'directory', component: () => import('@/views/directory/DirectoryView.vue'), meta: { roles: ADMIN, menu: 'common.menu.directory' } },
      { path: 'reports', name: 'reports', component: () => import('@/views/reports/ReportsView.vue'), meta: { roles: [...OVERSIGHT, 'secretariat'], menu: 'common.menu.reports' } },
      { path: 'unit-scorecard', name: 'unit-scorecard', component: () => import('@/views/reports/UnitScorecardView.vue'), meta: { roles: [...OVERSIGHT, 'secretariat', 'leader', 'unit'], menu: 'common.menu.unitScorecard', menuRoles: ['leader', 'unit'] } },
      { path: 'reports/annual', name: 'annual-report', component: () => import('@/views/reports/AnnualReportView.vue'), meta: { roles: [...OVERSIGHT, 'secretariat'] } },
      { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditView.vue'), meta: { roles: OVERSIGHT, menu: 'common.menu.audit' } },
      { path: 'cases/:id', name: 'case', component: () => import('@/views/case/CaseView.vue'), meta: { roles: WITH_UNITS }, props: true },
      { path: 'meetings/:id', name: 'meeting', component: () => import('@/views/planning/MeetingView.vue'), meta: { roles: EVERYONE }, props: true },
      { path: 'meetings/:id/minutes', name: 'meeting-minutes', component: () => import('@/views/meetings/MinutesView.vue'), meta: { roles: EVERYONE }, props: true },
      { path: 'reception', name: 'reception', component: () => import('@/views/meetings/ReceptionView.vue'), meta: { roles: [...OFFICE, 'leader'], menu: 'common.menu.reception' } },
      { path: 'unit/cases', name: 'unit-cases', component: () => import('@/views/unit/UnitCasesView.vue'), meta: { roles: ['unit'], menu: 'common.menu.unitCases' } },
      { path: 'unit/cases/:id', name: 'unit-case', component: () => import('@/views/unit/UnitCaseView.vue'), meta: { roles: ['unit'] }, props: true },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { roles: WITH_UNITS } },
    ],
  },
];

/** Where a user lands after signing in. */
export function homeOf(role: Role | null): string {
  if (role === 'unit') return '/unit/cases';
  return role === 'leader' ? '/my' : '/ledger';
}
