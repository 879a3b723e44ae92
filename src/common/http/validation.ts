import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors.js';
import { ECHO_SHAPES, echoable } from '../pii/safe-echo.js';

interface FieldProblem {
  field: string;
  constraint: string;
  message: string;
  messageEn: string;
}

/** "… one of the following values: a, b" → "a, b" */
const allowedValues = (english = ''): string => english.split(': ').pop() ?? '';
/** "must not be less than 1" → "1" */
const bound = (english = ''): string => /(-?\d+(\.\d+)?)/.exec(english)?.[1] ?? '';

/** Chinese sentences for class-validator's constraints; the English text comes from class-validator. */
const ZH: Record<string, (field: string, error: ValidationError) => string> = {
  whitelistValidation: (f) => `不允许的字段“${f}”`,
  isNotEmpty: (f) => `“${f}”不能为空`,
  notNull: (f) => `“${f}”不能为 null（不修改时请省略该字段）`,
  isDefined: (f) => `缺少字段“${f}”`,
  isString: (f) => `“${f}”应为文字`,
  isBoolean: (f) => `“${f}”应为 true 或 false`,
  isInt: (f) => `“${f}”应为整数`,
  min: (f, e) => `“${f}”过小（${bound(e.constraints?.min)}）`,
  max: (f, e) => `“${f}”过大（${bound(e.constraints?.max)}）`,
  maxLength: (f, e) => `“${f}”过长（${bound(e.constraints?.maxLength)}）`,
  minLength: (f, e) => `“${f}”过短（${bound(e.constraints?.minLength)}）`,
  isIn: (f, e) => `“${f}”的取值无效，可选：${allowedValues(e.constraints?.isIn)}`,
  isEnum: (f, e) => `“${f}”的取值无效，可选：${allowedValues(e.constraints?.isEnum)}`,
  isLength: (f) => `“${f}”的长度不符合要求（不能为空，也不能过长）`,
  isIso8601: (f) => `“${f}”应为带时区的 ISO-8601 时间，例如 2026-11-26T09:30:00+08:00`,
  isDateString: (f) => `“${f}”应为带时区的 ISO-8601 时间，例如 2026-11-26T09:30:00+08:00`,
  isUuid: (f) => `“${f}”应为 UUID`,
  isArray: (f) => `“${f}”应为数组`,
  arrayMaxSize: (f) => `“${f}”的元素过多`,
  arrayUnique: (f) => `“${f}”中有重复项`,
  isEmail: (f) => `“${f}”不是有效的电子邮箱`,
  nestedValidation: (f) => `“${f}”应为对象`,
  isObject: (f) => `“${f}”应为对象`,
  matches: (f) => `“${f}”的格式不正确`,
  availableHours: (f) => `“${f}”应为可用时段列表，例如 [["08:30","12:00"],["14:30","17:30"]]（时间为 HH:MM，开始早于结束，按时间先后且互不重叠），或 null 表示办公时间`,
};

/** Checks of a value's kind: when one fails, its size was never the problem. */
const KIND_CHECKS = new Set(['isDefined', 'notNull', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject']);
const SIZE_CHECKS = new Set(['maxLength', 'minLength', 'isLength', 'min', 'max', 'arrayMaxSize', 'arrayMinSize']);

/**
 * The constraints worth telling: a missing or mistyped value also fails every size check after it,
 * and "“region”过长（50）" for a region nobody sent reads as nonsense.
 */
function telling(constraints: Record<string, string>): [string, string][] {
  const failed = Object.entries(constraints);
  return failed.some(([name]) => KIND_CHECKS.has(name)) ? failed.filter(([name]) => !SIZE_CHECKS.has(name)) : failed;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    // A property the schema does not know (whitelistValidation) is named by the caller: it is shown
    // back only when it looks like a field name and holds no personal data, else left out.
    // Array positions (`agenda.3.minutes`) are short numbers; a long digit run is typed text.
    const name = echoable(error.property, ECHO_SHAPES.fieldName) ?? (/^\d{1,4}$/.test(error.property) ? error.property : null);
    const field = name === null ? prefix.replace(/\.$/, '') : prefix + name;
    for (const [constraint, english] of telling(error.constraints ?? {})) {
      if (name === null) {
        problems.push({ field, constraint, ...unnamed(constraint, field) });
        continue;
      }
      const zh = ZH[constraint]?.(field, error) ?? `“${field}”的取值无效`;
      problems.push({ field, constraint, message: zh, messageEn: english });
    }
    if (error.children?.length && name !== null) problems.push(...flatten(error.children, `${field}.`));
  }
  return problems;
}

/** The messages for a property whose name cannot be shown (class-validator's English would repeat it). */
function unnamed(constraint: string, parent: string): { message: string; messageEn: string } {
  const where = parent ? { zh: `“${parent}”中`, en: ` in "${parent}"` } : { zh: '', en: '' };
  return constraint === 'whitelistValidation'
    ? { message: `${where.zh}有不允许的字段`, messageEn: `A field${where.en} is not allowed` }
    : { message: `${where.zh}有字段的取值无效`, messageEn: `A field${where.en} is invalid` };
}

export function validationError(errors: ValidationError[]): DomainError {
  const problems = flatten(errors);
  const head = problems.slice(0, 3);
  return new DomainError(
    'VALIDATION_FAILED',
    400,
    {
      zh: `请求内容有误：${head.map((p) => p.message).join('；')}${problems.length > 3 ? '等' : ''}。`,
      en: `Invalid request: ${head.map((p) => p.messageEn).join('; ')}.`,
    },
    problems,
  );
}

/** Global validation: unknown fields are refused, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationError,
  });
}
