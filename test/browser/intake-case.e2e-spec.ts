import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkA11y, describeBrowser, screenshot, TABLET, useConsole } from './support/harness.js';

/** Issue 12's secretary journey: register through the form, find the case in the ledger, read why it was graded, accept it. */
describeBrowser('the console: intake, ledger and case page', () => {
  const c = useConsole();

  async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  /** A resident ID number with its GB 11643 check digit (ISO 7064 MOD 11-2). */
  function residentId(first17: string): string {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
    return first17 + '10X98765432'[sum % 11];
  }

  async function fillIntake(page: Page, subject: string, idNumber?: string): Promise<void> {
    await page.getByRole('heading', { name: '信访登记' }).waitFor();
    await choose(page, '来源渠道', '来访');
    await page.getByLabel('信访人姓名').fill('赵小兰');
    if (idNumber) await page.getByLabel('身份证号码').fill(idNumber);
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByLabel('信访人数').fill('12');
    await page.getByLabel('事项标题').fill(subject);
    await page.getByLabel('信访内容').fill('小区加装电梯工程停工半年，十二户居民集体反映，要求协调施工单位复工。');
    await choose(page, '问题类别', /城建/);
    await page.getByLabel('地区', { exact: true }).fill('城关区');
  }

  const casesWith = async (subject: string): Promise<{ total: number; items: { id: string; code: string; status: string; evaluation: { explanation: { ruleSetVersion: number; summary: string } } }[] }> => {
    const token = await c.t.token('secretary');
    const res = await c.t.http.get('/cases').query({ q: subject }).set('Authorization', `Bearer ${token}`).expect(200);
    return res.body;
  };

  it('registers a case through the form, finds it in the ledger, reads why it was graded and accepts it', async () => {
    const subject = '加装电梯停工集体反映';
    const idNumber = residentId('42030319800101123');
    await c.login('secretary');
    await c.page.getByRole('link', { name: '登记', exact: true }).click();
    await fillIntake(c.page, subject, idNumber);
    await screenshot(c.page, 'intake');
    await checkA11y(c.page, 'intake');
    await c.page.getByRole('button', { name: '登记', exact: true }).click();
    await c.page.getByRole('heading', { name: '登记成功' }).waitFor();

    const stored = await casesWith(subject);
    expect(stored.total).toBe(1);
    const { code, id } = stored.items[0];
    await expect(c.page.getByRole('link', { name: code }).first().isVisible()).resolves.toBe(true);

    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '台账' }).click();
    await c.page.getByLabel('关键词').fill(code);
    await c.page.getByRole('button', { name: '查询' }).click();
    await c.page.waitForURL((url) => url.searchParams.get('q') === code);
    const row = c.page.getByRole('link', { name: code });
    await row.waitFor();
    await screenshot(c.page, 'ledger');
    await checkA11y(c.page, 'ledger');
    await row.click();

    await c.page.getByRole('heading', { name: `信访事项 ${code}` }).waitFor();
    const registered = await c.t.http.get(`/cases/${id}`).set('Authorization', `Bearer ${await c.t.token('secretary')}`).expect(200);
    expect(registered.body.petitioner.idNumber).toEqual(expect.stringMatching(/^4203/));
    await expect(c.page.getByText(registered.body.petitioner.idNumber as string).first().isVisible()).resolves.toBe(true);
    const why = c.page.getByRole('region', { name: '定级依据' });
    await expect(why.textContent()).resolves.toContain(stored.items[0].evaluation.explanation.summary);
    await screenshot(c.page, 'case');
    await screenshot(c.page, 'case', TABLET);
    await checkA11y(c.page, 'case');

    await c.page.getByRole('button', { name: '受理', exact: true }).click();
    await c.page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await c.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await c.page.getByText('已受理').first().waitFor();
    const token = await c.t.token('secretary');
    const accepted = await c.t.http.get(`/cases/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['register', 'accept']));
    await c.expectNoErrors();
  });

  it('makes one case of a double-clicked 登记', async () => {
    const subject = '双击登记只生成一件';
    await c.login('secretary');
    await c.page.goto(c.url('/console/intake'));
    await fillIntake(c.page, subject);
    await c.page.getByRole('button', { name: '登记', exact: true }).dblclick();
    await c.page.getByRole('heading', { name: '登记成功' }).waitFor();
    expect((await casesWith(subject)).total).toBe(1);
    await c.expectNoErrors();
  });
});
