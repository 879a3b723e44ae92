import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { asRow } from '../database/rows.js';
import { JobState } from './job-state.entity.js';

@Injectable()
export class JobStateRepository {
  async get(em: EntityManager, name: string): Promise<Record<string, string> | null> {
    return (await em.findOneBy(JobState, { name }))?.value ?? null;
  }

  /** Written in the caller's transaction, so the state moves only when the run's work commits. */
  async set(em: EntityManager, name: string, value: Record<string, string>, at: Date): Promise<void> {
    await em.upsert(JobState, asRow({ name, value, updatedAt: at }), ['name']);
  }
}
