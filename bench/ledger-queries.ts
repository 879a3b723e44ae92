/** The filter combinations measured: the first one, two more two-filter ones, and the unfiltered page. */
export const LEDGER_QUERIES: { name: string; query: Record<string, string>; required: boolean }[] = [
  { name: 'status+category', query: { status: 'in_handling', category: 'urban-construction', pageSize: '20' }, required: true },
  { name: 'grade+overdue', query: { grade: 'escalated', overdue: 'true', pageSize: '20' }, required: true },
  { name: 'unit+status', query: { unit: 'HOUSING', status: 'in_handling', pageSize: '20' }, required: true },
  { name: 'no filter', query: { pageSize: '20' }, required: false },
];
