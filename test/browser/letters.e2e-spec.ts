import { readFileSync } from 'node:fs';
import { expect, it } from '@jest/globals';
import { DOCX_READER, readDocx } from '../support/docx-reader.js';
import { bearer } from '../support/factories.js';
import { caseAction } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

interface Template {
  kind: string;
  version: number;
  body: string;
}

/**
 * Issue 15 §4 in the console: an admin edits the 受理告知书's wording on 公文模板 with the API's preview (and
 * sees an unknown placeholder refused in words); the secretary prints the petitioner's 受理告知书 from the case
 * page — the downloaded .docx carries the new wording — and sees the 转送函 sent to the unit under 通知送达.
 */
describeBrowser('the console: letter templates and letters on the case page', () => {
  const c = useConsole();
  const ADDED = '如对办理结果不满意，可在收到答复之日起三十日内请求复查。';

  it('an admin edits a template with a preview; an unknown placeholder is refused naming it', async () => {
    await c.login('admin');
    // 办公设置 links the page (the admin's menu has no room for another entry).
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '办公设置', exact: true }).click();
    await c.page.getByRole('link', { name: '公文模板', exact: true }).click();
    await c.page.getByRole('heading', { name: '公文模板', level: 1 }).waitFor();
    await c.page.getByRole('heading', { name: '受理告知书', level: 2 }).waitFor();
    const preview = c.page.getByRole('region', { name: '预览（示例事项）' });
    await preview.getByText('人大信告〔2026〕1号').waitFor();
    await expect(preview.textContent()).resolves.toContain('张三：');
    await checkA11y(c.page, 'letter-templates');

    const body = c.page.getByLabel('正文（每行一段）');
    await body.fill(`${await body.inputValue()}\n${ADDED}`);
    await c.page.getByRole('button', { name: '预览', exact: true }).click();
    await preview.getByText(ADDED).waitFor();
    await c.page.getByRole('button', { name: '保存', exact: true }).click();
    await c.page.getByText(/第1版，系统管理员于/).waitFor();
    const saved = (await c.t.http.get('/letter-templates/acceptance-notice').set(bearer(await c.t.token('admin'))).expect(200)).body as Template;
    expect(saved).toMatchObject({ version: 1 });
    expect(saved.body.endsWith(ADDED)).toBe(true);

    // An unknown placeholder: the API's refusal, naming it, next to the buttons; nothing stored.
    c.expectResponse({ status: 422, path: '/letter-templates/acceptance-notice', method: 'PUT' });
    await body.fill(`${await body.inputValue()}\n身份证号：{{idNumber}}`);
    await c.page.getByRole('button', { name: '保存', exact: true }).click();
    await c.page.getByRole('alert').filter({ hasText: '模板中有不认识的占位符：{{idNumber}}。' }).waitFor();
    await checkA11y(c.page, 'letter-templates-refused');
    await screenshot(c.page, 'letter-templates');
    expect(((await c.t.http.get('/letter-templates/acceptance-notice').set(bearer(await c.t.token('admin'))).expect(200)).body as Template).version).toBe(1);
    await c.expectNoErrors();
  });

  it('the secretary prints the petitioner’s 受理告知书 and sees the notice to the unit', async () => {
    const token = await c.t.token('secretary');
    const created = await c.t.http
      .post('/cases')
      .set(bearer(token))
      .send({ channel: 'letter', receivedAt: '2026-11-25T09:30:00+08:00', petitioner: { name: '赵小兰', phone: '13972651234' }, headcount: 1, subject: '小区供暖不热', content: '入冬以来室温不足十五度，多次反映无果。', category: 'urban-construction', region: '茅箭区' })
      .expect(201);
    const { id, code } = created.body as { id: string; code: string };
    await caseAction(c.t, token, id, { action: 'accept' });
    await caseAction(c.t, token, id, { action: 'transfer', handledBy: 'HOUSING' });
    await c.t.relay.drain();

    await c.login('secretary');
    await c.page.goto(c.url(`/console/cases/${id}`));
    await c.page.getByRole('heading', { name: `信访事项 ${code}` }).waitFor();
    const panel = c.page.getByRole('region', { name: '公文' });
    await panel.getByText('已发送').waitFor();
    const [download] = await Promise.all([c.page.waitForEvent('download'), panel.getByRole('button', { name: '生成并下载受理告知书' }).click()]);
    const number = /人大信告〔2026〕\d+号/.exec(download.suggestedFilename())?.[0];
    expect(download.suggestedFilename()).toBe(`受理告知书${number}.docx`);
    await panel.getByRole('row', { name: new RegExp(`受理告知书.*${number}`) }).waitFor();
    if (DOCX_READER) {
      const text = readDocx(readFileSync(await download.path())).paragraphs.join('\n');
      expect(text).toContain('赵小兰：');
      expect(text).toContain(code);
      expect(text).toContain(ADDED);
      expect(text).not.toMatch(/1[3-9]\d{9}/);
    }
    const letters = (await c.t.http.get(`/cases/${id}/letters`).set(bearer(token)).expect(200)).body as { items: { kind: string; number: string }[] };
    // Both made at the test clock's one instant (the 转送函 by the notice job, which on Bull may run after the print): any order.
    expect(letters.items.map((l) => l.kind).sort()).toEqual(['acceptance-notice', 'transfer-letter']);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(c.page, 'case-letters');
    await checkA11y(c.page, 'case-letters');
    await c.expectNoErrors();
  });
});
