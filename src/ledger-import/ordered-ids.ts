import { randomBytes } from 'node:crypto';

/**
 * `count` UUIDs version 7 (RFC 9562: 48-bit Unix milliseconds, then randomness), increasing in the order
 * given: imported cases are appended to the `cases` primary key instead of landing on random pages of it
 * (with a buffer pool smaller than the table, random v4 keys made each insert of a 10^5-row commit read a
 * page). The 12 bits after the version count within a millisecond, so ids of one call never tie.
 */
export function orderedIds(count: number, fromMs: number): string[] {
  const ids: string[] = [];
  const random = randomBytes(count * 8);
  for (let i = 0; i < count; i++) {
    const ms = fromMs + Math.floor(i / 4096);
    const seq = i % 4096;
    const hex = ms.toString(16).padStart(12, '0').slice(-12);
    const tail = random.subarray(i * 8, i * 8 + 8);
    tail[0] = (tail[0] & 0x3f) | 0x80; // variant 10
    const rest = tail.toString('hex');
    ids.push(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${seq.toString(16).padStart(3, '0')}-${rest.slice(0, 4)}-${rest.slice(4, 16)}`);
  }
  return ids;
}
