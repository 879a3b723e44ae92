import { ref, shallowRef } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type LedgerImport = components['schemas']['LedgerImportResponse'];
export type LedgerReport = components['schemas']['LedgerReportResponse'];
export type LedgerCommit = components['schemas']['LedgerCommitResponse'];
export type LedgerReportRow = components['schemas']['LedgerReportRowResponse'];
export type LedgerMapping = Record<string, string | null>;
export type RowFilter = 'all' | 'invalid' | 'duplicate' | 'repeat';

/** The rows of a report the filter keeps: invalid, duplicate, or to create but looking like a repeat petition. */
export function filterRows(rows: readonly LedgerReportRow[], filter: RowFilter): LedgerReportRow[] {
  if (filter === 'all') return [...rows];
  if (filter === 'repeat') return rows.filter((r) => r.outcome === 'create' && r.repeat !== null);
  return rows.filter((r) => r.outcome === filter);
}

/** The mapping to send: the one chosen, else the API's suggestion; `''` (not imported) becomes null. */
export function mappingToSend(chosen: LedgerMapping): LedgerMapping {
  return Object.fromEntries(Object.entries(chosen).map(([field, header]) => [field, header ? header : null]));
}

/** Required fields of the layout the mapping leaves without a header (the API refuses the same; shown before asking). */
export function unmappedRequired(fields: LedgerImport['fields'], mapping: LedgerMapping): string[] {
  return fields.filter((f) => f.required && !mapping[f.key]).map((f) => f.key);
}

/** The upload's multipart body (field `file`, as the API reads it). */
export function ledgerForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** 台账导入: upload, the history, dry run and commit with a mapping; the API decides every verdict. */
export function useLedgerImport() {
  const history = shallowRef<LedgerImport[]>([]);
  const current = shallowRef<LedgerImport | null>(null);
  const report = shallowRef<LedgerReport | LedgerCommit | null>(null);
  const mapping = ref<LedgerMapping>({});

  function select(batch: LedgerImport): void {
    current.value = batch;
    report.value = null;
    // '' is the select's "not imported"; the API's null becomes it, and back when sent.
    mapping.value = Object.fromEntries(Object.entries(batch.mapping ?? batch.suggestedMapping).map(([field, header]) => [field, header ?? '']));
  }

  async function loadHistory(): Promise<void> {
    history.value = unwrap(await api.GET('/ledger-imports'));
  }

  async function upload(file: File): Promise<LedgerImport> {
    const form = ledgerForm(file);
    const batch = unwrap(await api.POST('/ledger-imports', { body: { file: '' }, bodySerializer: () => form }));
    select(batch);
    await loadHistory();
    return batch;
  }

  async function open(id: string): Promise<void> {
    select(unwrap(await api.GET('/ledger-imports/{id}', { params: { path: { id } } })));
  }

  async function dryRun(): Promise<LedgerReport> {
    if (!current.value) throw new Error('no upload chosen');
    const result = unwrap(await api.POST('/ledger-imports/{id}/dry-run', { params: { path: { id: current.value.id } }, body: { mapping: mappingToSend(mapping.value) } }));
    report.value = result;
    current.value = result.import;
    await loadHistory();
    return result;
  }

  async function commit(): Promise<LedgerCommit> {
    if (!current.value) throw new Error('no upload chosen');
    const result = unwrap(await api.POST('/ledger-imports/{id}/commit', { params: { path: { id: current.value.id } }, body: { mapping: mappingToSend(mapping.value) } }));
    report.value = result;
    current.value = result.import;
    await loadHistory();
    return result;
  }

  return { history, current, report, mapping, loadHistory, upload, open, dryRun, commit };
}
