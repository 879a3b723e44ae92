import { DomainError } from '../common/errors.js';

export interface RuleSetProblem {
  path: string;
  code: string;
  message: string;
}

/** The errors of rule-set administration (drafts, publishing, rollback). */
export const RuleSetsErrors = {
  notFound: () => new DomainError('RULESET_NOT_FOUND', 404, { zh: '找不到该规则集。', en: 'No such rule set.' }),
  invalid: (errors: RuleSetProblem[]) =>
    new DomainError(
      'RULESET_INVALID',
      400,
      {
        zh: `规则集有 ${errors.length} 处错误，未保存：${errors
          .slice(0, 3)
          .map((e) => `${e.path}：${e.message}`)
          .join('；')}${errors.length > 3 ? '等' : ''}。`,
        en: `The rule set has ${errors.length} error(s) and was not saved: ${errors
          .slice(0, 3)
          .map((e) => `${e.path}: ${e.code}`)
          .join('; ')}.`,
      },
      { errors },
    ),
  immutable: (status: string) =>
    new DomainError('RULESET_IMMUTABLE', 409, {
      zh: `该规则集已${status === 'published' ? '发布' : '归档'}，不能修改；请以它为基础新建草稿。`,
      en: `This rule set is ${status} and cannot change; create a new draft based on it.`,
    }),
  notDraft: () => new DomainError('RULESET_NOT_DRAFT', 409, { zh: '只有草稿可以发布。', en: 'Only drafts can be published.' }),
  publishConflict: () =>
    new DomainError('RULESET_PUBLISH_CONFLICT', 409, {
      zh: '另一版本刚刚发布，请刷新后重试。',
      en: 'Another version was published just now; reload and try again.',
    }),
  versionTaken: () =>
    new DomainError('RULESET_VERSION_TAKEN', 409, {
      zh: '其他人同时在新建规则集，版本号冲突，请重试。',
      en: 'Someone else created a rule set at the same moment and took the version number; try again.',
    }),
  rollbackUnavailable: () =>
    new DomainError('RULESET_ROLLBACK_UNAVAILABLE', 409, {
      zh: '没有可以回滚到的早前发布版本。',
      en: 'There is no earlier published version to roll back to.',
    }),
  tooLarge: (bytes: number, max: number) =>
    new DomainError('RULESET_TOO_LARGE', 400, {
      zh: `规则集过大（${Math.ceil(bytes / 1024)} KB，上限 ${Math.floor(max / 1024)} KB）。`,
      en: `The rule set is too large (${Math.ceil(bytes / 1024)} KB, limit ${Math.floor(max / 1024)} KB).`,
    }),
};
