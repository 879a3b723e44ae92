import { DomainError } from '../common/errors.js';
import type { SettingsProblem } from './office-settings.types.js';

/** The errors of office-settings administration (drafts, publishing, rollback). */
export const SettingsErrors = {
  notFound: () => new DomainError('SETTINGS_NOT_FOUND', 404, { zh: '找不到该设置版本。', en: 'No such settings version.' }),
  invalid: (problems: SettingsProblem[]) =>
    new DomainError(
      'SETTINGS_INVALID',
      400,
      {
        zh: `设置有 ${problems.length} 处错误，未保存：${problems
          .slice(0, 3)
          .map((p) => p.message.replace(/。$/, ''))
          .join('；')}${problems.length > 3 ? '等' : ''}。`,
        en: `The settings have ${problems.length} error(s) and were not saved: ${problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.code}`)
          .join('; ')}.`,
      },
      problems,
    ),
  immutable: (status: string) =>
    new DomainError('SETTINGS_IMMUTABLE', 409, {
      zh: `该设置版本已${status === 'published' ? '发布' : '归档'}，不能修改；请以它为基础新建草稿。`,
      en: `This settings version is ${status} and cannot change; create a new draft based on it.`,
    }),
  notDraft: () => new DomainError('SETTINGS_NOT_DRAFT', 409, { zh: '只有草稿可以发布。', en: 'Only drafts can be published.' }),
  publishConflict: () =>
    new DomainError('SETTINGS_PUBLISH_CONFLICT', 409, {
      zh: '另一设置版本刚刚生效，请刷新后重试。',
      en: 'Another settings version took effect just now; reload and try again.',
    }),
  versionTaken: () =>
    new DomainError('SETTINGS_VERSION_TAKEN', 409, {
      zh: '其他人同时在新建设置版本，版本号冲突，请重试。',
      en: 'Someone else created a settings version at the same moment; try again.',
    }),
  rollbackUnavailable: () =>
    new DomainError('SETTINGS_ROLLBACK_UNAVAILABLE', 409, {
      zh: '没有可以回滚到的早前发布版本。',
      en: 'There is no earlier published version to roll back to.',
    }),
  basedOnUnknown: (version: number) =>
    new DomainError('SETTINGS_BASED_ON_UNKNOWN', 400, {
      zh: `所依据的设置版本 ${version} 不存在。`,
      en: `The settings version ${version} this draft is based on does not exist.`,
    }),
  tooLarge: (bytes: number, max: number) =>
    new DomainError('SETTINGS_TOO_LARGE', 400, {
      zh: `设置内容过大（${Math.ceil(bytes / 1024)} KB，上限 ${Math.floor(max / 1024)} KB）。`,
      en: `The settings are too large (${Math.ceil(bytes / 1024)} KB, limit ${Math.floor(max / 1024)} KB).`,
    }),
};
