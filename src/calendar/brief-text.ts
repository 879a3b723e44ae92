import type { BriefAgendaLine, BriefCase, BriefMeeting, InviteBrief } from './brief.types.js';
import type { BriefLocale } from './labels.js';

/** The sentences of a description, per language. */
interface Phrases {
  cancelled: (reason: string | null) => string;
  date: (isoDate: string, weekday: string) => string;
  /** The end's date when a meeting runs past midnight. */
  endDate: (isoDate: string) => string;
  chair: string;
  leaders: string;
  units: string;
  deputies: string;
  listSeparator: string;
  agenda: string;
  none: string;
  region: (parts: string[]) => string;
  group: (headcount: number) => string;
  leadLeader: string;
  minutes: (n: number) => string;
  myCases: string;
  handlingUnit: (unit: string) => string;
  demand: (subject: string) => string;
  petitioner: (masked: string, headcount: number) => string;
  /** `label`: the deadline's name (受理期限, 答复期限, 督办期限). */
  deadline: (label: string | null, dueDate: string | null, daysLeft: number | null) => string;
  extension: (used: boolean) => string;
  progress: (steps: string) => string;
  requirements: (text: string | null) => string;
}

/** `2026-12-08 → [2026, 12, 8]`. */
const ymd = (isoDate: string): number[] => isoDate.split('-').map(Number);

const ZH: Phrases = {
  cancelled: (reason) => `【会议已取消】${reason ? `原因：${reason}` : ''}`,
  date: (iso, weekday) => {
    const [year, month, day] = ymd(iso);
    return `${year}年${month}月${day}日（${weekday}）`;
  },
  endDate: (iso) => {
    const [, month, day] = ymd(iso);
    return `${month}月${day}日 `;
  },
  chair: '主持：',
  leaders: '出席：',
  units: '列席：',
  deputies: '特邀代表：',
  listSeparator: '、',
  agenda: '议程',
  none: '（无）',
  region: (ps) => `（${ps.join('，')}）`,
  group: (n) => `集体访 ${n} 人`,
  leadLeader: '包案：',
  minutes: (n) => `${n} 分钟`,
  myCases: '您包案的事项',
  handlingUnit: (unit) => `（${unit}）`,
  demand: (subject) => `诉求：${subject}${/[。！？.!?]$/.test(subject) ? '' : '。'}`,
  petitioner: (masked, n) => `信访人：${masked}${n > 1 && !/人）$/.test(masked) ? `（${n} 人）` : ''}`,
  deadline: (label, due, left) => {
    if (label === null || due === null || left === null) return '期限：无正在计算的期限';
    return `期限：${label} ${due}（${left >= 0 ? `剩 ${left} 天` : `已超期 ${-left} 天`}）`;
  },
  extension: (used) => `已延期：${used ? '是' : '否'}`,
  progress: (steps) => `进展：${steps || '暂无'}`,
  requirements: (t) => `上次会议要求：${t ?? '无'}`,
};

const EN: Phrases = {
  cancelled: (reason) => `[MEETING CANCELLED]${reason ? ` Reason: ${reason}` : ''}`,
  date: (iso, weekday) => `${weekday} ${iso} `,
  endDate: (iso) => `${iso} `,
  chair: 'Chair: ',
  leaders: 'Attending: ',
  units: 'Sitting in: ',
  deputies: 'Invited deputies: ',
  listSeparator: ', ',
  agenda: 'Agenda',
  none: '(none)',
  region: (ps) => ` (${ps.join(', ')})`,
  group: (n) => `group petition of ${n}`,
  leadLeader: 'In charge: ',
  minutes: (n) => `${n} min`,
  myCases: 'Cases you are in charge of',
  handlingUnit: (unit) => ` (${unit})`,
  demand: (subject) => `Request: ${subject}${/[。！？.!?]$/.test(subject) ? '' : '.'}`,
  petitioner: (masked, n) => ` Petitioner: ${masked}${n > 1 ? ` (${n} people)` : ''}`,
  deadline: (label, due, left) => {
    if (label === null || due === null || left === null) return 'Deadline: none running';
    return `Deadline: ${label} ${due} (${left >= 0 ? `${left} days left` : `overdue by ${-left} days`})`;
  },
  extension: (used) => `extended: ${used ? 'yes' : 'no'}`,
  progress: (steps) => `Progress: ${steps || 'none yet'}`,
  requirements: (t) => `last meeting's requirements: ${t ?? 'none'}`,
};

const PHRASES: Record<BriefLocale, Phrases> = { zh: ZH, en: EN };
const CLAUSE: Record<BriefLocale, string> = { zh: '；', en: '; ' };

/** Render a composed brief as the invite's DESCRIPTION text (lines joined by `\n`). */
export function renderBriefText(brief: InviteBrief): string {
  const p = PHRASES[brief.locale];
  const clause = CLAUSE[brief.locale];
  const lines: string[] = [];
  if (brief.cancelled) lines.push(p.cancelled(brief.cancelReason), '');
  lines.push(header(brief.meeting, p));
  lines.push(people(brief, p));
  lines.push(p.agenda);
  if (brief.agenda.length === 0) lines.push(p.none);
  for (const item of brief.agenda) lines.push(agendaLine(item, p));
  if (brief.myCases.length > 0) {
    lines.push(p.myCases);
    for (const c of brief.myCases) lines.push(...caseLines(c, p, clause));
  }
  return lines.join('\n');
}

function header(m: BriefMeeting, p: Phrases): string {
  const until = m.endDate === null ? m.endTime : `${p.endDate(m.endDate)}${m.endTime}`;
  return `${m.typeLabel} · ${p.date(m.date, m.weekdayLabel)}${m.startTime}–${until} · ${m.location}`;
}

function people(brief: InviteBrief, p: Phrases): string {
  const groups: [string, string[]][] = [
    [p.chair, [brief.chair.name]],
    [p.leaders, brief.leaders],
    [p.units, brief.units],
    [p.deputies, brief.deputies],
  ];
  return groups
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => label + names.join(p.listSeparator))
    .join('   ');
}

function agendaLine(item: BriefAgendaLine, p: Phrases): string {
  const where = [item.region, item.groupPetition ? p.group(item.headcount) : ''].filter((s) => s !== '');
  const lead = item.leadLeader ? `  ${p.leadLeader}${item.leadLeader.name}` : '';
  return `${item.index}. ${item.caseCode} ${item.subject}${where.length ? p.region(where) : ''}${lead}  ${p.minutes(item.minutes)}`;
}

function caseLines(c: BriefCase, p: Phrases, clause: string): string[] {
  const unit = c.handlingUnitName ? p.handlingUnit(c.handlingUnitName) : '';
  const steps = c.progress.map((e) => `${e.date} ${e.label}`).join(' → ');
  return [
    `■ ${c.caseCode}  ${c.gradeLabel} · ${c.categoryLabel} · ${c.modeLabel}${unit} · ${c.statusLabel}`,
    `  ${p.demand(c.subject)}${c.petitionerMasked ? p.petitioner(c.petitionerMasked, c.headcount) : ''}`,
    `  ${p.deadline(c.deadlineLabel, c.dueDate, c.daysLeft)}${clause}${p.extension(c.extensionUsed)}`,
    `  ${p.progress(steps)}${clause}${p.requirements(c.lastRequirements)}`,
  ];
}
