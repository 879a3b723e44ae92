import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, MoreThan, type Repository } from 'typeorm';
import { asRows } from '../database/rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { InviteDelivery } from './invite-delivery.entity.js';

@Injectable()
export class InviteDeliveryRepository {
  constructor(
    @InjectRepository(InviteDelivery) private readonly deliveries: Repository<InviteDelivery>,
    private readonly tx: TransactionRunner,
  ) {}

  /** New deliveries in the caller's transaction (the meeting's); one already there is skipped. */
  async insertIgnoring(em: EntityManager, deliveries: InviteDelivery[]): Promise<void> {
    await em.createQueryBuilder().insert().into(InviteDelivery).values(asRows(deliveries)).orIgnore().execute();
  }

  findById(id: string): Promise<InviteDelivery | null> {
    return this.deliveries.findOneBy({ id });
  }

  forMeeting(meetingId: string): Promise<InviteDelivery[]> {
    return this.deliveries.find({ where: { meetingId }, order: { sequence: 'ASC', createdAt: 'ASC', recipientName: 'ASC' } });
  }

  /** A later invite for the same attendee exists: this one need not go out. */
  async superseded(d: InviteDelivery): Promise<boolean> {
    return (await this.deliveries.countBy({ meetingId: d.meetingId, attendeeId: d.attendeeId, sequence: MoreThan(d.sequence) })) > 0;
  }

  /** Takes a pending or failed delivery for one attempt; null when it was sent (or taken) already. */
  async claim(id: string): Promise<InviteDelivery | null> {
    return this.tx.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(InviteDelivery)
        .set({ status: 'sending', attempts: () => 'attempts + 1' })
        .where('id = :id AND status IN (:...open)', { id, open: ['pending', 'failed', 'sending'] })
        .execute();
      return result.affected ? em.findOneBy(InviteDelivery, { id }) : null;
    });
  }

  async mark(id: string, changes: Partial<Pick<InviteDelivery, 'status' | 'lastError' | 'sentAt'>>): Promise<void> {
    await this.tx.run((em) => em.update(InviteDelivery, { id, status: In(['sending', 'pending', 'failed']) }, changes));
  }
}
