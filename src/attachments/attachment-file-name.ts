import { redactPii } from '../common/pii/masking.js';
import { extensionOf } from './attachment-types.js';

const MAX_NAME = 120;

/**
 * The name an attachment is shown and downloaded under: the client's name without any path, control or
 * direction-override characters, ID numbers and mobile numbers masked (a scan named after the petitioner's
 * ID number must not carry it), at most 120 characters (the extension kept), and an extension that matches
 * the content when the name has none. Never written to logs.
 */
export function displayFileName(original: string, mediaType: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|\s+$/g, '');
  const masked = redactPii(cleaned);
  const ext = extensionOf(mediaType);
  let name = masked === '' ? `附件${ext}` : masked;
  if (ext && !name.toLowerCase().endsWith(ext) && !/\.[A-Za-z0-9]{1,5}$/.test(name)) name += ext;
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const suffix = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
  return chars.slice(0, MAX_NAME - [...suffix].length).join('') + suffix;
}

/** `Content-Disposition` for a download: an ASCII fallback and the real name in RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
