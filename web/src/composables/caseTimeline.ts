import type { components } from '@/api/schema';
import type { Vocabulary } from '@domain/labels';
import { formatDateTime } from './format';
import { term } from './vocabulary';
import type { DirectoryNames } from './directoryNames';

/**
 * One timeline event of a case in words: who (and in which role), when, what (the action's label, the
 * status it moved from and to), why, and the event's data read field by field (units and leaders by
 * name, times in the office zone, vocabulary in the user's language). Ids are left out.
 */
type TimelineEvent = components['schemas']['TimelineEventViewResponse'];
type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface TimelineDetail {
  key: string;
  label: string;
  value: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  title: string;
  actor: string;
  status: string;
  reason: string | null;
  details: TimelineDetail[];
  automatic: boolean;
}

const UNIT_KEYS = new Set(['committee', 'handledBy', 'unit']);
const LEADER_KEYS = new Set(['leaderId', 'previousLeaderId']);
const TIME_KEYS = new Set(['dueAt', 'replyDueAt', 'acceptDueAt', 'previousDueAt', 'newDueAt', 'signDueAt', 'requestedAt']);
const TERM_KEYS: Readonly<Record<string, keyof Vocabulary>> = {
  mode: 'mode',
  grade: 'grade',
  channel: 'channel',
  feedback: 'feedback',
  previousFeedback: 'feedback',
  meetingType: 'meetingType',
};
/** Ids and links that say nothing to a person reading the page. */
const HIDDEN_KEYS = new Set(['conversionId', 'meetingId', 'toVersion', 'after']);

export function describeEvent(event: TimelineEvent, t: Translate, names: DirectoryNames): TimelineEntry {
  const role = event.actor.role === 'system' ? t('case.role.system') : t(`case.role.${event.actor.role}`);
  const actor = event.actor.role === 'system' ? t('case.timeline.system') : t('case.timeline.by', { name: event.actor.name, role });
  return {
    id: event.id,
    at: formatDateTime(event.at),
    title: t(`case.action.${event.action}`),
    actor,
    status: statusText(event, t),
    reason: event.reason,
    details: eventDetails(event, t, names),
    automatic: event.data.automatic === true,
  };
}

function statusText(event: TimelineEvent, t: Translate): string {
  const to = term('status', event.toStatus);
  if (event.fromStatus === null) return to;
  if (event.fromStatus === event.toStatus) return t('case.timeline.statusSame', { status: to });
  return t('case.timeline.statusChange', { from: term('status', event.fromStatus), to });
}

export function eventDetails(event: Pick<TimelineEvent, 'action' | 'data'>, t: Translate, names: DirectoryNames): TimelineDetail[] {
  const details: TimelineDetail[] = [];
  const data = event.data;
  for (const [key, raw] of Object.entries(data)) {
    if (HIDDEN_KEYS.has(key) || raw === null || raw === undefined || raw === '') continue;
    const value = detailValue(key, raw, event.action, data, t, names);
    if (value === null) continue;
    const label = key === 'before' ? t('case.data.regrade') : key === 'fromVersion' ? t('case.data.versions') : t(`case.data.${key}`);
    details.push({ key, label: label === `case.data.${key}` ? key : label, value });
  }
  return details;
}

function detailValue(key: string, raw: unknown, action: string, data: Record<string, unknown>, t: Translate, names: DirectoryNames): string | null {
  if (UNIT_KEYS.has(key) && typeof raw === 'string') return names.unit(raw);
  if (LEADER_KEYS.has(key) && typeof raw === 'string') return names.leader(raw);
  if (TIME_KEYS.has(key) && typeof raw === 'string') return formatDateTime(raw);
  if (key in TERM_KEYS && typeof raw === 'string') return term(TERM_KEYS[key] as keyof Vocabulary, raw);
  if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
  switch (key) {
    case 'route':
      return routeText(raw, t, names);
    case 'flags':
      return Array.isArray(raw) && raw.length ? raw.map((flag) => flagLabel(String(flag), t)).join('、') : null;
    case 'rulesFired':
      return Array.isArray(raw) && raw.length ? raw.map(String).join('、') : null;
    case 'relatedCaseIds':
      return Array.isArray(raw) && raw.length ? t('case.data.relatedCount', { n: raw.length }) : null;
    case 'attachmentIds':
      return Array.isArray(raw) && raw.length ? t('case.data.attachmentCount', { n: raw.length }) : null;
    case 'kind':
      return action === 'convert' ? t(`case.conversion.kinds.${String(raw)}`) : null;
    case 'before':
      return gradeChange(raw, data.after);
    case 'fromVersion':
      return `${String(raw)} → ${String(data.toVersion ?? '')}`;
  }
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
}

export function flagLabel(flag: string, t: Translate): string {
  const text = t(`case.flag.${flag}`);
  return text === `case.flag.${flag}` ? flag : text;
}

interface RouteLike {
  committee?: unknown;
  handledBy?: unknown;
  mode?: unknown;
}

export function routeText(raw: unknown, t: Translate, names: DirectoryNames): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const route = raw as RouteLike;
  return t('case.routeText', {
    committee: names.unit(typeof route.committee === 'string' ? route.committee : null),
    handledBy: names.unit(typeof route.handledBy === 'string' ? route.handledBy : null),
    mode: typeof route.mode === 'string' ? term('mode', route.mode) : '',
  });
}

function gradeChange(before: unknown, after: unknown): string | null {
  const grade = (side: unknown): string => (typeof side === 'object' && side !== null ? term('grade', String((side as { grade?: unknown }).grade ?? '')) : '');
  const from = grade(before);
  const to = grade(after);
  return from || to ? `${from} → ${to}` : null;
}
