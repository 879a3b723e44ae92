import { decodeCsv, parseCsv } from './ledger-csv.js';

describe('ledger CSV reader', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\uFEFF编号,信访人,摘要\r\n1,"王五, 老年","他说""不行""\r\n第二行"\r\n2,赵六,\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ['编号', '信访人', '摘要'],
      ['1', '王五, 老年', '他说"不行"\r\n第二行'],
      ['2', '赵六', ''],
    ]);
  });

  it('takes a semicolon or a tab as the delimiter when the header has no comma', () => {
    expect(parseCsv('a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses a quoted field that never ends', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow('unterminated');
  });

  it('decodes UTF-8 (with or without BOM) as UTF-8 and anything else as GB18030', () => {
    expect(decodeCsv(Buffer.from('\uFEFF登记日期', 'utf8'))).toEqual({ text: '登记日期', encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from('登记日期', 'utf8'))).toEqual({ text: '登记日期', encoding: 'utf-8' });
    // 登记 in GBK/GB18030: B5 C7 BC C7
    expect(decodeCsv(Buffer.from([0xb5, 0xc7, 0xbc, 0xc7]))).toEqual({ text: '登记', encoding: 'gb18030' });
  });
});
