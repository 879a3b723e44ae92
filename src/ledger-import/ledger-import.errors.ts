import { DomainError } from '../common/errors.js';

/** The ledger import's error codes (台账导入), Chinese first. */
export const LedgerImportErrors = {
  fileMissing: () => new DomainError('LEDGER_FILE_MISSING', 400, { zh: '请选择要导入的台账文件（.xlsx 或 .csv，表单字段 file）。', en: 'Attach the ledger file (.xlsx or .csv) as the form field "file".' }),
  fileTooLarge: (maxMb: number) =>
    new DomainError('LEDGER_FILE_TOO_LARGE', 413, { zh: `台账文件超过 ${maxMb} MB，请拆分后分批导入。`, en: `The ledger file is larger than ${maxMb} MB; split it and import the parts.` }, { maxBytes: maxMb * 1024 * 1024 }),
  malformed: () => new DomainError('LEDGER_UPLOAD_MALFORMED', 400, { zh: '上传内容不完整或格式不对：请以 multipart/form-data 上传一个文件，字段名为 file。', en: 'Malformed upload: send one file as multipart/form-data field "file".' }),
  unsupportedType: () =>
    new DomainError('LEDGER_FILE_TYPE', 415, { zh: '只能导入 .xlsx 工作簿或 .csv 文本文件（旧版 .xls 请先另存为 .xlsx）。', en: 'Only .xlsx workbooks and .csv files can be imported (save an old .xls as .xlsx first).' }),
  unreadable: () => new DomainError('LEDGER_FILE_UNREADABLE', 422, { zh: '无法读取该台账文件，请确认文件未损坏，并用 Excel 另存为 .xlsx 或 .csv 后重试。', en: 'The ledger file cannot be read; check it is not damaged and save it again as .xlsx or .csv.' }),
  empty: () => new DomainError('LEDGER_FILE_EMPTY', 422, { zh: '台账文件中没有表头或没有数据行。', en: 'The ledger file has no header row or no data rows.' }),
  tooManyRows: (max: number, found: number) =>
    new DomainError('LEDGER_TOO_MANY_ROWS', 422, { zh: `台账最多 ${max} 行，该文件有 ${found} 行，请拆分后分批导入。`, en: `A ledger may have at most ${max} rows; this one has ${found}. Split it.` }, { max, found }),
  tooManyColumns: (max: number) => new DomainError('LEDGER_TOO_MANY_COLUMNS', 422, { zh: `台账最多 ${max} 列。`, en: `A ledger may have at most ${max} columns.` }, { max }),
  invalidMapping: (problems: string[]) =>
    new DomainError('LEDGER_MAPPING_INVALID', 400, { zh: `字段对应有误：${problems.join('；')}。`, en: `The column mapping is invalid: ${problems.length} problem(s).` }, { problems }),
  notFound: () => new DomainError('LEDGER_IMPORT_NOT_FOUND', 404, { zh: '没有找到该导入批次。', en: 'No such ledger import.' }),
  expired: () => new DomainError('LEDGER_IMPORT_EXPIRED', 410, { zh: '该导入批次的文件内容已清除或无法再解密（个人信息密钥已更换），请重新上传台账文件。', en: 'The rows of this import are gone or can no longer be decrypted (the personal-data key was retired); upload the ledger again.' }),
};
