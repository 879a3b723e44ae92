/**
 * The ledger export (GET /reports/ledger.csv) over 10^6 cases: rows, bytes, time, and the service's
 * memory while it streams (peak RSS from /proc), against its memory before.
 *
 *   npx tsc -p bench/tsconfig.json
 *   node dist/bench/load-cases.js --profile ledger --reuse      # 10^6 cases in bench_ledger (once)
 *   node dist/bench/ledger-export.js [--database bench_ledger] [--runs 3]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { log, saveResult } from './lib/env.js';
import { databaseExists } from './lib/mysql.js';
import { login, startService } from './lib/processes.js';
import { median } from './lib/stats.js';

const { values } = parseArgs({ options: { database: { type: 'string', default: 'bench_ledger' }, runs: { type: 'string', default: '3' }, port: { type: 'string', default: '3191' } } });

/** Resident and peak-resident memory of a process, MiB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

interface ExportRun {
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  rssBeforeMiB: number;
  rssPeakDuringMiB: number;
}

async function exportOnce(base: string, token: string, pid: number, query: string): Promise<ExportRun> {
  const before = memory(pid).rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(pid).rss);
  }, 50);
  const started = performance.now();
  const res = await fetch(`${base}/reports/ledger.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
  let firstByteMs = 0;
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 0x0a) newlines++;
  }
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, memory(pid).rss);
  return { rows: newlines - 1, bytes, firstByteMs, totalMs, rssBeforeMiB: before, rssPeakDuringMiB: peak };
}

async function main(): Promise<void> {
  const database = values.database;
  if (!(await databaseExists(database))) throw new Error(`${database} is missing: run node dist/bench/load-cases.js --profile ledger first`);
  const port = Number(values.port);
  const service = await startService({ database, port, redis: false, name: 'service' });
  try {
    const base = `http://127.0.0.1:${port}`;
    const token = await login(base);
    const runs: ExportRun[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const run = await exportOnce(base, token, service.pid, '');
      log(`full export: ${run.rows} rows, ${(run.bytes / 1048576).toFixed(0)} MiB in ${(run.totalMs / 1000).toFixed(1)} s; RSS ${run.rssBeforeMiB.toFixed(0)} → peak ${run.rssPeakDuringMiB.toFixed(0)} MiB`);
      runs.push(run);
    }
    const filtered = await exportOnce(base, token, service.pid, '?status=in_handling&category=urban-construction');
    const result = {
      database,
      rows: runs[0].rows,
      mib: Math.round(runs[0].bytes / 1048576),
      medianSeconds: Math.round(median(runs.map((r) => r.totalMs))) / 1000,
      medianFirstByteMs: Math.round(median(runs.map((r) => r.firstByteMs))),
      rssBeforeMiB: Math.round(median(runs.map((r) => r.rssBeforeMiB))),
      rssPeakDuringMiB: Math.round(Math.max(...runs.map((r) => r.rssPeakDuringMiB))),
      processPeakMiB: Math.round(memory(service.pid).hwm),
      filtered: { rows: filtered.rows, seconds: Math.round(filtered.totalMs) / 1000 },
    };
    console.log(JSON.stringify(result, null, 2));
    saveResult('ledger-export', result);
  } finally {
    await service.stop();
  }
}

await main();
