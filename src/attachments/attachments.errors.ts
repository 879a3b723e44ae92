import { DomainError } from '../common/errors.js';
import { ALLOWED_LABEL, type DetectedType } from './attachment-types.js';
import { ATTACHMENT_KINDS } from './attachment-kinds.js';

const mib = (bytes: number): string => {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
};

/** Error codes of case attachments (docs/attachments.md). */
export const AttachmentErrors = {
  tooLarge: (maxBytes: number) =>
    new DomainError(
      'ATTACHMENT_TOO_LARGE',
      413,
      {
        zh: `文件超过 ${mib(maxBytes)} MB，无法上传。请压缩或拆分后分别上传（如扫描件降低分辨率）。`,
        en: `The file is larger than ${mib(maxBytes)} MB. Compress or split it and upload the parts (e.g. scan at a lower resolution).`,
      },
      { maxBytes },
    ),
  typeNotAllowed: (found: DetectedType) =>
    new DomainError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      415,
      {
        zh: `文件内容是${found.label.zh}，不是允许的类型（按文件内容判断，与文件名无关）。允许上传：${ALLOWED_LABEL.zh}。`,
        en: `The file's content is ${found.label.en}, which is not allowed (judged by content, not by name). Allowed: ${ALLOWED_LABEL.en}.`,
      },
      { found: found.mediaType },
    ),
  limitReached: (perCase: number) =>
    new DomainError(
      'ATTACHMENT_LIMIT_REACHED',
      422,
      { zh: `本案件已有 ${perCase} 个附件，达到上限，不能再上传。`, en: `The case already has ${perCase} attachments, the limit; no more can be added.` },
      { perCase },
    ),
  fileRequired: () =>
    new DomainError('ATTACHMENT_FILE_REQUIRED', 400, {
      zh: '请选择要上传的文件（表单字段 file，一次一个，不能为空文件）。',
      en: 'Choose a file to upload (form field "file", one at a time, not empty).',
    }),
  kindInvalid: (allowed: readonly string[] = ATTACHMENT_KINDS) =>
    new DomainError(
      'ATTACHMENT_KIND_INVALID',
      400,
      { zh: `附件类别无效，可选：${allowed.join('、')}。`, en: `Invalid attachment kind; one of ${allowed.join(', ')}.` },
      { allowed },
    ),
  malformed: () =>
    new DomainError('ATTACHMENT_UPLOAD_MALFORMED', 400, {
      zh: '上传内容无法读取：请以 multipart/form-data 提交，文件放在字段 file（一次一个），类别放在字段 kind。',
      en: 'The upload cannot be read: send multipart/form-data with the file in field "file" (one at a time) and the kind in field "kind".',
    }),
  kindNotAllowed: (allowed: readonly string[]) =>
    new DomainError(
      'ATTACHMENT_KIND_NOT_ALLOWED',
      403,
      { zh: `您不能上传这一类附件，可选：${allowed.join('、')}。`, en: `You may not upload this kind of attachment; allowed: ${allowed.join(', ')}.` },
      { allowed },
    ),
  notFound: () => new DomainError('ATTACHMENT_NOT_FOUND', 404, { zh: '附件不存在。', en: 'No such attachment.' }),
  unreadable: () =>
    new DomainError('ATTACHMENT_UNREADABLE', 409, {
      zh: '附件文件缺失或无法解密（密钥未配置或文件已损坏），请联系管理员。',
      en: 'The attachment file is missing or cannot be decrypted (key not configured or file damaged); contact the administrator.',
    }),
};
