import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * A message of the organizer's mailbox already read by the iTIP poller: keyed by mailbox, UIDVALIDITY and
 * UID (`INBOX:1700000000:42`), with its Message-ID, so a reply is applied once however often the mailbox is
 * polled, and one copied to another mailbox is recognised. Holds no address and no body.
 */
@Entity('imap_processed_messages')
@Index('idx_imap_processed_message_id', ['messageId'])
export class ImapProcessedMessage {
  @PrimaryColumn({ type: 'varchar', length: 190 })
  messageKey!: string;

  @Column({ type: 'varchar', length: 250, nullable: true })
  messageId!: string | null;

  /** `applied`, `unchanged` (the same or an older answer) or `ignored` (see `reason`). */
  @Column({ type: 'varchar', length: 12 })
  outcome!: 'applied' | 'unchanged' | 'ignored';

  @Column({ type: 'varchar', length: 40, nullable: true })
  reason!: string | null;

  @DateTimeColumn()
  processedAt!: Date;
}
