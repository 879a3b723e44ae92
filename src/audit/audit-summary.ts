import { EN, label, ZH } from '../domain/labels.js';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.js';
import { LETTER_KIND_LABELS, type LetterKind } from '../domain/letter-kinds.js';

/** An audit entry as far as its summary needs it. */
export interface SummarisedEntry {
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

export interface Words {
  zh: string;
  en: string;
}

type Lang = 'zh' | 'en';

/** What a field of a directory or user record is called. */
const FIELDS: Record<string, Words> = {
  code: { zh: '代码', en: 'code' },
  name: { zh: '名称', en: 'name' },
  shortName: { zh: '简称', en: 'short name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  kind: { zh: '类型', en: 'kind' },
  categories: { zh: '受理类别', en: 'categories' },
  responsibilities: { zh: '职责清单', en: 'responsibilities' },
  email: { zh: '邮箱', en: 'email' },
  active: { zh: '状态', en: 'status' },
  title: { zh: '职务', en: 'title' },
  rank: { zh: '职级', en: 'rank' },
  unitCode: { zh: '所属单位', en: 'unit' },
  portfolio: { zh: '分管领域', en: 'portfolio' },
  regions: { zh: '联系地区', en: 'regions' },
  maxActiveCases: { zh: '包案上限', en: 'case capacity' },
  profession: { zh: '职业', en: 'profession' },
  station: { zh: '代表家站', en: 'station' },
  region: { zh: '地区', en: 'region' },
  capacity: { zh: '座位数', en: 'seats' },
  equipment: { zh: '设备', en: 'equipment' },
  location: { zh: '位置', en: 'location' },
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '姓名', en: 'display name' },
  role: { zh: '角色', en: 'role' },
  leaderId: { zh: '关联领导', en: 'linked leader' },
  unitId: { zh: '所属单位', en: 'unit' },
  password: { zh: '密码', en: 'password' },
  busyBlocks: { zh: '忙碌时段', en: 'busy times' },
};

/** Values shown in words rather than as stored. */
const VALUES: Record<string, Record<string, Words>> = {
  role: {
    admin: { zh: '管理员', en: 'admin' },
    secretariat: { zh: '秘书处', en: 'secretariat' },
    leader: { zh: '领导', en: 'leader' },
    auditor: { zh: '审计员', en: 'auditor' },
    unit: { zh: '承办单位', en: 'handling unit' },
  },
  kind: {
    office: { zh: '办事机构', en: 'office' },
    committee: { zh: '专(工)委', en: 'committee' },
    external: { zh: '外部单位', en: 'external body' },
  },
  rank: {
    director: { zh: '主任', en: 'director' },
    'deputy-director': { zh: '副主任', en: 'deputy director' },
    'secretary-general': { zh: '秘书长', en: 'secretary-general' },
    'committee-head': { zh: '专(工)委负责人', en: 'committee head' },
  },
};

const LOGIN_REASONS: Record<string, Words> = {
  'unknown-user': { zh: '用户名不存在', en: 'unknown username' },
  'wrong-password': { zh: '密码错误', en: 'wrong password' },
  disabled: { zh: '账号已停用', en: 'account disabled' },
};

const MAX_TEXT = 40;
const MAX_LISTED = 3;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const short = (value: string): string => (Array.from(value).length > MAX_TEXT ? `${Array.from(value).slice(0, MAX_TEXT).join('')}…` : value);
const thousands = (n: number): string => n.toLocaleString('en-US');

function value(field: string, raw: unknown, lang: Lang): string {
  if (raw === null || raw === undefined || raw === '') return lang === 'zh' ? '（空）' : '(none)';
  if (field === 'active' && typeof raw === 'boolean') return raw ? (lang === 'zh' ? '启用' : 'active') : lang === 'zh' ? '停用' : 'inactive';
  if (typeof raw === 'boolean') return raw ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (Array.isArray(raw)) {
    if (raw.length === 0) return lang === 'zh' ? '（空）' : '(none)';
    const named = raw.map((item) => (field === 'categories' || field === 'portfolio' ? label(lang === 'zh' ? ZH.category : EN.category, String(item)) : short(String(item))));
    if (named.length > MAX_LISTED || field === 'responsibilities' || field === 'busyBlocks') return lang === 'zh' ? `${named.length} 项` : `${named.length} item${named.length === 1 ? '' : 's'}`;
    return named.join(lang === 'zh' ? '、' : ', ');
  }
  if (typeof raw === 'string') return VALUES[field]?.[raw]?.[lang] ?? short(raw);
  if (typeof raw === 'number') return thousands(raw);
  return short(JSON.stringify(raw));
}

/** `角色 秘书处 → 管理员；状态 启用 → 停用` from `data.changes`. */
function changesIn(data: Record<string, unknown>, lang: Lang, creation = false): string {
  const changes = Array.isArray(data.changes) ? (data.changes as unknown[]) : [];
  const parts: string[] = [];
  for (const change of changes) {
    if (!change || typeof change !== 'object') continue;
    const { field, from, to, hidden } = change as { field?: unknown; from?: unknown; to?: unknown; hidden?: unknown };
    if (typeof field !== 'string') continue;
    const name = FIELDS[field]?.[lang] ?? field;
    if (hidden) parts.push(lang === 'zh' ? `${name}已更改` : `${name} changed`);
    else if (creation) continue;
    else parts.push(`${name} ${value(field, from, lang)} → ${value(field, to, lang)}`);
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** `（备注：…）` / ` (note: …)` when the entry carries a note. */
function note(data: Record<string, unknown>, lang: Lang): string {
  const n = text(data.note);
  if (!n) return '';
  return lang === 'zh' ? `（备注：${short(n)}）` : ` (note: ${short(n)})`;
}

const version = (data: Record<string, unknown>): string => (num(data.version) !== null ? ` v${num(data.version)}` : '');

/** The record a directory or user entry is about, by the name it had when it changed. */
function subject(entry: SummarisedEntry, lang: Lang): string {
  const d = entry.data;
  const name = text(d.username) ?? text(d.name);
  const code = text(d.code);
  if (name && code) return lang === 'zh' ? `${short(name)}（${code}）` : `${short(name)} (${code})`;
  return name ? short(name) : entry.entityId;
}

function bilingual(make: (lang: Lang) => string): Words {
  return { zh: make('zh'), en: make('en') };
}

function directoryOrUser(entry: SummarisedEntry, verb: Words, lang: Lang, creation: boolean): string {
  const what = changesIn(entry.data, lang, creation);
  const head = `${verb[lang]} ${subject(entry, lang)}`;
  if (!what) return head;
  return lang === 'zh' ? `${head}：${what}` : `${head}: ${what}`;
}

const NOUNS: Record<string, Words> = {
  unit: { zh: '单位', en: 'unit' },
  leader: { zh: '领导', en: 'leader' },
  deputy: { zh: '代表', en: 'deputy' },
  room: { zh: '会议室', en: 'room' },
  user: { zh: '用户', en: 'user' },
};

function withNoun(noun: string, create: boolean): Words {
  const n = NOUNS[noun];
  return create ? { zh: `新增${n.zh}`, en: `Added ${n.en}` } : { zh: `修改${n.zh}`, en: `Changed ${n.en}` };
}

function ledgerExport(data: Record<string, unknown>, lang: Lang): string {
  const rows = num(data.rows);
  if (rows === null) return lang === 'zh' ? '导出台账 CSV' : 'Exported the ledger as CSV';
  return lang === 'zh' ? `导出台账 CSV（${thousands(rows)} 行）` : `Exported the ledger as CSV (${thousands(rows)} rows)`;
}

function reportExport(data: Record<string, unknown>, lang: Lang): string {
  const days = num(data.days);
  const category = text(data.category);
  const region = text(data.region);
  const parts = [
    days !== null ? (lang === 'zh' ? `近 ${days} 天` : `last ${days} days`) : null,
    category ? label(lang === 'zh' ? ZH.category : EN.category, category) : null,
    region ? short(region) : null,
  ].filter((p): p is string => p !== null);
  if (!category && !region) parts.push(lang === 'zh' ? '全市' : 'whole office');
  return lang === 'zh' ? `导出专题报告（${parts.join('，')}）` : `Exported the thematic report (${parts.join(', ')})`;
}

/**
 * One line in words for an audit entry, in Chinese and English, from its action and data alone (pure; the
 * audit page shows it): "发布规则集 v3（备注：提高集体访门槛）", "修改用户 wang：角色 秘书处 → 管理员",
 * "导出台账 CSV（1,234 行）", "新增会议室 常委会第二会议室". An unknown action reads as its name.
 */
export function auditSummary(entry: SummarisedEntry): Words {
  const d = entry.data ?? {};
  const action = entry.action;
  switch (action) {
    case 'ruleset.create':
      return bilingual((l) => (l === 'zh' ? `新建规则集草稿${version(d)}${note(d, l)}` : `Created rule-set draft${version(d)}${note(d, l)}`));
    case 'ruleset.update':
      return bilingual((l) => {
        const rules = num(d.rules);
        const count = rules === null ? '' : l === 'zh' ? `（${rules} 条规则）` : ` (${rules} rules)`;
        return l === 'zh' ? `修改规则集草稿${version(d)}${count}` : `Changed rule-set draft${version(d)}${count}`;
      });
    case 'ruleset.delete':
      return bilingual((l) => (l === 'zh' ? `删除规则集草稿${version(d)}` : `Deleted rule-set draft${version(d)}`));
    case 'ruleset.publish':
      return bilingual((l) => (l === 'zh' ? `发布规则集${version(d)}${note(d, l)}` : `Published rule set${version(d)}${note(d, l)}`));
    case 'ruleset.rollback':
    case 'settings.rollback': {
      const what = action === 'ruleset.rollback' ? { zh: '规则集', en: 'rule set' } : { zh: '办公设置', en: 'office settings' };
      const from = num(d.fromVersion);
      return bilingual((l) =>
        l === 'zh'
          ? `回滚${what.zh}至${version(d)}${from !== null ? `（原为 v${from}）` : ''}${note(d, l)}`
          : `Rolled the ${what.en} back to${version(d)}${from !== null ? ` (from v${from})` : ''}${note(d, l)}`,
      );
    }
    case 'settings.create':
      return bilingual((l) => (l === 'zh' ? `新建办公设置草稿${version(d)}${note(d, l)}` : `Created office-settings draft${version(d)}${note(d, l)}`));
    case 'settings.update':
      return bilingual((l) => (l === 'zh' ? `修改办公设置草稿${version(d)}${note(d, l)}` : `Changed office-settings draft${version(d)}${note(d, l)}`));
    case 'settings.delete':
      return bilingual((l) => (l === 'zh' ? `删除办公设置草稿${version(d)}` : `Deleted office-settings draft${version(d)}`));
    case 'settings.publish':
      return bilingual((l) => (l === 'zh' ? `发布办公设置${version(d)}${note(d, l)}` : `Published office settings${version(d)}${note(d, l)}`));
    case 'directory.unit.create':
    case 'directory.leader.create':
    case 'directory.deputy.create':
    case 'directory.room.create':
    case 'user.create': {
      const noun = action === 'user.create' ? 'user' : action.split('.')[1];
      return bilingual((l) => {
        const head = `${withNoun(noun, true)[l]} ${subject(entry, l)}`;
        const role = action === 'user.create' ? text(d.role) : null;
        if (!role) return head;
        return l === 'zh' ? `${head}（角色 ${value('role', role, l)}）` : `${head} (role ${value('role', role, l)})`;
      });
    }
    case 'directory.unit.update':
    case 'directory.leader.update':
    case 'directory.deputy.update':
    case 'directory.room.update':
    case 'user.update': {
      const noun = action === 'user.update' ? 'user' : action.split('.')[1];
      return bilingual((l) => directoryOrUser(entry, withNoun(noun, false), l, false));
    }
    case 'directory.busy.update': {
      const change = (Array.isArray(d.changes) ? (d.changes as { field?: unknown; from?: unknown; to?: unknown }[]) : []).find((c) => c?.field === 'busyBlocks');
      const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
      const span = change ? { from: count(change.from), to: count(change.to) } : null;
      return bilingual((l) =>
        l === 'zh'
          ? `更新领导 ${subject(entry, l)} 的忙碌时段${span ? `（${span.from} 段 → ${span.to} 段）` : ''}`
          : `Changed the busy times of ${subject(entry, l)}${span ? ` (${span.from} → ${span.to} blocks)` : ''}`,
      );
    }
    case 'user.password-reset':
      return bilingual((l) => (l === 'zh' ? `重置用户 ${subject(entry, l)} 的密码（其全部会话已结束）` : `Reset the password of ${subject(entry, l)} (all sessions ended)`));
    case 'user.password-change':
      return bilingual((l) => (l === 'zh' ? '修改本人密码（其他会话已结束）' : 'Changed own password (other sessions ended)'));
    case 'user.sessions-revoke':
      return bilingual((l) => (l === 'zh' ? `结束用户 ${subject(entry, l)} 的全部会话` : `Ended every session of ${subject(entry, l)}`));
    case 'auth.login-failed': {
      const reason = LOGIN_REASONS[text(d.reason) ?? ''];
      return bilingual((l) => (l === 'zh' ? `登录失败${reason ? `（${reason.zh}）` : ''}` : `Failed sign-in${reason ? ` (${reason.en})` : ''}`));
    }
    case 'auth.lockout':
      return bilingual((l) => (l === 'zh' ? '多次登录失败，登录已暂时锁定' : 'Sign-in locked for a while after repeated failures'));
    case 'ledger.export':
      return bilingual((l) => ledgerExport(d, l));
    case 'report.export':
      return bilingual((l) => reportExport(d, l));
    case 'backup.start':
      return bilingual((l) => (l === 'zh' ? '手动启动备份' : 'Started a backup by hand'));
    case 'meeting.reply': {
      const who = text(d.name) ?? entry.entityId;
      const answer = text(d.answer) ?? text(d.partstat) ?? '';
      const sub = text(d.substituteName);
      return bilingual((l) =>
        l === 'zh'
          ? `登记会议回执：${short(who)} ${answer}${sub ? `（${short(sub)}）` : ''}`
          : `Recorded a meeting reply: ${short(who)} ${text(d.partstat) ?? ''}${sub ? ` (${short(sub)})` : ''}`,
      );
    }
    case 'attachment.upload':
    case 'attachment.download': {
      const download = action === 'attachment.download';
      const via = text(d.via) === 'link' ? { zh: '（经单位链接）', en: ' (through a unit link)' } : { zh: '', en: '' };
      return bilingual((l) =>
        l === 'zh'
          ? `${download ? '下载' : '上传'}案件附件 ${short(text(d.attachmentId) ?? '')}${via.zh}`
          : `${download ? 'Downloaded' : 'Uploaded'} case attachment ${short(text(d.attachmentId) ?? '')}${via.en}`,
      );
    }
    case 'meeting.reply-warning':
      return bilingual((l) => (l === 'zh' ? (text(d.message) ?? '包案领导或主持人谢绝出席') : `Leader in charge or chair declined${text(d.caseCode) ? ` (${text(d.caseCode)})` : ''}`));
    case 'letter.generate':
      return bilingual((l) => (l === 'zh' ? `生成公文 ${text(d.number) ?? ''}` : `Generated letter ${text(d.number) ?? ''}`));
    case 'letter-template.update': {
      const version = typeof d.version === 'number' ? d.version : '';
      const kind = text(d.kind);
      const label = kind && Object.hasOwn(LETTER_KIND_LABELS, kind) ? LETTER_KIND_LABELS[kind as LetterKind] : { zh: kind ?? '', en: kind ?? '' };
      return bilingual((l) =>
        l === 'zh' ? `修改公文模板 ${label.zh}（第 ${version} 版，文号前缀 ${text(d.numberPrefix) ?? ''}）` : `Changed the ${label.en} template (version ${version}, prefix ${text(d.numberPrefix) ?? ''})`,
      );
    }
    case 'unit-link.issue':
    case 'unit-link.revoke':
    case 'unit-link.use':
      return bilingual((l) => unitLinkSummary(action, d, l));
    default: {
      const known = isAuditAction(action) ? AUDIT_ACTIONS[action] : null;
      return { zh: `${known?.zh ?? action}（${entry.entityType} ${entry.entityId}）`, en: `${known?.en ?? action} (${entry.entityType} ${entry.entityId})` };
    }
  }
}

const UNIT_LINK_USES: Record<string, Words> = {
  view: { zh: '查看', en: 'opened the case' },
  action: { zh: '办理', en: 'acted' },
  upload: { zh: '上传附件', en: 'uploaded an attachment' },
  download: { zh: '下载附件', en: 'downloaded an attachment' },
};

const UNIT_LINK_ACTIONS: Record<string, Words> = {
  sign: { zh: '签收', en: 'signed for it' },
  ask: { zh: '提问', en: 'asked a question' },
  'request-extension': { zh: '申请延期', en: 'asked for an extension' },
  reply: { zh: '答复', en: 'replied' },
};

/** "单位办理链接（GOV）：签收", "发送单位办理链接（GOV）", "收回单位办理链接（GOV）". */
function unitLinkSummary(action: 'unit-link.issue' | 'unit-link.revoke' | 'unit-link.use', d: Record<string, unknown>, lang: Lang): string {
  const unit = text(d.unitCode);
  const who = unit ? (lang === 'zh' ? `（${short(unit)}）` : ` (${short(unit)})`) : '';
  if (action === 'unit-link.issue') return lang === 'zh' ? `发送单位办理链接${who}` : `Issued a unit link${who}`;
  if (action === 'unit-link.revoke') return lang === 'zh' ? `收回单位办理链接${who}` : `Revoked a unit link${who}`;
  const use = text(d.use) ?? '';
  const done = (use === 'action' ? UNIT_LINK_ACTIONS[text(d.action) ?? ''] : null) ?? UNIT_LINK_USES[use] ?? { zh: '使用', en: 'used it' };
  return lang === 'zh' ? `单位通过办理链接${who}${done.zh}` : `A unit used its link${who}: ${done.en}`;
}
