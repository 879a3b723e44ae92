import type { components } from '@/api/schema';

type Deadlines = Pick<components['schemas']['DeadlinesViewResponse'], 'dueAt' | 'daysLeft' | 'overdue' | 'dueSoon'>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The colour class of the running deadline, as the API judged it (overdue, due within 3 working days). */
export function deadlineClass(deadlines: Deadlines): string {
  if (deadlines.overdue) return 'deadline-overdue';
  if (deadlines.dueSoon) return 'deadline-soon';
  return '';
}

/** The API's working days left in words ("剩 3 个工作日", "超期 2 个工作日"); empty when no deadline runs. */
export function deadlineWords(deadlines: Deadlines, t: Translate): string {
  if (!deadlines.dueAt || deadlines.daysLeft === null) return '';
  if (deadlines.overdue) return deadlines.daysLeft < 0 ? t('ledger.deadline.overdueDays', { n: -deadlines.daysLeft }) : t('ledger.deadline.overdue');
  if (deadlines.daysLeft === 0) return t('ledger.deadline.dueToday');
  return t('ledger.deadline.daysLeft', { n: deadlines.daysLeft });
}
