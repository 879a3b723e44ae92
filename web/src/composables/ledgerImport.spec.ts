import { describe, expect, it } from 'vitest';
import { filterRows, ledgerForm, mappingToSend, unmappedRequired, type LedgerReportRow } from './ledgerImport';

const row = (rowNumber: number, outcome: LedgerReportRow['outcome'], repeat: LedgerReportRow['repeat'] = null): LedgerReportRow => ({
  rowNumber,
  outcome,
  externalCode: null,
  problems: [],
  duplicateOfRow: null,
  duplicateOfCaseId: null,
  repeat,
});

describe('ledger import composable', () => {
  const rows = [row(2, 'invalid'), row(3, 'duplicate'), row(4, 'create', { existingCases: 1, earlierRows: 0 }), row(5, 'create')];

  it('filters the report rows as the console offers', () => {
    expect(filterRows(rows, 'all').map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(filterRows(rows, 'invalid').map((r) => r.rowNumber)).toEqual([2]);
    expect(filterRows(rows, 'duplicate').map((r) => r.rowNumber)).toEqual([3]);
    expect(filterRows(rows, 'repeat').map((r) => r.rowNumber)).toEqual([4]);
  });

  it('sends "not imported" as null and names required fields left unmapped', () => {
    expect(mappingToSend({ receivedAt: '日期', content: '' })).toEqual({ receivedAt: '日期', content: null });
    const fields = [
      { key: 'receivedAt', zh: '登记日期', en: 'Registered on', required: true },
      { key: 'status', zh: '状态', en: 'Status', required: true },
      { key: 'content', zh: '事项内容', en: 'Content', required: false },
    ];
    expect(unmappedRequired(fields, { receivedAt: '日期', status: '', content: null })).toEqual(['status']);
  });

  it('uploads the file under the field name the API reads', () => {
    const form = ledgerForm(new File(['编号'], '台账.csv', { type: 'text/csv' }));
    expect((form.get('file') as File).name).toBe('台账.csv');
  });
});
