import { DomainError } from '../common/errors.js';
import { ECHO_SHAPES, echoable } from '../common/pii/safe-echo.js';

/** The codes that may be named back (unit-code shape, no personal data) and how many may not. */
function shownCodes(codes: string[]): { shown: string[]; hidden: number } {
  const shown = codes.map((c) => echoable(c, ECHO_SHAPES.unitCode)).filter((c): c is string => c !== null);
  return { shown, hidden: codes.length - shown.length };
}

export const DirectoryErrors = {
  unitNotFound: () => new DomainError('UNIT_NOT_FOUND', 404, { zh: '找不到该单位。', en: 'No such unit.' }),
  /** Names the unknown codes that look like unit codes; the others (typed text, maybe a phone) are only counted. */
  unknownUnitCodes: (codes: string[]) => {
    const { shown, hidden } = shownCodes(codes);
    const messages =
      hidden === 0
        ? { zh: `单位代码不存在：${shown.join('、')}。`, en: `Unknown unit code(s): ${shown.join(', ')}.` }
        : shown.length === 0
          ? { zh: `有 ${hidden} 个单位代码不存在（格式不符或可能含个人信息，未显示）。`, en: `${hidden} unit code(s) do not exist (not shown: malformed or possibly personal data).` }
          : {
              zh: `单位代码不存在：${shown.join('、')}，另有 ${hidden} 个未显示（格式不符或可能含个人信息）。`,
              en: `Unknown unit code(s): ${shown.join(', ')}, and ${hidden} more not shown (malformed or possibly personal data).`,
            };
    return new DomainError('UNKNOWN_UNIT', 400, messages, hidden ? { codes: shown, unshown: hidden } : { codes: shown });
  },
  unitCodeTaken: (code: string) => {
    const shown = echoable(code, ECHO_SHAPES.unitCode);
    return new DomainError(
      'UNIT_CODE_TAKEN',
      409,
      shown ? { zh: `单位代码“${shown}”已存在。`, en: `Unit code "${shown}" already exists.` } : { zh: '该单位代码已存在。', en: 'This unit code already exists.' },
    );
  },
  deputyNotFound: () => new DomainError('DEPUTY_NOT_FOUND', 404, { zh: '找不到该代表。', en: 'No such deputy.' }),
  roomNotFound: () => new DomainError('ROOM_NOT_FOUND', 404, { zh: '找不到该会议室。', en: 'No such room.' }),
  roomNameTaken: () => new DomainError('ROOM_NAME_TAKEN', 409, { zh: '已有同名的会议室。', en: 'A room with this name already exists.' }),
  leaderNotFound: () => new DomainError('LEADER_NOT_FOUND', 404, { zh: '找不到该领导。', en: 'No such leader.' }),
  busyBlockReversed: (index: number) =>
    new DomainError('BUSY_BLOCK_INVALID', 400, {
      zh: `第 ${index + 1} 个忙碌时段的结束时间早于或等于开始时间。`,
      en: `Busy block ${index + 1} ends before it starts.`,
    }),
};
