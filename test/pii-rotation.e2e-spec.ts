import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import type { CliIo } from '../src/backup/cli/cli-support.js';
import { rotateCommand } from '../src/backup/cli/rotate-command.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { createTestApp, TEST_MODE, type TestApp } from './support/test-app.js';

/**
 * Rotation of the personal-data key (both modes): re-encrypt under a new PII_KEY while the old one is
 * PII_KEY_PREVIOUS, interrupted halfway and resumed; then the old key is retired.
 */
interface Petitioner {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}
interface CaseView {
  id: string;
  repeatCount: number;
  petitioner: { idNumber: string | null; phone: string | null; address: string | null };
}
type Row = { id: string; petitionerIdCipher: string | null; petitionerPhoneCipher: string | null; petitionerAddressCipher: string | null; petitionerIdHash: string | null; petitionerPhoneHash: string | null };

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const A = new PiiCipher(KEY_A);
const B = new PiiCipher(KEY_B);
const REPEAT_ID = idNumber('42030319750505123');
const JWT_SECRET = randomBytes(24).toString('hex');

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

/** A token as written before key ids existed (`v1:`), by key A. */
function legacyToken(plain: string): string {
  const encKey = Buffer.from(hkdfSync('sha256', KEY_A, Buffer.from('petition-office/pii'), 'pii/v1/aes-256-gcm', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from('v1'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

describe('rotation of the personal-data key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xf-rotation-'));
  const dbName = `xf_t_rot_${randomBytes(4).toString('hex')}`;
  const adminUrl = TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');
  const env = (current: Buffer, previous: Buffer[] = []): Record<string, string> => ({
    DATA_DIR: dataDir,
    PII_KEY: current.toString('hex'),
    PII_KEY_PREVIOUS: previous.map((k) => k.toString('hex')).join(','),
    JWT_SECRET: JWT_SECRET,
    ...(TEST_MODE.mysql ? { DATABASE_URL: `${TEST_MODE.mysqlUrl}/${dbName}` } : {}),
  });
  /** What was registered, by case id. */
  const sent = new Map<string, Petitioner>();
  let legacyId = '';

  const rows = async (t: TestApp): Promise<Row[]> =>
    t.dataSource.query('SELECT id, petitionerIdCipher, petitionerPhoneCipher, petitionerAddressCipher, petitionerIdHash, petitionerPhoneHash FROM cases ORDER BY id');

  /** Every case, read through the API as the secretariat, shows what was registered. */
  async function expectAllReadable(t: TestApp): Promise<void> {
    const secretary = await t.token('secretary');
    for (const [id, p] of sent) {
      const res = await t.http.get(`/cases/${id}`).set(bearer(secretary));
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
      const view = (res.body as CaseView).petitioner;
      expect({ id, idNumber: view.idNumber, phone: view.phone, address: view.address }).toEqual({ id, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null });
    }
  }

  beforeAll(async () => {
    if (TEST_MODE.mysql) {
      const admin = await mysql.createConnection(adminUrl);
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    const t = await createTestApp({ env: env(KEY_A) });
    try {
      const secretary = await t.token('secretary');
      for (let i = 0; i < 27; i++) {
        const p: Petitioner =
          i < 3
            ? { name: '赵六', idNumber: REPEAT_ID, phone: '13700000001', address: '十堰市茅箭区人民路1号' }
            : { name: '孙七', ...(i % 4 !== 0 ? { idNumber: idNumber(`42030319800101${String(i).padStart(3, '0')}`) } : {}), ...(i % 5 !== 0 ? { phone: `1360000${String(i).padStart(4, '0')}` } : {}), ...(i % 2 ? { address: `十堰市张湾区${i}号` } : {}) };
        const res = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: p }));
        expect(res.status).toBe(201);
        sent.set((res.body as CaseView).id, p);
        if (i === 2) expect((res.body as CaseView).repeatCount).toBe(2);
      }
      // One case stored before key ids existed: v1 tokens of key A.
      legacyId = [...sent.keys()][5];
      const p = sent.get(legacyId) as Petitioner;
      await t.dataSource.query('UPDATE cases SET petitionerIdCipher = ?, petitionerPhoneCipher = ? WHERE id = ?', [
        p.idNumber ? legacyToken(p.idNumber) : null,
        p.phone ? legacyToken(p.phone) : null,
        legacyId,
      ]);
      await expectAllReadable(t);

      // While a service still encrypts with key A, the rotation to B refuses and changes nothing.
      await expect(rotateCommand([], env(KEY_B, [KEY_A]), capture())).rejects.toMatchObject({
        code: 'PII_ROTATION_KEY_MISMATCH',
        message: expect.stringMatching(new RegExp(`仍使用旧密钥.*key ${A.keyId}`)),
      });
      expect((await rows(t)).filter((r) => r.petitionerIdCipher?.startsWith(B.currentPrefix))).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  afterAll(async () => {
    if (TEST_MODE.mysql) {
      const admin = await mysql.createConnection(adminUrl);
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('interrupted halfway and resumed: every record decrypts, none is re-encrypted twice, hashes follow the key, and the old key can be retired', async () => {
    // 1. Interrupted after two batches of five.
    let batches = 0;
    await expect(
      rotateCommand(['--batch', '5'], env(KEY_B, [KEY_A]), capture(), {
        onBatch: () => {
          if (++batches === 2) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');

    let mid: Row[];
    const t2 = await createTestApp({ env: env(KEY_B, [KEY_A]) });
    try {
      mid = await rows(t2);
      const rotated = mid.filter((r) => [r.petitionerIdCipher, r.petitionerPhoneCipher, r.petitionerAddressCipher].some((c) => c?.startsWith(B.currentPrefix)));
      expect(rotated).toHaveLength(10);
      // Half-way, with both keys configured, every record reads as registered.
      await expectAllReadable(t2);
      // And a new registration still finds the petitioner's earlier case that is not rotated yet (its hash is
      // still key A's): the repeat count looks under both keys.
      const unrotated = mid.find((r) => r.petitionerIdCipher !== null && !r.petitionerIdCipher.startsWith(B.currentPrefix) && sent.get(r.id)?.idNumber !== REPEAT_ID);
      const earlier = sent.get(unrotated?.id ?? '') as Petitioner;
      expect(unrotated?.petitionerIdHash).toBe(A.lookupHash('id', earlier.idNumber as string));
      const secretary = await t2.token('secretary');
      const repeat = await t2.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '孙七', idNumber: earlier.idNumber } }));
      expect(repeat.status).toBe(201);
      expect((repeat.body as CaseView).repeatCount).toBe(1);
      sent.set((repeat.body as CaseView).id, { name: '孙七', idNumber: earlier.idNumber });
    } finally {
      await t2.close();
    }

    // 2. Resumed: the rest, and nothing twice.
    const io = capture();
    expect(await rotateCommand(['--batch', '5'], env(KEY_B, [KEY_A]), io)).toBe(0);
    const withPii = mid.filter((r) => r.petitionerIdCipher || r.petitionerPhoneCipher || r.petitionerAddressCipher).length;
    expect(io.lines.join('\n')).toContain(`已轮换 ${withPii - 10} 件；剩余 0 件`);
    expect(io.lines.join('\n')).toMatch(/旧密钥可以退役/);

    const status = capture();
    expect(await rotateCommand(['--status'], env(KEY_B, [KEY_A]), status)).toBe(0);
    expect(status.lines.join('\n')).toMatch(new RegExp(`当前密钥 ${B.keyId}；各密钥下的字段数 ${B.keyId}\\*: \\d+；待轮换 0 件`));

    // 3. The old key retired: only PII_KEY=B.
    const t3 = await createTestApp({ env: env(KEY_B) });
    try {
      const after = await rows(t3);
      const midById = new Map(mid.map((r) => [r.id, r]));
      for (const r of after) {
        // (undefined for the one case registered half-way: it was written under key B)
        const before = midById.get(r.id);
        const p = sent.get(r.id) as Petitioner;
        for (const [column, plain] of [
          ['petitionerIdCipher', p.idNumber],
          ['petitionerPhoneCipher', p.phone],
          ['petitionerAddressCipher', p.address],
        ] as const) {
          const token = r[column];
          if (plain === undefined) {
            expect(token).toBeNull();
            continue;
          }
          expect(token?.startsWith(B.currentPrefix)).toBe(true);
          expect(B.decrypt(token as string)).toBe(plain);
          expect(() => A.decrypt(token as string)).toThrow();
          // Rows done before the interruption kept their tokens: not encrypted a second time.
          if (before?.[column]?.startsWith(B.currentPrefix)) expect(token).toBe(before[column]);
        }
        expect(r.petitionerIdHash).toBe(p.idNumber ? B.lookupHash('id', p.idNumber) : null);
        expect(r.petitionerPhoneHash).toBe(p.phone ? B.lookupHash('phone', p.phone) : null);
      }
      expect(after.find((r) => r.id === legacyId)?.petitionerIdCipher?.startsWith(B.currentPrefix)).toBe(true);
      await expectAllReadable(t3);

      // Repeat-petitioner detection still finds the three earlier cases (by ID number and by phone).
      const secretary = await t3.token('secretary');
      const again = await t3.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵六', idNumber: REPEAT_ID } }));
      expect(again.status).toBe(201);
      expect((again.body as CaseView).repeatCount).toBe(3);
      const byPhone = await t3.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵六', phone: '+86 137-0000-0001' } }));
      expect((byPhone.body as CaseView).repeatCount).toBe(3);
    } finally {
      await t3.close();
    }
  });
});

(TEST_MODE.mysql ? describe.skip : describe)('rotation with key files (embedded mode)', () => {
  it('--new-key moves pii.key to pii.key.previous, rotates, and --retire removes the old key once nothing needs it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xf-rotation-files-'));
    const env = { DATA_DIR: dataDir, PII_KEY: '', JWT_SECRET: '' };
    try {
      const ids: string[] = [];
      let t = await createTestApp({ env });
      const oldKey = readFileSync(join(dataDir, 'pii.key'), 'utf8').trim();
      try {
        const secretary = await t.token('secretary');
        for (let i = 0; i < 3; i++) ids.push(((await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '周八', idNumber: REPEAT_ID } })).expect(201)).body as CaseView).id);
        // Not while the service runs.
        await expect(rotateCommand(['--new-key'], env, capture())).rejects.toMatchObject({ code: 'BACKUP_SERVICE_RUNNING' });
      } finally {
        await t.close();
      }
      const io = capture();
      expect(await rotateCommand(['--new-key'], env, io)).toBe(0);
      const newKey = readFileSync(join(dataDir, 'pii.key'), 'utf8').trim();
      expect(newKey).not.toBe(oldKey);
      expect(readFileSync(join(dataDir, 'pii.key.previous'), 'utf8').trim()).toBe(oldKey);
      expect(io.lines.join('\n')).toContain('已轮换 3 件；剩余 0 件');

      const retire = capture();
      expect(await rotateCommand(['--retire'], env, retire)).toBe(0);
      expect(existsSync(join(dataDir, 'pii.key.previous'))).toBe(false);

      t = await createTestApp({ env });
      try {
        const secretary = await t.token('secretary');
        for (const id of ids) expect(((await t.http.get(`/cases/${id}`).set(bearer(secretary)).expect(200)).body as CaseView).petitioner.idNumber).toBe(REPEAT_ID);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
