import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { Clock } from '../domain/clock.js';
import { APP_CONFIG } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { MeetingAccess } from '../meetings/meeting-access.js';
import { MeetingReader } from '../meetings/meeting-reader.js';
import { CalendarErrors } from './calendar.errors.js';
import { FeedTokenRepository } from './feed-token.repository.js';
import { createFeedCalendar } from './ics-builder.js';
import { serializeCalendar } from './ics-serialize.js';
import { ReceptionCommitments } from '../meetings/reception/reception-commitments.js';
import { addReceptionDays } from './reception-feed.js';
import { InviteAssembler } from './invite-assembler.js';

const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A leader's subscription address, shown once when issued (only the token's hash is stored). */
export interface FeedLink {
  token: string;
  /** The feed over http(s). */
  url: string;
  /** The same address with the webcal:// scheme, which calendar apps open as a subscription. */
  webcalUrl: string;
}

/** `webcal://` form of an http(s) address. */
export const webcalOf = (url: string): string => url.replace(/^https?:\/\//i, 'webcal://');

/** Per-leader subscription feeds behind an unguessable token (256 bits; only its hash is stored). */
@Injectable()
export class FeedService {
  constructor(
    private readonly tokens: FeedTokenRepository,
    private readonly meetings: MeetingReader,
    private readonly assembler: InviteAssembler,
    private readonly directory: DirectoryService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly receptions: ReceptionCommitments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues a new token for the leader and revokes every earlier one. */
  async issue(leaderId: string): Promise<FeedLink> {
    await this.directory.getLeader(leaderId);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.tx.run((em) => this.tokens.replace(em, leaderId, hash(token), now));
    const url = `${this.config.publicBaseUrl}/calendar/feeds/${token}.ics`;
    return { token, url, webcalUrl: webcalOf(url) };
  }

  /** The leader's meetings around today, as the leader sees them (`MeetingAccess`: no drafts); unknown and revoked tokens look alike. */
  async feed(token: string): Promise<string> {
    const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await this.tokens.findByHash(hash(token)) : null;
    if (!row || row.revokedAt) throw CalendarErrors.feedNotFound();
    const leader = await this.directory.getLeader(row.leaderId);
    const now = this.clock.now().getTime();
    const viewer = { role: 'leader' as const, leaderId: leader.id };
    const window = { from: new Date(now - FEED_PAST_DAYS * 86_400_000), to: new Date(now + FEED_FUTURE_DAYS * 86_400_000) };
    const found = await this.meetings.list(MeetingAccess.listScope(viewer, window));
    const visible = found.flatMap((a) => MeetingAccess.visible(viewer, a) ?? []);
    const invites = await this.assembler.assembleMany(visible);
    const calendar = createFeedCalendar(`${leader.name}${leader.title} · 会议日程`, invites, leader.id, this.assembler.settings);
    // 领导接访日 of this leader (confirmed, held, cancelled), after the meetings.
    const [days, rooms] = await Promise.all([this.receptions.ofLeader(leader.id, window.from, window.to), this.directory.listRooms()]);
    const roomName = new Map(rooms.map((r) => [r.id, r.name]));
    const feedDays = days.map((d) => ({ ...d, status: d.status as 'confirmed' | 'held' | 'cancelled', roomName: d.roomId ? (roomName.get(d.roomId) ?? null) : null, caseCount: d.proposedCaseIds.length }));
    addReceptionDays(calendar, feedDays, this.assembler.settings.timeZone);
    return serializeCalendar(calendar);
  }
}
