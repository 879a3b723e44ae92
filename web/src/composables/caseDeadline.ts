/**
 * How a deadline the API judged is painted and said: the API decides overdue / due soon and counts the
 * working days left; this only picks the colour class (styles.css) and the words.
 */
export interface DeadlineJudgement {
  overdue: boolean;
  dueSoon: boolean;
  daysLeft: number | null;
}

export function deadlineClass(deadline: Pick<DeadlineJudgement, 'overdue' | 'dueSoon'>): string {
  if (deadline.overdue) return 'deadline-overdue';
  if (deadline.dueSoon) return 'deadline-soon';
  return '';
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "剩余 3 个工作日", "今日到期", "已超期 2 个工作日"; empty when no deadline runs. */
export function daysLeftText(deadline: DeadlineJudgement, t: Translate): string {
  const { daysLeft, overdue } = deadline;
  if (overdue) return daysLeft !== null && daysLeft < 0 ? t('case.deadline.overdueDays', { n: -daysLeft }) : t('case.deadline.overdue');
  if (daysLeft === null) return '';
  return daysLeft === 0 ? t('case.deadline.dueToday') : t('case.deadline.daysLeft', { n: daysLeft });
}
