/**
 * What changed between two versions of a rule set, in words for admins (the versions page's diff):
 * "集体访提级办理（信访人数）门槛：5人 → 10人", "城建类：办理单位 GOV → UCEC", rules added or removed by
 * name and description, the grade precedence, the note. Chinese and English. Pure: rules are read through
 * their shapes (src/domain/rule-shapes.ts), so a rule of a shape no form knows is still reported, by name.
 */
import { EN, ZH, label } from '../domain/labels.js';
import { FACT_LABELS, FACT_UNIT_WORDS_EN, shapesOf, THRESHOLD_OPERATORS, type RuleShape } from '../domain/rule-shapes.js';

export type RuleSetChangeKind = 'added' | 'removed' | 'changed' | 'precedence' | 'note';

export interface RuleSetChange {
  /** The rule's name; null for a change of the whole set (precedence, note). */
  rule: string | null;
  kind: RuleSetChangeKind;
  zh: string;
  en: string;
}

/** The parts of a rule set the diff reads (a stored set or a body). */
export interface RuleSetContent {
  note: string;
  precedence: readonly string[];
  rules: readonly unknown[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
/** Plain JSON with object keys sorted, so the order keys were written in is not a change. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : isObject(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]),
        )
      : value;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
/** A long text cut for a sentence. */
const clip = (value: string, max = 60): string => (value.length > max ? `${value.slice(0, max)}…` : value);

/** The rule in words: its description without the parenthesised details (they often repeat the old threshold), else its name. */
function ruleLabelZh(shape: RuleShape): string {
  const plain = shape.description
    .replace(/（[^（）]*）|\([^()]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain || shape.name;
}

const gradeZh = (grade: string): string => label(ZH.grade, grade);
const gradeEn = (grade: string): string => label(EN.grade, grade);
const factZh = (fact: string): string => FACT_LABELS['zh-CN'][fact] ?? fact;
const factEn = (fact: string): string => FACT_LABELS.en[fact] ?? fact;

function amountZh(value: number, unit: string | null): string {
  return `${value}${unit ?? ''}`;
}

function amountEn(value: number, unit: string | null): string {
  const word = unit ? FACT_UNIT_WORDS_EN[unit as keyof typeof FACT_UNIT_WORDS_EN] : undefined;
  return word ? `${value} ${word}` : String(value);
}

/** The changes of one rule kept under the same name. */
function ruleChanges(before: RuleShape, after: RuleShape, beforeRule: Json, afterRule: Json): RuleSetChange[] {
  const name = after.name;
  const who = ruleLabelZh(after);
  const changes: RuleSetChange[] = [];
  const add = (zh: string, en: string): void => void changes.push({ rule: name, kind: 'changed', zh, en });
  let conditionsTold = false;
  let eventTold = false;

  if (before.kind === 'threshold' && after.kind === 'threshold' && before.fact === after.fact && before.operator === after.operator) {
    if (before.value !== after.value) {
      add(
        `${who}（${factZh(after.fact)}）门槛：${amountZh(before.value, before.unit)} → ${amountZh(after.value, after.unit)}`,
        `${name} (${factEn(after.fact)}) threshold: ${amountEn(before.value, before.unit)} → ${amountEn(after.value, after.unit)}`,
      );
    }
    conditionsTold = true;
  } else if (before.kind === 'threshold' && after.kind === 'threshold') {
    const zh = (s: typeof before): string => `${factZh(s.fact)} ${THRESHOLD_OPERATORS[s.operator] ?? s.operator} ${amountZh(s.value, s.unit)}`;
    const en = (s: typeof before): string => `${factEn(s.fact)} ${THRESHOLD_OPERATORS[s.operator] ?? s.operator} ${amountEn(s.value, s.unit)}`;
    add(`${who}：条件 ${zh(before)} → ${zh(after)}`, `${name}: condition ${en(before)} → ${en(after)}`);
    conditionsTold = true;
  }

  if (before.kind === 'route' && after.kind === 'route' && before.category === after.category) {
    const category = `${label(ZH.category, after.category)}类`;
    const categoryEn = label(EN.category, after.category);
    if (before.committee !== after.committee) add(`${category}：跟踪委员会 ${before.committee} → ${after.committee}`, `${categoryEn}: following committee ${before.committee} → ${after.committee}`);
    if (before.handledBy !== after.handledBy) add(`${category}：办理单位 ${before.handledBy} → ${after.handledBy}`, `${categoryEn}: handling unit ${before.handledBy} → ${after.handledBy}`);
    if (before.mode !== after.mode) {
      add(
        `${category}：办理方式 ${label(ZH.mode, before.mode)} → ${label(ZH.mode, after.mode)}`,
        `${categoryEn}: handling mode ${label(EN.mode, before.mode)} → ${label(EN.mode, after.mode)}`,
      );
    }
    conditionsTold = true;
    eventTold = same(omit(beforeRule.event, 'params', ['committee', 'handledBy', 'mode']), omit(afterRule.event, 'params', ['committee', 'handledBy', 'mode']));
  }

  if (before.kind === 'flag-rule' && after.kind === 'flag-rule') {
    if (!same(before.facts, after.facts)) {
      add(`${who}：条件 ${before.facts.map(factZh).join('且')} → ${after.facts.map(factZh).join('且')}`, `${name}: conditions ${before.facts.map(factEn).join(' and ')} → ${after.facts.map(factEn).join(' and ')}`);
    }
    conditionsTold = true;
  }

  if (!eventTold && before.outcome.type === 'grade' && after.outcome.type === 'grade' && same(omit(beforeRule.event, 'params', ['grade']), omit(afterRule.event, 'params', ['grade']))) {
    const from = (before.outcome as { grade: string }).grade;
    const to = (after.outcome as { grade: string }).grade;
    if (from !== to) add(`${who}：定级 ${gradeZh(from)} → ${gradeZh(to)}`, `${name}: grade ${gradeEn(from)} → ${gradeEn(to)}`);
    eventTold = true;
  }

  if (!conditionsTold && !same(beforeRule.conditions, afterRule.conditions)) add(`${who}：条件已修改`, `${name}: conditions changed`);
  if (!eventTold && !same(beforeRule.event, afterRule.event)) add(`${who}：结果已修改`, `${name}: outcome changed`);
  if (!same(beforeRule.priority, afterRule.priority)) add(`${who}：优先级 ${text(beforeRule.priority)} → ${text(afterRule.priority)}`, `${name}: priority ${text(beforeRule.priority)} → ${text(afterRule.priority)}`);
  if (before.description !== after.description) {
    add(`${who}：说明“${clip(before.description)}” → “${clip(after.description)}”`, `${name}: description changed`);
  }
  const known = new Set(['name', 'priority', 'description', 'conditions', 'event']);
  const otherKeys = new Set([...Object.keys(beforeRule), ...Object.keys(afterRule)].filter((key) => !known.has(key)));
  if ([...otherKeys].some((key) => !same(beforeRule[key], afterRule[key]))) add(`${who}：其他属性已修改`, `${name}: other properties changed`);
  return changes;
}

/** `value` without `key.fields` (to compare the rest of an event). */
function omit(value: unknown, key: string, fields: string[]): unknown {
  if (!isObject(value)) return value;
  const inner = value[key];
  if (!isObject(inner)) return value;
  return { ...value, [key]: Object.fromEntries(Object.entries(inner).filter(([field]) => !fields.includes(field))) };
}

const ruleName = (rule: unknown): string | null => (isObject(rule) && typeof rule.name === 'string' ? rule.name : null);

/** Every change from `from` to `to`: note, precedence, then the rules (removed ones, then the rest in `to`'s order). */
export function diffRuleSets(from: RuleSetContent, to: RuleSetContent): RuleSetChange[] {
  const changes: RuleSetChange[] = [];
  if (from.note !== to.note) {
    changes.push({ rule: null, kind: 'note', zh: `版本说明：“${clip(from.note)}” → “${clip(to.note)}”`, en: `Note: "${clip(from.note)}" → "${clip(to.note)}"` });
  }
  if (!same(from.precedence, to.precedence)) {
    changes.push({
      rule: null,
      kind: 'precedence',
      zh: `等级优先顺序：${from.precedence.map(gradeZh).join(' > ')} → ${to.precedence.map(gradeZh).join(' > ')}`,
      en: `Grade precedence: ${from.precedence.map(gradeEn).join(' > ')} → ${to.precedence.map(gradeEn).join(' > ')}`,
    });
  }

  const beforeShapes = shapesOf(from.rules);
  const afterShapes = shapesOf(to.rules);
  const beforeByName = new Map<string, number>();
  from.rules.forEach((rule, index) => {
    const name = ruleName(rule);
    if (name !== null && !beforeByName.has(name)) beforeByName.set(name, index);
  });
  const afterNames = new Set(to.rules.map(ruleName).filter((name): name is string => name !== null));

  for (const shape of beforeShapes) {
    if (afterNames.has(shape.name) || ruleName(from.rules[shape.index]) === null) continue;
    const described = shape.description ? `（${shape.description}）` : '';
    changes.push({ rule: shape.name, kind: 'removed', zh: `删除规则“${shape.name}”${described}`, en: `Rule removed: ${shape.name}` });
  }
  for (const shape of afterShapes) {
    const name = ruleName(to.rules[shape.index]);
    if (name === null) continue;
    const beforeIndex = beforeByName.get(name);
    if (beforeIndex === undefined) {
      const described = shape.description ? `（${shape.description}）` : '';
      changes.push({ rule: name, kind: 'added', zh: `新增规则“${name}”${described}`, en: `Rule added: ${name}` });
      continue;
    }
    const beforeRule = from.rules[beforeIndex];
    const afterRule = to.rules[shape.index];
    if (same(beforeRule, afterRule) || !isObject(beforeRule) || !isObject(afterRule)) continue;
    changes.push(...ruleChanges(beforeShapes[beforeIndex], shape, beforeRule, afterRule));
  }
  return changes;
}
