import type { LedgerRow, RowCheck } from './ledger-row.js';
import { planLedger, type RowIdentity } from './ledger-report.js';

const row = (rowNumber: number, petitioner: string, receivedAt: string, key = `k${rowNumber}`): LedgerRow & { key: string; petitioner: string } =>
  ({ rowNumber, receivedAt: new Date(receivedAt), externalCode: key, key, petitioner }) as unknown as LedgerRow & { key: string; petitioner: string };

const identity = (r: LedgerRow): RowIdentity => {
  const x = r as LedgerRow & { key: string; petitioner: string };
  return { importKey: x.key, idHash: `id-${x.petitioner}`, phoneHash: null };
};

describe('planLedger', () => {
  it('sorts rows into invalid, duplicate (imported before, or earlier in the file) and to create, and counts repeats', () => {
    const checks: RowCheck[] = [
      { ok: true, row: row(2, 'a', '2026-05-01T00:00:00Z') },
      { ok: false, rowNumber: 3, problems: [{ field: 'phone', label: '电话', message: '电话号码无效' }] },
      { ok: true, row: row(4, 'b', '2026-05-02T00:00:00Z', 'imported-before') },
      { ok: true, row: row(5, 'a', '2026-04-01T00:00:00Z') },
      { ok: true, row: row(6, 'c', '2026-05-03T00:00:00Z', 'k2') },
      { ok: true, row: row(7, 'd', '2026-06-01T00:00:00Z') },
    ];
    const plan = planLedger(checks, identity, new Map([['imported-before', 'case-1']]), new Map([['id-d', [{ id: 'old', receivedAt: new Date('2024-01-01T00:00:00Z') }]]]));
    expect(plan.counts).toEqual({ total: 6, create: 3, invalid: 1, duplicate: 2, repeats: 2 });
    expect(plan.rows.map((r) => [r.rowNumber, r.outcome, r.duplicateOfRow, r.duplicateOfCaseId, r.repeat])).toEqual([
      // Row 2 is the later of petitioner a's two cases (row 5 was received a month before).
      [2, 'create', null, null, { existingCases: 0, earlierRows: 1 }],
      [3, 'invalid', null, null, null],
      [4, 'duplicate', null, 'case-1', null],
      [6, 'duplicate', 2, null, null],
      [7, 'create', null, null, { existingCases: 1, earlierRows: 0 }],
    ]);
    // repeatCount counts only the 12 months before receipt: d's stored case is from 2024.
    expect(plan.create.map((p) => [p.row.rowNumber, p.repeatCount])).toEqual([
      [2, 1],
      [5, 0],
      [7, 0],
    ]);
  });
});
