import writeXlsxFile from 'write-excel-file/node';
import { idNumber } from './factories.js';

/** The documented layout's headers (docs/ledger-import.md). */
export const LEDGER_HEADERS = ['编号', '登记日期', '来信来访', '信访人', '身份证号', '电话', '地区', '类别', '事项摘要', '状态', '承办单位', '受理日期', '办结日期', '满意度'] as const;
export type LedgerLine = Record<(typeof LEDGER_HEADERS)[number], string | Date>;

/** The ten kinds of bad row the sample ledger holds (five each), with the field the dry run must name. */
export const FAULTS = [
  { field: 'petitionerName', apply: (l: LedgerLine) => ({ ...l, 信访人: '' }) },
  { field: 'idNumber', apply: (l: LedgerLine) => ({ ...l, 身份证号: '420302199001011235' }) },
  { field: 'phone', apply: (l: LedgerLine) => ({ ...l, 电话: '12345' }) },
  { field: 'category', apply: (l: LedgerLine) => ({ ...l, 类别: '天文观测' }) },
  { field: 'status', apply: (l: LedgerLine) => ({ ...l, 状态: '待定' }) },
  { field: 'receivedAt', apply: (l: LedgerLine) => ({ ...l, 登记日期: '2025-13-45' }) },
  { field: 'receivedAt', apply: (l: LedgerLine) => ({ ...l, 登记日期: '2027-05-01' }) },
  { field: 'closedAt', apply: (l: LedgerLine) => ({ ...l, 状态: '已办结', 办结日期: '' }) },
  { field: 'closedAt', apply: (l: LedgerLine) => ({ ...l, 状态: '已办结', 登记日期: '2026-06-10', 办结日期: '2026-05-01' }) },
  { field: 'handledBy', apply: (l: LedgerLine) => ({ ...l, 承办单位: '火星办事处' }) },
] as const;

const CATEGORIES = ['城建', '就业社保', '教科文卫', '涉法涉诉', '经济发展', '其他'];
const REGIONS = ['茅箭区', '张湾区', '郧阳区', '丹江口市'];

/** A valid line: petitioner `p` (their ID number and mobile derive from it), received `day` days after 2025-12-01. */
export function ledgerLine(n: number, p: number, day: number): LedgerLine {
  const received = new Date(Date.UTC(2025, 11, 1 + day));
  const closed = new Date(received.getTime() + 20 * 86_400_000);
  const open = n % 3 === 0;
  return {
    编号: `2026信字第${String(n).padStart(5, '0')}号`,
    登记日期: received,
    来信来访: n % 2 ? '来信' : '来访',
    信访人: `测试人${p}`,
    身份证号: idNumber(`4203021980${String(1 + (p % 12)).padStart(2, '0')}${String(1 + (p % 28)).padStart(2, '0')}${String(p % 1000).padStart(3, '0')}`),
    电话: `139${String(10_000_000 + p).slice(-8)}`,
    地区: REGIONS[n % REGIONS.length],
    类别: CATEGORIES[n % CATEGORIES.length],
    事项摘要: `台账事项 ${n}：小区供暖不达标`,
    状态: open ? '办理中' : '已办结',
    承办单位: open ? '市政府' : '城建环保委',
    受理日期: received,
    办结日期: open ? '' : closed,
    满意度: open ? '' : '满意',
  };
}

/**
 * The proof's sample: `rows` lines; every `rows / 50`-th a bad one (the ten faults in turn), and the
 * petitioners of lines 1–30 petitioning again 400 lines later (30 looks-like-repeat rows). Returns the
 * lines and the 1-based file row numbers (header = row 1) of the bad ones with the field each must name.
 */
export function sampleLedger(rows = 1000): { lines: LedgerLine[]; bad: Map<number, string> } {
  const lines: LedgerLine[] = [];
  const bad = new Map<number, string>();
  const step = rows / 50;
  for (let n = 1; n <= rows; n++) {
    const repeatOf = n > 400 && n <= 430 ? n - 400 : null;
    const line = ledgerLine(n, repeatOf ?? n, repeatOf !== null ? 300 : n % 280);
    if (n % step === 0) {
      const fault = FAULTS[(n / step) % FAULTS.length];
      lines.push(fault.apply(line));
      bad.set(n + 1, fault.field);
    } else lines.push(line);
  }
  return { lines, bad };
}

export async function ledgerXlsx(lines: readonly LedgerLine[], headers: readonly string[] = LEDGER_HEADERS): Promise<Buffer> {
  const data = [
    headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...lines.map((l) => LEDGER_HEADERS.map((h) => (l[h] instanceof Date ? { value: l[h], format: 'yyyy-mm-dd' } : { value: String(l[h]), type: String }))),
  ];
  return writeXlsxFile(data as never).toBuffer();
}
