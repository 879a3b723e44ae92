import { describe, expect, it } from '@jest/globals';
import { imapSettings } from './imap-settings.js';

describe('imapSettings', () => {
  it('reads host, port, TLS, the URL-encoded user and password, and the mailbox (default INBOX)', () => {
    expect(imapSettings('imaps://xinfang%40renda.example.cn:p%40ss%3Aword@mail.example.cn/%E5%9B%9E%E6%89%A7')).toEqual({
      host: 'mail.example.cn',
      port: 993,
      secure: true,
      user: 'xinfang@renda.example.cn',
      pass: 'p@ss:word',
      mailbox: '回执',
    });
    expect(imapSettings('imap://u:p@127.0.0.1:14300')).toEqual({ host: '127.0.0.1', port: 14300, secure: false, user: 'u', pass: 'p', mailbox: 'INBOX' });
    expect(imapSettings('imap://u:p@[::1]/INBOX').host).toBe('::1');
  });
});
