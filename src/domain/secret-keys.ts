/** Master keys (personal data, backups) as administrators give them: 64 hex characters or base64 of 32 bytes. */
const KEY_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (trimmed.length > 0 && BASE64.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new Error('PII master key must be 64 hexadecimal characters or the base64 encoding of 32 bytes');
}

/** A list of master keys separated by commas, spaces or new lines (blank lines and `#` comments ignored). */
export function parseMasterKeyList(text: string): Buffer[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .join(',')
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map((part) => parseMasterKey(part));
}
