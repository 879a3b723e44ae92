import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

/**
 * Issue 15 §1 on the shared case page: a handling unit's user signs for a transferred case, asks a
 * question and requests the extension; the secretariat sees the sign and the pending request in the
 * 承办单位 panel, answers the question and approves the request from there.
 */
describeBrowser('the console: the handling unit on the case page', () => {
  const c = useConsole();

  it('sign → ask → request an extension (the unit), answer and approve (the secretariat)', async () => {
    const secretary = bearer(await c.t.token('secretary'));
    const created = await c.t.http
      .post('/cases')
      .set(secretary)
      .send({ channel: 'letter', receivedAt: '2026-11-25T09:30:00+08:00', petitioner: { name: '欧阳志远', phone: '13812345678' }, headcount: 1, subject: '乡村公路损毁无人修复', content: '通村公路塌方两月未修，村民出行困难。', category: 'agriculture-rural', region: '房县' })
      .expect(201);
    const { id, code } = created.body as { id: string; code: string };
    await c.t.http.post(`/cases/${id}/actions`).set(secretary).send({ action: 'accept' }).expect(200);
    await c.t.http.post(`/cases/${id}/actions`).set(secretary).send({ action: 'transfer', handledBy: 'GOV' }).expect(200);

    await c.login('unit-gov');
    await c.page.goto(c.url(`/console/cases/${id}`));
    await c.page.getByRole('heading', { name: `信访事项 ${code}` }).waitFor();
    const loop = c.page.getByRole('region', { name: '承办单位' });
    // Transferred Thu 2026-11-26 10:00: three working days → Tue 12-01, end of day.
    await loop.getByText('2026-12-01 23:59').waitFor();
    await expect(loop.locator('[data-test=sign-state]').textContent()).resolves.toBe('待签收');
    const actions = c.page.getByRole('region', { name: '办理操作' });
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual(['签收', '提出问题', '申请延期']);
    const text = (await c.page.locator('main').textContent()) ?? '';
    expect({ phone: text.includes('13812345678'), name: text.includes('欧阳志远') }).toEqual({ phone: false, name: false });
    await checkA11y(c.page, 'unit on the case page: routed');

    await actions.getByRole('button', { name: '签收' }).click();
    const dialog = c.page.getByRole('dialog', { name: '签收' });
    await dialog.getByRole('button', { name: '提交' }).click();
    await loop.getByText(/^已签收（2026-11-26 10:00）$/).waitFor();
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual(['答复', '提出问题', '申请延期']);

    await actions.getByRole('button', { name: '提出问题' }).click();
    const ask = c.page.getByRole('dialog', { name: '提出问题' });
    await ask.getByLabel('问题').fill('信访人是否已向法院起诉？');
    await ask.getByRole('button', { name: '提交' }).click();
    await c.page.getByRole('region', { name: '办理过程' }).getByText('信访人是否已向法院起诉？').waitFor();

    await actions.getByRole('button', { name: '申请延期' }).click();
    const request = c.page.getByRole('dialog', { name: '申请延期' });
    await request.getByLabel('申请延期天数（1–30 日）').fill('15');
    await request.getByLabel('理由', { exact: true }).fill('需协调交通、财政多个部门现场核查');
    await request.getByRole('button', { name: '提交' }).click();
    await loop.getByRole('group', { name: '延期申请' }).getByText(/^申请延期 15 日（2026-11-26 10:00 提出）$/).waitFor();
    const pendingDays = ((await c.t.http.get(`/cases/${id}`).set(secretary).expect(200)).body as { extensionRequest: { days: number } | null }).extensionRequest?.days;
    expect(pendingDays).toBe(15);
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual(['答复', '提出问题']);
    await checkA11y(c.page, 'unit on the case page: extension requested');
    await c.page.locator('.el-message').first().waitFor({ state: 'detached' });
    await screenshot(c.page, 'unit-case');
    await c.expectNoErrors();

    // The secretariat: the request with 同意延期 / 不同意延期, the question to answer.
    const office = await c.newPage();
    await c.login('secretary', office);
    await office.goto(c.url(`/console/cases/${id}`));
    const officeLoop = office.getByRole('region', { name: '承办单位' });
    await officeLoop.getByText(`申请延期 ${pendingDays} 日`, { exact: false }).waitFor();
    await officeLoop.getByText('需协调交通、财政多个部门现场核查').waitFor();
    await checkA11y(office, 'secretariat: a unit’s extension request');
    await screenshot(office, 'unit-case-secretariat');
    await officeLoop.getByRole('button', { name: '同意延期', exact: true }).click();
    const approve = office.getByRole('dialog', { name: '延期' });
    await expect(approve.getByLabel('延期天数').inputValue()).resolves.toBe(String(pendingDays));
    await approve.getByLabel('批准人').fill('李明华');
    await approve.getByLabel('理由', { exact: true }).fill('同意延期');
    await approve.getByRole('button', { name: '提交' }).click();
    await officeLoop.getByRole('group', { name: '延期申请' }).waitFor({ state: 'detached' });
    const after = (await c.t.http.get(`/cases/${id}`).set(secretary).expect(200)).body as { deadlines: { extensionUsed: boolean }; extensionRequest: unknown };
    expect(after).toMatchObject({ deadlines: { extensionUsed: true }, extensionRequest: null });

    // The open question shows in the 承办单位 panel, answered from there; then it is gone.
    const question = officeLoop.getByRole('group', { name: '单位提问' });
    await expect(question.textContent()).resolves.toContain('待信访室答复');
    await question.getByRole('button', { name: '答复问题' }).click();
    const answer = office.getByRole('dialog', { name: '答复问题' });
    await answer.getByLabel('答复').fill('经核实，信访人未起诉。');
    await answer.getByRole('button', { name: '提交' }).click();
    await question.waitFor({ state: 'detached' });
    await office.getByRole('region', { name: '办理过程' }).getByText('经核实，信访人未起诉。').waitFor();
    // The unit reads the answer on its page.
    await c.page.reload();
    await c.page.getByRole('region', { name: '办理过程' }).getByText('经核实，信访人未起诉。').waitFor();
    await c.expectNoErrors();
  });

  it('an admin opens a unit account: the unit is chosen for role 承办单位, required, and the account signs in to its cases', async () => {
    await c.login('admin');
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '通讯录与用户', exact: true }).click();
    await c.page.getByRole('tab', { name: '用户' }).click();
    await c.page.getByRole('button', { name: '新增用户' }).click();
    const form = c.page.getByRole('dialog', { name: '新增用户' });
    await form.getByLabel('用户名').fill('lac-liaison');
    await form.getByLabel('显示名称').fill('法工委联络员');
    await expect(form.getByLabel('所属单位').count()).resolves.toBe(0);
    await form.getByLabel('角色').selectOption('unit');
    await form.getByLabel('初始密码').fill('Fagong-Liaison-2026');
    // Without a unit the API refuses, at the field.
    c.expectResponse({ status: 422, path: '/users', method: 'POST' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('承办单位账号必须指定所属单位').waitFor();
    await form.getByLabel('所属单位').selectOption({ label: '法制工作委员会（LAC）' });
    await checkA11y(c.page, 'directory: new unit account');
    const created = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/users' && r.request().method() === 'POST');
    await form.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    const row = c.page.getByRole('row', { name: /lac-liaison/ });
    await expect(row.textContent()).resolves.toContain('法制工作委员会');
    const login = await c.t.http.post('/auth/login').send({ username: 'lac-liaison', password: 'Fagong-Liaison-2026' }).expect(200);
    const me = await c.t.http.get('/auth/me').set(bearer((login.body as { accessToken: string }).accessToken)).expect(200);
    expect(me.body).toMatchObject({ role: 'unit', unitCode: 'LAC' });
    await c.expectNoErrors();
  });
});
