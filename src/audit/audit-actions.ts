/**
 * Every action the audit trail records, with its name in both languages (the audit page's filter).
 * A new `audit.record(…, action, …)` belongs here too, and in `audit-summary.ts`; the summary spec checks both.
 */
export const AUDIT_ACTIONS = {
  'ruleset.create': { zh: '新建规则集草稿', en: 'Rule-set draft created' },
  'ruleset.update': { zh: '修改规则集草稿', en: 'Rule-set draft changed' },
  'ruleset.delete': { zh: '删除规则集草稿', en: 'Rule-set draft deleted' },
  'ruleset.publish': { zh: '发布规则集', en: 'Rule set published' },
  'ruleset.rollback': { zh: '回滚规则集', en: 'Rule set rolled back' },
  'settings.create': { zh: '新建办公设置草稿', en: 'Settings draft created' },
  'settings.update': { zh: '修改办公设置草稿', en: 'Settings draft changed' },
  'settings.delete': { zh: '删除办公设置草稿', en: 'Settings draft deleted' },
  'settings.publish': { zh: '发布办公设置', en: 'Settings published' },
  'settings.rollback': { zh: '回滚办公设置', en: 'Settings rolled back' },
  'directory.unit.create': { zh: '新增单位', en: 'Unit added' },
  'directory.unit.update': { zh: '修改单位', en: 'Unit changed' },
  'directory.leader.create': { zh: '新增领导', en: 'Leader added' },
  'directory.leader.update': { zh: '修改领导', en: 'Leader changed' },
  'directory.busy.update': { zh: '更新领导忙碌时段', en: "Leader's busy times changed" },
  'directory.deputy.create': { zh: '新增代表', en: 'Deputy added' },
  'directory.deputy.update': { zh: '修改代表', en: 'Deputy changed' },
  'directory.room.create': { zh: '新增会议室', en: 'Room added' },
  'directory.room.update': { zh: '修改会议室', en: 'Room changed' },
  'user.create': { zh: '新增用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User changed' },
  'user.password-reset': { zh: '重置用户密码', en: 'Password reset' },
  'user.password-change': { zh: '修改本人密码', en: 'Own password changed' },
  'user.sessions-revoke': { zh: '结束用户全部会话', en: 'Sessions ended' },
  'auth.login-failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.lockout': { zh: '登录锁定', en: 'Sign-in locked' },
  'ledger.export': { zh: '导出台账', en: 'Ledger exported' },
  'report.export': { zh: '导出专题报告', en: 'Report exported' },
  'backup.start': { zh: '手动备份', en: 'Backup started' },
  'meeting.reply': { zh: '会议回执', en: 'Meeting reply' },
  'meeting.reply-warning': { zh: '包案领导或主持人谢绝出席', en: 'Leader in charge or chair declined' },
  'attachment.upload': { zh: '上传附件', en: 'Attachment uploaded' },
  'attachment.download': { zh: '下载附件', en: 'Attachment downloaded' },
  'unit-link.issue': { zh: '发送单位办理链接', en: 'Unit link issued' },
  'unit-link.revoke': { zh: '收回单位办理链接', en: 'Unit link revoked' },
  'unit-link.use': { zh: '单位通过链接办理', en: 'Unit link used' },
  'letter.generate': { zh: '生成公文', en: 'Letter generated' },
  'letter-template.update': { zh: '修改公文模板', en: 'Letter template changed' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action);
