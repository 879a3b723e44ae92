import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ImapFlow, type MessageStructureObject } from 'imapflow';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../common/tokens.js';
import { Clock } from '../../domain/clock.js';
import { JOB_NAMES } from '../../jobs/job-names.js';
import { JobRegistry } from '../../jobs/job-registry.js';
import { type ItipOutcome, MeetingRepliesService } from '../../meetings/replies/meeting-replies.service.js';
import { ImapProcessedRepository } from './imap-processed.repository.js';
import { imapSettings } from './imap-settings.js';
import { parseItipReply } from './itip-reply.js';

/** Counts of one poll (the only thing logged: never an address or a body). */
export interface PollReport {
  read: number;
  applied: number;
  unchanged: number;
  ignored: number;
  skipped: number;
}

const MAX_PER_POLL = 200;
const MAX_PART_BYTES = 256 * 1024;
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

/** The calendar parts of a message (iTIP replies travel as text/calendar; some clients attach an .ics). */
function calendarParts(node: MessageStructureObject | undefined, out: string[] = []): string[] {
  if (!node) return out;
  if (CALENDAR_TYPES.has(node.type.toLowerCase())) out.push(node.part ?? '1');
  for (const child of node.childNodes ?? []) calendarParts(child, out);
  return out;
}

async function readLimited(stream: NodeJS.ReadableStream): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_PART_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The `poll-itip-replies` job: reads the unseen messages of the organizer's mailbox (`IMAP_URL`) with
 * imapflow, applies each iTIP REPLY once (matched by UID and attendee e-mail), records every message read
 * in `imap_processed_messages` (mailbox:UIDVALIDITY:UID and Message-ID) and marks it \Seen. A message that
 * is not a reply, or names an unknown meeting or attendee, is recorded as ignored with a reason, never
 * retried. Off (the job does nothing) when IMAP_URL is unset.
 */
@Injectable()
export class ItipPoller implements OnModuleInit {
  private readonly logger = new Logger('ItipPoller');
  private running: Promise<PollReport> | null = null;

  constructor(
    private readonly replies: MeetingRepliesService,
    private readonly processed: ImapProcessedRepository,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.pollItipReplies, async () => {
      await this.poll();
    });
  }

  get enabled(): boolean {
    return this.config.imap.url !== null;
  }

  /** One pass over the mailbox; a second call while one runs in this process waits for it. */
  poll(): Promise<PollReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<PollReport> {
    const report: PollReport = { read: 0, applied: 0, unchanged: 0, ignored: 0, skipped: 0 };
    if (!this.config.imap.url) return report;
    const settings = imapSettings(this.config.imap.url);
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.pass },
      logger: false,
      disableAutoIdle: true,
    });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(settings.mailbox);
      try {
        const mailbox = client.mailbox;
        const uidValidity = mailbox ? String(mailbox.uidValidity) : '0';
        const unseen = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, MAX_PER_POLL);
        for (const uid of unseen) {
          const outcome = await this.readOne(client, settings.mailbox, uidValidity, uid);
          report[outcome]++;
          if (outcome !== 'skipped') report.read++;
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    if (report.read + report.skipped > 0) this.logger.log(`iTIP poll: ${JSON.stringify(report)}`);
    return report;
  }

  /** One message: applied, unchanged, ignored (recorded with a reason) or skipped (read before). */
  private async readOne(client: ImapFlow, mailbox: string, uidValidity: string, uid: number): Promise<'applied' | 'unchanged' | 'ignored' | 'skipped'> {
    const message = await client.fetchOne(String(uid), { uid: true, envelope: true, bodyStructure: true }, { uid: true });
    const messageKey = `${mailbox}:${uidValidity}:${uid}`.slice(0, 190);
    const messageId = message ? (message.envelope?.messageId?.slice(0, 250) ?? null) : null;
    if (await this.processed.seen(messageKey, messageId)) return 'skipped';
    let outcome: ItipOutcome = { outcome: 'ignored', reason: 'not-itip-reply' };
    for (const part of message ? calendarParts(message.bodyStructure) : []) {
      const download = await client.download(String(uid), part, { uid: true });
      const text = download.content ? await readLimited(download.content) : null;
      const reply = text ? parseItipReply(text) : null;
      if (!reply) continue;
      outcome = { outcome: 'ignored', reason: 'unknown-attendee' };
      for (const attendee of reply.attendees) {
        outcome = await this.replies.applyItip({ uid: reply.uid, attendeeEmail: attendee.email, partstat: attendee.partstat, stampedAt: reply.stampedAt, delegateName: attendee.delegateName });
        if (outcome.outcome !== 'ignored') break;
      }
      break;
    }
    const recorded = await this.processed.record({ messageKey, messageId, outcome: outcome.outcome, reason: outcome.reason, processedAt: this.clock.now() });
    if (!recorded) return 'skipped';
    return outcome.outcome === 'ignored' ? 'ignored' : outcome.outcome;
  }
}
