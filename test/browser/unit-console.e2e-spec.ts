import { createHash } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { pdfWithText } from '../support/attachment-files.js';
import { bearer } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { checkA11y, describeBrowser, expectFitsWidth, screenshot, useConsole } from './support/harness.js';

/**
 * Issue 15 §1 in the console: a handling unit's user signs in, finds its case among 本单位承办事项, signs
 * for it, uploads the 书面报告 and replies; a unit without an account does the same through its link.
 */
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A supervised item (headcount 6) transferred to the city government (GOV); `urge`: the secretariat urges it once. */
async function caseForGov(t: TestApp, subject: string, urge?: string): Promise<{ id: string; code: string }> {
  const secretary = bearer(await t.token('secretary'));
  const created = await t.http
    .post('/cases')
    .set(secretary)
    .send({ channel: 'letter', receivedAt: '2026-11-25T09:30:00+08:00', petitioner: { name: '欧阳志远', phone: '13812345678' }, headcount: 6, subject, content: '小区改造迟迟未开工，雨季漏水严重。', category: 'urban-construction', region: '茅箭区', unitsInvolved: ['GOV'] })
    .expect(201);
  const { id, code } = created.body as { id: string; code: string };
  await t.http.post(`/cases/${id}/actions`).set(secretary).send({ action: 'accept' }).expect(200);
  await t.http.post(`/cases/${id}/actions`).set(secretary).send({ action: 'transfer', handledBy: 'GOV' }).expect(200);
  if (urge) await t.http.post(`/cases/${id}/actions`).set(secretary).send({ action: 'urge', note: urge }).expect(200);
  return { id, code };
}

describeBrowser('the console: a handling unit', () => {
  const c = useConsole();

  it("a unit's user: its cases, then sign, upload the written report and reply on the case page", async () => {
    const mine = await caseForGov(c.t, '老旧小区改造进度缓慢', '请于本周内签收并报送计划');
    const secretary = bearer(await c.t.token('secretary'));
    // A case routed to another unit (法工委) is not in the list.
    const other = await c.t.http.post('/cases').set(secretary).send({ channel: 'letter', receivedAt: '2026-11-25T09:30:00+08:00', petitioner: { name: '李四' }, headcount: 1, subject: '建议修订物业管理条例', content: '条例第十二条不合理。', category: 'legislation', region: '张湾区' }).expect(201);
    await c.t.http.post(`/cases/${other.body.id as string}/actions`).set(secretary).send({ action: 'accept' }).expect(200);
    await c.t.http.post(`/cases/${other.body.id as string}/actions`).set(secretary).send({ action: 'route' }).expect(200);

    await c.login('unit-gov');
    await c.page.getByRole('heading', { name: '本单位承办事项' }).waitFor();
    expect(new URL(c.page.url()).pathname).toBe('/console/unit/cases');
    const row = c.page.getByRole('row', { name: new RegExp(mine.code) });
    await expect(row.textContent()).resolves.toMatch(/老旧小区改造进度缓慢.*已转送|老旧小区改造进度缓慢/);
    await expect(row.textContent()).resolves.toContain('督办件');
    await expect(c.page.getByText('建议修订物业管理条例').count()).resolves.toBe(0);
    await checkA11y(c.page, 'unit cases');
    await expectFitsWidth(c.page);
    await screenshot(c.page, 'unit-cases');

    await c.page.getByRole('link', { name: `办理 ${mine.code}` }).click();
    await c.page.getByRole('heading', { name: `信访事项 ${mine.code}` }).waitFor();
    const urgings = c.page.getByRole('region', { name: '催办通报' });
    await urgings.getByText('要求：请于本周内签收并报送计划').waitFor();
    // Masked as for leaders: no phone, no full name.
    const text = (await c.page.locator('main').textContent()) ?? '';
    expect({ phone: text.includes('13812345678'), name: text.includes('欧阳志远') }).toEqual({ phone: false, name: false });
    await checkA11y(c.page, 'unit case: routed');

    const work = c.page.getByRole('region', { name: '办理' });
    await work.getByRole('button', { name: '签收' }).click();
    await work.getByRole('status').getByText('已签收。').waitFor();
    const token = bearer(await c.t.token('secretary'));
    expect((await c.t.http.get(`/cases/${mine.id}`).set(token).expect(200)).body.status).toBe('in_handling');
    await checkA11y(c.page, 'unit case: signed');

    const pdf = pdfWithText('City government written report 2026');
    await work.getByLabel('文件类别').selectOption('unit-report');
    await work.getByLabel('选择文件').setInputFiles({ name: '书面报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await work.getByRole('button', { name: '上传', exact: true }).click();
    await work.getByText('已上传：书面报告.pdf').waitFor();
    await expect(work.getByRole('checkbox', { name: /书面报告\.pdf/ }).isChecked()).resolves.toBe(true);
    await work.getByLabel('答复意见').fill('已制定改造计划，明年三月开工，雨季前完成屋面防水。');
    await work.getByLabel('书面报告（摘要）').fill('详见所附书面报告。');
    await checkA11y(c.page, 'unit case: reply form');
    await expectFitsWidth(c.page);
    await screenshot(c.page, 'unit-reply');
    await work.getByRole('button', { name: '提交答复' }).click();
    await work.getByRole('status').getByText('答复已提交。').waitFor();
    await work.getByText('当前没有需要本单位办理的操作。').waitFor();
    await checkA11y(c.page, 'unit case: replied');

    const seen = await c.t.http.get(`/cases/${mine.id}`).set(token).expect(200);
    expect(seen.body.status).toBe('replied');
    const files = await c.t.http.get(`/cases/${mine.id}/attachments`).set(token).expect(200);
    expect(files.body.items).toEqual([expect.objectContaining({ fileName: '书面报告.pdf', kind: 'unit-report', unitCode: 'GOV', via: 'console', sha256: sha(pdf) })]);
    const reply = (seen.body.timeline as { action: string; data: { attachmentIds?: string[] } }[]).find((e) => e.action === 'reply');
    expect(reply?.data.attachmentIds).toEqual([files.body.items[0].id]);
    await c.expectNoErrors();
  });

  it('the secretariat issues a unit link on the case page; the unit uses it without a login; revoked or forged links say so', async () => {
    const mine = await caseForGov(c.t, '道路积水长期无人处理');
    const secretary = bearer(await c.t.token('secretary'));

    await c.login('secretary');
    await c.page.goto(c.url(`/console/cases/${mine.id}`));
    const panel = c.page.getByRole('region', { name: '单位办理链接' });
    await panel.getByText('尚未生成办理链接。').waitFor();
    await panel.getByRole('button', { name: '生成新链接' }).click();
    const urlField = panel.getByRole('textbox', { name: '市人民政府的办理链接' });
    await urlField.waitFor();
    const url = await urlField.inputValue();
    const listed = await c.t.http.get(`/cases/${mine.id}/unit-links`).set(secretary).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ unitCode: 'GOV', state: 'active', url })]);
    await checkA11y(c.page, 'case page: unit links');
    await screenshot(c.page, 'unit-links-panel');

    // The unit, in another browser without an account.
    const unit = await c.newPage();
    const token = url.split('/').pop() ?? '';
    await unit.goto(c.url(`/console/unit-link/${token}`));
    await unit.getByRole('heading', { name: `信访事项 ${mine.code}` }).waitFor();
    await unit.getByText(/本链接有效期至/).waitFor();
    await expect(unit.getByRole('navigation').count()).resolves.toBe(0);
    await checkA11y(unit, 'unit link');
    await expectFitsWidth(unit);
    await screenshot(unit, 'unit-link');
    const work = unit.getByRole('region', { name: '办理' });
    await work.getByRole('button', { name: '签收' }).click();
    await work.getByRole('status').getByText('已签收。').waitFor();
    await work.getByRole('button', { name: '提交答复' }).waitFor();
    expect((await c.t.http.get(`/cases/${mine.id}`).set(secretary).expect(200)).body.status).toBe('in_handling');
    await checkA11y(unit, 'unit link: signed');

    // The secretariat sees the uses and revokes the link; the unit's page then says so.
    await c.page.reload();
    await panel.getByText('已使用 2 次').waitFor();
    await panel.getByRole('button', { name: '收回：市人民政府' }).click();
    await panel.getByText('已收回', { exact: true }).waitFor();
    await checkA11y(c.page, 'case page: unit link revoked');
    c.expectResponse({ status: 410, path: `/unit-links/${token}` });
    await unit.reload();
    await unit.getByRole('heading', { name: '链接无法使用' }).waitFor();
    await unit.getByText('办理链接已被信访室收回').waitFor();
    await checkA11y(unit, 'unit link: revoked');

    const forged = `${token.slice(0, -3)}AAA`;
    c.expectResponse({ status: 404, path: `/unit-links/${forged}` });
    await unit.goto(c.url(`/console/unit-link/${forged}`));
    await unit.getByText('办理链接无效').waitFor();
    await checkA11y(unit, 'unit link: invalid');
    await c.expectNoErrors();
  });
});
