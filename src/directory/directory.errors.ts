import { DomainError } from '../common/errors.js';

export const DirectoryErrors = {
  unitNotFound: () => new DomainError('UNIT_NOT_FOUND', 404, { zh: '找不到该单位。', en: 'No such unit.' }),
  unknownUnitCodes: (codes: string[]) =>
    new DomainError(
      'UNKNOWN_UNIT',
      400,
      { zh: `单位代码不存在：${codes.join('、')}。`, en: `Unknown unit code(s): ${codes.join(', ')}.` },
      { codes },
    ),
  unitCodeTaken: (code: string) =>
    new DomainError('UNIT_CODE_TAKEN', 409, { zh: `单位代码“${code}”已存在。`, en: `Unit code "${code}" already exists.` }),
  leaderNotFound: () => new DomainError('LEADER_NOT_FOUND', 404, { zh: '找不到该领导。', en: 'No such leader.' }),
  busyBlockReversed: (index: number) =>
    new DomainError('BUSY_BLOCK_INVALID', 400, {
      zh: `第 ${index + 1} 个忙碌时段的结束时间早于或等于开始时间。`,
      en: `Busy block ${index + 1} ends before it starts.`,
    }),
};
