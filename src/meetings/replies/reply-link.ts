import { LINK_MAC_PATTERN, LinkMac, linkKey } from '../../common/signing/link-mac.js';
import { ReplyErrors } from './replies.errors.js';

/** What a reply link proves: this attendee of this meeting may answer until `exp`. */
export interface ReplyLinkPayload {
  attendeeId: string;
  meetingId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** base64url(payload) "." base64url(HMAC-SHA256): the payload is ~120 characters, the MAC 43. */
const TOKEN = new RegExp(`^([A-Za-z0-9_-]{20,300})\\.(${LINK_MAC_PATTERN})$`);

/** The sub-key of reply links, derived with HKDF-SHA256 from a secret the deployment keeps (info "reply-links"). */
export const replyLinkKey = (secret: string): Buffer => linkKey(secret, 'reply-links');

/**
 * Signed reply links (no login): `base64url(JSON{attendeeId, meetingId, exp}).base64url(HMAC-SHA256)`.
 * Nothing is stored: the MAC proves the link, the expiry is inside it. A forged or altered token answers
 * REPLY_LINK_INVALID (404), an expired one REPLY_LINK_EXPIRED (410).
 */
export class ReplyLinkSigner {
  private readonly mac: LinkMac;

  constructor(key: Buffer) {
    this.mac = new LinkMac(key);
  }

  sign(payload: ReplyLinkPayload): string {
    const body = Buffer.from(JSON.stringify({ a: payload.attendeeId, m: payload.meetingId, e: payload.exp }), 'utf8').toString('base64url');
    return `${body}.${this.mac.sign(body)}`;
  }

  /** The payload of a genuine, unexpired token; throws a domain error otherwise. */
  verify(token: string, now: Date): ReplyLinkPayload {
    const match = TOKEN.exec(token);
    if (!match) throw ReplyErrors.linkInvalid();
    const [, body, mac] = match;
    if (!this.mac.matches(body, mac)) throw ReplyErrors.linkInvalid();
    const payload = parse(body);
    if (!payload) throw ReplyErrors.linkInvalid();
    if (payload.exp * 1000 <= now.getTime()) throw ReplyErrors.linkExpired();
    return payload;
  }
}

function parse(body: string): ReplyLinkPayload | null {
  try {
    const raw: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!raw || typeof raw !== 'object') return null;
    const { a, m, e } = raw as Record<string, unknown>;
    if (typeof a !== 'string' || !UUID.test(a) || typeof m !== 'string' || !UUID.test(m) || typeof e !== 'number' || !Number.isInteger(e)) return null;
    return { attendeeId: a, meetingId: m, exp: e };
  } catch {
    return null;
  }
}

/** A link stays valid until the meeting's end plus a day (time to answer "I was there" afterwards is not needed). */
export const REPLY_LINK_GRACE_MS = 86_400_000;

export const replyLinkExpiry = (meetingEnd: Date): number => Math.floor((meetingEnd.getTime() + REPLY_LINK_GRACE_MS) / 1000);
