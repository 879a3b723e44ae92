import { cellText, parseCategory, parseChannel, parseFeedback, parseHeadcount, parseLedgerDate, parseStatus } from './ledger-values.js';

const zone = 'Asia/Shanghai';

describe('ledger values', () => {
  it('reads dates as the office day: xlsx date cells, Excel serial numbers and the usual Chinese spellings', () => {
    const day = '2025-03-01T00:00:00+08:00';
    expect(parseLedgerDate(new Date(Date.UTC(2025, 2, 1)), zone)?.toISOString()).toBe(new Date(day).toISOString());
    expect(parseLedgerDate(45717, zone)?.toISOString()).toBe(new Date(day).toISOString());
    for (const text of ['2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', ' 2025-3-1 ']) expect(parseLedgerDate(text, zone)?.toISOString()).toBe(new Date(day).toISOString());
    expect(parseLedgerDate('2025-03-01 09:30', zone)?.toISOString()).toBe(new Date('2025-03-01T09:30:00+08:00').toISOString());
  });

  it('refuses what is not a real date', () => {
    for (const text of ['2025-02-30', '2025-13-01', '三月一日', '1899-01-01', '', '2025-03']) expect(parseLedgerDate(text, zone)).toBeNull();
    expect(parseLedgerDate(-3, zone)).toBeNull();
  });

  it('knows the words ledgers use for channels, categories, statuses and satisfaction', () => {
    expect(['来信', '来访', '网上信访', '网信', '电话', '来电'].map(parseChannel)).toEqual(['letter', 'visit', 'online', 'online', 'phone', 'phone']);
    expect(['城建', '城建、住房、老旧小区、物业、环境', '涉法涉诉', 'other', '天文'].map(parseCategory)).toEqual(['urban-construction', 'urban-construction', 'litigation', 'other', null]);
    expect(['已办结', '办结', '结案', '办理中', '在办', '已交办', '转送', '不予受理', '待定'].map(parseStatus)).toEqual(['closed', 'closed', 'closed', 'in_handling', 'in_handling', 'routed', 'routed', 'rejected', null]);
    expect(['满意', '基本满意', '不满意', '一般'].map(parseFeedback)).toEqual(['satisfied', 'satisfied', 'dissatisfied', null]);
  });

  it('reads headcounts and cell text', () => {
    expect(['1', '25', '0', '1.5', 'x'].map(parseHeadcount)).toEqual([1, 25, null, null, null]);
    expect([null, '  a ', 42, 1.5, true, new Date(Date.UTC(2025, 0, 2))].map(cellText)).toEqual(['', 'a', '42', '1.5', 'true', '2025-01-02']);
  });
});
