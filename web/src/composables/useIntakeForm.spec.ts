import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

const post = vi.fn();
vi.mock('@/api/client', () => ({
  api: { POST: (...args: unknown[]) => post(...args) },
  unwrap: <T>(result: { data?: T; error?: unknown; response: Response }): T => {
    if (result.error !== undefined || !result.response.ok) throw ApiError.from(result.response.status, result.error as never);
    return result.data as T;
  },
}));

const { useIntakeForm } = await import('./useIntakeForm');

const created = (replayed = false) => ({ data: { id: 'c1', code: 'XF-2026-000009' }, response: new Response(null, { status: 201, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} }) });
const keyOf = (call: unknown[]) => (call[1] as { params: { header: { 'Idempotency-Key': string } } }).params.header['Idempotency-Key'];

function fill(state: ReturnType<typeof useIntakeForm>): void {
  Object.assign(state.form, { channel: 'letter', subject: '标题', content: '内容', category: 'other', region: '房县' });
  state.form.petitioner.name = '李娜';
}

describe('the intake page state', () => {
  beforeEach(() => post.mockReset());

  it('says which required fields are empty without calling the API', async () => {
    const state = useIntakeForm();
    await state.submit();
    expect(post).not.toHaveBeenCalled();
    expect(state.problems.value.channel).toBe('请选择来源渠道');
    expect(state.problems.value.subject).toBe('请填写事项标题');
  });

  it('sends one Idempotency-Key for every retry of a form, and a new one for the next form', async () => {
    const state = useIntakeForm();
    fill(state);
    post.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(created(true)).mockResolvedValueOnce(created());
    await state.submit();
    expect(state.notice.value).toBe('无法连接服务，请检查网络后重试。');
    await state.submit();
    expect(state.saved.value).toEqual({ view: { id: 'c1', code: 'XF-2026-000009' }, replayed: true });
    state.next();
    expect(state.saved.value).toBeNull();
    expect(state.form.subject).toBe('');
    fill(state);
    await state.submit();
    const keys = post.mock.calls.map(keyOf);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('makes one request for a double click', async () => {
    const state = useIntakeForm();
    fill(state);
    post.mockResolvedValue(created());
    await Promise.all([state.submit(), state.submit()]);
    expect(post).toHaveBeenCalledTimes(1);
  });

  it("puts the API's refusal at its field, other errors in the notice", async () => {
    const state = useIntakeForm();
    fill(state);
    post
      .mockResolvedValueOnce({ error: { code: 'INVALID_PHONE', message: '联系电话格式不正确', details: { field: 'petitioner.phone' } }, response: new Response(null, { status: 400 }) })
      .mockResolvedValueOnce({ error: { code: 'RULES', message: '规则集暂不可用' }, response: new Response(null, { status: 503 }) });
    await state.submit();
    expect(state.problems.value).toEqual({ 'petitioner.phone': '联系电话格式不正确' });
    expect(state.notice.value).toBe('');
    await state.submit();
    expect(state.notice.value).toBe('规则集暂不可用');
  });
});
