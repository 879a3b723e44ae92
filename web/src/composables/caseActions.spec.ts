import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { actionBody, actionFieldErrors, actionFields, conversionBody, emptyActionForm, unitOptions } from './caseActions';

type Unit = components['schemas']['UnitResponse'];
const unit = (code: string, kind: Unit['kind'], active = true): Unit => ({ id: code, code, kind, active, name: `${code}名`, nameEn: `${code} en`, shortName: null, email: null, categories: [], responsibilities: [] });
const routed = { route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' as const }, leadLeaderId: 'L1' };

describe('case action forms', () => {
  it('asks a reply for a written report only when the case needs one', () => {
    expect(actionFields('reply', false).find((spec) => spec.field === 'report')?.required).toBe(false);
    expect(actionFields('reply', true).find((spec) => spec.field === 'report')?.required).toBe(true);
    expect(actionFields('extend', false).map((spec) => spec.field)).toEqual(['days', 'approver', 'reason']);
  });

  it('starts a transfer from the proposed outside unit, and a route only from an internal one', () => {
    expect(emptyActionForm('transfer', routed)).toMatchObject({ committee: 'UCEC', handledBy: 'GOV' });
    expect(emptyActionForm('route', routed)).toMatchObject({ committee: 'UCEC', handledBy: '' });
    expect(emptyActionForm('leader-reception', routed).leaderId).toBe('L1');
    expect(emptyActionForm('reject', routed).leaderId).toBe('');
  });

  it('sends only the fields of the action, trimmed, without blanks', () => {
    const form = { ...emptyActionForm('extend', routed), days: 10, approver: ' 王主任 ', reason: '需现场核实', note: 'ignored', committee: 'X' };
    expect(actionBody('extend', form)).toEqual({ action: 'extend', days: 10, approver: '王主任', reason: '需现场核实' });
    expect(actionBody('accept', { ...form, reason: '   ' })).toEqual({ action: 'accept' });
    expect(actionBody('feedback', { ...form, feedback: 'dissatisfied', reason: '' })).toEqual({ action: 'feedback', feedback: 'dissatisfied' });
    expect(actionBody('resupervise', { ...form, days: undefined, reason: '仍未解决' })).toEqual({ action: 'resupervise', reason: '仍未解决' });
  });

  it("takes the handling unit's loop: sign has no field, a question or an answer its text, a request its days", () => {
    expect(actionFields('sign', false)).toEqual([]);
    expect(actionFields('ask', false).map((spec) => [spec.field, spec.required])).toEqual([['reason', true]]);
    expect(actionFields('request-extension', false).map((spec) => spec.field)).toEqual(['days', 'reason']);
    expect(actionBody('sign', { ...emptyActionForm('sign', routed), reason: 'ignored' })).toEqual({ action: 'sign' });
    expect(actionBody('request-extension', { ...emptyActionForm('request-extension', routed), days: 15, reason: ' 需协调 ' })).toEqual({ action: 'request-extension', days: 15, reason: '需协调' });
  });

  it("approves a unit's pending request with its days, which need not be typed again", () => {
    const pending = { ...routed, extensionRequest: { requestedAt: '2026-11-27T02:00:00.000Z', days: 12, reason: '需协调' } };
    expect(emptyActionForm('extend', pending).days).toBe(12);
    expect(emptyActionForm('extend', routed).days).toBeUndefined();
    expect(actionFields('extend', false, false, true).find((spec) => spec.field === 'days')?.required).toBe(false);
  });

  it("asks a unit's reply of a supervised item for the report's file, and sends the chosen attachments", () => {
    expect(actionFields('reply', true, true).find((spec) => spec.field === 'attachmentIds')?.required).toBe(true);
    expect(actionFields('reply', true, false).find((spec) => spec.field === 'attachmentIds')?.required).toBe(false);
    const form = { ...emptyActionForm('reply', routed), reason: '已答复', attachmentIds: ['a1'] };
    expect(actionBody('reply', form)).toEqual({ action: 'reply', reason: '已答复', attachmentIds: ['a1'] });
    expect(actionBody('reply', { ...form, attachmentIds: [] })).toEqual({ action: 'reply', reason: '已答复' });
  });

  it('offers committees to follow, inside units for a route and outside bodies for a transfer', () => {
    const units = [unit('UCEC', 'committee'), unit('OFFICE', 'office'), unit('GOV', 'external'), unit('OLD', 'external', false)];
    expect(unitOptions(units, 'route', 'committee').map((o) => o.value)).toEqual(['UCEC']);
    expect(unitOptions(units, 'route', 'handledBy').map((o) => o.value)).toEqual(['UCEC', 'OFFICE']);
    expect(unitOptions(units, 'transfer', 'handledBy')).toEqual([{ value: 'GOV', label: 'GOV名（GOV）' }]);
    expect(unitOptions(units, 'transfer', 'handledBy', true)[0]?.label).toBe('GOV en（GOV）');
  });
});

describe('refusals at the field', () => {
  it("puts the service's refusal at the field it is about, and validation problems at theirs", async () => {
    const { ApiError } = await import('@/api/errors');
    expect(actionFieldErrors('reject', ApiError.from(400, { code: 'REASON_REQUIRED', message: '“不予受理”须填写理由。' }))).toEqual({ reason: '“不予受理”须填写理由。' });
    const invalid = ApiError.from(400, { code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'days', constraint: 'max', message: '天数不能超过 365' }, { field: 'committee', constraint: 'x', message: 'no' }] });
    expect(actionFieldErrors('extend', invalid)).toEqual({ days: '天数不能超过 365' });
    expect(actionFieldErrors('accept', ApiError.from(409, { code: 'CASE_INVALID_TRANSITION', message: '不能受理' }))).toEqual({});
  });
});

describe('conversion body', () => {
  it('trims the title and leaves a blank note out', () => {
    expect(conversionBody({ kind: 'supervision-topic', title: ' 关于老旧小区改造的监督议题 ', note: ' ' })).toEqual({ kind: 'supervision-topic', title: '关于老旧小区改造的监督议题' });
    expect(conversionBody({ kind: 'deputy-motion', title: 'x', note: '附调研' }).note).toBe('附调研');
  });
});
