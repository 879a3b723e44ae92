import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../common/tokens.js';
import { replyLinkExpiry, replyLinkKey, type ReplyLinkPayload, ReplyLinkSigner } from './reply-link.js';

/** The reply page of the web console an invite links to (no login). */
export const replyPageUrl = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}/console/reply/${token}`;

/**
 * Reply links of this deployment. The key is derived (HKDF, info "reply-links") from `JWT_SECRET`, which
 * every deployment already keeps (set in production, a 0600 file in the embedded mode): no new secret to
 * manage; changing JWT_SECRET ends sessions and invalidates the links sent so far (the next invite carries new ones).
 */
@Injectable()
export class ReplyLinks {
  private readonly signer: ReplyLinkSigner;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.signer = new ReplyLinkSigner(replyLinkKey(config.jwtSecret));
  }

  /** The token for one attendee of one meeting, valid until a day after the meeting's end. */
  tokenFor(attendeeId: string, meetingId: string, meetingEnd: Date): string {
    return this.signer.sign({ attendeeId, meetingId, exp: replyLinkExpiry(meetingEnd) });
  }

  /** The console's reply page for that attendee. */
  urlFor(attendeeId: string, meetingId: string, meetingEnd: Date): string {
    return replyPageUrl(this.config.publicBaseUrl, this.tokenFor(attendeeId, meetingId, meetingEnd));
  }

  verify(token: string, now: Date): ReplyLinkPayload {
    return this.signer.verify(token, now);
  }
}
