import type { HandOverKind } from '../cases/case-hand-overs.port.js';
import { redactPii } from '../common/pii/masking.js';
import type { HandlingMode } from '../domain/case-vocabulary.js';
import type { LetterKind } from '../domain/letter-kinds.js';

/** The letter a hand-over sends: route → 交办单, transfer → 转送函 (督办函 for a supervised item), urge → 催办通报, re-supervision → 督办函; extension decisions none. */
export function letterKindOf(kind: HandOverKind, routeMode: HandlingMode): LetterKind | null {
  switch (kind) {
    case 'route':
      return 'assignment-sheet';
    case 'transfer':
      return routeMode === 'supervised' ? 'supervision-letter' : 'transfer-letter';
    case 'urge':
      return 'urging-notice';
    case 'resupervise':
      return 'supervision-letter';
    case 'extension-approved':
    case 'extension-refused':
      return null;
  }
}

export const HAND_OVER_LABELS: Readonly<Record<HandOverKind, { zh: string; en: string }>> = {
  route: { zh: '交办', en: 'routed' },
  transfer: { zh: '转送', en: 'transferred' },
  'extension-approved': { zh: '延期申请已批准', en: 'extension approved' },
  'extension-refused': { zh: '延期申请未获批准', en: 'extension refused' },
  urge: { zh: '催办', en: 'urged' },
  resupervise: { zh: '再督办', en: 're-supervised' },
};

export interface NoticeMailInput {
  kind: HandOverKind;
  unitName: string;
  caseCode: string;
  subject: string;
  /** The running deadline (2026年12月23日), or null. */
  dueDate: string | null;
  /** The hand-over's reason (urge note, refusal, re-supervision opinion), when it has one. */
  reason: string | null;
  letter: { label: string; number: string } | null;
  link: { url: string; expiresDate: string } | null;
  office: string;
}

const OPENING: Readonly<Record<HandOverKind, (m: NoticeMailInput) => string>> = {
  route: (m) => `现将信访事项 ${m.caseCode}（事由：${m.subject}）交你委研究办理。`,
  transfer: (m) => `现将信访事项 ${m.caseCode}（事由：${m.subject}）转送你单位依法处理，请及时签收。`,
  'extension-approved': (m) => `你单位就信访事项 ${m.caseCode}（事由：${m.subject}）提出的延期申请已批准。`,
  'extension-refused': (m) => `你单位就信访事项 ${m.caseCode}（事由：${m.subject}）提出的延期申请未获批准，请按原定期限办理。`,
  urge: (m) => `你单位办理的信访事项 ${m.caseCode}（事由：${m.subject}）尚未办结，现予催办，请抓紧办理。`,
  resupervise: (m) => `你单位办理的信访事项 ${m.caseCode}（事由：${m.subject}）需重新办理，现予再督办。`,
};

/**
 * The notice mail to a unit: the case code and subject, the deadline, the letter attached and the link
 * to sign, answer and upload online. No petitioner data; every free text passes `redactPii`.
 */
export function noticeMail(m: NoticeMailInput): { subject: string; text: string } {
  const label = HAND_OVER_LABELS[m.kind].zh;
  const subject = `【${m.letter ? m.letter.label : label}】${m.caseCode} ${m.subject}`;
  const lines = [`${m.unitName}：`, '', OPENING[m.kind](m)];
  if (m.reason) lines.push(`${m.kind === 'extension-refused' ? '理由' : m.kind === 'urge' ? '催办意见' : '意见'}：${m.reason}`);
  lines.push(`办理期限：${m.dueDate ?? '按规定期限'}`);
  if (m.letter) lines.push(`公文：${m.letter.label} ${m.letter.number}（见附件）`);
  if (m.link) lines.push('', `在线办理（签收、提问、申请延期、答复并上传书面报告），无需登录：`, m.link.url, `链接有效期至${m.link.expiresDate}，请勿转发。`);
  lines.push('', m.office);
  return { subject: redactPii(subject), text: redactPii(lines.join('\n')) };
}
