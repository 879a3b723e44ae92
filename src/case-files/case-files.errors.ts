import { DomainError } from '../common/errors.js';

/** Errors of the attachments' HTTP routes beyond those of src/attachments (docs/attachments.md). */
export const CaseFilesErrors = {
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
};
