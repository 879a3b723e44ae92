import { randomInt } from 'node:crypto';
import { passwordProblem } from '../../config/password-policy.js';

/** Letters and digits that read unambiguously aloud and on paper (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A temporary password an admin hands over once: four groups of five random characters (`Kq7xm-…`),
 * about 113 bits from the system's CSPRNG, always accepted by the office's password policy.
 */
export function temporaryPassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const candidate = groups.join('-');
    if (!passwordProblem(candidate, username)) return candidate;
  }
}
