import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';
import { describeEvent, eventDetails } from './caseTimeline';
import type { DirectoryNames } from './directoryNames';

const t = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const names: DirectoryNames = { unit: (code) => ({ GOV: '市人民政府', UCEC: '城建环保委' })[code ?? ''] ?? code ?? '', leader: (id) => (id === 'L1' ? '李明华主任' : (id ?? '')) };
const event = (over: Record<string, unknown>) => ({
  id: 'e1',
  at: '2026-12-03T00:30:00.000Z',
  action: 'accept',
  fromStatus: 'registered' as const,
  toStatus: 'accepted' as const,
  actor: { id: 'u1', name: '张秘书', role: 'secretariat' },
  reason: null,
  data: {},
  ...over,
});

describe('timeline in words', () => {
  it('says who, when, what and the status change', () => {
    const entry = describeEvent(event({}), t, names);
    expect(entry).toMatchObject({ at: '2026-12-03 08:30', title: '受理', actor: '张秘书（秘书处）', status: '已登记 → 已受理' });
    expect(describeEvent(event({ action: 'urge', fromStatus: 'routed', toStatus: 'routed', actor: { id: 's', name: 'system', role: 'system' }, data: { automatic: true } }), t, names)).toMatchObject({
      title: '催办',
      actor: '系统',
      status: '状态不变：已交办',
      automatic: true,
    });
    expect(describeEvent(event({ action: 'register', fromStatus: null, toStatus: 'registered' }), t, names).status).toBe('已登记');
  });

  it('reads units, leaders, times, vocabulary and flags in words, and leaves ids out', () => {
    const details = eventDetails(
      {
        action: 'transfer',
        data: { committee: 'UCEC', handledBy: 'GOV', mode: 'supervised', grade: 'escalated', reportRequired: true, dueAt: '2027-01-05T09:30:00.000Z', leaderId: 'L1', meetingId: 'm1', flags: ['group-petition'], empty: null },
      },
      t,
      names,
    );
    expect(details.map((d) => `${d.label}：${d.value}`)).toEqual([
      '跟踪委员会：城建环保委',
      '办理单位：市人民政府',
      '办理方式：交办督办',
      '定级：提级办理',
      '须书面报告：是',
      '期限：2027-01-05 17:30',
      '领导：李明华主任',
      '标记：集体访',
    ]);
  });

  it('names a conversion, a registration route and a re-grade', () => {
    expect(eventDetails({ action: 'convert', data: { conversionId: 'c', kind: 'supervision-topic', relatedCaseIds: [] } }, t, names)).toEqual([{ key: 'kind', label: '转化类型', value: '监督议题' }]);
    expect(eventDetails({ action: 'register', data: { route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' } } }, t, names)[0]?.value).toBe('城建环保委 跟踪，市人民政府 办理（转送）');
    const regrade = eventDetails({ action: 'regrade', data: { fromVersion: 1, toVersion: 2, before: { grade: 'normal' }, after: { grade: 'escalated' } } }, t, names);
    expect(regrade.map((d) => d.value)).toEqual(['1 → 2', '普通 → 提级办理']);
  });
});
