/**
 * Benchmark: the ledger import (台账导入) of 10^5 rows, target ≤ 60 s for the dry run and the commit.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/ledger-import.js [--targets sqlite,mysql] [--rows 100000] [--rounds 3] [--format xlsx|csv]
 *
 * In process (the service's modules, no HTTP): per target a fresh database (SQLite in a temporary
 * DATA_DIR; MariaDB `bench_ledger_import`, recreated), then per round a new ledger of `--rows` rows (5 % bad
 * rows of varied faults, 2 % petitioners seen earlier in the file, an office number per row, distinct per
 * round so every round creates its cases): upload (read + encrypted chunks), dry run, commit, and a second
 * commit of the same upload (creates nothing). Prints each phase per round and the medians over rounds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import writeXlsxFile from 'write-excel-file/node';
import { loadConfig } from '../config/app-config.js';
import { AppModule } from '../src/app.module.js';
import type { Actor } from '../src/domain/actor.js';
import { DirectoryService } from '../src/directory/directory.service.js';
import { LedgerImportService } from '../src/ledger-import/ledger-import.service.js';
import { databaseUrl, log, saveResult } from './lib/env.js';
import { recreateDatabase } from './lib/mysql.js';
import { median, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    targets: { type: 'string', default: 'sqlite,mysql' },
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    format: { type: 'string', default: 'xlsx' },
  },
});
const rows = Number(args.rows);
const rounds = Number(args.rounds);
const format = args.format === 'csv' ? 'csv' : 'xlsx';
const HEADERS = ['编号', '登记日期', '来信来访', '信访人', '身份证号', '电话', '地区', '类别', '事项摘要', '状态', '承办单位', '受理日期', '办结日期', '满意度'];
const ACTOR: Actor = { id: '00000000-0000-4000-8000-00000000be01', username: 'bench', displayName: '压测', role: 'secretariat', leaderId: null, unitId: null, unitCode: null };

function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A birth date (YYYYMMDD) per thousand petitioners: with the sequence digits, one ID number per petitioner. */
function birthDate(p: number): string {
  return new Date(Date.UTC(1950, 0, 1) + Math.floor(p / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** One ledger as cells: `r` makes the office numbers of this round distinct. */
function ledger(r: number): string[][] {
  const out: string[][] = [HEADERS];
  for (let n = 1; n <= rows; n++) {
    const p = n % 50 === 0 ? n - 49 : n; // 2 % petition again
    const day = new Date(Date.UTC(2025, 11, 1) + (n % 330) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const closed = new Date(day.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const open = n % 3 === 0;
    const line = [
      `R${r}-${n}`,
      iso,
      n % 2 ? '来信' : '来访',
      `测试人${p}`,
      idNumber(`420302${birthDate(p)}${String(p % 1000).padStart(3, '0')}`),
      `13${String(100_000_000 + p).slice(-9)}`,
      ['茅箭区', '张湾区', '郧阳区'][n % 3],
      ['城建', '就业社保', '教科文卫', '其他'][n % 4],
      `台账事项 ${n}：小区供暖不达标，业主多次反映`,
      open ? '办理中' : '已办结',
      open ? '市政府' : '城建环保委',
      iso,
      open ? '' : closed,
      open ? '' : '满意',
    ];
    if (n % 20 === 0) {
      // 5 % bad rows, five faults in turn
      const f = (n / 20) % 5;
      if (f === 0) line[3] = '';
      if (f === 1) line[5] = '12345';
      if (f === 2) line[7] = '天文';
      if (f === 3) line[1] = '2025-13-45';
      if (f === 4) line[10] = '火星办事处';
    }
    out.push(line);
  }
  return out;
}

async function fileOf(table: string[][]): Promise<Buffer> {
  if (format === 'csv') return Buffer.from('\uFEFF' + table.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'), 'utf8');
  return writeXlsxFile(table.map((r) => r.map((c) => ({ value: c, type: String })))).toBuffer();
}

interface Phase {
  target: string;
  round: number;
  upload: number;
  dryRun: number;
  commit: number;
  dryRunPlusCommit: number;
  secondCommit: number;
  created: number;
  invalid: number;
  repeats: number;
}
const results: Phase[] = [];

for (const target of args.targets.split(',')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'xf-bench-ledger-import-'));
  let url = '';
  if (target === 'mysql') {
    await recreateDatabase('bench_ledger_import');
    url = databaseUrl('bench_ledger_import');
  }
  const config = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, JWT_SECRET: randomBytes(24).toString('hex'), PII_KEY: randomBytes(32).toString('hex'), DEMO_DATA: 'false', RUN_WORKERS: 'false', LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  await app.get(DirectoryService).seedIfEmpty();
  const imports = app.get(LedgerImportService);
  try {
    for (let r = 1; r <= rounds; r++) {
      const file = await fileOf(ledger(r));
      log(`${target} round ${r}: ${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB ${format}`);
      let t0 = performance.now();
      const uploaded = await imports.upload({ buffer: file, originalname: `bench.${format}`, size: file.length }, ACTOR);
      const upload = performance.now() - t0;
      t0 = performance.now();
      const dry = await imports.dryRun(uploaded.id, uploaded.suggestedMapping, ACTOR);
      const dryRun = performance.now() - t0;
      t0 = performance.now();
      const committed = await imports.commit(uploaded.id, uploaded.suggestedMapping, ACTOR);
      const commit = performance.now() - t0;
      t0 = performance.now();
      const again = await imports.commit(uploaded.id, uploaded.suggestedMapping, ACTOR);
      const secondCommit = performance.now() - t0;
      if (again.created !== 0 || committed.created !== dry.counts.create) throw new Error(`not idempotent: ${committed.created} then ${again.created}`);
      const phase = { target, round: r, upload: round(upload / 1000, 2), dryRun: round(dryRun / 1000, 2), commit: round(commit / 1000, 2), dryRunPlusCommit: round((dryRun + commit) / 1000, 2), secondCommit: round(secondCommit / 1000, 2), created: committed.created, invalid: dry.counts.invalid, repeats: dry.counts.repeats };
      results.push(phase);
      log(JSON.stringify(phase));
      if (dry.counts.invalid > rows / 10) log(`first problems: ${JSON.stringify(dry.rows.slice(0, 3))}`);
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const summary = [...new Set(results.map((p) => p.target))].map((target) => {
  const of = results.filter((p) => p.target === target);
  const m = (k: keyof Phase): number => round(median(of.map((p) => Number(p[k]))), 2);
  return { target, rows, format, rounds: of.length, 'upload s': m('upload'), 'dry run s': m('dryRun'), 'commit s': m('commit'), 'dry run + commit s': m('dryRunPlusCommit'), 'second commit s': m('secondCommit'), created: m('created') };
});
process.stdout.write('\nmedians (target: dry run + commit ≤ 60 s)\n' + table(summary) + '\n');
log(`saved ${saveResult('ledger-import', { rows, rounds, format, results, summary })}`);
