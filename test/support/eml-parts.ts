import { readEml } from './eml.js';

/** One part of a multipart message: its headers, the text decoded (text parts) and the bytes (attachments). */
export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  fileName: string | null;
  text: string;
  bytes: Buffer;
}

function headersOf(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function decodeFileName(value: string): string | null {
  // RFC 2231: filename*=UTF-8''… or continued as filename*0*=UTF-8''…; filename*1*=… (nodemailer's long names).
  const pieces = [...value.matchAll(/filename\*(\d+)?\*?="?([^";]+)"?/gi)].sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0));
  if (pieces.length) return decodeURIComponent(pieces.map((p) => p[2].replace(/^UTF-8''/i, '')).join(''));
  const plain = /filename="?([^";]+)"?/i.exec(value);
  if (!plain) return null;
  return plain[1].replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, data: string) => Buffer.from(data, 'base64').toString('utf8'));
}

/**
 * The leaf parts of a (nested) multipart .eml from the embedded outbox (nodemailer's output): enough to
 * find the text and the attachments of a notice. `readEml` gives the decoded subject.
 */
export function mimeParts(raw: string): MimePart[] {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  return partsOf(headersOf(head), rest.join('\r\n\r\n'));
}

function partsOf(headers: Record<string, string>, body: string): MimePart[] {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .flatMap((chunk) => {
        const trimmed = chunk.replace(/^\r?\n/, '');
        const at = trimmed.search(/\r?\n\r?\n/);
        const partHead = trimmed.slice(0, at);
        const partBody = trimmed.slice(at).replace(/^\r?\n\r?\n/, '');
        return partsOf(headersOf(partHead), partBody);
      });
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body, 'utf8');
  const text = contentType.startsWith('text/') ? readEml(`Content-Transfer-Encoding: ${encoding || '7bit'}\r\n\r\n${body}`).text : '';
  return [{ headers, contentType: contentType.split(';')[0].trim().toLowerCase(), fileName: decodeFileName(headers['content-disposition'] ?? ''), text, bytes }];
}
