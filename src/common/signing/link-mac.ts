import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const MAC_BYTES = 32;
/** A MAC as it travels in a link: base64url of 32 bytes, 43 characters. */
export const LINK_MAC_PATTERN = '[A-Za-z0-9_-]{43}';

/**
 * The sub-key of one kind of signed link, derived with HKDF-SHA256 from a secret the deployment keeps
 * (`JWT_SECRET`): salt `petition-office/<purpose>`, info `<purpose>` (e.g. "reply-links", "unit-links").
 * Each purpose gets its own key, so a MAC made for one kind of link proves nothing for another.
 */
export const linkKey = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from(`petition-office/${purpose}`, 'utf8'), purpose, MAC_BYTES));

/** HMAC-SHA256 over a link's body, compared in constant time. */
export class LinkMac {
  constructor(private readonly key: Buffer) {}

  /** base64url(HMAC-SHA256(body)). */
  sign(body: string): string {
    return this.digest(body).toString('base64url');
  }

  /** Whether `mac` (base64url) is the MAC of `body` under this key. */
  matches(body: string, mac: string): boolean {
    const given = Buffer.from(mac, 'base64url');
    return given.length === MAC_BYTES && timingSafeEqual(given, this.digest(body));
  }

  private digest(body: string): Buffer {
    return createHmac('sha256', this.key).update(body, 'utf8').digest();
  }
}
