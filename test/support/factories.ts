import type { CreateCaseDto } from '../../src/cases/dto/create-case.dto.js';

let counter = 0;

/**
 * A valid registration body; each test overrides only what it is about.
 * Each case gets its own region by default so that tests do not form clusters (≥ 5 similar open
 * cases grade joint-consultation) by accident.
 */
export function caseBody(overrides: Partial<CreateCaseDto> = {}): CreateCaseDto {
  counter++;
  return {
    channel: 'letter',
    receivedAt: '2026-11-25T09:30:00+08:00',
    petitioner: { name: '张三', ...(overrides.petitioner ?? {}) },
    headcount: 1,
    subject: `物业服务质量差 #${counter}`,
    content: '小区物业公司长期不履行保洁和维修义务，业主多次投诉无果。',
    category: 'urban-construction',
    region: `茅箭区测试街道${counter}`,
    ...overrides,
  };
}

/** Builds a valid 18-digit ID number (GB 11643 check character) from 17 digits. */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });
