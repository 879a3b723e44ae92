import { LINK_MAC_PATTERN, LinkMac, linkKey } from '../common/signing/link-mac.js';
import { UnitLinkErrors } from './unit-links.errors.js';

const TOKEN = new RegExp(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(${LINK_MAC_PATTERN})$`);
const PREFIX = 'unit-link:';

/** The sub-key of unit links (HKDF-SHA256 of the deployment's JWT_SECRET, info "unit-links"). */
export const unitLinkKey = (secret: string): Buffer => linkKey(secret, 'unit-links');

/**
 * Unit link tokens: `<link id>.<base64url HMAC-SHA256("unit-link:" + id)>`. The MAC proves the office
 * made the link; expiry, revocation and the unit live in the `unit_links` row, so a link can be revoked.
 * Anything but a genuine token answers UNIT_LINK_INVALID (404), before any database read.
 */
export class UnitLinkSigner {
  private readonly mac: LinkMac;

  constructor(key: Buffer) {
    this.mac = new LinkMac(key);
  }

  sign(linkId: string): string {
    return `${linkId}.${this.mac.sign(PREFIX + linkId)}`;
  }

  /** The link id of a genuine token. */
  linkIdOf(token: string): string {
    const match = TOKEN.exec(token);
    if (!match || !this.mac.matches(PREFIX + match[1], match[2])) throw UnitLinkErrors.invalid();
    return match[1];
  }
}

/**
 * Who acts through a link, in timelines and the audit trail: `link:` and the link's id in base64url (22
 * characters: actor ids are at most 36), so a link's steps are told apart from a unit account's.
 */
export const linkActorId = (linkId: string): string => `link:${Buffer.from(linkId.replace(/-/g, ''), 'hex').toString('base64url')}`;
