/**
 * Which files a case may carry, decided by their CONTENT (magic bytes), never by the name or the declared
 * type. Allowed: PDF, PNG, JPEG, TIFF, Word (.docx, and .doc 97-2003), Excel (.xlsx, and .xls 97-2003).
 * Not allowed: anything else, including plain text (no signature to check: a renamed script would pass),
 * OFD (a ZIP that needs its own parser; scan or print to PDF instead), other ZIPs and executables.
 * (docs/attachments.md)
 */
export interface DetectedType {
  /** The media type stored and served (Content-Type). */
  mediaType: string;
  /** What the content is, for messages (“PDF 文档”). */
  label: { zh: string; en: string };
  allowed: boolean;
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Media types `file-type` (Nest's FileTypeValidator) reports for the allowed kinds; OLE (.doc/.xls) comes as
 * `application/x-cfb` there and is told apart from other OLE files (installers) by `detectType` below.
 */
export const VALIDATOR_MEDIA_TYPES = /^(application\/pdf|image\/png|image\/jpeg|image\/tiff|application\/x-cfb|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet))$/;

export const ALLOWED_LABEL = { zh: 'PDF、PNG、JPEG、TIFF、Word（.docx/.doc）、Excel（.xlsx/.xls）', en: 'PDF, PNG, JPEG, TIFF, Word (.docx/.doc), Excel (.xlsx/.xls)' };

const type = (mediaType: string, zh: string, en: string, allowed: boolean): DetectedType => ({ mediaType, label: { zh, en }, allowed });

const startsWith = (buffer: Buffer, bytes: number[], offset = 0): boolean => buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);

/** The names of a ZIP's entries, from its central directory (robust to data descriptors); null when it is not a readable ZIP. */
export function zipEntryNames(buffer: Buffer): string[] | null {
  const min = Math.max(0, buffer.length - 22 - 0xffff);
  for (let eocd = buffer.length - 22; eocd >= min; eocd--) {
    if (buffer.readUInt32LE(eocd) !== 0x06054b50) continue;
    const count = buffer.readUInt16LE(eocd + 10);
    let at = buffer.readUInt32LE(eocd + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      if (at + 46 + nameLength > buffer.length) return null;
      names.push(buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

function zipType(buffer: Buffer): DetectedType {
  const names = zipEntryNames(buffer) ?? [];
  if (names.includes('word/document.xml')) return type(DOCX, 'Word 文档（.docx）', 'Word document (.docx)', true);
  if (names.includes('xl/workbook.xml')) return type(XLSX, 'Excel 表格（.xlsx）', 'Excel workbook (.xlsx)', true);
  if (names.some((n) => n.toLowerCase() === 'ofd.xml')) return type('application/ofd', 'OFD 版式文件', 'OFD document', false);
  return type('application/zip', 'ZIP 压缩包', 'ZIP archive', false);
}

/** OLE compound files: Word and Excel 97-2003 name their main stream (UTF-16LE in the directory); installers do not. */
function oleType(buffer: Buffer): DetectedType {
  if (buffer.includes(Buffer.from('WordDocument', 'utf16le'))) return type('application/msword', 'Word 97-2003 文档（.doc）', 'Word 97-2003 document (.doc)', true);
  if (buffer.includes(Buffer.from('Workbook', 'utf16le'))) {
    return type('application/vnd.ms-excel', 'Excel 97-2003 表格（.xls）', 'Excel 97-2003 workbook (.xls)', true);
  }
  return type('application/x-cfb', 'OLE 复合文件（非 Word/Excel，可能是安装包）', 'OLE compound file (not Word/Excel; possibly an installer)', false);
}

/** What the bytes are, by their signature; `unknown` (not allowed) when no known signature matches. */
export function detectType(buffer: Buffer): DetectedType {
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46, 0x2d])) return type('application/pdf', 'PDF 文档', 'PDF document', true);
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return type('image/png', 'PNG 图片', 'PNG image', true);
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return type('image/jpeg', 'JPEG 图片', 'JPEG image', true);
  if (startsWith(buffer, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buffer, [0x4d, 0x4d, 0x00, 0x2a])) return type('image/tiff', 'TIFF 图片', 'TIFF image', true);
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) return zipType(buffer);
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleType(buffer);
  if (startsWith(buffer, [0x4d, 0x5a])) return type('application/x-msdownload', 'Windows 可执行程序（.exe/.dll）', 'Windows executable (.exe/.dll)', false);
  if (startsWith(buffer, [0x7f, 0x45, 0x4c, 0x46])) return type('application/x-elf', 'Linux 可执行程序', 'Linux executable', false);
  if (startsWith(buffer, [0x47, 0x49, 0x46, 0x38])) return type('image/gif', 'GIF 图片', 'GIF image', false);
  if (startsWith(buffer, [0x52, 0x61, 0x72, 0x21])) return type('application/x-rar-compressed', 'RAR 压缩包', 'RAR archive', false);
  if (startsWith(buffer, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return type('application/x-7z-compressed', '7z 压缩包', '7z archive', false);
  if (startsWith(buffer, [0x1f, 0x8b])) return type('application/gzip', 'gzip 压缩包', 'gzip archive', false);
  return type('application/octet-stream', '无法识别的内容（如纯文本）', 'unrecognised content (e.g. plain text)', false);
}

/** File name extension for a stored media type (a name that lost its own). */
export function extensionOf(mediaType: string): string {
  const map: Record<string, string> = {
    'application/pdf': '.pdf',
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/tiff': '.tif',
    [DOCX]: '.docx',
    [XLSX]: '.xlsx',
    'application/msword': '.doc',
    'application/vnd.ms-excel': '.xls',
  };
  return map[mediaType] ?? '';
}
