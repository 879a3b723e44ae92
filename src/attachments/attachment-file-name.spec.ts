import { describe, expect, it } from '@jest/globals';
import { contentDisposition, displayFileName } from './attachment-file-name.js';

describe('displayFileName', () => {
  it('keeps a Chinese name and drops any path', () => {
    expect(displayFileName('C:\\Users\\张\\来信扫描.pdf', 'application/pdf')).toBe('来信扫描.pdf');
    expect(displayFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
  });

  it('removes control and direction-override characters', () => {
    expect(displayFileName('报告\u202Efdp.exe\u0000\n.pdf', 'application/pdf')).toBe('报告fdp.exe.pdf');
  });

  it('masks ID numbers and mobile numbers in the name', () => {
    expect(displayFileName('110101199003074578-13812345678.pdf', 'application/pdf')).not.toMatch(/110101199003074578|13812345678/);
  });

  it('gives a name to nameless files and an extension to names without one', () => {
    expect(displayFileName('', 'application/pdf')).toBe('附件.pdf');
    expect(displayFileName('...', 'image/png')).toBe('附件.png');
    expect(displayFileName('扫描件', 'image/jpeg')).toBe('扫描件.jpg');
  });

  it('shortens long names to 120 characters keeping the extension', () => {
    const name = displayFileName('长'.repeat(300) + '.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect([...name].length).toBe(120);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('carries an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('书面报告 (1).pdf')).toBe(`attachment; filename="____ (1).pdf"; filename*=UTF-8''%E4%B9%A6%E9%9D%A2%E6%8A%A5%E5%91%8A%20%281%29.pdf`);
  });
});
