import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import type { CreateCaseDto } from '../../src/cases/dto/create-case.dto.js';
import { bearer, caseBody } from './factories.js';
import type { TestApp } from './test-app.js';

/** Rows in a table, read straight from the database (not through the API under test). */
export async function countRows(t: TestApp, table: 'cases' | 'case_events' | 'idempotency_keys'): Promise<number> {
  const rows: { n: number | string }[] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0].n);
}

export interface WriteCounts {
  cases: number;
  events: number;
  keys: number;
}

/** Counts of everything an intake writes, to prove a refused request wrote nothing. */
export async function writeCounts(t: TestApp): Promise<WriteCounts> {
  const [cases, events, keys] = await Promise.all([countRows(t, 'cases'), countRows(t, 'case_events'), countRows(t, 'idempotency_keys')]);
  return { cases, events, keys };
}

const HAN = /[\u4e00-\u9fa5]/;

/** A sentence with at least one Chinese character. */
export const isChinese = (text: unknown): boolean => typeof text === 'string' && HAN.test(text);

/** Asserts the API's error shape: status, stable code and a human message in Chinese (the default language). */
export function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { code?: unknown }).code }).toEqual({ status, code });
  const body = res.body as { statusCode: unknown; message: unknown };
  expect(body.statusCode).toBe(status);
  expect(isChinese(body.message)).toBe(true);
}

/** Ids of a list of case views, sorted, for order-insensitive comparison. */
export const idsOf = (items: { id: string }[]): string[] => items.map((c) => c.id).sort();

/** Expects a status; on a mismatch the failure shows the error body, not just the two numbers. */
function expectStatus(res: Response, status: number): void {
  expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
}

/** Registers a valid case (`caseBody` with overrides) and returns the created case. */
export async function registerCase<T = Record<string, unknown>>(t: TestApp, token: string, overrides: Partial<CreateCaseDto> = {}): Promise<T> {
  const res = await t.http.post('/cases').set(bearer(token)).send(caseBody(overrides));
  expectStatus(res, 201);
  return res.body as T;
}

/** Applies a lifecycle action and returns the response, after checking its status (200 unless said). */
export async function caseAction(t: TestApp, token: string, id: string, body: Record<string, unknown>, expected = 200): Promise<Response> {
  const res = await t.http.post(`/cases/${id}/actions`).set(bearer(token)).send(body);
  expectStatus(res, expected);
  return res;
}
