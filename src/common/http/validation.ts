import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors.js';

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
};

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = prefix + error.property;
    for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
      const zh = ZH[constraint]?.(field, error) ?? `“${field}”的取值无效`;
      problems.push({ field, constraint, message: zh, messageEn: english });
    }
    if (error.children?.length) problems.push(...flatten(error.children, `${field}.`));
  }
  return problems;
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
