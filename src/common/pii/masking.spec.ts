import { PII_PATTERNS, containsPii, maskAddress, maskIdNumber, maskName, maskPhone, redactPii } from './masking.js';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['买买提·艾力', '买*****'],
    ['Alice Smith', 'A***'],
    ['bob', 'b***'],
    ['张', '*'],
    ['  李四 ', '李*'],
    ['', ''],
  ])('%p → %p', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters, same length', () => {
    expect(maskIdNumber('420302198001011234')).toBe('420***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('420302198001011234')).toHaveLength(18);
  });

  it('hides very short values entirely', () => {
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['010-62345678', '010-****5678'],
    ['027-88881234', '027-****1234'],
    ['0719-8881234', '0719-****234'],
    ['07198881234', '0719-****234'],
    ['400-123-4567', '400****567'],
    ['12345', '***45'],
  ])('%p → %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each([
    ['湖北省十堰市茅箭区北京中路12号', '湖北省十堰市茅箭区***'],
    ['十堰市张湾区花果街道某某小区3栋2单元', '十堰市张湾区***'],
    ['北京市朝阳区建国路88号', '北京市朝阳区***'],
    ['湖北省丹江口市均州路5号', '湖北省丹江口市***'],
    ['湖北省十堰市房县城关镇', '湖北省十堰市房县***'],
    ['内蒙古自治区呼和浩特市新城区', '内蒙古自治区呼和浩特市新城区***'],
    ['湖北省十堰市 茅箭区 人民路', '湖北省十堰市茅箭区***'],
    ['幸福小区5栋', '***'],
    ['', '***'],
  ])('%p → %p', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});

describe('PII_PATTERNS / redactPii', () => {
  const text =
    'case XF-2026-000123 petitioner 张三 id 420302198001011234, 电话13812345678；备用 +86 139-1234-5678; ref 11010519491231002X.';

  it('finds ID numbers and mobiles in free text', () => {
    expect(PII_PATTERNS.idNumber.test(text)).toBe(true);
    expect(PII_PATTERNS.mobile.test('请联系13812345678。')).toBe(true);
    expect(PII_PATTERNS.mobile.test('tel:+86 139 1234 5678')).toBe(true);
    expect(PII_PATTERNS.mobile.test('Tel13812345678 转 8001')).toBe(true);
    expect(PII_PATTERNS.mobile.test('联系电话138-1234-5678-张先生')).toBe(true);
    expect(containsPii(text)).toBe(true);
  });

  it('is stateless (not global) so repeated test() calls agree', () => {
    expect([1, 2, 3].map(() => PII_PATTERNS.mobile.test('13812345678'))).toEqual([true, true, true]);
  });

  it('ignores longer digit runs, case numbers, masked values and timestamps', () => {
    for (const clean of [
      'order 138123456789012',
      'XF-2026-000123',
      '420***********1234 138****5678',
      '2026-11-26T02:00:00.000Z 1764122400000',
      'id 12345678901234567890',
      // UUIDs: a correlation id and a case id whose hex runs are shaped like mobile numbers
      'b31ce186-8427-4495-b8e2-f176b02ba2f2',
      'GET /cases/0c1a2b3c-4d5e-4f60-8a9b-a13812345678 200',
    ]) {
      expect(containsPii(clean)).toBe(false);
    }
  });

  it('replaces every match with its masked form', () => {
    const redacted = redactPii(text);
    expect(redacted).toBe(
      'case XF-2026-000123 petitioner 张三 id 420***********1234, 电话138****5678；备用 139****5678; ref 110***********002X.',
    );
    expect(containsPii(redacted)).toBe(false);
  });
});
