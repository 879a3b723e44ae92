import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectPath } from '../../config/paths.js';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { auditSummary, type SummarisedEntry } from './audit-summary.js';

const entry = (action: string, data: Record<string, unknown>, entityType = 'x', entityId = 'id-1'): SummarisedEntry => ({ action, entityType, entityId, data });

/** Every action literal that source files recording audit entries pass (`audit.record(…, 'x.y', …)` or through a helper). */
function recordedActions(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) files.push(path);
    }
  };
  walk(projectPath('src'));
  const actions = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (!/audit\.record\(|this\.record\(em|\.activate\(/.test(source)) continue;
    for (const m of source.matchAll(/'((?:ruleset|settings|directory|user|auth|ledger|report|backup)\.[a-z][a-z.-]*)'/g)) actions.add(m[1]);
  }
  return [...actions].sort();
}

describe('auditSummary', () => {
  it('says what happened in words, in Chinese and English', () => {
    expect(auditSummary(entry('ruleset.publish', { version: 3, note: '提高集体访门槛' }))).toEqual({
      zh: '发布规则集 v3（备注：提高集体访门槛）',
      en: 'Published rule set v3 (note: 提高集体访门槛)',
    });
    expect(auditSummary(entry('user.update', { username: 'wang', changes: [{ field: 'role', from: 'secretariat', to: 'admin' }] })).zh).toBe('修改用户 wang：角色 秘书处 → 管理员');
    expect(auditSummary(entry('user.update', { username: 'wang', changes: [{ field: 'role', from: 'secretariat', to: 'admin' }] })).en).toBe('Changed user wang: role secretariat → admin');
    expect(auditSummary(entry('ledger.export', { rows: 1234, filter: {} }))).toEqual({ zh: '导出台账 CSV（1,234 行）', en: 'Exported the ledger as CSV (1,234 rows)' });
    expect(auditSummary(entry('directory.room.create', { name: '常委会第二会议室', changes: [{ field: 'name', from: null, to: '常委会第二会议室' }] })).zh).toBe('新增会议室 常委会第二会议室');
  });

  it('names the changed fields with their values in words, and hides secrets', () => {
    const unit = auditSummary(
      entry('directory.unit.update', {
        code: 'EDU',
        name: '市教育局',
        changes: [
          { field: 'active', from: true, to: false },
          { field: 'responsibilities', from: [], to: ['受理登记', '分类研判'] },
          { field: 'categories', from: ['economy'], to: ['economy', 'urban-construction'] },
          { field: 'email', from: null, to: 'xf@edu.example.cn' },
        ],
      }),
    );
    expect(unit.zh).toBe('修改单位 市教育局（EDU）：状态 启用 → 停用；职责清单 （空） → 2 项；受理类别 经济发展 → 经济发展、城建；邮箱 （空） → xf@edu.example.cn');
    expect(unit.en).toBe(
      'Changed unit 市教育局 (EDU): status active → inactive; responsibilities (none) → 2 items; categories Economy → Economy, Urban construction; email (none) → xf@edu.example.cn',
    );
    const password = auditSummary(entry('user.update', { username: 'li', changes: [{ field: 'password', from: null, to: null, hidden: true }] }));
    expect(password).toEqual({ zh: '修改用户 li：密码已更改', en: 'Changed user li: password changed' });
    expect(auditSummary(entry('user.password-reset', { username: 'li' })).zh).toBe('重置用户 li 的密码（其全部会话已结束）');
    expect(auditSummary(entry('user.create', { username: 'li', role: 'auditor' })).zh).toBe('新增用户 li（角色 审计员）');
    expect(auditSummary(entry('directory.busy.update', { name: '王建国', changes: [{ field: 'busyBlocks', from: ['a'], to: ['a', 'b'] }] })).zh).toBe('更新领导 王建国 的忙碌时段（1 段 → 2 段）');
  });

  it('summarises rollbacks, settings and reports', () => {
    expect(auditSummary(entry('ruleset.rollback', { version: 1, fromVersion: 2 })).zh).toBe('回滚规则集至 v1（原为 v2）');
    expect(auditSummary(entry('settings.publish', { version: 2, note: '元旦调休' })).zh).toBe('发布办公设置 v2（备注：元旦调休）');
    expect(auditSummary(entry('report.export', { days: 30, category: 'urban-construction', region: '茅箭区' })).zh).toBe('导出专题报告（近 30 天，城建，茅箭区）');
    expect(auditSummary(entry('report.export', { days: 30 })).en).toBe('Exported the thematic report (last 30 days, whole office)');
    expect(auditSummary(entry('auth.login-failed', { reason: 'wrong-password', address: '127.0.0.1' })).zh).toBe('登录失败（密码错误）');
    expect(auditSummary(entry('letter.generate', { kind: 'transfer-letter', number: '人大信转〔2026〕12号' })).zh).toBe('生成公文 人大信转〔2026〕12号');
    expect(auditSummary(entry('letter-template.update', { kind: 'acceptance-notice', version: 2, numberPrefix: '人大信告' })).zh).toBe('修改公文模板 受理告知书（第 2 版，文号前缀 人大信告）');
  });

  it('has words of its own for every action in the catalogue, and reads an unknown one as its name', () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      const words = auditSummary(entry(action, {}, 'thing', 'id-9'));
      expect(words.zh).not.toContain('（thing id-9）');
      expect(words.en).not.toContain('(thing id-9)');
      expect(words.zh).not.toBe('');
    }
    expect(auditSummary(entry('something.new', {}, 'thing', 'id-9'))).toEqual({ zh: 'something.new（thing id-9）', en: 'something.new (thing id-9)' });
  });

  it('covers every action the code records today', () => {
    const recorded = recordedActions();
    expect(recorded).toEqual(expect.arrayContaining(['ruleset.publish', 'ledger.export', 'directory.room.create', 'user.password-reset']));
    expect(recorded.filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
  });
});
