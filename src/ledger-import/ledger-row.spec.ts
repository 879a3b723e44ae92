import { LEDGER_FIELD_KEYS, type LedgerField } from './ledger-fields.js';
import { checkRow, type RowContext } from './ledger-row.js';
import type { Cell } from './ledger-values.js';

const ctx: RowContext = {
  now: new Date('2026-11-26T10:00:00+08:00'),
  zone: 'Asia/Shanghai',
  units: new Map([
    ['市政府', { code: 'GOV', kind: 'external', active: true }],
    ['GOV', { code: 'GOV', kind: 'external', active: true }],
    ['旧单位', { code: 'OLD', kind: 'external', active: false }],
  ]),
};
const columns = Object.fromEntries(LEDGER_FIELD_KEYS.map((k, i) => [k, i])) as Record<LedgerField, number>;

/** A valid closed row; `change` overrides some fields. */
function cells(change: Partial<Record<LedgerField, Cell>> = {}): Cell[] {
  const row: Record<LedgerField, Cell> = {
    externalCode: '2025-001',
    receivedAt: '2025-03-01',
    channel: '来信',
    petitionerName: '张三',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    region: '茅箭区',
    category: '城建',
    subject: '物业纠纷',
    content: '',
    headcount: '',
    status: '已办结',
    handledBy: '市政府',
    acceptedAt: '2025-03-02',
    routedAt: '',
    repliedAt: '',
    closedAt: '2025-04-01',
    feedback: '满意',
    ...change,
  };
  return LEDGER_FIELD_KEYS.map((k) => row[k]);
}

const fieldsOf = (c: Cell[]): string[] => {
  const check = checkRow(c, 2, columns, ctx);
  return check.ok ? [] : check.problems.map((p) => p.field);
};

describe('checkRow', () => {
  it('reads a valid row into what a case needs', () => {
    const check = checkRow(cells(), 7, columns, ctx);
    expect(check).toMatchObject({ ok: true, row: { rowNumber: 7, externalCode: '2025-001', channel: 'letter', category: 'urban-construction', status: 'closed', handledBy: { code: 'GOV', kind: 'external' }, headcount: 1, content: '物业纠纷', feedback: 'satisfied', idNumber: '11010519491231002X', phone: '13812345678' } });
    if (check.ok) expect(check.row.receivedAt.toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });

  it('names each faulty field once, in Chinese, without echoing personal data', () => {
    const check = checkRow(cells({ petitionerName: '', idNumber: '110105194912310021', phone: '123', category: '天文', closedAt: '2025-02-01' }), 9, columns, ctx);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.field).sort()).toEqual(['category', 'closedAt', 'idNumber', 'petitionerName', 'phone']);
    expect(check.problems.find((p) => p.field === 'category')?.message).toBe('类别“天文”无法识别（可填：立法建议、城建、就业社保、教科文卫、涉法涉诉、其他等）');
    expect(check.problems.find((p) => p.field === 'closedAt')?.message).toBe('办结日期早于受理日期');
    expect(JSON.stringify(check.problems)).not.toContain('110105194912310021');
  });

  it('asks for a unit where one handles the case, a closing date for a closed case, and knows only active units', () => {
    expect(fieldsOf(cells({ status: '办理中', handledBy: '', closedAt: '', feedback: '' }))).toEqual(['handledBy']);
    expect(fieldsOf(cells({ closedAt: '' }))).toEqual(['closedAt']);
    expect(fieldsOf(cells({ handledBy: '旧单位' }))).toEqual(['handledBy']);
    expect(fieldsOf(cells({ status: '已受理', closedAt: '' }))).toEqual(['feedback']);
  });

  it('refuses dates in the future and values too long', () => {
    expect(fieldsOf(cells({ receivedAt: '2026-12-01', acceptedAt: '', closedAt: '' }))).toEqual(expect.arrayContaining(['receivedAt']));
    expect(fieldsOf(cells({ subject: '长'.repeat(201) }))).toEqual(['subject']);
    expect(fieldsOf(cells({ headcount: '0' }))).toEqual(['headcount']);
  });
});
