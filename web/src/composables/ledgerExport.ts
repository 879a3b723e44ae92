import { api, unwrap } from '@/api/client';
import { exportQueryOf, type LedgerState } from './ledgerQuery';

/** Downloads the ledger as CSV with the page's filters and sort (the token goes with the request, so no bare link). */
export async function exportLedger(state: LedgerState, fileName: string): Promise<void> {
  const blob = unwrap(await api.GET('/reports/ledger.csv', { params: { query: exportQueryOf(state) }, parseAs: 'blob' }));
  saveBlob(blob, fileName);
}

/** Offers a blob to the browser as a file download under the given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
