import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors.js';
import { asRow } from '../../database/rows.js';
import { ImapProcessedMessage } from './imap-processed-message.entity.js';

/** The messages of the organizer's mailbox already read (so a reply is applied once). */
@Injectable()
export class ImapProcessedRepository {
  constructor(@InjectRepository(ImapProcessedMessage) private readonly rows: Repository<ImapProcessedMessage>) {}

  /** Whether this message (by mailbox, UIDVALIDITY and UID, or by Message-ID) was read before. */
  async seen(messageKey: string, messageId: string | null): Promise<boolean> {
    if (await this.rows.exists({ where: { messageKey } })) return true;
    return messageId !== null && (await this.rows.exists({ where: { messageId } }));
  }

  /** Records a message read; false when another poller recorded it first. */
  async record(row: ImapProcessedMessage): Promise<boolean> {
    try {
      await this.rows.insert(asRow(row));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Every row (the tests; an operator's look at what was ignored and why). */
  all(): Promise<ImapProcessedMessage[]> {
    return this.rows.find({ order: { processedAt: 'ASC' } });
  }
}
