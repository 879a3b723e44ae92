import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import type { Clock } from '../domain/clock.js';
import { AttachmentStore } from './attachment-store.js';
import type { CaseAttachment } from './attachment.entity.js';
import type { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService, type StoreAttachmentInput } from './attachments.service.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
const dirs: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** The service over a real store in a temporary directory, with an in-memory repository that can be told to fail. */
function setup(options: { failInsert?: boolean; perCase?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'xf-att-unit-'));
  dirs.push(dir);
  const rows: CaseAttachment[] = [];
  const repo = {
    insert: (_em: EntityManager, row: CaseAttachment) => (options.failInsert ? Promise.reject(new Error('insert failed')) : Promise.resolve(void rows.push(row))),
    countForCase: (_em: EntityManager, caseId: string) => Promise.resolve(rows.filter((r) => r.caseId === caseId).length),
  } as unknown as AttachmentsRepository;
  const tx = { run: <T>(work: (em: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as TransactionRunner;
  const audit = { record: () => Promise.resolve() } as unknown as AuditRepository;
  const clock: Clock = { now: () => new Date('2026-11-26T02:00:00Z') };
  const config = { attachments: { dir, maxBytes: 1024, perCase: options.perCase ?? 50 } } as AppConfig;
  const service = new AttachmentsService(repo, new AttachmentStore(dir, new PiiCipher(randomBytes(32))), tx, audit, clock, config);
  return { service, rows, dir };
}

const input = (buffer: Buffer = PDF): StoreAttachmentInput => ({
  caseId: 'c1',
  kind: 'other',
  fileName: 'C:\\scans\\110101199003074578.pdf',
  buffer,
  mediaType: 'application/pdf',
  uploadedBy: { id: 'u1', displayName: '张秘书' },
  unitCode: null,
  via: 'console',
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('AttachmentsService', () => {
  it('writes the sealed file, then the row with the hash of the plain content and a masked display name', async () => {
    const { service, rows, dir } = setup();
    const record = await service.store(input());
    expect(rows).toHaveLength(1);
    expect(record).toMatchObject({ caseId: 'c1', mediaType: 'application/pdf', size: PDF.length, fileName: '110***********4578.pdf' });
    expect(filesUnder(dir)).toEqual([join(dir, AttachmentStore.storageKeyOf(record.id))]);
  });

  it('removes the file again when the row cannot be written (no orphan from its own transaction)', async () => {
    const { service, dir } = setup({ failInsert: true });
    await expect(service.store(input())).rejects.toThrow('insert failed');
    expect(filesUnder(dir)).toEqual([]);
  });

  it('checks size, emptiness, type and count before writing anything', async () => {
    const { service, dir } = setup({ perCase: 1 });
    await expect(service.store(input(Buffer.concat([PDF, Buffer.alloc(1024)])))).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', status: 413 });
    await expect(service.store(input(Buffer.alloc(0)))).rejects.toMatchObject({ code: 'ATTACHMENT_FILE_REQUIRED', status: 400 });
    await expect(service.store(input(Buffer.from('MZ\x90\x00', 'latin1')))).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', status: 415, details: { found: 'application/x-msdownload' } });
    expect(filesUnder(dir)).toEqual([]);
    await service.store(input());
    await expect(service.store(input())).rejects.toMatchObject({ code: 'ATTACHMENT_LIMIT_REACHED', status: 422 });
    expect(filesUnder(dir)).toHaveLength(1);
  });

  it('never refuses a generated letter for the count (a route or transfer must not fail on it)', async () => {
    const { service, rows } = setup({ perCase: 1 });
    await service.store(input());
    const letter = await service.store({ ...input(), kind: 'letter', via: 'system', letterNumber: '〔2026〕1号' });
    expect(letter).toMatchObject({ kind: 'letter', via: 'system', letterNumber: '〔2026〕1号' });
    expect(rows).toHaveLength(2);
    await expect(service.store(input())).rejects.toMatchObject({ code: 'ATTACHMENT_LIMIT_REACHED' });
  });
});
