import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { PetitionerCheck, type LookupBody, type PetitionerHistory } from './petitionerCheck';

const history = (total: number): PetitionerHistory => ({
  windowMonths: 12,
  total,
  cases: Array.from({ length: total }, (_, i) => ({ id: `id-${i}`, code: `XF-2026-00000${i}`, subject: '漏水', status: 'accepted', grade: 'normal', receivedAt: '2026-11-01T00:00:00.000Z', registeredAt: '2026-11-01T00:00:00.000Z' })),
});
const invalidPhone = () => ApiError.from(400, { code: 'INVALID_PHONE', message: '联系电话格式不正确', details: { field: 'phone' } });

describe('the live petitioner check', () => {
  it('looks the petitioner up by every number that passed so far', async () => {
    const lookup = vi.fn((_body: LookupBody) => Promise.resolve(history(2)));
    const check = new PetitionerCheck(lookup, () => 'zh-CN');
    expect(await check.check('idNumber', ' 11010519491231002X ')).toEqual({ problem: null, history: history(2) });
    await check.check('phone', '13812345678');
    expect(lookup.mock.calls.map(([body]) => body)).toEqual([{ idNumber: '11010519491231002X' }, { idNumber: '11010519491231002X', phone: '13812345678' }]);
  });

  it("puts the API's sentence at the field and leaves the hint as it was", async () => {
    const lookup = vi.fn((body: LookupBody) => (body.phone ? Promise.reject(invalidPhone()) : Promise.resolve(history(1))));
    const check = new PetitionerCheck(lookup, () => 'zh-CN');
    await check.check('idNumber', '11010519491231002X');
    expect(await check.check('phone', '123')).toEqual({ problem: '联系电话格式不正确', history: undefined });
    // the refused phone is not sent again with the next number
    await check.check('idNumber', '11010519491231002X');
    expect(lookup.mock.calls.at(-1)?.[0]).toEqual({ idNumber: '11010519491231002X' });
  });

  it('clears the hint when the last number is emptied, without asking the API', async () => {
    const lookup = vi.fn(() => Promise.resolve(history(1)));
    const check = new PetitionerCheck(lookup, () => 'zh-CN');
    await check.check('phone', '13812345678');
    expect(await check.check('phone', '  ')).toEqual({ problem: null, history: null });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('checks one number after the other, so a quick second lookup includes the first number', async () => {
    let release: (value: PetitionerHistory) => void = () => undefined;
    const slow = new Promise<PetitionerHistory>((resolve) => (release = resolve));
    const lookup = vi.fn<(body: LookupBody) => Promise<PetitionerHistory>>().mockReturnValueOnce(slow).mockResolvedValueOnce(history(3)).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const check = new PetitionerCheck(lookup, () => 'zh-CN');
    const first = check.check('idNumber', '11010519491231002X');
    const second = check.check('phone', '13812345678');
    release(history(1));
    expect((await first)?.history?.total).toBe(1);
    expect((await second)?.history?.total).toBe(3);
    expect(lookup.mock.calls[1][0]).toEqual({ idNumber: '11010519491231002X', phone: '13812345678' });
    expect(await check.check('phone', '13812345679')).toEqual({ problem: null, history: undefined });
  });

  it('drops an answer that arrives after the form was reset', async () => {
    let release: (value: PetitionerHistory) => void = () => undefined;
    const check = new PetitionerCheck(() => new Promise((resolve) => (release = resolve)), () => 'zh-CN');
    const pending = check.check('phone', '13812345678');
    await Promise.resolve();
    check.reset();
    release(history(1));
    expect(await pending).toBeNull();
  });
});
