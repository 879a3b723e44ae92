import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { useRecordEditor } from './useRecordEditor';

interface Room {
  id: string;
  name: string;
  capacity: number;
  location: string | null;
}

function editor(rooms: Room[] = [{ id: 'r1', name: '第三会议室', capacity: 30, location: null }]) {
  const create = vi.fn((body: Record<string, unknown>) => Promise.resolve({ id: 'r2', location: null, ...body } as Room));
  const update = vi.fn((id: string, body: Record<string, unknown>) => Promise.resolve({ ...rooms.find((r) => r.id === id)!, ...body } as Room));
  const e = useRecordEditor<Room, { name: string; capacity: number; location: string }>({
    load: () => Promise.resolve(rooms),
    create,
    update,
    formOf: (room) => ({ name: room?.name ?? '', capacity: room?.capacity ?? 10, location: room?.location ?? '' }),
    createFields: ['name', 'capacity', 'location'],
    updateFields: ['name', 'capacity', 'location'],
    describe: (error) => (error instanceof Error ? error.message : '?'),
    language: () => 'zh-CN',
  });
  return { e, create, update };
}

describe('a directory tab’s editor', () => {
  it('creates a record and appends the API’s copy', async () => {
    const { e, create } = editor();
    await e.reload();
    e.start(null);
    e.form.value.name = '第二会议室';
    await expect(e.save()).resolves.toBe(true);
    expect(create).toHaveBeenCalledWith({ name: '第二会议室', capacity: 10 });
    expect(e.items.value.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(e.open.value).toBe(false);
    expect(e.outcome.value).toBe('saved');
  });

  it('patches only the changed fields and replaces the row', async () => {
    const { e, update } = editor();
    await e.reload();
    e.start(e.items.value[0]);
    e.form.value.capacity = 40;
    await e.save();
    expect(update).toHaveBeenCalledWith('r1', { capacity: 40 });
    expect(e.items.value).toEqual([{ id: 'r1', name: '第三会议室', capacity: 40, location: null }]);
  });

  it('sends nothing when nothing changed', async () => {
    const { e, update } = editor();
    await e.reload();
    e.start(e.items.value[0]);
    await e.save();
    expect(update).not.toHaveBeenCalled();
    expect(e.outcome.value).toBe('unchanged');
  });

  it('keeps the dialog open with the API’s problems at the fields', async () => {
    const { e, create } = editor();
    create.mockRejectedValueOnce(new ApiError(400, 'VALIDATION_FAILED', '请求有误', [{ field: 'capacity', constraint: 'min', message: '容纳人数至少为 1' }]));
    e.start(null);
    await expect(e.save()).resolves.toBe(false);
    expect(e.open.value).toBe(true);
    expect(e.problems.value).toEqual({ fields: { capacity: '容纳人数至少为 1' }, general: '' });
  });

  it('says why the list could not be read', async () => {
    const { e } = editor();
    const failing = useRecordEditor<{ id: string }, Record<string, never>>({ load: () => Promise.reject(new Error('无法连接')), formOf: () => ({}), createFields: [], updateFields: [], describe: (error: unknown) => (error as Error).message, language: () => 'zh-CN', create: () => Promise.reject(new Error()) });
    await failing.reload();
    expect(failing.listProblem.value).toBe('无法连接');
    expect(e.listProblem.value).toBe('');
  });
});
