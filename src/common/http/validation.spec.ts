import { describe, expect, it } from '@jest/globals';
import { IsOptional, IsString, Length, MaxLength, validate } from 'class-validator';
import { validationError } from './validation.js';

class ReportQuery {
  @IsString()
  @MaxLength(50)
  region!: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  category?: string;
}

const problemsOf = async (value: Record<string, unknown>): Promise<{ field: string; constraint: string; message: string }[]> => {
  const query = Object.assign(new ReportQuery(), value);
  const error = validationError(await validate(query));
  return error.details as { field: string; constraint: string; message: string }[];
};

describe('validation messages', () => {
  it('says a missing text must be text, not that it is too long', async () => {
    const problems = await problemsOf({});
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([['region', 'isString']]);
    expect(problems[0].message).toBe('“region”应为文字');
  });

  it('still says a text is too long when it is text', async () => {
    const problems = await problemsOf({ region: '长'.repeat(51) });
    expect(problems.map((p) => [p.constraint, p.message])).toEqual([['maxLength', '“region”过长（50）']]);
  });

  it('tells a number sent for a text as a kind problem only', async () => {
    const problems = await problemsOf({ region: '茅箭区', category: 7 });
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([['category', 'isString']]);
  });
});
